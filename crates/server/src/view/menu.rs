//! Drawing a menu over a client's screen: a box with its title centred on the top border,
//! one line per item (its key in parentheses on the right), separators as lines across, the
//! highlighted item in mode-style and disabled items dimmed.

use mux_protocol::{Attrs, Cell, Style};

use crate::config::style::{layout_cells, styled_runs};
use crate::model::menu::{Menu, MenuLine};

/// The box's characters: corners, edges and the separator's ends.
const BOX: [char; 8] = ['┌', '┐', '└', '┘', '─', '│', '├', '┤'];

/// Draws `menu` onto `rows` (the client's whole screen), with `selected` as the highlighted
/// item's style.
pub fn draw_menu(menu: &Menu, rows: &mut [Vec<Cell>], selected: Style) {
    let (w, h) = menu.size();
    let (x0, y0) = menu.at;
    let base = Style::default();
    let mut put = |x: usize, y: usize, text: String, style: Style| {
        if let Some(cell) = rows.get_mut(y0 + y).and_then(|r| r.get_mut(x0 + x)) {
            *cell = Cell::new(text, style);
        }
    };
    for x in 0..w {
        let (top, bottom) = match x {
            0 => (BOX[0], BOX[2]),
            _ if x + 1 == w => (BOX[1], BOX[3]),
            _ => (BOX[4], BOX[4]),
        };
        put(x, 0, top.to_string(), base);
        put(x, h - 1, bottom.to_string(), base);
    }
    let title = cells(&menu.title, base, w.saturating_sub(4));
    let start = (w.saturating_sub(title.len())) / 2;
    for (i, (text, style)) in title.into_iter().enumerate() {
        put(start + i, 0, text, style);
    }
    for (i, line) in menu.lines.iter().enumerate() {
        let y = i + 1;
        let item = match line {
            MenuLine::Separator => {
                put(0, y, BOX[6].to_string(), base);
                for x in 1..w - 1 {
                    put(x, y, BOX[4].to_string(), base);
                }
                put(w - 1, y, BOX[7].to_string(), base);
                continue;
            }
            MenuLine::Item(item) => item,
        };
        let mut style = if menu.selected == Some(i) {
            selected
        } else {
            base
        };
        if !item.enabled {
            style.attrs = style.attrs | Attrs::DIM;
        }
        put(0, y, BOX[5].to_string(), base);
        put(w - 1, y, BOX[5].to_string(), base);
        for x in 1..w - 1 {
            put(x, y, " ".into(), style);
        }
        let label = cells(&item.label, style, w.saturating_sub(4));
        for (j, (text, s)) in label.into_iter().enumerate() {
            put(2 + j, y, text, s);
        }
        if !item.key_name.is_empty() {
            let key = format!("({})", item.key_name);
            let at = w.saturating_sub(2 + key.chars().count());
            for (j, c) in key.chars().enumerate() {
                put(at + j, y, c.to_string(), style);
            }
        }
    }
}

/// Lays out text with `#[...]` style markers into at most `width` cells.
fn cells(text: &str, base: Style, width: usize) -> Vec<(String, Style)> {
    layout_cells(&styled_runs(text, base), width)
}
