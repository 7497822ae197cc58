//! `previous-window` (`prev`): select the previous window, wrapping (`-a`: with an alert).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "previous-window",
    alias: Some("prev"),
    flags: "at:",
    usage: "[-a] [-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs previous-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    super::next_window::step(state, ctx, args, true)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn previous_window_moves_back_and_wraps_to_the_last() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n b");
        h.ok("new-window -d -t 4 -n c");
        h.ok("previous-window");
        assert_eq!(h.window_list(""), ["0 sh -", "1 b", "4 c *"]);
        h.ok("prev");
        assert_eq!(h.window_list(""), ["0 sh", "1 b *", "4 c -"]);
    }

    #[test]
    fn with_a_single_window_there_is_no_previous_window() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("previous-window"), "no previous window");
        assert_eq!(h.err("previous-window -a"), "no previous window");
    }

    #[test]
    fn alert_goes_back_to_the_nearest_window_with_activity() {
        let mut h = Harness::with_session();
        h.ok("set -g monitor-activity on");
        h.ok("new-window -d -n busy");
        h.ok("new-window -d -n idle");
        h.output(PaneId(1), "working");
        assert_eq!(h.window_list(""), ["0 sh *", "1 busy #", "2 idle"]);
        h.ok("previous-window -a");
        assert_eq!(h.window_list(""), ["0 sh -", "1 busy *", "2 idle"]);
    }
}
