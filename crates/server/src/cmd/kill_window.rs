//! `kill-window` (`killw`): kill a window and its panes (`-a`: every other window).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-window",
    alias: Some("killw"),
    flags: "at:",
    usage: "[-a] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs kill-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if args.has('a') {
        let others: Vec<_> = state
            .session(found.session)
            .map(|s| {
                s.windows
                    .iter()
                    .map(|w| w.id)
                    .filter(|w| *w != found.window)
                    .collect()
            })
            .unwrap_or_default();
        for w in others {
            ops::kill_window(state, found.session, w);
        }
    } else {
        ops::kill_window(state, found.session, found.window);
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// The windows of session `work` as `index:name:flags`, one per line.
    fn windows(h: &mut Harness) -> String {
        h.ok("list-windows -t work -F '#{window_index}:#{window_name}:#{window_flags}'")
    }

    #[test]
    fn kill_window_kills_the_target_window_and_hangs_up_its_panes() {
        let mut h = Harness::with_session();
        h.ok("new-window -n two");
        h.ok("split-window");
        h.ok("new-window -d -n three");
        h.ok("kill-window -t work:1");
        assert_eq!(windows(&mut h), "0:sh:*\n2:three:\n");
        assert!(h.fake.pane(PaneId(1)).hung_up);
        assert!(h.fake.pane(PaneId(2)).hung_up);
        assert!(!h.fake.pane(PaneId(3)).hung_up);
        assert_eq!(h.panes(), [PaneId(0), PaneId(3)]);
    }

    #[test]
    fn kill_window_without_a_target_kills_the_current_window() {
        let mut h = Harness::with_session();
        h.ok("new-window -n two");
        h.ok("killw");
        assert_eq!(windows(&mut h), "0:sh:*\n");
    }

    #[test]
    fn kill_window_of_the_current_window_makes_a_never_selected_window_current() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("new-window -d -n two");
        h.ok("kill-window -t :0");
        assert_eq!(windows(&mut h), "1:two:*\n");
        assert_eq!(h.ok("display-message -p '#{pane_id}'"), "%1\n");
        h.output(PaneId(1), "still here");
        assert!(h.shows(c, "still here"));
    }

    #[test]
    fn kill_window_a_kills_every_other_window_of_the_session() {
        let mut h = Harness::with_session();
        h.ok("new-window -n two");
        h.ok("new-window -n three");
        h.ok("new-session -d -s other");
        h.ok("kill-window -a -t work:1");
        assert_eq!(windows(&mut h), "1:two:*\n");
        assert_eq!(h.panes(), [PaneId(1), PaneId(3)], "other's pane is kept");
    }

    #[test]
    fn kill_window_of_the_last_window_ends_its_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let c = h.attach("attach -t work", 80, 24);
        h.ok("kill-window -t work:0");
        assert_eq!(h.ok("list-sessions -F '#{session_name}'"), "other\n");
        assert_eq!(h.detaches(c), [("[exited]".to_string(), 0)]);
    }

    #[test]
    fn kill_window_of_a_missing_window_fails() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("kill-window -t @9"), "can't find window: @9");
        assert_eq!(
            h.err("kill-window -t nosuch:1"),
            "can't find session: nosuch"
        );
        assert_eq!(windows(&mut h), "0:sh:*\n");
    }
}
