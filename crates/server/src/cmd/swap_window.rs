//! `swap-window` (`swapw`): exchange the indexes of two windows of a session.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "swap-window",
    alias: Some("swapw"),
    flags: "ds:t:",
    usage: "[-d] [-s src-window] [-t dst-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::Window,
    exec,
};

/// Runs swap-window (both windows in one session).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = ctx.source_or_current(state)?;
    let dst = ctx.target()?;
    if src.session != dst.session {
        return Err("windows are in different sessions".into());
    }
    let s = state.session_mut(src.session).ok_or("no such session")?;
    let a = s
        .window(src.window)
        .map(|w| w.index)
        .ok_or("no such window")?;
    let b = s
        .window(dst.window)
        .map(|w| w.index)
        .ok_or("no such window")?;
    for w in s.windows.iter_mut() {
        if w.id == src.window {
            w.index = b;
        } else if w.id == dst.window {
            w.index = a;
        }
    }
    s.windows.sort_by_key(|w| w.index);
    if !args.has('d') {
        s.select(src.window);
    }
    state.mark_session_dirty(src.session);
    Ok(Outcome::Done)
}
