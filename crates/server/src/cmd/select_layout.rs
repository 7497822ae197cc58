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
    target: Target::Pane,
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
            Preset::from_name(name).ok_or_else(|| format!("invalid layout: {name}"))?
        }
        (None, true, _) => current.map(Preset::next).unwrap_or(Preset::ALL[0]),
        (None, _, true) => previous(current),
        // Without a name the last preset is applied again; with none yet, nothing changes.
        _ => match current {
            Some(preset) => preset,
            None => return Ok(Outcome::Done),
        },
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

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session whose window (80x24) has three panes stacked by two splits.
    fn three_panes() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("split-window");
        h
    }

    /// Returns the current window's panes as `left,top:WxH`, in index order.
    fn places(h: &mut Harness) -> Vec<String> {
        let out = h.ok("list-panes -F '#{pane_left},#{pane_top}:#{pane_width}x#{pane_height}'");
        out.lines().map(String::from).collect()
    }

    // The places below are those tmux 3.3a gives the same three panes.

    #[test]
    fn even_layouts_share_the_window_and_the_last_pane_gets_what_is_left() {
        let mut h = three_panes();
        h.ok("select-layout even-horizontal");
        assert_eq!(places(&mut h), ["0,0:26x24", "27,0:26x24", "54,0:26x24"]);
        h.ok("selectl even-vertical");
        assert_eq!(places(&mut h), ["0,0:80x7", "0,8:80x7", "0,16:80x8"]);
        let pty = h.fake.pane(PaneId(2)).size.map(|s| (s.cols, s.rows));
        assert_eq!(pty, Some((80, 8)));
    }

    #[test]
    fn main_layouts_use_the_main_pane_options() {
        let mut h = three_panes();
        h.ok("setw main-pane-width 50");
        h.ok("select-layout main-vertical");
        assert_eq!(places(&mut h), ["0,0:50x24", "51,0:29x11", "51,12:29x12"]);
        h.ok("setw main-pane-height 10");
        h.ok("select-layout main-horizontal");
        assert_eq!(places(&mut h), ["0,0:80x10", "0,11:39x13", "40,11:40x13"]);
    }

    #[test]
    fn tiled_makes_a_grid() {
        let mut h = three_panes();
        h.ok("select-layout tiled");
        assert_eq!(places(&mut h), ["0,0:39x11", "40,0:40x11", "0,12:80x12"]);
    }

    #[test]
    fn without_a_name_the_last_layout_is_applied_again() {
        let mut h = three_panes();
        let split = places(&mut h);
        h.ok("select-layout");
        assert_eq!(places(&mut h), split);
        h.ok("select-layout even-vertical");
        h.ok("resize-pane -t 0 -y 3");
        h.ok("select-layout");
        assert_eq!(places(&mut h), ["0,0:80x7", "0,8:80x7", "0,16:80x8"]);
    }

    #[test]
    fn next_and_previous_flags_step_through_the_presets() {
        let mut h = three_panes();
        h.ok("select-layout -n");
        assert_eq!(places(&mut h), ["0,0:26x24", "27,0:26x24", "54,0:26x24"]);
        h.ok("select-layout -n");
        assert_eq!(places(&mut h), ["0,0:80x7", "0,8:80x7", "0,16:80x8"]);
        h.ok("select-layout -p");
        assert_eq!(places(&mut h), ["0,0:26x24", "27,0:26x24", "54,0:26x24"]);
    }

    #[test]
    fn spread_evens_out_the_panes_without_changing_the_arrangement() {
        let mut h = three_panes();
        h.ok("resize-pane -t 0 -y 3");
        assert_eq!(places(&mut h), ["0,0:80x3", "0,4:80x14", "0,19:80x5"]);
        h.ok("select-layout -E");
        assert_eq!(places(&mut h), ["0,0:80x7", "0,8:80x7", "0,16:80x8"]);
    }

    #[test]
    fn a_layout_unzooms_the_window_and_applies_to_the_target() {
        let mut h = three_panes();
        h.ok("new-window -d");
        h.ok("resize-pane -Z");
        h.ok("select-layout -t work:0 even-horizontal");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
        assert_eq!(places(&mut h)[0], "0,0:26x24");
        assert_eq!(h.pane_sizes("work:1"), ["0 80x24*"]);
    }

    #[test]
    fn unknown_layouts_and_targets_are_errors() {
        let mut h = three_panes();
        let before = places(&mut h);
        assert_eq!(h.err("select-layout nope"), "invalid layout: nope");
        assert_eq!(
            h.err("select-layout -t nosuch tiled"),
            "can't find pane: nosuch"
        );
        assert_eq!(places(&mut h), before);
    }
}
