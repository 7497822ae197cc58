//! `last-pane` (`lastp`): select the previously active pane of the window.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "last-pane",
    alias: Some("lastp"),
    flags: "det:Z",
    usage: "[-deZ] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs last-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let last = state
        .window(found.session, found.window)
        .and_then(|w| w.last_pane)
        .ok_or("no last pane")?;
    super::select_pane::select(state, found.session, found.window, last, args.has('Z'));
    Ok(Outcome::Done)
}
