//! Resolving a target as tmux's `cmd-find.c` does, in one place for every command: `=` (the
//! mouse), `{marked}`, `%N`, `@N`, `$N`, `session:window.pane` with any part left out, and
//! in each part tmux's tokens (`{last}` `!`, `{next}` `+N`, `{previous}` `-N`, `{start}`
//! `^`, `{end}` `$`, `{top}`, `{up-of}`, ...), `=exact` names, indexes, unique prefixes and
//! fnmatch patterns. A bare word is tried as a pane, then a window, then a session, as the
//! command's kind allows. Errors name the part that failed (`can't find window: 9`).

use crate::config::pattern;
use crate::ids::{ClientId, PaneId, SessionId, WindowId};
use crate::model::layout::Direction;
use crate::model::state::State;

use super::{current, in_session, marked, mouse, window_by_id, Found};

/// What a command's target names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A session (its current window and active pane come with it).
    Session,
    /// A window (its active pane comes with it).
    Window,
    /// A pane.
    Pane,
}

/// Resolves `t` for a command of `kind` run by `client`.
pub fn find(state: &State, client: ClientId, t: &str, kind: Kind) -> Result<Found, String> {
    match t {
        "=" | "{mouse}" => return mouse(state, client).ok_or_else(|| "no mouse target".into()),
        "{marked}" | "~" => return marked(state).ok_or_else(|| "no marked target".into()),
        _ => {}
    }
    if let Some(found) = by_id(state, t) {
        return found;
    }
    let here = current(state, client);
    let (session, rest) = match t.split_once(':') {
        Some((s, r)) => (Some(s), Some(r)),
        None => (None, None),
    };
    let (window, pane) = match rest.unwrap_or(t).split_once('.') {
        Some((w, p)) => (Some(w), Some(p)),
        None if rest.is_some() => (rest, None),
        None => (None, None),
    };
    if session.is_none() && window.is_none() {
        return bare(state, here, t, kind);
    }
    let sid = match session {
        None | Some("") => here.map(|f| f.session).ok_or("no current session")?,
        Some(s) => find_session(state, s)?,
    };
    // Without a session part a window part that names no window may name a session
    // (`work.0`), as in tmux.
    let as_session = |w: &str| {
        find_session(state, w)
            .ok()
            .and_then(|s| in_session(state, s))
    };
    let win = match window {
        None | Some("") => in_session(state, sid),
        Some(w) if session.is_none() => window_in(state, sid, w).or_else(|| as_session(w)),
        Some(w) => window_in(state, sid, w),
    }
    .ok_or_else(|| format!("can't find window: {}", token(window.unwrap_or(""))))?;
    match pane {
        None | Some("") => Ok(win),
        Some(p) => pane_in(state, win, p).ok_or_else(|| format!("can't find pane: {p}")),
    }
}

/// Resolves a word with no `:` or `.`: a pane of the current window, a window of the current
/// session or a session, as far as `kind` goes.
fn bare(state: &State, here: Option<Found>, t: &str, kind: Kind) -> Result<Found, String> {
    let as_pane = || here.and_then(|h| pane_in(state, h, t));
    let as_window = || here.and_then(|h| window_in(state, h.session, t));
    let as_session = || {
        find_session(state, t)
            .ok()
            .and_then(|s| in_session(state, s))
    };
    let (found, what) = match kind {
        Kind::Pane => (as_pane().or_else(as_window).or_else(as_session), "pane"),
        Kind::Window => (as_window().or_else(as_session), "window"),
        Kind::Session => (as_session(), "session"),
    };
    found.ok_or_else(|| format!("can't find {what}: {t}"))
}

/// Resolves a whole target that is an id: `%N`, `@N` or `$N`.
fn by_id(state: &State, t: &str) -> Option<Result<Found, String>> {
    let (sigil, rest) = t.split_at_checked(1)?;
    let n = rest.parse::<u32>().ok()?;
    Some(match sigil {
        "%" => state
            .panes
            .get(&PaneId(n))
            .map(|p| Found {
                session: p.session,
                window: p.window,
                pane: p.id,
            })
            .ok_or_else(|| format!("can't find pane: {t}")),
        "@" => window_by_id(state, WindowId(n)).ok_or_else(|| format!("can't find window: {t}")),
        "$" => state
            .session(SessionId(n))
            .and_then(|s| in_session(state, s.id))
            .ok_or_else(|| format!("can't find session: {t}")),
        _ => return None,
    })
}

/// Returns tmux's short form of a token (`{last}` is `!`), as its errors show it.
fn token(word: &str) -> &str {
    match word {
        "{start}" => "^",
        "{end}" => "$",
        "{last}" => "!",
        "{next}" => "+",
        "{previous}" => "-",
        other => other,
    }
}

/// Returns the one item a lookup found; none when there are none or several.
fn only<T>(mut found: impl Iterator<Item = T>) -> Option<T> {
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// Finds the session `name` names: `$N`, `=exact`, an exact name, a unique prefix, or a
/// pattern matching one session.
pub fn find_session(state: &State, name: &str) -> Result<SessionId, String> {
    let fail = || format!("can't find session: {name}");
    if let Some(Ok(found)) = by_id(state, name).filter(|_| name.starts_with('$')) {
        return Ok(found.session);
    }
    let sessions = || state.sessions.iter();
    if let Some(exact) = name.strip_prefix('=') {
        return sessions()
            .find(|s| s.name == exact)
            .map(|s| s.id)
            .ok_or_else(fail);
    }
    if let Some(s) = sessions().find(|s| s.name == name) {
        return Ok(s.id);
    }
    if name.is_empty() {
        return Err(fail());
    }
    only(sessions().filter(|s| s.name.starts_with(name)))
        .or_else(|| only(sessions().filter(|s| pattern::matches(name, &s.name))))
        .map(|s| s.id)
        .ok_or_else(fail)
}

/// Finds a window of a session, as tmux does.
fn window_in(state: &State, sid: SessionId, w: &str) -> Option<Found> {
    let s = state.session(sid)?;
    let w = token(w);
    let by_order = |back: bool, n: usize| {
        let mut at = s.current;
        for _ in 0..n {
            let i = s.windows.iter().position(|x| x.id == at)?;
            let len = s.windows.len();
            at = s.windows[if back {
                (i + len - 1) % len
            } else {
                (i + 1) % len
            }]
            .id;
        }
        Some(at)
    };
    let wid = match w {
        "^" => s.windows.first().map(|w| w.id),
        "$" => s.windows.last().map(|w| w.id),
        "!" => s.last_window(),
        _ if w.starts_with(['+', '-']) => {
            let n = if w.len() == 1 {
                Some(1)
            } else {
                w[1..].parse().ok()
            };
            n.and_then(|n| by_order(w.starts_with('-'), n))
        }
        _ => named_window(s, w),
    }?;
    super::pane_of_window(state, sid, wid)
}

/// Finds a window of a session by `@N`, index, exact name, unique prefix or pattern
/// (`=name` exact only).
fn named_window(s: &crate::model::session::Session, w: &str) -> Option<WindowId> {
    if let Some(id) = w.strip_prefix('@').and_then(|n| n.parse::<u32>().ok()) {
        return s.window(WindowId(id)).map(|w| w.id);
    }
    let (exact, w) = match w.strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, w),
    };
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
        if let Some(found) = w.parse::<u32>().ok().and_then(|i| s.window_at(i)) {
            return Some(found.id);
        }
    }
    let windows = || s.windows.iter();
    let named = windows().filter(|x| x.name == w).collect::<Vec<_>>();
    if !named.is_empty() || exact {
        return only(named.into_iter()).map(|x| x.id);
    }
    only(windows().filter(|x| x.name.starts_with(w)))
        .or_else(|| only(windows().filter(|x| pattern::matches(w, &x.name))))
        .map(|x| x.id)
}

/// Finds a pane of the window `win` names, as tmux does.
fn pane_in(state: &State, win: Found, p: &str) -> Option<Found> {
    let w = state.window(win.session, win.window)?;
    let panes = w.panes();
    let pos = w.pane_position(w.active).unwrap_or(0);
    let len = panes.len().max(1);
    let pane = match token(p) {
        "!" => w.last_pane?,
        "+" | "-" => {
            let step = if p.starts_with('-') { len - 1 } else { 1 };
            panes[(pos + step) % len]
        }
        q if q.starts_with(['+', '-']) => {
            let n: usize = q[1..].parse().ok()?;
            let step = if q.starts_with('-') {
                len - n % len
            } else {
                n % len
            };
            panes[(pos + step) % len]
        }
        q if q.starts_with('{') => place(w, q)?,
        q if q.starts_with('%') => {
            let id = PaneId(q[1..].parse().ok()?);
            *panes.iter().find(|&&x| x == id)?
        }
        q => {
            let base = state.options.window(w.id, "pane-base-index").as_count();
            let i = q.parse::<usize>().ok()?.checked_sub(base)?;
            *panes.get(i)?
        }
    };
    Some(Found { pane, ..win })
}

/// Finds the pane a place token names: a corner or side of the window, or the neighbour of
/// the active pane (`{up-of}`).
fn place(w: &crate::model::window::Window, token: &str) -> Option<PaneId> {
    let direction = match token {
        "{up-of}" => Some(Direction::Up),
        "{down-of}" => Some(Direction::Down),
        "{left-of}" => Some(Direction::Left),
        "{right-of}" => Some(Direction::Right),
        _ => None,
    };
    if let Some(d) = direction {
        return w.layout.neighbour(w.active, d, &|p| w.recency(p));
    }
    let (cols, rows) = w.layout.size();
    let (right, bottom, mid_x, mid_y) = (
        cols.saturating_sub(1),
        rows.saturating_sub(1),
        cols / 2,
        rows / 2,
    );
    let (x, y) = match token {
        "{top}" => (mid_x, 0),
        "{bottom}" => (mid_x, bottom),
        "{left}" => (0, mid_y),
        "{right}" => (right, mid_y),
        "{top-left}" => (0, 0),
        "{top-right}" => (right, 0),
        "{bottom-left}" => (0, bottom),
        "{bottom-right}" => (right, bottom),
        _ => return None,
    };
    // The pane under the point, or (on a border) the nearest one.
    let distance = |p: PaneId| {
        w.layout.rect(p).map_or(u32::MAX, |r| {
            let dx =
                u32::from(r.x.saturating_sub(x)) + u32::from(x.saturating_sub(r.x + r.cols - 1));
            let dy =
                u32::from(r.y.saturating_sub(y)) + u32::from(y.saturating_sub(r.y + r.rows - 1));
            dx + dy
        })
    };
    w.panes().into_iter().min_by_key(|&p| distance(p))
}
