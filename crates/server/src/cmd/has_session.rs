//! `has-session` (`has`): exit status 0 if the session exists, 1 if not.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "has-session",
    alias: Some("has"),
    flags: "t:",
    usage: "[-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs has-session: the table has found the session (or, like tmux, named the missing
/// one on standard error).
fn exec(_state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    ctx.target()?;
    Ok(Outcome::Done)
}
