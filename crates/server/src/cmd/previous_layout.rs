//! `previous-layout` (`prevl`): apply the previous preset layout.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "previous-layout",
    alias: Some("prevl"),
    flags: "t:",
    usage: "[-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs previous-layout.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    super::select_layout::step(state, ctx.target()?, true);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    /// Returns the current window's panes as `WxH`, in index order.
    fn sizes(h: &mut Harness) -> Vec<String> {
        let out = h.ok("list-panes -F '#{pane_width}x#{pane_height}'");
        out.lines().map(String::from).collect()
    }

    #[test]
    fn the_presets_come_in_reverse_order_starting_from_tiled() {
        // tmux 3.3a, three panes in 80x24, main-pane-width 50 and main-pane-height 10.
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("split-window");
        h.ok("setw main-pane-width 50");
        h.ok("setw main-pane-height 10");
        let expected = [
            ["39x11", "40x11", "80x12"],
            ["50x24", "29x11", "29x12"],
            ["80x10", "39x13", "40x13"],
            ["80x7", "80x7", "80x8"],
            ["26x24", "26x24", "26x24"],
            ["39x11", "40x11", "80x12"],
        ];
        for layout in expected {
            h.ok("previous-layout");
            assert_eq!(sizes(&mut h), layout);
        }
    }

    #[test]
    fn a_missing_window_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("prevl -t nosuch"), "can't find window: nosuch");
    }
}
