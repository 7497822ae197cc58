//! `kill-window` (`killw`): kill a window and its panes (`-a`: every other window).

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-window",
    alias: Some("killw"),
    flags: "at:",
    max_args: 0,
    exec,
};

/// Runs kill-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = target::window(state, ctx.client, args.value('t'))?;
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
