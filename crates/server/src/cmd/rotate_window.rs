//! `rotate-window` (`rotatew`): move every pane one place on (`-D`) or back (`-U`, default).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rotate-window",
    alias: Some("rotatew"),
    flags: "Dt:UZ",
    usage: "[-DUZ] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs rotate-window; the active pane stays the same program, now in its new place.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let w = state
        .window_mut(f.session, f.window)
        .ok_or("no such window")?;
    w.layout.rotate(!args.has('D'));
    w.zoomed &= args.has('Z');
    ops::sync_window(state, f.session, f.window);
    Ok(Outcome::Done)
}
