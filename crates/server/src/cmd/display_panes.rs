//! `display-panes` (`displayp`): show each pane's number; typing one selects that pane.

use std::time::Duration;

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::Mode;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "display-panes",
    alias: Some("displayp"),
    flags: "bd:Nt:",
    usage: "[-bN] [-d duration] [-t target-client] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs display-panes for display-panes-time milliseconds (or `-d`).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let sid = state
        .clients
        .get(&ctx.client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let ms = match args.value('d') {
        Some(d) => d
            .parse::<u64>()
            .map_err(|_| format!("invalid duration: {d}"))?,
        None => state
            .options
            .session(sid, "display-panes-time")
            .as_number()
            .max(1) as u64,
    };
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        c.mode = Mode::PaneNumbers(state.os.now() + Duration::from_millis(ms.max(1)));
        c.dirty = true;
    }
    Ok(Outcome::Done)
}
