//! `kill-window` (`killw`): kill a window and its panes (`-a`: every other window).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-window",
    alias: Some("killw"),
    flags: "at:",
    usage: "[-a] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs kill-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if args.has('a') {
        let others: Vec<_> = state
            .session(found.session)
            .map(|s| {
                s.windows
                    .iter()
                    .map(|w| w.id)
                    .filter(|w| *w != found.window)
                    .collect()
            })
            .unwrap_or_default();
        for w in others {
            ops::kill_window(state, found.session, w);
        }
    } else {
        ops::kill_window(state, found.session, found.window);
    }
    Ok(Outcome::Done)
}
