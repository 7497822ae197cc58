//! `detach-client` (`detach`): detach the current client, or every client of a session.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "detach-client",
    alias: Some("detach"),
    flags: "as:t:",
    usage: "[-a] [-s target-session] [-t target-client]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs detach-client: `-s` detaches every client of that session; otherwise the `-t` client
/// or the current client (the one that pressed the key, or the latest client of the session
/// the command runs in); `-a` detaches every other client of its session instead.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if let Some(t) = args.value('s') {
        let id = target::find(state, ctx.client, t, target::Kind::Session)?.session;
        let clients: Vec<_> = attached_to(state, id);
        for c in clients {
            detach(state, c);
        }
        return Ok(Outcome::Done);
    }
    let current = target_client(state, ctx, args.value('t'))?;
    if args.has('a') {
        let session = state.clients.get(&current).and_then(|c| c.session);
        if let Some(sid) = session {
            for c in attached_to(state, sid)
                .into_iter()
                .filter(|c| *c != current)
            {
                detach(state, c);
            }
        }
    } else {
        detach(state, current);
    }
    Ok(Outcome::Done)
}

/// Returns the attached client a command means, as tmux's current client: itself when
/// attached, else the most recently active client attached to the session the command runs in
/// (the session of the pane whose shell ran it, else the most recently used session).
pub fn current_client(state: &State, ctx: &Ctx) -> Option<crate::ids::ClientId> {
    if state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_some())
    {
        return Some(ctx.client);
    }
    let sid = target::current(state, ctx.client)?.session;
    state
        .clients
        .values()
        .filter(|c| c.session == Some(sid))
        .max_by_key(|c| c.last_active)
        .map(|c| c.id)
}

/// Returns the attached client named `name` (a `target-client`), or the current client when
/// no name is given.
pub fn target_client(
    state: &State,
    ctx: &Ctx,
    name: Option<&str>,
) -> Result<crate::ids::ClientId, String> {
    match name {
        Some(name) => state
            .clients
            .values()
            .find(|c| c.session.is_some() && c.name() == name)
            .map(|c| c.id)
            .ok_or_else(|| format!("can't find client: {name}")),
        None => current_client(state, ctx).ok_or_else(|| "no current client".to_string()),
    }
}

/// Returns the clients attached to a session.
fn attached_to(state: &State, id: crate::ids::SessionId) -> Vec<crate::ids::ClientId> {
    state
        .clients
        .values()
        .filter(|c| c.session == Some(id))
        .map(|c| c.id)
        .collect()
}

/// Detaches one client with tmux's message.
fn detach(state: &mut State, id: crate::ids::ClientId) {
    let name = state
        .clients
        .get(&id)
        .and_then(|c| c.session)
        .and_then(|s| state.session(s))
        .map(|s| s.name.clone())
        .unwrap_or_default();
    state.detach_client(id, &format!("[detached (from session {name})]"), 0);
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// The message a client detached from session `work` is sent.
    fn from_work() -> Vec<(String, i32)> {
        vec![("[detached (from session work)]".to_string(), 0)]
    }

    #[test]
    fn detach_client_from_a_key_detaches_the_client_that_pressed_it() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        h.keys(a, "C-b d");
        assert_eq!(h.detaches(a), from_work());
        assert!(!h.is_attached(a));
        assert!(h.is_attached(b));
        assert_eq!(
            h.ok("list-sessions -F '#{session_name} #{session_attached}'"),
            "work 1\n"
        );
        assert!(!h.fake.pane(PaneId(0)).hung_up, "the session lives on");
    }

    #[test]
    fn detach_client_s_detaches_every_client_of_the_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        let o = h.attach("attach -t other", 80, 24);
        assert_eq!(h.ok("detach-client -s work"), "");
        assert_eq!(h.detaches(a), from_work());
        assert_eq!(h.detaches(b), from_work());
        assert!(h.is_attached(o));
    }

    #[test]
    fn detach_client_t_detaches_the_named_client() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        h.ok(&format!("detach -t client-{}", b.0));
        assert_eq!(h.detaches(b), from_work());
        assert!(h.is_attached(a));
    }

    #[test]
    fn detach_client_a_detaches_every_other_client_of_the_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        let o = h.attach("attach -t other", 80, 24);
        h.ok("bind-key A detach-client -a");
        h.keys(a, "C-b A");
        assert!(h.is_attached(a));
        assert_eq!(h.detaches(b), from_work());
        assert!(h.is_attached(o));
    }

    #[test]
    fn detach_client_from_a_shell_in_a_pane_detaches_that_sessions_latest_client() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        h.keys(a, "x");
        let reply = h.run_in_pane(PaneId(0), "detach-client");
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(h.detaches(a), from_work());
        assert!(h.is_attached(b));
    }

    #[test]
    fn detach_client_fails_for_a_client_or_session_that_does_not_exist() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("detach-client -t nosuch"),
            "can't find client: nosuch"
        );
        assert_eq!(
            h.err("detach-client -s nosuch"),
            "can't find session: nosuch"
        );
        assert_eq!(h.err("detach-client"), "no current client");
    }

    #[test]
    fn detach_client_from_outside_detaches_the_latest_client_of_the_latest_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        let o = h.attach("attach -t other", 80, 24);
        h.keys(a, "x");
        h.ok("detach-client");
        assert_eq!(h.detaches(a), from_work());
        assert!(h.is_attached(b));
        assert!(h.is_attached(o));
    }

    #[test]
    fn detach_client_a_t_detaches_every_client_but_the_named_one() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t work", 80, 24);
        let c = h.attach("attach -t work", 80, 24);
        h.ok(&format!("detach-client -a -t client-{}", b.0));
        assert_eq!(h.detaches(a), from_work());
        assert_eq!(h.detaches(c), from_work());
        assert!(h.is_attached(b));
    }
}
