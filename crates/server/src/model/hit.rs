//! Where things are on a client's screen: the status line's row, the window's area (below or
//! above the status line, less a line of pane titles), and what lies under a point — a pane
//! (and where in it), a border, or a part of the status line. Composing the screen and
//! placing the mouse both use it, so they agree.

use mux_protocol::{Point, Size};

use crate::ids::{PaneId, SessionId};
use crate::model::client::StatusTarget;
use crate::model::state::State;

/// A rectangle of the client's screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    /// Its left column.
    pub x: usize,
    /// Its top row.
    pub y: usize,
    /// Its width.
    pub cols: usize,
    /// Its height.
    pub rows: usize,
}

/// How a client's screen is divided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The status line's first row, when there is one.
    pub status_row: Option<usize>,
    /// How many rows the status line takes.
    pub status_lines: usize,
    /// Where the current window is drawn.
    pub window: Area,
    /// Whether pane titles are drawn on a line above (`Some(true)`) or below the panes.
    pub titles: Option<bool>,
}

/// Returns how a screen of `size` showing session `sid` is divided.
pub fn screen_layout(state: &State, sid: SessionId, size: Size) -> ScreenLayout {
    let (w, h) = (usize::from(size.cols), usize::from(size.rows));
    let lines = usize::from(crate::model::resize::status_lines(state, sid)).min(h);
    let top = state.options.session(sid, "status-position").as_text() == "top";
    let mut window = Area {
        x: 0,
        y: if top { lines } else { 0 },
        cols: w,
        rows: h - lines,
    };
    let titles = state
        .session(sid)
        .and_then(|s| s.current_window())
        .and_then(|win| crate::model::resize::border_status(state, win));
    if titles == Some(true) && window.rows > 0 {
        window.y += 1;
        window.rows -= 1;
    }
    ScreenLayout {
        status_row: (lines > 0).then(|| if top { 0 } else { h - lines }),
        status_lines: lines,
        window,
        titles,
    }
}

/// Returns which cell of the current window a client shows at the top-left of its window
/// area: (0, 0) unless the window is larger than the area, when it is the client's pan or
/// (following the cursor, as tmux) just far enough to show the active pane's cursor.
pub fn window_offset(state: &State, client: &crate::model::client::Client) -> (usize, usize) {
    let Some(sid) = client.session else {
        return (0, 0);
    };
    let Some(window) = state.session(sid).and_then(|s| s.current_window()) else {
        return (0, 0);
    };
    let area = screen_layout(state, sid, client.size()).window;
    let (wc, wr) = window.layout.size();
    let (max_x, max_y) = (
        usize::from(wc).saturating_sub(area.cols),
        usize::from(wr).saturating_sub(area.rows),
    );
    if (max_x, max_y) == (0, 0) {
        return (0, 0);
    }
    if let Some((x, y)) = client.pan {
        return (x.min(max_x), y.min(max_y));
    }
    let cursor = window.visible_rect(window.active).and_then(|r| {
        let c = state.panes.get(&window.active)?.term.cursor().pos;
        Some((usize::from(r.x + c.col), usize::from(r.y + c.row)))
    });
    let (cx, cy) = cursor.unwrap_or((0, 0));
    let follow = |at: usize, size: usize, max: usize| (at + 1).saturating_sub(size).min(max);
    (follow(cx, area.cols, max_x), follow(cy, area.rows, max_y))
}

/// What lies under a point of a client's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A pane, and the point within it.
    Pane(PaneId, Point),
    /// A border between panes, at this point of the window.
    Border(Point),
    /// The status line: a window of the list, the left or right part, or elsewhere.
    Status(StatusTarget),
    /// Nothing (outside the window, or a client with no session).
    Nothing,
}

/// Returns what lies under `at` on a client's screen.
pub fn hit(state: &State, client: crate::ids::ClientId, at: Point) -> Hit {
    let Some(c) = state.clients.get(&client) else {
        return Hit::Nothing;
    };
    let Some(sid) = c.session else {
        return Hit::Nothing;
    };
    let layout = screen_layout(state, sid, c.size());
    let (x, y) = (usize::from(at.col), usize::from(at.row));
    if let Some(row) = layout.status_row {
        if (row..row + layout.status_lines).contains(&y) {
            let target = c
                .status_ranges
                .iter()
                .find(|(from, to, _)| (*from..*to).contains(&x))
                .map_or(StatusTarget::Other, |(_, _, t)| *t);
            return Hit::Status(target);
        }
    }
    let area = layout.window;
    if y < area.y || y >= area.y + area.rows || x >= area.cols {
        return Hit::Nothing;
    }
    let Some(window) = state.session(sid).and_then(|s| s.current_window()) else {
        return Hit::Nothing;
    };
    let (ox, oy) = window_offset(state, c);
    let (wx, wy) = (x - area.x + ox, y - area.y + oy);
    let (cols, rows) = window.layout.size();
    if wx >= usize::from(cols) || wy >= usize::from(rows) {
        return Hit::Nothing;
    }
    for (pane, r) in window.visible() {
        let (px, py) = (usize::from(r.x), usize::from(r.y));
        if (px..px + usize::from(r.cols)).contains(&wx)
            && (py..py + usize::from(r.rows)).contains(&wy)
        {
            return Hit::Pane(pane, Point::from_usize(wy - py, wx - px));
        }
    }
    Hit::Border(Point::from_usize(wy, wx))
}
