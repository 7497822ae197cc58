//! Targets: the default a command runs on (the client's session, the pane a command was
//! typed in through `$MUX_PANE`, a hook's object, the mouse, the marked pane), and the
//! wrappers over [`find`], which resolves every spelling tmux takes.

use crate::ids::{ClientId, PaneId, SessionId, WindowId};
use crate::model::state::State;

mod find;

pub use find::{find, find_session, Kind};

/// A resolved target: a session, one of its windows, and one of that window's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The session.
    pub session: SessionId,
    /// The window.
    pub window: WindowId,
    /// The pane.
    pub pane: PaneId,
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

/// Returns the most recently used session.
pub fn most_recent_session(state: &State) -> Option<SessionId> {
    state
        .sessions
        .iter()
        .max_by_key(|s| (s.last_used, s.id.0))
        .map(|s| s.id)
}

/// Returns where a command from `client` runs when it names no target: the client's own
/// session when attached, else the pane it was typed in (`$MUX_PANE`), else the most recently
/// used session; with that session's current window and active pane.
pub fn current(state: &State, client: ClientId) -> Option<Found> {
    if let Some(found) = state.queue.running.current.and_then(|f| still(state, f)) {
        return Some(found);
    }
    let Some(c) = state.clients.get(&client) else {
        return most_recent_session(state).and_then(|s| in_session(state, s));
    };
    if let Some(found) = mouse(state, client) {
        return Some(found);
    }
    if c.session.is_none() {
        let pane = c
            .env_var("MUX_PANE")
            .and_then(|p| p.strip_prefix('%'))
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(|n| state.panes.get(&PaneId(n)));
        if let Some(p) = pane {
            return Some(Found {
                session: p.session,
                window: p.window,
                pane: p.id,
            });
        }
    }
    let sid = c.session.or_else(|| most_recent_session(state))?;
    in_session(state, sid)
}

/// Returns where a target found earlier is now: its pane where it is now, else its window's
/// active pane, else its session's current window; None when the session is gone too.
pub fn still(state: &State, f: Found) -> Option<Found> {
    if let Some(p) = state.panes.get(&f.pane) {
        return Some(Found {
            session: p.session,
            window: p.window,
            pane: p.id,
        });
    }
    pane_of_window(state, f.session, f.window).or_else(|| in_session(state, f.session))
}

/// Returns where the mouse event a binding runs for happened (tmux's `=` target): the pane
/// under it, or the window whose status-line entry it was on.
pub fn mouse(state: &State, client: ClientId) -> Option<Found> {
    use crate::model::client::StatusTarget;
    use crate::model::hit::Hit;
    let target = state.clients.get(&client)?.mouse.current?;
    match target.hit {
        Hit::Pane(pane, _) => {
            let p = state.panes.get(&pane)?;
            Some(Found {
                session: p.session,
                window: p.window,
                pane,
            })
        }
        Hit::Status(StatusTarget::Window(wid)) => window_by_id(state, wid),
        _ => None,
    }
}

/// Returns where the marked pane is, if there is one.
pub fn marked(state: &State) -> Option<Found> {
    let p = state.panes.get(&state.marked_pane()?)?;
    Some(Found {
        session: p.session,
        window: p.window,
        pane: p.id,
    })
}

/// Returns a session's current window and active pane.
pub fn in_session(state: &State, sid: SessionId) -> Option<Found> {
    let w = state.session(sid)?.current_window()?;
    Some(Found {
        session: sid,
        window: w.id,
        pane: w.active,
    })
}

/// Returns the session a command means: `-t`, else the current one.
pub fn session_or_current(
    state: &State,
    client: ClientId,
    target: Option<&str>,
) -> Result<SessionId, String> {
    match target {
        Some(t) => find(state, client, t, Kind::Session).map(|f| f.session),
        None => current(state, client)
            .map(|f| f.session)
            .ok_or_else(|| "no current session".to_string()),
    }
}

/// Resolves a target window (its active pane with it), or the current one.
pub fn window(state: &State, client: ClientId, target: Option<&str>) -> Result<Found, String> {
    match target {
        Some(t) => find(state, client, t, Kind::Window),
        None => current(state, client).ok_or_else(|| "no current window".into()),
    }
}

/// Returns the session, window and active pane of the window with this id.
pub fn window_by_id(state: &State, wid: WindowId) -> Option<Found> {
    let s = state.sessions.iter().find(|s| s.window(wid).is_some())?;
    pane_of_window(state, s.id, wid)
}

pub(super) fn pane_of_window(state: &State, sid: SessionId, wid: WindowId) -> Option<Found> {
    let w = state.window(sid, wid)?;
    Some(Found {
        session: sid,
        window: wid,
        pane: w.active,
    })
}

/// Resolves a target pane, or the current one.
pub fn pane(state: &State, client: ClientId, target: Option<&str>) -> Result<Found, String> {
    match target {
        Some(t) => find(state, client, t, Kind::Pane),
        None => current(state, client).ok_or_else(|| "no current pane".into()),
    }
}

#[cfg(test)]
mod tests;
