//! `rename-session` (`rename`): rename a session.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rename-session",
    alias: Some("rename"),
    flags: "t:",
    usage: "[-t target-session] new-name",
    args: (1, 1),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs rename-session; `.` and `:` become `_` as in new-session.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args
        .positional
        .first()
        .ok_or("command rename-session: too few arguments (need at least 1)")?;
    let name = name.replace([':', '.'], "_");
    if name.is_empty() {
        return Err(format!("bad session name: {name}"));
    }
    let sid = ctx.target()?.session;
    if state.sessions.iter().any(|s| s.name == name && s.id != sid) {
        return Err(format!("duplicate session: {name}"));
    }
    if let Some(s) = state.session_mut(sid) {
        s.name = name;
    }
    state.mark_session_dirty(sid);
    Ok(Outcome::Done)
}
