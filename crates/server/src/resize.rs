//! Window sizing: a session's windows follow its most recently active client (tmux's
//! `window-size latest`), less the status line.

use mux_term_emu::Size as TermSize;

use crate::event::SessionId;
use crate::state::State;

/// The size of a session that no client has shaped yet, as tmux's `default-size`.
pub const DEFAULT_SIZE: TermSize = TermSize { rows: 24, cols: 80 };

/// Resizes the session's windows to fit its most recently active attached client.
pub fn apply_window_size(state: &mut State, id: SessionId) {
    let latest = state
        .clients
        .values()
        .filter(|c| c.session == Some(id))
        .max_by_key(|c| c.last_active);
    let Some(client) = latest else {
        return;
    };
    let size = pane_area(client.size().cols, client.size().rows);
    let Some(session) = state.sessions.iter().find(|s| s.id == id) else {
        return;
    };
    let panes: Vec<_> = session.windows.iter().map(|w| w.pane).collect();
    for pane in panes {
        if let Some(p) = state.panes.get_mut(&pane) {
            p.resize(size);
        }
    }
    state.mark_session_dirty(id);
}

/// Returns the pane area of a client of `cols`×`rows`: everything but the status line.
pub fn pane_area(cols: u16, rows: u16) -> TermSize {
    TermSize {
        rows: rows.saturating_sub(1).max(1),
        cols: cols.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_line_takes_one_row_and_sizes_never_reach_zero() {
        assert_eq!(pane_area(80, 24), TermSize { rows: 23, cols: 80 });
        assert_eq!(pane_area(1, 1), TermSize { rows: 1, cols: 1 });
        assert_eq!(pane_area(0, 0), TermSize { rows: 1, cols: 1 });
    }
}
