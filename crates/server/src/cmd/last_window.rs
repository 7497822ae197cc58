//! `last-window` (`last`): select the previously current window.

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "last-window",
    alias: Some("last"),
    flags: "t:",
    max_args: 0,
    exec,
};

/// Runs last-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
    let last = state
        .session(sid)
        .and_then(|s| s.last_window())
        .ok_or("no last window")?;
    super::select_window::select(state, sid, last);
    Ok(Outcome::Done)
}
