//! `start-server` (`start`): the client starts the server; the command itself does nothing.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "start-server",
    alias: Some("start"),
    flags: "",
    usage: "",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs start-server.
fn exec(_state: &mut State, _ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    Ok(Outcome::Done)
}
