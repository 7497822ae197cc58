//! `attach-session` (`attach`, `a`): attach this client to a session.

use super::{need_terminal, refuse_nested, target, Args, Ctx, Outcome, Spec, Target};
use crate::ids::SessionId;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "attach-session",
    alias: Some("attach"),
    flags: "dEt:",
    usage: "[-dE] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs attach-session: `-t` or the most recently used session; `-d` detaches the others;
/// the session's `update-environment` variables are taken from this client unless `-E`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let id = match args.value('t') {
        Some(t) => {
            // As tmux: `work:2.1` attaches to work with window 2 and its pane 1 selected.
            let f = target::find(state, ctx.client, t, target::Kind::Session)?;
            if let Some(w) = state.window_mut(f.session, f.window) {
                w.select_pane(f.pane);
            }
            if let Some(s) = state.session_mut(f.session) {
                s.select(f.window);
            }
            f.session
        }
        None => target::most_recent_session(state).ok_or("no sessions")?,
    };
    if args.has('d') {
        let others: Vec<_> = state
            .clients
            .values()
            .filter(|c| c.session == Some(id) && c.id != ctx.client)
            .map(|c| c.id)
            .collect();
        let name = state
            .session(id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        for other in others {
            state.detach_client(other, &format!("[detached (from session {name})]"), 0);
        }
    }
    let outcome = attach_to(state, ctx, id)?;
    if !args.has('E') {
        super::set_environment::update_environment(state, ctx.client, id);
    }
    Ok(outcome)
}

/// Checks that this client may attach, then asks for it.
pub fn attach_to(state: &mut State, ctx: &Ctx, id: SessionId) -> Result<Outcome, String> {
    refuse_nested(state, ctx.client)?;
    need_terminal(state, ctx.client)?;
    Ok(Outcome::Attach(id))
}

#[cfg(test)]
mod tests {
    use mux_protocol::ServerMsg;

    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn attach_session_t_attaches_the_client_and_draws_the_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.output(PaneId(0), "in work");
        let c = h.attach("attach-session -t work", 40, 10);
        let messages: Vec<ServerMsg> = h
            .take_messages(c)
            .into_iter()
            .filter(|m| !matches!(m, ServerMsg::Mouse(_) | ServerMsg::EscapeTime(_)))
            .collect();
        assert_eq!(
            messages,
            [ServerMsg::Attached {
                session: "work".into(),
                id: 0
            }]
        );
        assert_eq!(h.screen(c)[0], "in work");
        assert!(h.status_line(c).starts_with("[work] 0:sh*"));
        assert_eq!(
            h.ok("list-sessions -F '#{session_name} #{session_attached}'"),
            "other 0\nwork 1\n"
        );
    }

    #[test]
    fn attach_session_without_t_attaches_the_most_recently_used_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let c = h.attach("attach", 40, 10);
        assert!(h.status_line(c).starts_with("[other] "));
        h.attach("a -t work", 40, 10);
        let d = h.attach("attach", 40, 10);
        assert!(h.status_line(d).starts_with("[work] "));
    }

    #[test]
    fn attach_session_sizes_the_window_to_the_client() {
        let mut h = Harness::with_session();
        h.attach("attach -t work", 100, 30);
        assert_eq!(
            h.ok("display-message -p '#{window_width}x#{window_height}'"),
            "100x29\n"
        );
        let size = h.fake.pane(PaneId(0)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size, Some((100, 29)));
    }

    #[test]
    fn attach_session_d_detaches_the_sessions_other_clients() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 40, 10);
        let o = h.attach("attach -t other", 40, 10);
        let b = h.attach("attach -d -t work", 40, 10);
        assert_eq!(
            h.detaches(a),
            [("[detached (from session work)]".to_string(), 0)]
        );
        assert!(h.is_attached(b));
        assert!(h.is_attached(o));
    }

    #[test]
    fn attach_session_fails_for_a_missing_session_or_when_there_are_none() {
        let mut h = Harness::with_session();
        let reply = h.run("attach -t nosuch");
        assert_eq!(reply.stderr, "can't find session: nosuch\n");
        assert_eq!(reply.status, Some(1));
        assert!(!reply.attached);
        let mut empty = Harness::new();
        assert_eq!(empty.err("attach"), "no sessions");
    }

    #[test]
    fn attach_session_fails_without_a_terminal() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("attach -t work"),
            "open terminal failed: not a terminal"
        );
        assert_eq!(h.ok("list-clients"), "");
    }

    #[test]
    fn attach_session_from_inside_a_pane_is_refused() {
        let mut h = Harness::with_session();
        let c = h.connect_in_pane(PaneId(0), "attach -t work", 80, 24);
        let reply = h.reply_of(c);
        assert_eq!(
            reply.stderr,
            "sessions should be nested with care, unset $MUX to force\n"
        );
        assert_eq!(reply.status, Some(1));
        assert!(!reply.attached);
    }
}
