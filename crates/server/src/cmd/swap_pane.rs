//! `swap-pane` (`swapp`): swap two panes (`-s` and `-t`), or the target with the previous
//! (`-U`) or next (`-D`) pane.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "swap-pane",
    alias: Some("swapp"),
    flags: "dDs:t:UZ",
    usage: "[-DdUZ] [-s src-pane] [-t dst-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::Pane,
    exec,
};

/// Runs swap-pane; both panes must be in one window (joining windows is join-pane's job).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let dst = ctx.target()?;
    let src = match ctx.source() {
        Some(s) => s,
        None => {
            let w = state
                .window(dst.session, dst.window)
                .ok_or("no such window")?;
            let panes = w.panes();
            let pos = w.pane_position(dst.pane).unwrap_or(0);
            let n = panes.len();
            let other = if args.has('D') {
                (pos + 1) % n
            } else {
                (pos + n - 1) % n
            };
            target::Found {
                pane: panes[other],
                ..dst
            }
        }
    };
    if (src.session, src.window) != (dst.session, dst.window) {
        return Err("panes are in different windows: use join-pane".into());
    }
    let w = state
        .window_mut(dst.session, dst.window)
        .ok_or("no such window")?;
    w.layout.swap(src.pane, dst.pane);
    w.zoomed &= args.has('Z');
    if !args.has('d') {
        w.select_pane(src.pane);
    }
    ops::sync_window(state, dst.session, dst.window);
    Ok(Outcome::Done)
}
