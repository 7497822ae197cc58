//! The borders between panes: every cell of the window no pane covers, drawn in the line set
//! `pane-border-lines` names (single, double, heavy, simple, or the neighbouring pane's
//! number), the active pane's ring in `pane-active-border-style`, and with
//! `pane-border-indicators` arrows on it pointing at the active pane.

use mux_protocol::{Cell, Style};

use crate::ids::{PaneId, SessionId};
use crate::model::hit::Area;
use crate::model::layout::Rect;
use crate::model::state::State;
use crate::model::vars::Scope;
use crate::model::window::Window;
use crate::view::status::option_style;

/// A line set: vertical, horizontal, then the corners and junctions as `border_glyph` names
/// them (┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼).
struct Lines([char; 11]);

const SINGLE: Lines = Lines(['│', '─', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼']);
const DOUBLE: Lines = Lines(['║', '═', '╔', '╗', '╚', '╝', '╠', '╣', '╦', '╩', '╬']);
const HEAVY: Lines = Lines(['┃', '━', '┏', '┓', '┗', '┛', '┣', '┫', '┳', '┻', '╋']);
const SIMPLE: Lines = Lines(['|', '-', '+', '+', '+', '+', '+', '+', '+', '+', '+']);

/// Draws the border cells of a window.
pub fn draw_borders(
    state: &State,
    sid: SessionId,
    window: &Window,
    visible: &[(PaneId, Rect)],
    rows: &mut [Vec<Cell>],
    area: Area,
) {
    let (wc, wr) = window.layout.size();
    let (wc, wr) = (
        usize::from(wc).min(area.cols),
        usize::from(wr).min(area.rows),
    );
    let pane_at = |x: usize, y: usize| {
        visible.iter().position(|(_, r)| {
            (usize::from(r.x)..usize::from(r.x + r.cols)).contains(&x)
                && (usize::from(r.y)..usize::from(r.y + r.rows)).contains(&y)
        })
    };
    let is_border = |x: usize, y: usize, dx: isize, dy: isize| {
        let (Some(x), Some(y)) = (x.checked_add_signed(dx), y.checked_add_signed(dy)) else {
            return false;
        };
        x < wc && y < wr && pane_at(x, y).is_none()
    };
    let scope = Scope {
        session: Some(sid),
        window: Some(window.id),
        pane: Some(window.active),
        client: None,
    };
    let normal = option_style(state, scope, "pane-border-style", Style::default());
    let active_style = option_style(state, scope, "pane-active-border-style", normal);
    let active = window.layout.rect(window.active).unwrap_or_default();
    // As tmux, the marked pane's borders are drawn reversed.
    let marked = state
        .marked_pane()
        .and_then(|p| visible.iter().find(|(id, _)| *id == p))
        .map(|(_, r)| *r);
    let option = |name: &str| state.options.window(window.id, name).as_text();
    let lines = option("pane-border-lines");
    let indicators = option("pane-border-indicators");
    let colour = indicators == "colour" || indicators == "both";
    let base = state
        .options
        .window(window.id, "pane-base-index")
        .as_count();
    for y in 0..wr {
        for x in 0..wc {
            if !is_border(x, y, 0, 0) {
                continue;
            }
            let text = if lines == "number" {
                // The number of the pane on the left or above, as tmux draws it.
                let next = pane_at(x.wrapping_sub(1), y).or_else(|| pane_at(x, y.wrapping_sub(1)));
                let digit = next.map_or(0, |i| {
                    (window.pane_position(visible[i].0).unwrap_or(0) + base) % 10
                });
                char::from_digit(u32::try_from(digit).unwrap_or(0), 10).unwrap_or('?')
            } else {
                let set = match lines.as_str() {
                    "double" => &DOUBLE,
                    "heavy" => &HEAVY,
                    "simple" => &SIMPLE,
                    _ => &SINGLE,
                };
                border_glyph(
                    set,
                    is_border(x, y, 0, -1),
                    is_border(x, y, 0, 1),
                    is_border(x, y, -1, 0),
                    is_border(x, y, 1, 0),
                )
            };
            let ring = visible.len() > 1 && touches(active, x, y);
            let mut style = if ring && colour { active_style } else { normal };
            if marked.is_some_and(|m| touches(m, x, y)) {
                style.attrs.toggle(mux_protocol::Attrs::REVERSE);
            }
            if let Some(cell) = rows.get_mut(area.y + y).and_then(|r| r.get_mut(area.x + x)) {
                *cell = Cell::new(text, style);
            }
        }
    }
    if indicators == "arrows" || indicators == "both" {
        draw_arrows(rows, area, active, (wc, wr), active_style);
    }
}

/// Puts an arrow pointing at the active pane in the middle of each of its borders.
fn draw_arrows(
    rows: &mut [Vec<Cell>],
    area: Area,
    active: Rect,
    (wc, wr): (usize, usize),
    style: Style,
) {
    let (x0, y0) = (usize::from(active.x), usize::from(active.y));
    let (x1, y1) = (x0 + usize::from(active.cols), y0 + usize::from(active.rows));
    let (mid_x, mid_y) = (
        x0 + usize::from(active.cols) / 2,
        y0 + usize::from(active.rows) / 2,
    );
    let mut arrows = vec![(x1, mid_y, '←'), (mid_x, y1, '↑')];
    if x0 > 0 {
        arrows.push((x0 - 1, mid_y, '→'));
    }
    if y0 > 0 {
        arrows.push((mid_x, y0 - 1, '↓'));
    }
    for (x, y, arrow) in arrows {
        if x < wc && y < wr {
            if let Some(cell) = rows.get_mut(area.y + y).and_then(|r| r.get_mut(area.x + x)) {
                *cell = Cell::new(arrow, style);
            }
        }
    }
}

/// Returns whether a border cell lies on the edge of `rect`.
fn touches(rect: Rect, x: usize, y: usize) -> bool {
    let (x0, y0) = (usize::from(rect.x), usize::from(rect.y));
    let (x1, y1) = (x0 + usize::from(rect.cols), y0 + usize::from(rect.rows));
    let in_x = x + 1 >= x0 && x <= x1;
    let in_y = y + 1 >= y0 && y <= y1;
    let beside = (x + 1 == x0 || x == x1) && y >= y0 && y < y1;
    let above_below = (y + 1 == y0 || y == y1) && x >= x0 && x < x1;
    in_x && in_y && (beside || above_below)
}

/// Chooses the character of a border cell from its border neighbours, in a line set.
fn border_glyph(set: &Lines, up: bool, down: bool, left: bool, right: bool) -> char {
    let [v, h, tl, tr, bl, br, lt, rt, tt, bt, cross] = set.0;
    match (up || down, left || right) {
        (true, false) => v,
        (false, true) | (false, false) => h,
        (true, true) => match (up, down, left, right) {
            (true, true, true, true) => cross,
            (true, true, false, true) => lt,
            (true, true, true, false) => rt,
            (false, true, true, true) => tt,
            (true, false, true, true) => bt,
            (false, true, false, true) => tl,
            (false, true, true, false) => tr,
            (true, false, false, true) => bl,
            (true, false, true, false) => br,
            _ => cross,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Harness;

    #[test]
    fn border_glyphs_join_lines_in_each_set() {
        assert_eq!(border_glyph(&SINGLE, true, true, false, false), '│');
        assert_eq!(border_glyph(&SINGLE, false, false, true, true), '─');
        assert_eq!(border_glyph(&SINGLE, true, true, false, true), '├');
        assert_eq!(border_glyph(&SINGLE, true, true, true, true), '┼');
        assert_eq!(border_glyph(&SINGLE, false, true, true, true), '┬');
        assert_eq!(border_glyph(&DOUBLE, true, true, true, true), '╬');
        assert_eq!(border_glyph(&HEAVY, true, true, false, false), '┃');
        assert_eq!(border_glyph(&SIMPLE, true, true, false, true), '+');
    }

    #[test]
    fn active_border_is_the_ring_around_the_pane() {
        let r = Rect {
            x: 0,
            y: 0,
            cols: 10,
            rows: 5,
        };
        assert!(touches(r, 10, 2), "right edge");
        assert!(touches(r, 3, 5), "bottom edge");
        assert!(!touches(r, 11, 2));
        assert!(!touches(r, 10, 9));
    }

    #[test]
    fn pane_border_lines_and_indicators_change_what_is_drawn() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        let c = h.attach("attach -t work", 21, 6);
        assert!(h.screen(c)[0].contains('│'));
        h.ok("setw -g pane-border-lines double");
        assert!(h.screen(c)[0].contains('║'));
        h.ok("setw -g pane-border-lines simple");
        assert!(h.screen(c)[0].contains('|'));
        h.ok("setw -g pane-border-lines number");
        assert_eq!(h.screen(c)[0].chars().nth(10), Some('0'));
        h.ok("setw -g pane-border-lines single");
        h.ok("setw -g pane-border-indicators arrows");
        assert!(h.screen(c)[2].contains('→'), "{:?}", h.screen(c));
    }
}
