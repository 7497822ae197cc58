//! `choose-client`: a list of attached clients; Enter detaches the chosen one (`C-b D`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{ChooseItem, Chooser, Mode};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "choose-client",
    alias: None,
    flags: "F:f:K:NO:rt:Z",
    usage:
        "[-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs choose-client for the current client (from a shell in a pane, the latest client of
/// that session).
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let chooser = super::detach_client::target_client(state, ctx, None)?;
    let mut items = Vec::new();
    for c in state.clients.values() {
        let Some(sid) = c.session else { continue };
        let session = state
            .session(sid)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let size = c.size();
        items.push(ChooseItem {
            label: format!(
                "- {}: session {} [{}x{}]",
                c.name(),
                session,
                size.cols,
                size.rows
            ),
            command: format!("detach-client -t '{}'", c.name()),
            key: c.name(),
            ..ChooseItem::default()
        });
    }
    if let Some(c) = state.clients.get_mut(&chooser) {
        c.mode = Mode::Choose(Chooser {
            items,
            ..Chooser::default()
        });
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn choose_client_lists_the_attached_clients_and_enter_detaches_the_chosen_one() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 50, 12);
        let b = h.attach("attach -t other", 60, 20);
        h.keys(a, "C-b D");
        let screen = h.screen(a);
        assert_eq!(
            screen[..3],
            [
                format!("(0) - client-{}: session work [50x12]", a.0),
                format!("(1) - client-{}: session other [60x20]", b.0),
                String::new(),
            ]
        );
        assert_eq!(h.reversed_lines(a).len(), 1);
        assert!(h.reversed_lines(a)[0].starts_with("(0) "));
        h.keys(a, "Down Enter");
        assert_eq!(
            h.detaches(b),
            [("[detached (from session other)]".to_string(), 0)]
        );
        assert!(h.is_attached(a));
        assert!(h.status_line(a).starts_with("[work] "), "the list closed");
    }

    #[test]
    fn choose_client_is_left_with_q_without_detaching_anyone() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 50, 12);
        h.keys(a, "C-b D q");
        assert!(h.is_attached(a));
        assert!(h.reversed_lines(a).is_empty());
    }

    #[test]
    fn choose_client_fails_without_an_attached_client() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("choose-client"), "no current client");
    }

    #[test]
    fn choose_client_from_a_shell_in_a_pane_opens_on_that_sessions_client() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 50, 12);
        let reply = h.run_in_pane(crate::ids::PaneId(0), "choose-client");
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(
            h.reversed_lines(a),
            [format!("(0) - client-{}: session work [50x12]", a.0)]
        );
    }
}
