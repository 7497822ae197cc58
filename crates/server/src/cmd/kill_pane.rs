//! `kill-pane` (`killp`): kill a pane (`-a`: every other pane of its window).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-pane",
    alias: Some("killp"),
    flags: "at:",
    usage: "[-a] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs kill-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if args.has('a') {
        let others: Vec<_> = state
            .window(found.session, found.window)
            .map(|w| w.panes().into_iter().filter(|p| *p != found.pane).collect())
            .unwrap_or_default();
        for p in others {
            ops::kill_pane(state, p);
        }
    } else {
        ops::kill_pane(state, found.pane);
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// The panes of the current window as `id:active:WxH`, one per line.
    fn panes(h: &mut Harness) -> String {
        h.ok("list-panes -F '#{pane_id}:#{pane_active}:#{pane_width}x#{pane_height}'")
    }

    #[test]
    fn kill_pane_kills_the_active_pane_and_gives_its_space_back() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        assert_eq!(panes(&mut h), "%0:0:40x24\n%1:1:39x24\n");
        h.ok("kill-pane");
        assert_eq!(panes(&mut h), "%0:1:80x24\n");
        assert!(h.fake.pane(PaneId(1)).hung_up);
        assert!(!h.fake.pane(PaneId(0)).hung_up);
        assert_eq!(h.panes(), [PaneId(0)]);
    }

    #[test]
    fn kill_pane_t_kills_the_named_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("killp -t %0");
        assert_eq!(panes(&mut h), "%1:1:80x24\n");
        assert!(h.fake.pane(PaneId(0)).hung_up);
    }

    #[test]
    fn kill_pane_a_kills_every_other_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window");
        h.ok("new-window -d");
        h.ok("kill-pane -a -t %1");
        assert_eq!(panes(&mut h), "%1:1:80x24\n");
        assert!(h.fake.pane(PaneId(0)).hung_up);
        assert!(h.fake.pane(PaneId(2)).hung_up);
        assert!(
            !h.fake.pane(PaneId(3)).hung_up,
            "another window's pane is kept"
        );
    }

    #[test]
    fn kill_pane_of_the_last_pane_kills_its_window() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("kill-pane -t %1");
        assert_eq!(h.ok("list-windows -F '#{window_index}'"), "0\n");
        h.ok("kill-pane");
        assert_eq!(h.state.exit, Some(0), "and the last window its session");
    }

    #[test]
    fn kill_pane_of_a_missing_pane_fails() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("kill-pane -t %9"), "can't find pane: %9");
        assert_eq!(h.panes(), [PaneId(0)]);
    }
}
