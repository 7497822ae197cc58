//! `send-prefix`: send the prefix key to the active pane (bound to `C-b C-b`).

use super::{Args, Ctx, Outcome, Spec};
use crate::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "send-prefix",
    alias: None,
    flags: "",
    max_args: 0,
    exec,
};

/// Runs send-prefix for the client that pressed it.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let attached = state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_some());
    if !attached {
        return Err("no current client".into());
    }
    crate::keys::send_key(state, ctx.client, crate::keys::PREFIX);
    Ok(Outcome::Done)
}
