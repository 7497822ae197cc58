//! `switch-client` (`switchc`): show another session in the attached client (`-t`, `-n`
//! next, `-p` previous, `-l` last).

use super::{target, Args, Ctx, Outcome, Spec, Target};
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

/// Runs switch-client for the attached client that ran it.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = ctx.client;
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
        let f = target::window(state, client, Some(t)).or_else(|_| {
            target::find_session(state, t).and_then(|s| {
                target::in_session(state, s).ok_or_else(|| format!("can't find session: {t}"))
            })
        })?;
        if let Some(s) = state.session_mut(f.session) {
            s.select(f.window);
        }
        f.session
    } else {
        current
    };
    switch(state, client, sid);
    Ok(Outcome::Done)
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
    state.touch_client(client);
    if let Some(old) = old.filter(|o| *o != sid) {
        crate::model::resize::apply_window_size(state, old);
    }
}
