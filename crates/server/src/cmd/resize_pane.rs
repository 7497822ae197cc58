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
    let amount = match args.positional.first().map(|n| n.parse::<u32>()) {
        Some(Ok(0)) => return Err("adjustment too small".into()),
        Some(Ok(n)) => u16::try_from(n).unwrap_or(u16::MAX),
        Some(Err(_)) => return Err("adjustment invalid".into()),
        None => 1,
    };
    let (cols, rows) = state
        .window(sid, wid)
        .map(|w| w.layout.size())
        .unwrap_or((80, 24));
    let x = args
        .value('x')
        .map(|v| size_value(v, cols).map_err(|e| format!("width {e}")))
        .transpose()?;
    let y = args
        .value('y')
        .map(|v| size_value(v, rows).map_err(|e| format!("height {e}")))
        .transpose()?;
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

/// Parses a `-x`/`-y` value: cells (the layout keeps them to what fits), or a percentage of
/// the window. The error is what follows `width` or `height` in tmux's message.
fn size_value(v: &str, whole: u16) -> Result<u16, String> {
    match v.strip_suffix('%').map(str::parse::<u32>) {
        Some(Ok(p)) if p > 100 => Err("too large".into()),
        Some(Ok(p)) => Ok(u16::try_from(u32::from(whole) * p / 100).unwrap_or(u16::MAX)),
        Some(Err(_)) => Err("invalid".into()),
        None => v
            .parse::<u32>()
            .map(|n| u16::try_from(n).unwrap_or(u16::MAX))
            .map_err(|_| "invalid".into()),
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session whose window (80x24) has %0 (left, 40x24), %1 (top right, 39x12)
    /// and %2 (bottom right, 39x11).
    fn three_panes() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window -v");
        h
    }

    /// Returns the current window's panes as `WxH`, in index order.
    fn sizes(h: &mut Harness) -> Vec<String> {
        let out = h.ok("list-panes -F '#{pane_width}x#{pane_height}'");
        out.lines().map(String::from).collect()
    }

    /// Returns the size a pane's PTY was last given.
    fn pty(h: &Harness, pane: u32) -> Option<(u16, u16)> {
        h.fake.pane(PaneId(pane)).size.map(|s| (s.cols, s.rows))
    }

    // The sizes below are those tmux 3.3a gives for the same commands.

    #[test]
    fn borders_move_by_the_adjustment_or_by_one() {
        let mut h = three_panes();
        h.ok("resize-pane -t 0 -R 5");
        assert_eq!(sizes(&mut h), ["45x24", "34x12", "34x11"]);
        assert_eq!(pty(&h, 1), Some((34, 12)));
        h.ok("resize-pane -t 0 -L");
        assert_eq!(sizes(&mut h), ["44x24", "35x12", "35x11"]);
        h.ok("resizep -t 1 -D 3");
        assert_eq!(sizes(&mut h), ["44x24", "35x15", "35x8"]);
        h.ok("resize-pane -t 2 -U 2");
        assert_eq!(sizes(&mut h), ["44x24", "35x13", "35x10"]);
        assert_eq!(pty(&h, 2), Some((35, 10)));
    }

    #[test]
    fn a_border_stops_where_the_other_pane_would_vanish() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("resize-pane -t 0 -R 100");
        assert_eq!(sizes(&mut h), ["78x24", "1x24"]);
        // The last pane has no border on its right to move.
        h.ok("resize-pane -t 1 -R 5");
        assert_eq!(sizes(&mut h), ["78x24", "1x24"]);
    }

    #[test]
    fn width_and_height_set_the_size_in_cells_or_percent() {
        let mut h = three_panes();
        h.ok("resize-pane -t 0 -x 20");
        assert_eq!(sizes(&mut h), ["20x24", "59x12", "59x11"]);
        h.ok("resize-pane -t 1 -y 50%");
        assert_eq!(sizes(&mut h), ["20x24", "59x12", "59x11"]);
        h.ok("resize-pane -t 1 -y 4");
        assert_eq!(sizes(&mut h), ["20x24", "59x4", "59x19"]);
        assert_eq!(pty(&h, 2), Some((59, 19)));
    }

    #[test]
    fn zoom_fills_the_window_with_the_pane_and_toggles_back() {
        let mut h = three_panes();
        h.ok("resize-pane -Z -t 0");
        assert_eq!(
            h.ok("display -p '#{window_zoomed_flag} #{pane_index}'"),
            "1 0\n"
        );
        assert_eq!(pty(&h, 0), Some((80, 24)));
        h.ok("resize-pane -Z -t 0");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
        assert_eq!(pty(&h, 0), Some((40, 24)));
        // Resizing a zoomed window's pane unzooms it first.
        h.ok("resize-pane -Z");
        h.ok("resize-pane -t 0 -R 2");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
        assert_eq!(sizes(&mut h), ["42x24", "37x12", "37x11"]);
    }

    #[test]
    fn a_single_pane_is_not_zoomed() {
        let mut h = Harness::with_session();
        h.ok("resize-pane -Z");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
    }

    #[test]
    fn an_attached_client_shows_the_zoomed_pane_alone() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(0), "left pane text");
        h.keys(c, "C-b z");
        assert_eq!(
            h.ok("display -p '#{window_zoomed_flag} #{pane_id}'"),
            "1 %1\n"
        );
        h.keys(c, "C-b z C-b Left C-b z");
        assert_eq!(h.screen(c)[0], "left pane text");
        assert_eq!(pty(&h, 0), Some((40, 9)));
    }

    #[test]
    fn bad_sizes_and_targets_are_errors_worded_as_tmux_words_them() {
        let mut h = three_panes();
        assert_eq!(h.err("resize-pane -L x"), "adjustment invalid");
        assert_eq!(h.err("resize-pane -L 0"), "adjustment too small");
        assert_eq!(h.err("resize-pane -x foo"), "width invalid");
        assert_eq!(h.err("resize-pane -y foo"), "height invalid");
        assert_eq!(h.err("resize-pane -x 200%"), "width too large");
        assert_eq!(h.err("resize-pane -Z -t 9"), "can't find pane: 9");
        assert_eq!(sizes(&mut h), ["40x24", "39x12", "39x11"]);
    }
}
