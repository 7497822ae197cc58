//! `has-session` (`has`): exit status 0 if the session exists, 1 if not.

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "has-session",
    alias: Some("has"),
    flags: "t:",
    max_args: 0,
    exec,
};

/// Runs has-session; like tmux it names a missing session on standard error.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    target::session_or_current(state, ctx.client, args.value('t'))?;
    Ok(Outcome::Done)
}
