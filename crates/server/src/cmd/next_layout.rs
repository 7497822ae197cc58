//! `next-layout` (`nextl`): apply the next preset layout (`C-b Space`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "next-layout",
    alias: Some("nextl"),
    flags: "t:",
    usage: "[-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs next-layout.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    super::select_layout::step(state, ctx.target()?, false);
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
    fn the_presets_come_in_tmuxs_order_and_wrap() {
        // tmux 3.3a, three panes in 80x24, main-pane-width 50 and main-pane-height 10.
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("split-window");
        h.ok("setw main-pane-width 50");
        h.ok("setw main-pane-height 10");
        let expected = [
            ["26x24", "26x24", "26x24"],
            ["80x7", "80x7", "80x8"],
            ["80x10", "39x13", "40x13"],
            ["50x24", "29x11", "29x12"],
            ["39x11", "40x11", "80x12"],
            ["26x24", "26x24", "26x24"],
        ];
        for layout in expected {
            h.ok("next-layout");
            assert_eq!(sizes(&mut h), layout);
        }
    }

    #[test]
    fn the_space_key_applies_the_next_layout() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window -h");
        let c = h.attach("attach -t work", 80, 25);
        h.keys(c, "C-b Space");
        assert_eq!(sizes(&mut h), ["26x24", "26x24", "26x24"]);
        h.keys(c, "C-b Space");
        assert_eq!(sizes(&mut h), ["80x7", "80x7", "80x8"]);
    }

    #[test]
    fn a_missing_window_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("next-layout -t nosuch"), "can't find window: nosuch");
    }
}
