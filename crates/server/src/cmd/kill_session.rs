//! `kill-session`: destroy a session, hang up its programs and detach its clients.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-session",
    alias: None,
    flags: "at:",
    usage: "[-a] [-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs kill-session; `-a` kills every session but the target.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let id = ctx.target()?.session;
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
