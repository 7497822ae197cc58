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

/// Runs rotate-window. As in tmux, the active place stays: the pane that moves into the
/// active pane's place becomes active.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let w = state
        .window_mut(f.session, f.window)
        .ok_or("no such window")?;
    let place = w.pane_position(w.active).unwrap_or(0);
    w.layout.rotate(!args.has('D'));
    if let Some(&pane) = w.panes().get(place) {
        w.select_pane(pane);
    }
    w.zoomed &= args.has('Z');
    ops::sync_window(state, f.session, f.window);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session whose window has panes %0 (left, 40x24), %1 (top right, 39x12) and
    /// %2 (bottom right, 39x11), with %0 active.
    fn three_panes() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window -v");
        h.ok("select-pane -t %0");
        h
    }

    /// Returns the current window's panes in index order as `%id:WxH`, `*` marking the
    /// active one.
    fn panes(h: &mut Harness) -> Vec<String> {
        let out = h.ok("list-panes -F '#{pane_id}:#{pane_width}x#{pane_height}#{?pane_active,*,}'");
        out.lines().map(String::from).collect()
    }

    #[test]
    fn panes_move_up_a_place_and_the_active_place_stays_active() {
        // tmux 3.3a gives the same places and active pane.
        let mut h = three_panes();
        h.ok("rotate-window");
        assert_eq!(panes(&mut h), ["%1:40x24*", "%2:39x12", "%0:39x11"]);
        h.ok("rotatew -U");
        assert_eq!(panes(&mut h), ["%2:40x24*", "%0:39x12", "%1:39x11"]);
        let size = h.fake.pane(PaneId(0)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size, Some((39, 12)));
    }

    #[test]
    fn down_moves_the_panes_down_a_place() {
        let mut h = three_panes();
        h.ok("select-pane -t %1");
        h.ok("rotate-window -D");
        assert_eq!(panes(&mut h), ["%2:40x24", "%0:39x12*", "%1:39x11"]);
    }

    #[test]
    fn rotating_unzooms_unless_asked_to_keep_the_zoom() {
        let mut h = three_panes();
        h.ok("resize-pane -Z");
        h.ok("rotate-window");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
        h.ok("resize-pane -Z");
        h.ok("rotate-window -Z");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "1\n");
        assert_eq!(panes(&mut h)[0], "%2:80x24*");
    }

    #[test]
    fn a_missing_window_is_an_error() {
        let mut h = three_panes();
        assert_eq!(
            h.err("rotate-window -t nosuch"),
            "can't find window: nosuch"
        );
        assert_eq!(panes(&mut h), ["%0:40x24*", "%1:39x12", "%2:39x11"]);
    }
}
