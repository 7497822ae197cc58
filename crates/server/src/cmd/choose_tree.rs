//! `choose-tree`: a list of sessions, windows and panes in place of the window; Enter
//! switches to the chosen one (`-s` starts with sessions only, `-w` with windows).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{ChooseItem, Chooser, Mode, Preview};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "choose-tree",
    alias: None,
    flags: "F:f:GK:NO:rst:wZ",
    usage: "[-GNrswZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs choose-tree for the current client (from a shell in a pane, the latest client of
/// that session).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, None)?;
    let current = state
        .clients
        .get(&client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let mut items = Vec::new();
    let mut selected = 0;
    let mut sessions: Vec<_> = state.sessions.iter().collect();
    sessions.sort_by(|a, b| a.name.cmp(&b.name));
    for s in sessions {
        let attached = state.clients.values().any(|c| c.session == Some(s.id));
        if s.id == current {
            selected = items.len();
        }
        items.push(ChooseItem {
            label: format!(
                "({}) - {}: {} windows{}",
                items.len(),
                s.name,
                s.windows.len(),
                if attached { " (attached)" } else { "" }
            ),
            command: format!("switch-client -t '${}'", s.id.0),
            ..ChooseItem::default()
        });
        if args.has('s') {
            continue;
        }
        for w in &s.windows {
            if s.id == current && w.id == s.current {
                selected = items.len();
            }
            let marked = state
                .marked_pane()
                .is_some_and(|p| w.layout.rect(p).is_some());
            let flags = w.flags(w.id == s.current, s.last_window() == Some(w.id), marked);
            items.push(ChooseItem {
                label: format!(
                    "({})   - {}: {}{} ({} panes)",
                    items.len(),
                    w.index,
                    w.name,
                    flags,
                    w.layout.len()
                ),
                command: format!("switch-client -t '@{}'", w.id.0),
                preview: Preview::Pane(w.active),
                ..ChooseItem::default()
            });
            if w.layout.len() < 2 {
                continue;
            }
            for (i, pane) in w.panes().into_iter().enumerate() {
                let title = state
                    .panes
                    .get(&pane)
                    .map(|p| p.title().to_string())
                    .unwrap_or_default();
                items.push(ChooseItem {
                    label: format!("({})     - {i}: %{} \"{title}\"", items.len(), pane.0),
                    command: format!(
                        "switch-client -t '@{}' ; select-pane -t '%{}'",
                        w.id.0, pane.0
                    ),
                    preview: Preview::Pane(pane),
                    ..ChooseItem::default()
                });
            }
        }
    }
    if let Some(c) = state.clients.get_mut(&client) {
        c.mode = Mode::Choose(Chooser {
            items,
            selected,
            ..Chooser::default()
        });
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::ClientId;
    use crate::testing::Harness;

    /// Session `work` (window 0 split in two, window 1 `two` current) and session `other`,
    /// with a client of 50x12 attached to `work`.
    fn tree() -> (Harness, ClientId) {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 50, 30);
        h.ok("split-window -h");
        h.ok("new-window -n two");
        h.ok("new-session -d -s other");
        (h, c)
    }

    #[test]
    fn choose_tree_lists_sessions_windows_and_panes_with_the_current_window_selected() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w");
        let screen = h.screen(c);
        assert_eq!(
            screen[..8],
            [
                "(0) - other: 1 windows",
                "(1)   - 0: sh* (1 panes)",
                "(2) - work: 2 windows (attached)",
                "(3)   - 0: sh- (2 panes)",
                "(4)     - 0: %0 \"testhost\"",
                "(5)     - 1: %1 \"testhost\"",
                "(6)   - 1: two* (1 panes)",
                "",
            ]
        );
        assert_eq!(h.reversed_lines(c), ["(6)   - 1: two* (1 panes)"]);
    }

    #[test]
    fn choose_tree_moves_with_the_arrows_and_enter_switches_to_the_chosen_pane() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w");
        h.keys(c, "Up Up");
        assert_eq!(h.reversed_lines(c), ["(4)     - 0: %0 \"testhost\""]);
        h.keys(c, "Enter");
        assert_eq!(
            h.ok("display-message -p '#{session_name}:#{window_index} #{pane_id}'"),
            "work:0 %0\n"
        );
        assert!(h.status_line(c).starts_with("[work] 0:sh* 1:two-"));
    }

    #[test]
    fn choose_tree_enter_on_a_session_switches_the_client_to_it() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w");
        h.keys(c, "0");
        assert!(h.status_line(c).starts_with("[other] 0:sh*"));
        assert_eq!(h.ok("list-clients -F '#{client_session}'"), "other\n");
    }

    #[test]
    fn choose_tree_s_lists_only_the_sessions() {
        let (mut h, c) = tree();
        h.keys(c, "C-b s");
        let screen = h.screen(c);
        assert_eq!(
            screen[..3],
            [
                "(0) - other: 1 windows",
                "(1) - work: 2 windows (attached)",
                ""
            ]
        );
        assert_eq!(h.reversed_lines(c), ["(1) - work: 2 windows (attached)"]);
        h.keys(c, "Down Enter");
        assert!(h.status_line(c).starts_with("[other] "));
    }

    #[test]
    fn choose_tree_is_left_with_q_or_escape_without_switching() {
        let (mut h, c) = tree();
        for key in ["q", "Escape"] {
            h.keys(c, "C-b w Up");
            h.keys(c, key);
            assert!(h.reversed_lines(c).is_empty());
            assert_eq!(h.ok("display-message -p '#{window_index}'"), "1\n");
            assert!(h.status_line(c).starts_with("[work] "));
        }
    }

    #[test]
    fn choose_tree_fails_without_an_attached_client() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("choose-tree"), "no current client");
    }

    #[test]
    fn choose_tree_from_a_shell_in_a_pane_opens_on_that_sessions_client() {
        let (mut h, c) = tree();
        let reply = h.run_in_pane(crate::ids::PaneId(2), "choose-tree -s");
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(h.reversed_lines(c), ["(1) - work: 2 windows (attached)"]);
    }
}
