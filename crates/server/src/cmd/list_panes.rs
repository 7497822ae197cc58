//! `list-panes` (`lsp`): one line per pane of a window, of a session (`-s`) or of every
//! session (`-a`).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-panes",
    alias: Some("lsp"),
    flags: "asF:f:t:",
    usage: "[-as] [-F format] [-f filter] [-t target-window]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line after the pane's position.
const FORMAT: &str = "[#{pane_width}x#{pane_height}] [history #{history_size}/#{history_limit}] \
#{pane_id}#{?pane_active, (active),}#{?pane_dead, (dead),}";

/// Runs list-panes.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let (windows, prefix) = if args.has('a') {
        let all = state
            .sessions
            .iter()
            .flat_map(|s| s.windows.iter().map(move |w| (s.id, w.id)))
            .collect();
        (all, "#{session_name}:#{window_index}.#{pane_index}: ")
    } else if args.has('s') {
        let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
        let all = state
            .session(sid)
            .map(|s| s.windows.iter().map(|w| (sid, w.id)).collect())
            .unwrap_or_default();
        (all, "#{window_index}.#{pane_index}: ")
    } else {
        let f = target::window(state, ctx.client, args.value('t'))?;
        (vec![(f.session, f.window)], "#{pane_index}: ")
    };
    let default = format!("{prefix}{FORMAT}");
    let fmt = args.value('F').unwrap_or(&default);
    let mut items = Vec::new();
    for (sid, wid) in windows {
        for pane in state
            .window(sid, wid)
            .map(|w| w.panes())
            .unwrap_or_default()
        {
            items.push(target::Found {
                session: sid,
                window: wid,
                pane,
            });
        }
    }
    super::print_list(state, ctx, &items, fmt, args.value('f'));
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    /// A server with session `work` (window 0 split side by side, window 1 current) and a
    /// session `other`.
    fn two_sessions() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("new-window");
        h.ok("new-session -d -s other");
        h
    }

    #[test]
    fn list_panes_prints_each_pane_of_the_window_with_its_size_and_history() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-panes -t work:0"),
            "0: [40x24] [history 0/2000] %0\n1: [39x24] [history 0/2000] %1 (active)\n"
        );
    }

    #[test]
    fn list_panes_counts_the_lines_that_scrolled_into_history() {
        let mut h = Harness::with_session();
        h.output(crate::ids::PaneId(0), &"line\r\n".repeat(30));
        assert_eq!(h.ok("lsp"), "0: [80x24] [history 7/2000] %0 (active)\n");
    }

    #[test]
    fn list_panes_s_lists_every_pane_of_the_session_by_window_and_pane_index() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-panes -s -t work -F '#{pane_id}'"),
            "%0\n%1\n%2\n"
        );
        let session = h.ok("list-panes -s -t work");
        let prefixes: Vec<&str> = session.lines().map(|l| &l[..5]).collect();
        assert_eq!(prefixes, ["0.0: ", "0.1: ", "1.0: "]);
    }

    #[test]
    fn list_panes_a_lists_every_pane_of_every_session() {
        let mut h = two_sessions();
        let all = h.ok("list-panes -a");
        let prefixes: Vec<&str> = all.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(
            prefixes,
            ["work:0.0:", "work:0.1:", "work:1.0:", "other:0.0:"]
        );
        assert!(all.ends_with("other:0.0: [80x24] [history 0/2000] %3 (active)\n"));
    }

    #[test]
    fn list_panes_filter_keeps_the_panes_it_is_true_for() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-panes -a -f '#{pane_active}' -F '#{pane_id}'"),
            "%1\n%2\n%3\n"
        );
        assert_eq!(
            h.ok("list-panes -t work:0 -f '#{==:#{pane_left},0}' -F '#{pane_id} #{pane_width}'"),
            "%0 40\n"
        );
    }

    #[test]
    fn list_panes_without_a_target_lists_the_current_window() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-panes -F '#{session_name} #{pane_id}'"),
            "other %3\n"
        );
        h.attach("attach -t work", 80, 24);
        h.ok("select-window -t work:0");
        assert_eq!(h.ok("list-panes -F '#{pane_id}'"), "%0\n%1\n");
    }

    #[test]
    fn list_panes_of_a_missing_window_fails() {
        let mut h = two_sessions();
        assert_eq!(h.err("list-panes -t nosuch"), "can't find window: nosuch");
        assert_eq!(h.err("list-panes -t @9"), "can't find window: @9");
    }
}
