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

/// Runs detach-client: `-s` detaches every client of that session; otherwise the current client
/// (the one that pressed the key, or the latest client of the session the command runs in);
/// `-a` detaches every other client of that session instead.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if let Some(t) = args.value('s') {
        let id = target::find_session(state, t)?;
        let clients: Vec<_> = attached_to(state, id);
        for c in clients {
            detach(state, c);
        }
        return Ok(Outcome::Done);
    }
    if let Some(name) = args.value('t') {
        let id = state
            .clients
            .values()
            .find(|c| c.session.is_some() && c.name() == name)
            .map(|c| c.id)
            .ok_or_else(|| format!("can't find client: {name}"))?;
        detach(state, id);
        return Ok(Outcome::Done);
    }
    let current = current_client(state, ctx).ok_or("no current client")?;
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

/// Returns the attached client a command means: itself when attached, else the most recently
/// active client of the session it was typed in.
fn current_client(state: &State, ctx: &Ctx) -> Option<crate::ids::ClientId> {
    if state.clients.get(&ctx.client)?.session.is_some() {
        return Some(ctx.client);
    }
    let client = state.clients.get(&ctx.client)?;
    client.env_var("MUX_PANE")?;
    let sid = target::current(state, ctx.client)?.session;
    state
        .clients
        .values()
        .filter(|c| c.session == Some(sid))
        .max_by_key(|c| c.last_active)
        .map(|c| c.id)
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
