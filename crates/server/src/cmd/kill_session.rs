//! `kill-session`: destroy a session, hang up its programs and detach its clients.

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-session",
    alias: None,
    flags: "at:",
    max_args: 0,
    exec,
};

/// Runs kill-session; `-a` kills every session but the target.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let id = target::session_or_current(state, ctx.client, args.value('t'))?;
    if args.has('a') {
        let others: Vec<_> = state
            .sessions
            .iter()
            .map(|s| s.id)
            .filter(|s| *s != id)
            .collect();
        for other in others {
            state.destroy_session(other, "[exited]");
        }
    } else {
        state.destroy_session(id, "[exited]");
    }
    Ok(Outcome::Done)
}
