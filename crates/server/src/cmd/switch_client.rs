//! `switch-client` (`switchc`): show another session in the attached client (`-t`, `-n`
//! next, `-p` previous, `-l` last).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::ids::ClientId;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "switch-client",
    alias: Some("switchc"),
    flags: "c:EFlnprt:T:Z",
    usage: "[-EFlnprZ] [-c target-client] [-T key-table] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs switch-client for the client `-c` names, or the current client: the attached client
/// that ran it, else (from a shell) the latest client of the session the shell's pane is in,
/// else the latest attached client, as tmux finds it.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = match args.value('c') {
        Some(name) => state
            .clients
            .values()
            .find(|c| c.session.is_some() && c.name() == name)
            .map(|c| c.id)
            .ok_or_else(|| format!("can't find client: {name}"))?,
        None => current_client(state, ctx.client).ok_or("no current client")?,
    };
    let current = state
        .clients
        .get(&client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let mut ids: Vec<_> = state
        .sessions
        .iter()
        .map(|s| (s.name.clone(), s.id))
        .collect();
    ids.sort();
    let pos = ids.iter().position(|(_, id)| *id == current).unwrap_or(0);
    let n = ids.len();
    let sid = if args.has('n') {
        ids[(pos + 1) % n].1
    } else if args.has('p') {
        ids[(pos + n - 1) % n].1
    } else if args.has('l') {
        state
            .clients
            .get(&client)
            .and_then(|c| c.last_session)
            .filter(|s| state.session(*s).is_some())
            .ok_or("can't find last session")?
    } else if let Some(t) = args.value('t') {
        // As tmux: a window target selects the window, a pane target the pane too.
        let f = target::pane(state, client, Some(t)).or_else(|_| {
            target::find_session(state, t).and_then(|s| {
                target::in_session(state, s).ok_or_else(|| format!("can't find session: {t}"))
            })
        })?;
        if let Some(w) = state.window_mut(f.session, f.window) {
            w.select_pane(f.pane);
        }
        if let Some(s) = state.session_mut(f.session) {
            s.select(f.window);
        }
        f.session
    } else {
        current
    };
    switch(state, client, sid);
    if !args.has('E') {
        super::set_environment::update_environment(state, client, sid);
    }
    Ok(Outcome::Done)
}

/// Returns the attached client a command from `asking` means when it names none.
fn current_client(state: &State, asking: ClientId) -> Option<ClientId> {
    let c = state.clients.get(&asking)?;
    if c.session.is_some() {
        return Some(asking);
    }
    let latest = |session: Option<crate::ids::SessionId>| {
        state
            .clients
            .values()
            .filter(|c| c.session.is_some() && session.is_none_or(|s| c.session == Some(s)))
            .max_by_key(|c| c.last_active)
            .map(|c| c.id)
    };
    let pane_session = c
        .env_var("MUX_PANE")
        .and_then(|_| target::current(state, asking))
        .map(|f| f.session);
    pane_session
        .and_then(|s| latest(Some(s)))
        .or_else(|| latest(None))
}

/// Moves an attached client to session `sid`.
pub fn switch(state: &mut State, client: crate::ids::ClientId, sid: crate::ids::SessionId) {
    let Some(c) = state.clients.get_mut(&client) else {
        return;
    };
    let old = c.session;
    if old != Some(sid) {
        c.last_session = old;
    }
    c.session = Some(sid);
    c.invalidate();
    if old != Some(sid) {
        // The client attaches to this session again should the server die.
        if let Some(name) = state.session(sid).map(|s| s.name.clone()) {
            if let Some(c) = state.clients.get(&client) {
                c.send(mux_protocol::ServerMsg::Attached {
                    session: name,
                    id: sid.0,
                });
            }
        }
    }
    state.touch_client(client);
    if old != Some(sid) {
        state.notify_client("client-session-changed", client);
    }
    if let Some(old) = old.filter(|o| *o != sid) {
        crate::model::resize::apply_window_size(state, old);
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns sessions `work` (%0 says "in work") and `other` (%1 says "in other"), with a
    /// client of 40x10 attached to `work`.
    fn two_sessions() -> (Harness, crate::ids::ClientId) {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.output(PaneId(0), "in work");
        h.output(PaneId(1), "in other");
        let c = h.attach("attach -t work", 40, 10);
        (h, c)
    }

    #[test]
    fn a_key_binding_switches_the_client_that_pressed_it() {
        let (mut h, c) = two_sessions();
        assert_eq!(h.screen(c)[0], "in work");
        h.ok("bind -n F2 switch-client -t other");
        h.keys(c, "F2");
        let screen = h.screen(c);
        assert_eq!(screen[0], "in other");
        assert!(screen[9].starts_with("[other]"), "{:?}", screen[9]);
        assert_eq!(h.ok("list-clients -F '#{client_session}'"), "other\n");
    }

    #[test]
    fn a_shell_in_a_pane_switches_the_client_showing_that_pane() {
        let (mut h, c) = two_sessions();
        let reply = h.run_in_pane(PaneId(0), "switch-client -t other");
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(h.screen(c)[0], "in other");
    }

    #[test]
    fn from_outside_the_latest_attached_client_is_switched() {
        let (mut h, c) = two_sessions();
        h.ok("switch-client -t other");
        assert_eq!(h.screen(c)[0], "in other");
    }

    #[test]
    fn next_previous_and_last_go_through_sessions_in_name_order() {
        let (mut h, c) = two_sessions();
        h.ok("new-session -d -s third");
        let session = |h: &mut Harness| h.ok("list-clients -F '#{client_session}'");
        assert_eq!(h.err("switch-client -l"), "can't find last session");
        h.ok("switch-client -n");
        assert_eq!(session(&mut h), "other\n");
        h.ok("switch-client -n");
        assert_eq!(session(&mut h), "third\n");
        h.ok("switch-client -p");
        assert_eq!(session(&mut h), "other\n");
        h.ok("switch-client -l");
        assert_eq!(session(&mut h), "third\n");
        assert!(h.screen(c)[9].starts_with("[third]"));
    }

    #[test]
    fn a_window_target_selects_that_window_too() {
        let (mut h, c) = two_sessions();
        h.ok("new-window -d -t other -n second");
        h.output(PaneId(2), "second window");
        h.ok("switch-client -t other:1");
        assert_eq!(h.screen(c)[0], "second window");
        assert_eq!(h.window_list("other"), ["0 sh -", "1 second *"]);
    }

    #[test]
    fn a_named_client_is_switched_and_unknown_ones_are_errors() {
        let (mut h, c) = two_sessions();
        let name = h.ok("list-clients -F '#{client_name}'");
        h.ok(&format!("switch-client -c {} -t other", name.trim()));
        assert_eq!(h.screen(c)[0], "in other");
        assert_eq!(
            h.err("switch-client -c nobody -t work"),
            "can't find client: nobody"
        );
        assert_eq!(
            h.err("switch-client -t nosuch"),
            "can't find session: nosuch"
        );
    }

    #[test]
    fn without_an_attached_client_there_is_no_current_client() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        assert_eq!(h.err("switch-client -t other"), "no current client");
    }
}
