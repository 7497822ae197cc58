//! `kill-pane` (`killp`): kill a pane (`-a`: every other pane of its window).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-pane",
    alias: Some("killp"),
    flags: "at:",
    usage: "[-a] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs kill-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if args.has('a') {
        let others: Vec<_> = state
            .window(found.session, found.window)
            .map(|w| w.panes().into_iter().filter(|p| *p != found.pane).collect())
            .unwrap_or_default();
        for p in others {
            ops::kill_pane(state, p);
        }
    } else {
        ops::kill_pane(state, found.pane);
    }
    Ok(Outcome::Done)
}
