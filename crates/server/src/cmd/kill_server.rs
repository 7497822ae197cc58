//! `kill-server`: end every session and the server.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-server",
    alias: None,
    flags: "",
    usage: "",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs kill-server: programs get SIGHUP, attached clients are told, the server exits.
fn exec(state: &mut State, _ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    state.shutdown("[server exited]");
    Ok(Outcome::Done)
}
