//! Window sizing: a session's windows take their size from its attached clients, by the
//! `window-size` option (`latest`, the default, as tmux: the most recently active client;
//! `largest`; `smallest`; `manual` keeps the size), less the status lines.

use mux_term_emu::Size as TermSize;

use crate::ids::SessionId;
use crate::model::state::State;
use crate::model::window::Window;

/// The size of a session made without a client and without `-x`/`-y`.
pub const DEFAULT_SIZE: TermSize = TermSize { rows: 24, cols: 80 };

/// The widest terminal, window or pane mux handles. tmux allows 10000 per side, but a
/// client's screen is composed as one cell value per position: 1000x500 composes in about
/// 60 MB and its first frame stays well under the protocol's frame limit, where 65535x65535
/// would need hundreds of gigabytes. Every size that comes from outside (a client's terminal at
/// attach and on resize, `new-session -x`/`-y`) is clamped by [`clamp`].
pub const MAX_COLS: u16 = 1000;

/// The tallest terminal, window or pane mux handles (see [`MAX_COLS`]).
pub const MAX_ROWS: u16 = 500;

/// Clamps a size from outside to 1..=[`MAX_COLS`] columns and 1..=[`MAX_ROWS`] rows: the
/// one place where the limit is applied.
pub fn clamp(size: TermSize) -> TermSize {
    TermSize {
        rows: size.rows.clamp(1, MAX_ROWS),
        cols: size.cols.clamp(1, MAX_COLS),
    }
}

/// Resizes a session's windows to fit its clients under the window-size policy. A window
/// with aggressive-resize on is resized only while it is the session's current window, so
/// the others keep their size until they are selected.
pub fn apply_window_size(state: &mut State, id: SessionId) {
    let Some(size) = wanted_size(state, id) else {
        return;
    };
    let Some(session) = state.session(id) else {
        return;
    };
    let current = session.current;
    let windows: Vec<_> = session
        .windows
        .iter()
        .filter(|w| w.layout.size() != size)
        .filter(|w| w.id == current || !state.options.window(w.id, "aggressive-resize").as_flag())
        .map(|w| w.id)
        .collect();
    if session.size == size && windows.is_empty() {
        return;
    }
    if let Some(session) = state.session_mut(id) {
        session.size = size;
    }
    for wid in windows {
        if let Some(w) = state.window_mut(id, wid) {
            w.layout.resize(size.0, size.1);
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
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns the size the PTY of pane `pane` was last given.
    fn pty(h: &Harness, pane: u32) -> Option<(u16, u16)> {
        h.fake.pane(PaneId(pane)).size.map(|s| (s.cols, s.rows))
    }

    /// Returns a session `work` with a second window and `policy` as its window-size, and
    /// clients of 100x30 and 60x20 attached in that order.
    fn two_clients(policy: &str) -> (Harness, crate::ids::ClientId, crate::ids::ClientId) {
        let mut h = Harness::with_session();
        h.ok("new-window -d");
        h.ok(&format!("set -g window-size {policy}"));
        let big = h.attach("attach -t work", 100, 30);
        let small = h.attach("attach -t work", 60, 20);
        (h, big, small)
    }

    #[test]
    fn latest_follows_the_client_used_most_recently() {
        let (mut h, big, small) = two_clients("latest");
        assert_eq!(pty(&h, 0), Some((60, 19)));
        h.type_text(big, "x");
        assert_eq!(pty(&h, 0), Some((100, 29)));
        // Every window of the session takes the size, not only the current one.
        assert_eq!(pty(&h, 1), Some((100, 29)));
        h.send(
            small,
            mux_protocol::ClientMsg::Resize(mux_protocol::Size { cols: 70, rows: 15 }),
        );
        assert_eq!(pty(&h, 0), Some((70, 14)));
        assert_eq!(
            h.ok("display -p '#{window_width}x#{window_height}'"),
            "70x14\n"
        );
    }

    #[test]
    fn largest_takes_the_widest_and_tallest_of_the_clients() {
        let (mut h, _big, small) = two_clients("largest");
        assert_eq!(pty(&h, 0), Some((100, 29)));
        h.send(
            small,
            mux_protocol::ClientMsg::Resize(mux_protocol::Size {
                cols: 120,
                rows: 10,
            }),
        );
        assert_eq!(pty(&h, 0), Some((120, 29)));
    }

    #[test]
    fn smallest_takes_the_narrowest_and_shortest_of_the_clients() {
        let (mut h, big, _small) = two_clients("smallest");
        assert_eq!(pty(&h, 0), Some((60, 19)));
        h.send(
            big,
            mux_protocol::ClientMsg::Resize(mux_protocol::Size { cols: 50, rows: 40 }),
        );
        assert_eq!(pty(&h, 0), Some((50, 19)));
    }

    #[test]
    fn manual_keeps_the_size_the_session_was_made_with() {
        let (mut h, big, _small) = two_clients("manual");
        assert_eq!(pty(&h, 0), Some((80, 24)));
        h.type_text(big, "x");
        assert_eq!(pty(&h, 0), Some((80, 24)));
    }

    #[test]
    fn changing_the_policy_resizes_at_once() {
        let (mut h, _big, _small) = two_clients("latest");
        h.ok("set -g window-size largest");
        assert_eq!(pty(&h, 0), Some((100, 29)));
        h.ok("set -g window-size smallest");
        assert_eq!(pty(&h, 0), Some((60, 19)));
    }

    #[test]
    fn status_lines_are_taken_from_the_clients_rows() {
        let mut h = Harness::with_session();
        h.attach("attach -t work", 80, 24);
        h.ok("set status 2");
        assert_eq!(pty(&h, 0), Some((80, 22)));
        h.ok("set status off");
        assert_eq!(pty(&h, 0), Some((80, 24)));
        assert_eq!(status_lines(&h.state, h.state.sessions[0].id), 0);
    }

    #[test]
    fn aggressive_resize_leaves_windows_that_are_not_current_alone() {
        let (mut h, _big, small) = two_clients("latest");
        h.ok("set -g aggressive-resize on");
        let resize = |h: &mut Harness, cols, rows| {
            let size = mux_protocol::Size { cols, rows };
            h.send(small, mux_protocol::ClientMsg::Resize(size));
        };
        resize(&mut h, 50, 15);
        assert_eq!(pty(&h, 0), Some((50, 14)));
        assert_eq!(
            pty(&h, 1),
            Some((60, 19)),
            "a window not shown keeps its size"
        );
        h.ok("next-window -t work");
        assert_eq!(
            pty(&h, 1),
            Some((50, 14)),
            "and takes it once it is current"
        );
        h.ok("set -g aggressive-resize off");
        resize(&mut h, 70, 20);
        assert_eq!(
            pty(&h, 0),
            Some((70, 19)),
            "without it every window follows"
        );
    }

    #[test]
    fn a_session_without_clients_keeps_its_size() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 100, 30);
        h.ok("detach-client -s work");
        assert!(!h.state.clients.contains_key(&c));
        assert_eq!(pty(&h, 0), Some((100, 29)));
    }

    #[test]
    fn sizes_from_outside_are_clamped_on_both_sides() {
        let huge = TermSize {
            rows: u16::MAX,
            cols: u16::MAX,
        };
        assert_eq!(
            clamp(huge),
            TermSize {
                rows: MAX_ROWS,
                cols: MAX_COLS
            }
        );
        assert_eq!(
            clamp(TermSize { rows: 0, cols: 0 }),
            TermSize { rows: 1, cols: 1 }
        );
        assert_eq!(clamp(DEFAULT_SIZE), DEFAULT_SIZE);
    }

    #[test]
    fn status_line_takes_its_rows_and_sizes_never_reach_zero() {
        assert_eq!(pane_area(80, 24), TermSize { rows: 23, cols: 80 });
        assert_eq!(pane_area(1, 1), TermSize { rows: 1, cols: 1 });
        assert_eq!(pane_area(0, 0), TermSize { rows: 1, cols: 1 });
        assert_eq!(window_area(80, 24, 0), (80, 24));
        assert_eq!(window_area(80, 24, 2), (80, 22));
    }
}
