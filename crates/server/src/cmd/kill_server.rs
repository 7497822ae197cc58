//! `kill-server`: end every session and the server.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-server",
    alias: None,
    flags: "",
    usage: "",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs kill-server: programs get SIGHUP, attached clients are told, the server exits.
fn exec(state: &mut State, _ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    state.shutdown("[server exited]");
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn kill_server_hangs_up_every_pane_detaches_clients_and_exits() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-session -d -s other");
        let c = h.attach("attach -t work", 80, 24);
        assert_eq!(h.ok("kill-server"), "");
        for id in 0..3 {
            assert!(h.fake.pane(PaneId(id)).hung_up, "%{id} was not hung up");
        }
        assert!(h.state.panes.is_empty());
        assert!(h.state.sessions.is_empty());
        assert_eq!(h.detaches(c), [("[server exited]".to_string(), 1)]);
        assert_eq!(h.state.exit, Some(0));
    }

    #[test]
    fn kill_server_from_a_key_binding_tells_the_client_that_pressed_it() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        h.ok("bind-key K kill-server");
        h.keys(c, "C-b K");
        assert_eq!(h.detaches(c), [("[server exited]".to_string(), 1)]);
        assert!(h.fake.pane(PaneId(0)).hung_up);
        assert_eq!(h.state.exit, Some(0));
    }
}
