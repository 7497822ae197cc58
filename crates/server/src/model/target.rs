//! Targets as tmux spells them: `session`, `session:window`, `session:window.pane`, `$N`,
//! `@N`, `%N`, `=exact`, unique prefixes, `{last}`/`!`, `{next}`/`+`, `{previous}`/`-`, and
//! the default of the pane a command runs in (`$MUX_PANE`) or the client's own session.

use crate::ids::{ClientId, PaneId, SessionId, WindowId};
use crate::model::state::State;

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

/// Finds the session `target` names: `=exact`, an exact name, a `$N` id, or a unique prefix.
pub fn find_session(state: &State, target: &str) -> Result<SessionId, String> {
    let fail = || format!("can't find session: {target}");
    if let Some(exact) = target.strip_prefix('=') {
        return find_exact(state, exact).map_err(|_| fail());
    }
    if let Some(s) = state.sessions.iter().find(|s| s.name == target) {
        return Ok(s.id);
    }
    if let Some(id) = target.strip_prefix('$').and_then(|n| n.parse::<u32>().ok()) {
        return state
            .sessions
            .iter()
            .find(|s| s.id.0 == id)
            .map(|s| s.id)
            .ok_or_else(fail);
    }
    let mut prefixed = state.sessions.iter().filter(|s| s.name.starts_with(target));
    match (prefixed.next(), prefixed.next()) {
        (Some(s), None) if !target.is_empty() => Ok(s.id),
        _ => Err(fail()),
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
        Some(t) => find_session(state, t.strip_suffix(':').unwrap_or(t)),
        None => current(state, client)
            .map(|f| f.session)
            .ok_or_else(|| "no current session".to_string()),
    }
}

/// Resolves a target window (its active pane with it).
pub fn window(state: &State, client: ClientId, target: Option<&str>) -> Result<Found, String> {
    let here = current(state, client);
    let Some(t) = target else {
        return here.ok_or_else(|| "no current window".into());
    };
    if t == "=" {
        return mouse(state, client).ok_or_else(|| "no mouse target".into());
    }
    if t == "{marked}" || t == "~" {
        return marked(state).ok_or_else(|| "no marked target".into());
    }
    let fail = || format!("can't find window: {t}");
    if let Some(id) = t.strip_prefix('@').and_then(|n| n.parse::<u32>().ok()) {
        return window_by_id(state, WindowId(id)).ok_or_else(fail);
    }
    let (session_part, window_part) = match t.split_once(':') {
        Some((s, w)) => (Some(s), w),
        None => (None, t),
    };
    let sid = match session_part {
        Some("") | None => here.map(|f| f.session),
        Some(s) => Some(find_session(state, s)?),
    };
    let Some(sid) = sid else {
        return Err(fail());
    };
    if window_part.is_empty() {
        return in_session(state, sid).ok_or_else(fail);
    }
    match find_window_in(state, sid, window_part) {
        Some(wid) => pane_of_window(state, sid, wid).ok_or_else(fail),
        // A bare word that names no window may name a session.
        None if session_part.is_none() => {
            let sid = find_session(state, t).map_err(|_| fail())?;
            in_session(state, sid).ok_or_else(fail)
        }
        None => Err(fail()),
    }
}

/// Finds a window of a session by index, `@id`, special token, exact name or name prefix.
fn find_window_in(state: &State, sid: SessionId, w: &str) -> Option<WindowId> {
    let s = state.session(sid)?;
    match w {
        "{last}" | "!" => return s.last_window(),
        "{next}" | "+" => return s.neighbour_window(false),
        "{previous}" | "-" => return s.neighbour_window(true),
        "{start}" | "^" => return s.windows.first().map(|w| w.id),
        "{end}" | "$" => return s.windows.last().map(|w| w.id),
        _ => {}
    }
    if let Some(id) = w.strip_prefix('@').and_then(|n| n.parse::<u32>().ok()) {
        return s.window(WindowId(id)).map(|w| w.id);
    }
    let w = w.strip_prefix('=').unwrap_or(w);
    if let Ok(i) = w.parse::<u32>() {
        return s.window_at(i).map(|w| w.id);
    }
    if let Some(found) = s.windows.iter().find(|x| x.name == w) {
        return Some(found.id);
    }
    let mut prefixed = s.windows.iter().filter(|x| x.name.starts_with(w));
    match (prefixed.next(), prefixed.next()) {
        (Some(x), None) => Some(x.id),
        _ => None,
    }
}

/// Returns the session, window and active pane of the window with this id.
pub fn window_by_id(state: &State, wid: WindowId) -> Option<Found> {
    let s = state.sessions.iter().find(|s| s.window(wid).is_some())?;
    pane_of_window(state, s.id, wid)
}

fn pane_of_window(state: &State, sid: SessionId, wid: WindowId) -> Option<Found> {
    let w = state.window(sid, wid)?;
    Some(Found {
        session: sid,
        window: wid,
        pane: w.active,
    })
}

/// Resolves a target pane.
pub fn pane(state: &State, client: ClientId, target: Option<&str>) -> Result<Found, String> {
    let Some(t) = target else {
        return current(state, client).ok_or_else(|| "no current pane".into());
    };
    if t == "=" {
        return mouse(state, client).ok_or_else(|| "no mouse target".into());
    }
    if t == "{marked}" || t == "~" {
        return marked(state).ok_or_else(|| "no marked target".into());
    }
    let fail = || format!("can't find pane: {t}");
    if let Some(id) = t.strip_prefix('%').and_then(|n| n.parse::<u32>().ok()) {
        let p = state.panes.get(&PaneId(id)).ok_or_else(fail)?;
        return Ok(Found {
            session: p.session,
            window: p.window,
            pane: p.id,
        });
    }
    if let Some((window_part, pane_part)) = t.rsplit_once('.') {
        let win = if window_part.is_empty() {
            current(state, client).ok_or_else(fail)?
        } else {
            window(state, client, Some(window_part)).map_err(|_| fail())?
        };
        if pane_part.is_empty() {
            return Ok(win);
        }
        return pane_token(state, Some(win), pane_part).ok_or_else(fail);
    }
    // A bare word is a pane of the current window if it can be one, else a window.
    if !t.contains(':') {
        if let Some(found) = pane_token(state, current(state, client), t) {
            return Ok(found);
        }
    }
    window(state, client, Some(t)).map_err(|_| fail())
}

/// Resolves a pane within `win`'s window: an index, `{last}`/`!`, `{next}`/`+`,
/// `{previous}`/`-`, `{top}`, `{bottom}`, `{left}`, `{right}`.
fn pane_token(state: &State, win: Option<Found>, token: &str) -> Option<Found> {
    let win = win?;
    let w = state.window(win.session, win.window)?;
    let panes = w.panes();
    let pos = w.pane_position(w.active).unwrap_or(0);
    let base = state.options.window(w.id, "pane-base-index").as_count();
    let pane = match token {
        "{last}" | "!" => w.last_pane?,
        "{next}" | "+" => panes[(pos + 1) % panes.len()],
        "{previous}" | "-" => panes[(pos + panes.len() - 1) % panes.len()],
        "{top}" | "{left}" | "{top-left}" => *panes.first()?,
        "{bottom}" | "{right}" | "{bottom-right}" => *panes.last()?,
        _ => {
            let i = token.parse::<usize>().ok()?.checked_sub(base)?;
            *panes.get(i)?
        }
    };
    Some(Found { pane, ..win })
}

#[cfg(test)]
mod tests;
