//! `join-pane` (`joinp`): move a pane (`-s`) into another pane's window by splitting that
//! pane (`-t`), side by side with `-h`.

use super::{parse_size, target, Args, Ctx, Outcome, Spec};
use crate::model::layout::Split;
use crate::model::ops::{self, SplitSpec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "join-pane",
    alias: Some("joinp"),
    flags: "bdfhvl:p:s:t:",
    max_args: 0,
    exec,
};

/// Runs join-pane: `-s` is the pane to move (the current one by default), `-t` the pane to
/// split for it.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = target::pane(state, ctx.client, args.value('s'))?;
    let dst = target::pane(state, ctx.client, args.value('t'))?;
    let size = args.value('l').map(parse_size).transpose()?;
    let split = SplitSpec {
        dir: if args.has('h') {
            Split::Horizontal
        } else {
            Split::Vertical
        },
        size,
        before: args.has('b'),
        detached: args.has('d'),
    };
    ops::join_pane(state, src.pane, dst.pane, &split)?;
    if !args.has('d') {
        if let Some(s) = state.session_mut(dst.session) {
            s.select(dst.window);
        }
    }
    Ok(Outcome::Done)
}
