//! `list-windows` (`lsw`): one line per window of a session, or of every session (`-a`).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-windows",
    alias: Some("lsw"),
    flags: "aF:f:t:",
    usage: "[-a] [-F format] [-f filter] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line, less the layout string.
const FORMAT: &str = "#{window_index}: #{window_name}#{window_flags} (#{window_panes} panes) \
[#{window_width}x#{window_height}] #{window_id}#{?window_active, (active),}";

/// tmux's default line for `-a`: the session's name first, and no window id (tmux ends it
/// with the blank before the layout it leaves out there).
const ALL_FORMAT: &str = "#{session_name}:#{window_index}: #{window_name}#{window_flags} \
(#{window_panes} panes) [#{window_width}x#{window_height}] ";

/// Runs list-windows.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let sessions = if args.has('a') {
        state.sessions.iter().map(|s| s.id).collect()
    } else {
        vec![target::session_or_current(
            state,
            ctx.client,
            args.value('t'),
        )?]
    };
    let default = if args.has('a') { ALL_FORMAT } else { FORMAT };
    let fmt = args.value('F').unwrap_or(default);
    let mut items = Vec::new();
    for sid in sessions {
        if let Some(s) = state.session(sid) {
            items.extend(s.windows.iter().map(|w| target::Found {
                session: sid,
                window: w.id,
                pane: w.active,
            }));
        }
    }
    super::print_list(state, ctx, &items, fmt, args.value('f'));
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    /// A server with session `work` (window 0 split in two, window 1 `two` current) and a
    /// session `other`.
    fn two_sessions() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("new-window -n two");
        h.ok("new-session -d -s other");
        h
    }

    #[test]
    fn list_windows_prints_each_window_of_the_session_as_tmux_does() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-windows -t work"),
            "0: sh- (2 panes) [80x24] @0\n1: two* (1 panes) [80x24] @1 (active)\n"
        );
        assert_eq!(
            h.ok("lsw -t other"),
            "0: sh* (1 panes) [80x24] @2 (active)\n"
        );
    }

    #[test]
    fn list_windows_without_a_target_lists_the_most_recent_session() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-windows -F '#{session_name}:#{window_index}'"),
            "other:0\n"
        );
        h.attach("attach -t work", 80, 24);
        assert_eq!(
            h.ok("list-windows -F '#{session_name}:#{window_index}'"),
            "work:0\nwork:1\n"
        );
    }

    #[test]
    fn list_windows_a_lists_every_session_with_its_name_first() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-windows -a -F '#{session_name}:#{window_index}:#{window_name}'"),
            "work:0:sh\nwork:1:two\nother:0:sh\n"
        );
        assert_eq!(
            h.ok("list-windows -a"),
            "work:0: sh- (2 panes) [80x24] \n\
             work:1: two* (1 panes) [80x24] \n\
             other:0: sh* (1 panes) [80x24] \n"
        );
    }

    #[test]
    fn list_windows_filter_keeps_the_windows_it_is_true_for() {
        let mut h = two_sessions();
        assert_eq!(
            h.ok("list-windows -t work -f '#{window_active}' -F '#{window_name}'"),
            "two\n"
        );
        assert_eq!(
            h.ok("list-windows -a -f '#{==:#{window_panes},2}' -F '#{window_id}'"),
            "@0\n"
        );
        assert_eq!(h.ok("list-windows -f 0"), "");
    }

    #[test]
    fn list_windows_of_a_missing_session_fails() {
        let mut h = two_sessions();
        assert_eq!(
            h.err("list-windows -t nosuch"),
            "can't find session: nosuch"
        );
    }
}
