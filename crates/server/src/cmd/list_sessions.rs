//! `list-sessions` (`ls`): one line per session, as tmux prints them, or in a format (`-F`);
//! `-f` keeps the sessions a filter format is true for.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::session::Session;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-sessions",
    alias: Some("ls"),
    flags: "F:f:",
    usage: "[-F format] [-f filter]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs list-sessions, sorted by name.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let mut sessions: Vec<&Session> = state.sessions.iter().collect();
    sessions.sort_by(|a, b| a.name.cmp(&b.name));
    for s in sessions {
        let Some(found) = target::in_session(state, s.id) else {
            continue;
        };
        if !super::filter_matches(state, ctx, found, args.value('f')) {
            continue;
        }
        let text = match args.value('F') {
            Some(fmt) => super::print_format(state, ctx, found, fmt),
            None => {
                let attached = state.clients.values().any(|c| c.session == Some(s.id));
                line(s, attached)
            }
        };
        ctx.out.push_str(&text);
    }
    Ok(Outcome::Done)
}

/// Formats one session: `work: 1 windows (created Tue Nov 24 02:31:46 2026) (attached)`.
fn line(s: &Session, attached: bool) -> String {
    format!(
        "{}: {} windows (created {}){}\n",
        s.name,
        s.windows.len(),
        crate::config::time::ctime(s.created),
        if attached { " (attached)" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn list_sessions_prints_each_session_by_name_with_its_windows_and_whether_attached() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s alpha");
        h.ok("new-window -t work");
        h.attach("attach -t work", 80, 24);
        assert_eq!(
            h.ok("list-sessions"),
            "alpha: 1 windows (created Tue Nov 24 02:31:46 2026)\n\
             work: 2 windows (created Tue Nov 24 02:31:46 2026) (attached)\n"
        );
        assert_eq!(h.ok("ls"), h.ok("list-sessions"));
    }

    #[test]
    fn list_sessions_f_prints_each_session_in_the_format() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s alpha");
        assert_eq!(
            h.ok("list-sessions -F '#{session_id} #{session_name} #{session_windows}'"),
            "$1 alpha 1\n$0 work 1\n"
        );
    }

    #[test]
    fn list_sessions_filter_keeps_the_sessions_it_is_true_for() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s alpha");
        h.ok("new-session -d -s beta");
        assert_eq!(
            h.ok("ls -F '#{session_name}' -f '#{!=:#{session_name},alpha}'"),
            "beta\nwork\n"
        );
        assert_eq!(
            h.ok("ls -f '#{==:#{session_name},alpha}'"),
            "alpha: 1 windows (created Tue Nov 24 02:31:46 2026)\n"
        );
    }

    #[test]
    fn list_sessions_rejects_a_flag_it_does_not_take() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("list-sessions -x"),
            "command list-sessions: unknown flag -x\nusage: list-sessions [-F format] [-f filter]"
        );
    }
}
