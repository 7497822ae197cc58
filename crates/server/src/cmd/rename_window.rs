//! `rename-window` (`renamew`): name a window; automatic-rename stops for it.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rename-window",
    alias: Some("renamew"),
    flags: "t:",
    usage: "[-t target-window] new-name",
    args: (1, 1),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs rename-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args
        .positional
        .first()
        .ok_or("command rename-window: too few arguments (need at least 1)")?;
    let found = ctx.target()?;
    let w = state
        .window_mut(found.session, found.window)
        .ok_or("no such window")?;
    w.name = name.clone();
    w.auto_name = false;
    state.mark_session_dirty(found.session);
    Ok(Outcome::Done)
}
