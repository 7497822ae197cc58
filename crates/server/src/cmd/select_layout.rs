//! `select-layout` (`selectl`): arrange a window's panes by a preset (`even-horizontal`,
//! `even-vertical`, `main-horizontal`, `main-vertical`, `tiled`), or spread them (`-E`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::ids::{SessionId, WindowId};
use crate::model::layout::Preset;
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "select-layout",
    alias: Some("selectl"),
    flags: "Enopt:",
    usage: "[-Enop] [-t target-pane] [layout-name]",
    args: (0, 1),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs select-layout.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    if args.has('E') {
        let w = state
            .window_mut(f.session, f.window)
            .ok_or("no such window")?;
        w.layout.spread();
        ops::sync_window(state, f.session, f.window);
        return Ok(Outcome::Done);
    }
    let current = state.window(f.session, f.window).and_then(|w| w.preset);
    let preset = match (args.positional.first(), args.has('n'), args.has('p')) {
        (Some(name), ..) => {
            Preset::from_name(name).ok_or_else(|| format!("unknown layout: {name}"))?
        }
        (None, true, _) => current.map(Preset::next).unwrap_or(Preset::ALL[0]),
        (None, _, true) => previous(current),
        _ => current.unwrap_or(Preset::ALL[0]),
    };
    apply(state, f.session, f.window, preset);
    Ok(Outcome::Done)
}

/// Applies the next preset after a window's last one (or, with `back`, the previous), as
/// next-layout and previous-layout do.
pub fn step(state: &mut State, f: super::target::Found, back: bool) {
    let current = state.window(f.session, f.window).and_then(|w| w.preset);
    let preset = if back {
        previous(current)
    } else {
        current.map(Preset::next).unwrap_or(Preset::ALL[0])
    };
    apply(state, f.session, f.window, preset);
}

/// Returns the preset before `current` in the cycle (the last when there is none).
fn previous(current: Option<Preset>) -> Preset {
    let all = Preset::ALL;
    let pos = current
        .and_then(|c| all.iter().position(|p| *p == c))
        .unwrap_or(0);
    all[(pos + all.len() - 1) % all.len()]
}

/// Applies a preset to a window with its main-pane sizes and resizes the panes.
pub fn apply(state: &mut State, sid: SessionId, wid: WindowId, preset: Preset) {
    let main_w = state
        .options
        .window(wid, "main-pane-width")
        .as_number()
        .clamp(1, 10000) as u16;
    let main_h = state
        .options
        .window(wid, "main-pane-height")
        .as_number()
        .clamp(1, 10000) as u16;
    if let Some(w) = state.window_mut(sid, wid) {
        w.layout.apply(preset, main_w, main_h);
        w.preset = Some(preset);
        w.zoomed = false;
    }
    ops::sync_window(state, sid, wid);
}
