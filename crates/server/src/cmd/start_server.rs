//! `start-server` (`start`): the client starts the server; the command itself does nothing.

use super::{Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "start-server",
    alias: Some("start"),
    flags: "",
    max_args: 0,
    exec,
};

/// Runs start-server.
fn exec(_state: &mut State, _ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    Ok(Outcome::Done)
}
