//! Window sizing: a session's windows take their size from its attached clients, by the
//! `window-size` option (`latest`, the default, as tmux: the most recently active client;
//! `largest`; `smallest`; `manual` keeps the size), less the status lines.

use mux_term_emu::Size as TermSize;

use crate::ids::SessionId;
use crate::model::state::State;
use crate::model::window::Window;

/// The size of a session made without a client and without `-x`/`-y`.
pub const DEFAULT_SIZE: TermSize = TermSize { rows: 24, cols: 80 };

/// Resizes a session's windows to fit its clients under the window-size policy.
pub fn apply_window_size(state: &mut State, id: SessionId) {
    let Some(size) = wanted_size(state, id) else {
        return;
    };
    let Some(session) = state.session_mut(id) else {
        return;
    };
    let unchanged = session.size == size && session.windows.iter().all(|w| w.layout.size() == size);
    if unchanged {
        return;
    }
    session.size = size;
    let windows: Vec<_> = session.windows.iter().map(|w| w.id).collect();
    for wid in windows {
        if let Some(w) = state.window_mut(id, wid) {
            if w.layout.size() != size {
                w.layout.resize(size.0, size.1);
            }
        }
        crate::model::ops::sync_window(state, id, wid);
    }
    state.mark_session_dirty(id);
}

/// Returns the window size a session's clients ask for, or `None` to keep it.
fn wanted_size(state: &State, id: SessionId) -> Option<(u16, u16)> {
    let wid = state.session(id)?.current;
    let policy = state.options.window(wid, "window-size").as_text();
    let clients = state.clients.values().filter(|c| c.session == Some(id));
    let border = state
        .session(id)
        .and_then(|s| s.current_window())
        .and_then(|w| border_status(state, w));
    let areas = clients.map(|c| {
        let lines = status_lines(state, id) + u16::from(border.is_some());
        let s = c.size();
        (c.last_active, window_area(s.cols, s.rows, lines))
    });
    match policy.as_str() {
        "manual" => None,
        "largest" => areas
            .map(|(_, a)| a)
            .reduce(|a, b| (a.0.max(b.0), a.1.max(b.1))),
        "smallest" => areas
            .map(|(_, a)| a)
            .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1))),
        _ => areas.max_by_key(|(t, _)| *t).map(|(_, a)| a),
    }
}

/// Returns `Some(true)` for pane titles on a top border line, `Some(false)` for bottom, or
/// `None` when pane-border-status is off.
pub fn border_status(state: &State, window: &Window) -> Option<bool> {
    match state
        .options
        .window(window.id, "pane-border-status")
        .as_text()
        .as_str()
    {
        "top" => Some(true),
        "bottom" => Some(false),
        _ => None,
    }
}

/// Returns how many rows the status line takes for a session (0 when `status off`).
pub fn status_lines(state: &State, id: SessionId) -> u16 {
    match state.options.session(id, "status").as_text().as_str() {
        "off" => 0,
        n => n.parse::<u16>().unwrap_or(1).clamp(1, 5),
    }
}

/// Returns the window area of a client of `cols`×`rows` with `lines` status lines.
pub fn window_area(cols: u16, rows: u16, lines: u16) -> (u16, u16) {
    (cols.max(1), rows.saturating_sub(lines).max(1))
}

/// Returns the pane size of a client's terminal with one status line (new-session).
pub fn pane_area(cols: u16, rows: u16) -> TermSize {
    let (cols, rows) = window_area(cols, rows, 1);
    TermSize { rows, cols }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_line_takes_its_rows_and_sizes_never_reach_zero() {
        assert_eq!(pane_area(80, 24), TermSize { rows: 23, cols: 80 });
        assert_eq!(pane_area(1, 1), TermSize { rows: 1, cols: 1 });
        assert_eq!(pane_area(0, 0), TermSize { rows: 1, cols: 1 });
        assert_eq!(window_area(80, 24, 0), (80, 24));
        assert_eq!(window_area(80, 24, 2), (80, 22));
    }
}
