//! Finding the session a command means: `-t` names, `$N` ids, unique prefixes, the session of
//! the pane a command was typed in, or the most recently used one.

use crate::event::{ClientId, SessionId};
use crate::state::State;

/// Finds the session `target` names: an exact name, a `$N` id, or a unique name prefix.
pub fn find_session(state: &State, target: &str) -> Result<SessionId, String> {
    let target = target.strip_suffix(':').unwrap_or(target);
    if let Some(s) = state.sessions.iter().find(|s| s.name == target) {
        return Ok(s.id);
    }
    if let Some(id) = target.strip_prefix('$').and_then(|n| n.parse::<u32>().ok()) {
        if let Some(s) = state.sessions.iter().find(|s| s.id.0 == id) {
            return Ok(s.id);
        }
    }
    let mut prefixed = state.sessions.iter().filter(|s| s.name.starts_with(target));
    match (prefixed.next(), prefixed.next()) {
        (Some(s), None) if !target.is_empty() => Ok(s.id),
        _ => Err(format!("can't find session: {target}")),
    }
}

/// Returns the session a command from `client` means when it names none: the session of the
/// pane it runs in (`$MUX_PANE`), the client's own session, else the most recently used one.
pub fn current_session(state: &State, client: ClientId) -> Option<SessionId> {
    let c = state.clients.get(&client)?;
    if let Some(sid) = c.session {
        return Some(sid);
    }
    let from_pane = c
        .env_var("MUX_PANE")
        .and_then(|p| p.strip_prefix('%'))
        .and_then(|n| n.parse::<u32>().ok())
        .and_then(|n| state.panes.values().find(|p| p.id.0 == n))
        .map(|p| p.session);
    from_pane.or_else(|| most_recent_session(state))
}

/// Returns the most recently used session.
pub fn most_recent_session(state: &State) -> Option<SessionId> {
    state
        .sessions
        .iter()
        .max_by_key(|s| (s.last_used, s.id.0))
        .map(|s| s.id)
}

/// Resolves an optional `-t`: the named session, or the current one.
pub fn session_or_current(
    state: &State,
    client: ClientId,
    target: Option<&str>,
) -> Result<SessionId, String> {
    match target {
        Some(t) => find_session(state, t),
        None => current_session(state, client).ok_or_else(|| "no sessions".to_string()),
    }
}

/// Finds a session by its exact name only (for duplicate checks).
pub fn find_exact(state: &State, name: &str) -> Result<SessionId, String> {
    state
        .sessions
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.id)
        .ok_or_else(|| format!("can't find session: {name}"))
}
