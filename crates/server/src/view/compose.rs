//! Composing a client's screen: the current window's panes at their places with borders
//! between them (the active pane's highlighted), pane titles on the borders when asked, pane
//! numbers or a chooser over the window, and the status line.

use mux_protocol::{Cell, Color, Cursor, Point, Style};

use crate::ids::{PaneId, SessionId};
use crate::model::client::Client;
use crate::model::layout::Rect;
use crate::model::mode::Mode;
use crate::model::state::State;
use crate::model::vars::Scope;
use crate::model::window::Window;
use crate::view::render::Screen;
use crate::view::status::option_style;

use crate::model::hit::Area;

/// Builds the screen a client should show.
pub fn compose(state: &State, client: &Client) -> Screen {
    let size = client.size();
    let (w, h) = (size.cols as usize, size.rows as usize);
    let blank = Cell {
        text: " ".into(),
        style: Style::default(),
        link: None,
    };
    let mut rows = vec![vec![blank; w]; h];
    let mut cursor = Cursor::default();
    let mut status_ranges = Vec::new();
    let Some(sid) = client.session else {
        return Screen {
            size,
            rows,
            cursor,
            status_ranges,
        };
    };
    let layout = crate::model::hit::screen_layout(state, sid, size);
    let area = layout.window;
    if let Some(window) = state.session(sid).and_then(|s| s.current_window()) {
        let titles = layout.titles;
        match &client.mode {
            Mode::Choose(ch) => crate::view::chooser::draw_chooser(state, ch, &mut rows, area),
            _ => cursor = draw_panned(state, client, sid, window, &mut rows, area),
        }
        if let Some(at_top) = titles {
            draw_titles(state, client, sid, window, &mut rows, area, at_top);
        }
    }
    if let Some(y) = layout.status_row {
        let status = crate::view::status::status_row(state, client.id, sid, w);
        status_ranges = status.ranges;
        if let Some(col) = status.cursor {
            cursor = Cursor {
                pos: Point::from_usize(y, usize::from(col)),
                visible: true,
                shape: 0,
            };
        }
        rows[y] = status.cells;
    }
    if let Mode::Menu(menu) = &client.mode {
        let scope = Scope {
            session: Some(sid),
            ..Scope::default()
        };
        let selected = option_style(state, scope, "mode-style", Style::default());
        crate::view::menu::draw_menu(menu, &mut rows, selected);
    }
    Screen {
        size,
        rows,
        cursor,
        status_ranges,
    }
}

/// Draws the window's panes and borders; a window larger than the area is drawn whole and
/// the part the client shows (see [`crate::model::hit::window_offset`]) copied in. Returns
/// the client's cursor.
fn draw_panned(
    state: &State,
    client: &Client,
    sid: SessionId,
    window: &Window,
    rows: &mut [Vec<Cell>],
    area: Area,
) -> Cursor {
    let (ox, oy) = crate::model::hit::window_offset(state, client);
    if (ox, oy) == (0, 0) {
        return draw_window(state, client, sid, window, rows, area);
    }
    let (wc, wr) = window.layout.size();
    let (wc, wr) = (usize::from(wc), usize::from(wr));
    let blank = Cell::new(" ", Style::default());
    let mut whole = vec![vec![blank; wc]; wr];
    let full = Area {
        x: 0,
        y: 0,
        cols: wc,
        rows: wr,
    };
    let mut cursor = draw_window(state, client, sid, window, &mut whole, full);
    for (y, row) in whole.iter().skip(oy).take(area.rows).enumerate() {
        for (x, cell) in row.iter().skip(ox).take(area.cols).enumerate() {
            if let Some(slot) = rows.get_mut(area.y + y).and_then(|r| r.get_mut(area.x + x)) {
                *slot = cell.clone();
            }
        }
    }
    let (cx, cy) = (usize::from(cursor.pos.col), usize::from(cursor.pos.row));
    let inside = (ox..ox + area.cols).contains(&cx) && (oy..oy + area.rows).contains(&cy);
    cursor.visible &= inside;
    cursor.pos = Point::from_usize(
        (area.y + cy).saturating_sub(oy),
        (area.x + cx).saturating_sub(ox),
    );
    cursor
}

/// Draws the window's panes and borders; returns the client's cursor.
fn draw_window(
    state: &State,
    client: &Client,
    sid: SessionId,
    window: &Window,
    rows: &mut [Vec<Cell>],
    area: Area,
) -> Cursor {
    let mut cursor = Cursor::default();
    if window.layout.is_empty() {
        return cursor;
    }
    let visible = window.visible();
    for (pane, rect) in &visible {
        let Some(p) = state.panes.get(pane) else {
            continue;
        };
        match p.copy.as_ref() {
            _ if p.clock => {
                let size = p.term.size();
                let name = state
                    .options
                    .window(p.window, "clock-mode-colour")
                    .as_text();
                let colour =
                    crate::config::style::parse_style(&format!("fg={name}"), Style::default())
                        .map_or(mux_protocol::Color::Default, |s| s.fg);
                let twelve = state.options.window(p.window, "clock-mode-style").as_text() == "12";
                let shown = crate::view::clock::rows(
                    state.os.wall_clock(),
                    size.cols,
                    size.rows,
                    colour,
                    twelve,
                );
                draw_cells(rows, area, *rect, size, |y, x| {
                    shown.get(usize::from(y))?.get(usize::from(x)).cloned()
                });
            }
            Some(copy) => {
                let shown = crate::view::copy::rows(state, p, copy);
                draw_cells(rows, area, *rect, p.term.size(), |y, x| {
                    shown.get(usize::from(y))?.get(usize::from(x)).cloned()
                });
            }
            None => draw_cells(rows, area, *rect, p.term.size(), |y, x| {
                p.term.cell(y, x).map(|c| crate::view::copy::to_cell(&c))
            }),
        }
        if let Some(status) = p.exit_status {
            let text = format!("Pane is dead (status {status})");
            let y =
                (p.term.cursor().pos.row as usize + 1).min(rect.rows.saturating_sub(1) as usize);
            put_text(rows, area, *rect, y, &text, Style::default());
        }
        if *pane == window.active && matches!(client.mode, Mode::Normal | Mode::Prompt(_)) {
            let c = match p.copy.as_ref() {
                Some(copy) => mux_protocol::Cursor {
                    pos: Point {
                        row: u16::try_from(copy.cy.saturating_sub(copy.top)).unwrap_or(u16::MAX),
                        col: copy.cx,
                    },
                    visible: true,
                    shape: 0,
                },
                None => p.term.cursor(),
            };
            cursor = crate::view::partial::pane_cursor(c, *rect, area);
        }
    }
    if !window.zoomed && visible.len() > 1 {
        crate::view::borders::draw_borders(state, sid, window, &visible, rows, area);
    }
    fill_outside(window, rows, area);
    if let Mode::PaneNumbers(_) = client.mode {
        draw_numbers(state, sid, window, &visible, rows, area);
    }
    cursor
}

/// Fills the part of the client's area beyond the window with middle dots, as tmux does when
/// a client is larger than the window it shows.
fn fill_outside(window: &Window, rows: &mut [Vec<Cell>], area: Area) {
    let (wc, wr) = window.layout.size();
    for y in 0..area.rows {
        for x in 0..area.cols {
            if x < wc as usize && y < wr as usize {
                continue;
            }
            if let Some(cell) = rows.get_mut(area.y + y).and_then(|r| r.get_mut(area.x + x)) {
                *cell = Cell {
                    text: "·".into(),
                    style: Style::default(),
                    link: None,
                };
            }
        }
    }
}

/// Copies a pane's cells (`cell_at(row, col)`, within its terminal's size `ts`) into its
/// rectangle of the window area.
pub(crate) fn draw_cells(
    rows: &mut [Vec<Cell>],
    area: Area,
    rect: Rect,
    ts: mux_protocol::Size,
    cell_at: impl Fn(u16, u16) -> Option<Cell>,
) {
    for y in 0..rect.rows.min(ts.rows) {
        let sy = area.y + usize::from(rect.y) + usize::from(y);
        if sy >= area.y + area.rows || sy >= rows.len() {
            break;
        }
        for x in 0..rect.cols.min(ts.cols) {
            let sx = area.x + usize::from(rect.x) + usize::from(x);
            if sx >= area.x + area.cols || sx >= rows[sy].len() {
                break;
            }
            if let Some(c) = cell_at(y, x) {
                rows[sy][sx] = c;
            }
        }
    }
}

/// Writes text on row `y` of a pane's rectangle.
pub(crate) fn put_text(
    rows: &mut [Vec<Cell>],
    area: Area,
    rect: Rect,
    y: usize,
    text: &str,
    style: Style,
) {
    let sy = area.y + rect.y as usize + y;
    for (i, ch) in text.chars().take(rect.cols as usize).enumerate() {
        let sx = area.x + rect.x as usize + i;
        if let Some(cell) = rows.get_mut(sy).and_then(|r| r.get_mut(sx)) {
            *cell = Cell {
                text: ch.into(),
                style,
                link: None,
            };
        }
    }
}

/// Draws each pane's number over it (display-panes), in `display-panes-active-colour` for
/// the active pane and `display-panes-colour` for the others.
fn draw_numbers(
    state: &State,
    sid: SessionId,
    window: &Window,
    visible: &[(PaneId, Rect)],
    rows: &mut [Vec<Cell>],
    area: Area,
) {
    let opts = &state.options;
    let base = opts.window(window.id, "pane-base-index").as_count();
    let colour = |name: &str, fallback: u8| {
        crate::config::style::parse_colour(&opts.session(sid, name).as_text())
            .unwrap_or(Color::Indexed(fallback))
    };
    let (active, other) = (
        colour("display-panes-active-colour", 1),
        colour("display-panes-colour", 4),
    );
    for (pane, rect) in visible {
        let index = window.pane_position(*pane).unwrap_or(0) + base;
        let place = crate::view::pane_numbers::Place {
            x: area.x + usize::from(rect.x),
            y: area.y + usize::from(rect.y),
            cols: usize::from(rect.cols),
            rows: usize::from(rect.rows),
        };
        let colour = if *pane == window.active {
            active
        } else {
            other
        };
        crate::view::pane_numbers::draw(rows, place, index, colour);
    }
}

/// Draws pane titles (pane-border-format) on the border line above or below each pane.
fn draw_titles(
    state: &State,
    client: &Client,
    sid: SessionId,
    window: &Window,
    rows: &mut [Vec<Cell>],
    area: Area,
    top: bool,
) {
    for (pane, rect) in window.visible() {
        let scope = Scope {
            session: Some(sid),
            window: Some(window.id),
            pane: Some(pane),
            client: Some(client.id),
        };
        let fmt =
            crate::model::vars::lookup(state, scope, "pane-border-format").unwrap_or_default();
        let text = crate::model::vars::expand(state, scope, &fmt);
        let base = option_style(state, scope, "pane-border-style", Style::default());
        let runs = crate::config::style::styled_runs(&text, base);
        let y = if top {
            area.y as isize + rect.y as isize - 1
        } else {
            (area.y + (rect.y + rect.rows) as usize) as isize
        };
        let Some(row) = usize::try_from(y).ok().and_then(|y| rows.get_mut(y)) else {
            continue;
        };
        let width = (rect.cols as usize).saturating_sub(2);
        for (i, (text, style)) in crate::config::style::layout_cells(&runs, width)
            .into_iter()
            .enumerate()
        {
            if let Some(cell) = row.get_mut(area.x + rect.x as usize + 2 + i) {
                *cell = Cell::new(text, style);
            }
        }
    }
}
