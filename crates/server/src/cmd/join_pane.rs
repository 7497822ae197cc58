//! `join-pane` (`joinp`): move a pane (`-s`) into another pane's window by splitting that
//! pane (`-t`), side by side with `-h`.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops::{self};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "join-pane",
    alias: Some("joinp"),
    flags: "bdfhvl:p:s:t:",
    usage: "[-bdfhv] [-l size] [-p percentage] [-s src-pane] [-t dst-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::Pane,
    exec,
};

/// Runs join-pane: `-s` is the pane to move (the current one by default), `-t` the pane to
/// split for it.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = ctx.source_or_current(state)?;
    let dst = ctx.target()?;
    let split = super::split_window::split_spec(args)?;
    ops::join_pane(state, src.pane, dst.pane, &split)?;
    if !args.has('d') {
        if let Some(s) = state.session_mut(dst.session) {
            s.select(dst.window);
        }
    }
    Ok(Outcome::Done)
}
