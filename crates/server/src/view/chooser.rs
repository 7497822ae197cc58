//! Drawing a chooser over the window area, as tmux's tree mode: the visible items numbered,
//! indented by depth with `+` on folded items and `-` on the others, tagged items in bold,
//! the highlighted one reversed; a question or the filter being typed on the line under the
//! list; and the highlighted item's preview in the lower half.

use mux_protocol::{Attrs, Cell, Style};

use crate::model::hit::Area;
use crate::model::layout::Rect;
use crate::model::mode::{Chooser, Preview};
use crate::model::state::State;
use crate::view::compose::{draw_cells, put_text};

/// Returns a rectangle covering all of `area`, in its own coordinates.
fn whole(area: Area) -> Rect {
    Rect {
        x: 0,
        y: 0,
        cols: u16::try_from(area.cols).unwrap_or(u16::MAX),
        rows: u16::try_from(area.rows).unwrap_or(u16::MAX),
    }
}

/// Draws a chooser over the window area.
pub fn draw_chooser(state: &State, ch: &Chooser, rows: &mut [Vec<Cell>], area: Area) {
    let preview = ch
        .items
        .get(ch.selected)
        .map_or(&Preview::None, |i| &i.preview);
    let status = match (&ch.editing, &ch.asking) {
        (Some(text), _) => Some(format!("(filter) {text}")),
        (None, Some((question, _))) => Some(question.clone()),
        _ if !ch.filter.is_empty() => Some(format!("(filter: {})", ch.filter)),
        _ => None,
    };
    // As tmux: the list on top, a line, and the preview in the lower part of the window.
    let (list, line_row) = match preview {
        _ if area.rows < 6 => (area, None),
        Preview::None if status.is_none() => (area, None),
        Preview::None => {
            let list = Area {
                rows: area.rows - 1,
                ..area
            };
            (list, Some(area.y + area.rows - 1))
        }
        _ => {
            let list_rows = area.rows / 2;
            let below = Area {
                y: area.y + list_rows + 1,
                rows: area.rows - list_rows - 1,
                ..area
            };
            draw_preview(state, preview, rows, below);
            let list = Area {
                rows: list_rows,
                ..area
            };
            (list, Some(area.y + list_rows))
        }
    };
    if let Some(y) = line_row {
        for cell in rows
            .get_mut(y)
            .into_iter()
            .flat_map(|r| r.iter_mut().skip(area.x).take(area.cols))
        {
            *cell = Cell::new("─", Style::default());
        }
        if let Some(text) = &status {
            let at = Area { y, rows: 1, ..area };
            put_text(rows, at, whole(at), 0, text, Style::default());
        }
    }
    draw_items(ch, rows, list);
}

/// Draws the visible items, scrolled so the highlighted one shows.
fn draw_items(ch: &Chooser, rows: &mut [Vec<Cell>], area: Area) {
    let visible = ch.visible();
    let at = visible.iter().position(|&i| i == ch.selected).unwrap_or(0);
    let first = at.saturating_sub(area.rows.saturating_sub(1));
    for (line, &i) in visible.iter().enumerate().skip(first).take(area.rows) {
        let item = &ch.items[i];
        let mut style = Style::default();
        if i == ch.selected {
            style.attrs = style.attrs | Attrs::REVERSE;
        }
        if ch.tagged.contains(&item.key) && !item.key.is_empty() {
            style.attrs = style.attrs | Attrs::BOLD;
        }
        let label = if ch.tree {
            let indent = "  ".repeat(usize::from(item.depth));
            let marker = if ch.is_folded(i) { '+' } else { '-' };
            format!("({line}) {indent}{marker} {}", item.label)
        } else {
            format!("({line}) {}", item.label)
        };
        let text = format!("{label:width$}", width = area.cols);
        put_text(rows, area, whole(area), line - first, &text, style);
    }
}

/// Draws a chooser's preview: text line by line, or a pane's screen from its top left.
fn draw_preview(state: &State, preview: &Preview, rows: &mut [Vec<Cell>], area: Area) {
    match preview {
        Preview::None => {}
        Preview::Text(text) => {
            for (y, line) in text.lines().take(area.rows).enumerate() {
                let shown: String = line
                    .chars()
                    .map(|c| if c.is_control() { '?' } else { c })
                    .collect();
                put_text(rows, area, whole(area), y, &shown, Style::default());
            }
        }
        Preview::Pane(pane) => {
            if let Some(p) = state.panes.get(pane) {
                draw_cells(rows, area, whole(area), p.term.size(), |y, x| {
                    p.term.cell(y, x).map(|c| crate::view::copy::to_cell(&c))
                });
            }
        }
    }
}
