//! `clear-history` (`clearhist`): drop a pane's scrollback.

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "clear-history",
    alias: Some("clearhist"),
    flags: "Ht:",
    max_args: 0,
    exec,
};

/// Runs clear-history.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = target::pane(state, ctx.client, args.value('t'))?;
    if let Some(p) = state.panes.get_mut(&f.pane) {
        p.term.clear_history();
    }
    Ok(Outcome::Done)
}
