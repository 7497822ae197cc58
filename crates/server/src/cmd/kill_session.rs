//! `kill-session`: destroy a session, hang up its programs and detach its clients.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-session",
    alias: None,
    flags: "at:",
    usage: "[-a] [-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs kill-session; `-a` kills every session but the target.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let id = ctx.target()?.session;
    if args.has('a') {
        let others: Vec<_> = state
            .sessions
            .iter()
            .map(|s| s.id)
            .filter(|s| *s != id)
            .collect();
        for other in others {
            state.destroy_session(other, "[exited]");
        }
    } else {
        state.destroy_session(id, "[exited]");
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn kill_session_hangs_up_its_panes_and_detaches_its_clients() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-session -d -s other");
        let c = h.attach("attach -t work", 80, 24);
        let watcher = h.attach("attach -t other", 80, 24);
        assert_eq!(h.ok("kill-session -t work"), "");
        assert_eq!(h.ok("list-sessions -F '#{session_name}'"), "other\n");
        assert!(h.fake.pane(PaneId(0)).hung_up);
        assert!(h.fake.pane(PaneId(1)).hung_up);
        assert!(!h.fake.pane(PaneId(2)).hung_up);
        assert_eq!(h.panes(), [PaneId(2)]);
        assert_eq!(h.detaches(c), [("[exited]".to_string(), 0)]);
        assert!(h.detaches(watcher).is_empty());
        assert_eq!(
            h.state.exit, None,
            "the server goes on while a session is left"
        );
    }

    #[test]
    fn kill_session_of_the_last_session_ends_the_server() {
        let mut h = Harness::with_session();
        h.ok("kill-session");
        assert!(h.fake.pane(PaneId(0)).hung_up);
        assert_eq!(h.state.exit, Some(0));
    }

    #[test]
    fn kill_session_a_kills_every_session_but_the_target() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s two");
        h.ok("new-session -d -s three");
        h.ok("kill-session -a -t two");
        assert_eq!(h.ok("list-sessions -F '#{session_name}'"), "two\n");
        assert_eq!(h.panes(), [PaneId(1)]);
        assert!(h.fake.pane(PaneId(0)).hung_up);
        assert!(h.fake.pane(PaneId(2)).hung_up);
    }

    #[test]
    fn kill_session_of_a_missing_session_fails_and_kills_nothing() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("kill-session -t nosuch"),
            "can't find session: nosuch"
        );
        assert_eq!(h.ok("list-sessions -F '#{session_name}'"), "work\n");
        assert!(!h.fake.pane(PaneId(0)).hung_up);
    }
}
