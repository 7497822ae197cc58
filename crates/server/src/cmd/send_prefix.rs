//! `send-prefix`: send the prefix key to the active pane (bound to `C-b C-b`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "send-prefix",
    alias: None,
    flags: "2t:",
    usage: "[-2] [-t target-pane]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs send-prefix for the client that pressed it.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let attached = state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_some());
    if !attached {
        return Err("no current client".into());
    }
    let sid = state
        .clients
        .get(&ctx.client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let name = if args.has('2') { "prefix2" } else { "prefix" };
    let text = state.options.session(sid, name).as_text();
    if let Some(key) = crate::config::keyname::parse_key(&text) {
        crate::model::keys::send_key(state, ctx.client, key);
    }
    Ok(Outcome::Done)
}
