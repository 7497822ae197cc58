//! `clear-history` (`clearhist`): drop a pane's scrollback.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "clear-history",
    alias: Some("clearhist"),
    flags: "Ht:",
    usage: "[-H] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs clear-history.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    if let Some(p) = state.panes.get_mut(&f.pane) {
        p.term.clear_history();
    }
    Ok(Outcome::Done)
}
