//! `resize-pane` (`resizep`): move a pane's borders (`-L -R -U -D [N]`), set its size
//! (`-x`, `-y`), or toggle zoom (`-Z`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::layout::Direction;
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "resize-pane",
    alias: Some("resizep"),
    flags: "DLMRTt:Ux:y:Z",
    usage: "[-DLMRTUZ] [-t target-pane] [-x width] [-y height] [adjustment]",
    args: (0, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs resize-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if args.has('M') {
        return super::mouse::drag_border(state, ctx);
    }
    let found = ctx.target()?;
    let (sid, wid) = (found.session, found.window);
    if args.has('Z') {
        let w = state.window_mut(sid, wid).ok_or("no such window")?;
        if w.layout.len() > 1 {
            w.select_pane(found.pane);
            w.zoomed = !w.zoomed;
        }
        ops::sync_window(state, sid, wid);
        return Ok(Outcome::Done);
    }
    let amount = match args.positional.first() {
        Some(n) => n
            .parse::<u16>()
            .map_err(|_| format!("adjustment is invalid: {n}"))?,
        None => 1,
    };
    let (cols, rows) = state
        .window(sid, wid)
        .map(|w| w.layout.size())
        .unwrap_or((80, 24));
    let x = args.value('x').map(|v| size_value(v, cols)).transpose()?;
    let y = args.value('y').map(|v| size_value(v, rows)).transpose()?;
    let w = state.window_mut(sid, wid).ok_or("no such window")?;
    w.zoomed = false;
    if x.is_some() || y.is_some() {
        w.layout.set_pane_size(found.pane, x, y);
    }
    for (flag, direction) in [
        ('L', Direction::Left),
        ('R', Direction::Right),
        ('U', Direction::Up),
        ('D', Direction::Down),
    ] {
        if args.has(flag) {
            w.layout.resize_pane(found.pane, direction, amount);
        }
    }
    ops::sync_window(state, sid, wid);
    Ok(Outcome::Done)
}

/// Parses a `-x`/`-y` value: cells, or a percentage of the window.
fn size_value(v: &str, whole: u16) -> Result<u16, String> {
    let bad = || format!("size is invalid: {v}");
    match v.strip_suffix('%') {
        Some(p) => p
            .parse::<u32>()
            .map(|p| u16::try_from(u32::from(whole) * p.min(100) / 100).unwrap_or(whole))
            .map_err(|_| bad()),
        None => v.parse::<u16>().map_err(|_| bad()),
    }
}
