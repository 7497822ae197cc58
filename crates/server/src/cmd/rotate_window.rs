//! `rotate-window` (`rotatew`): move every pane one place on (`-D`) or back (`-U`, default).

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rotate-window",
    alias: Some("rotatew"),
    flags: "Dt:UZ",
    max_args: 0,
    exec,
};

/// Runs rotate-window; the active pane stays the same program, now in its new place.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = target::window(state, ctx.client, args.value('t'))?;
    let w = state
        .window_mut(f.session, f.window)
        .ok_or("no such window")?;
    w.layout.rotate(!args.has('D'));
    w.zoomed &= args.has('Z');
    ops::sync_window(state, f.session, f.window);
    Ok(Outcome::Done)
}
