//! Drawing only the rows that changed (the key-echo path): each changed row is drawn into a
//! one-row buffer and compared, with ratatui's own diff, with that row of the frame shown;
//! only the cells that differ are written, with the cursor, in one write. A one-key echo then
//! costs one row, not a whole-screen render, diff and reset. Ratatui's `Terminal` is not
//! involved, so its buffers go stale: the caller draws through it whole (`full`) whenever it
//! goes back to it.

use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use crate::backend::MuxBackend;
use crate::draw::Model;

/// Draws the rows of `model` that changed over `shown` (the frame on the terminal, kept up
/// to date), then the cursor, and flushes. The model must have no hyperlinks and `shown` must
/// have the terminal's size.
pub fn draw_changed<W: Write>(
    model: &mut Model,
    shown: &mut Buffer,
    backend: &mut MuxBackend<W>,
    unwrapped: &[(u16, u16)],
) -> io::Result<()> {
    let area = *shown.area();
    let width = usize::from(area.width);
    let mut updates: Vec<(u16, u16, Cell)> = Vec::new();
    let mut edges = model.wrap_edges(area.width, area.height);
    edges.extend(unwrapped.iter().copied());
    for y in model.take_dirty() {
        if y >= area.height {
            continue;
        }
        let rect = Rect::new(area.x, area.y + y, area.width, 1);
        let start = usize::from(y) * width;
        let Some(old) = shown.content.get_mut(start..start + width) else {
            continue;
        };
        let before = Buffer {
            area: rect,
            content: old.to_vec(),
        };
        let mut after = Buffer::empty(rect);
        model.render_row(y, &mut after);
        updates.extend(
            before
                .diff(&after)
                .into_iter()
                .map(|(x, y, cell)| (x, y, cell.clone())),
        );
        old.clone_from_slice(&after.content);
    }
    // A changed row that wraps: its last symbol and the next row's first are written one
    // after the other (see crate::wrap), in order with the rest.
    for (x, y) in edges {
        let at = usize::from(y) * width + usize::from(x);
        if let Some(cell) = shown.content.get(at) {
            updates.push((x, y, cell.clone()));
        }
    }
    updates.sort_by_key(|(x, y, _)| (*y, *x));
    updates.dedup_by_key(|(x, y, _)| (*x, *y));
    backend.draw(updates.iter().map(|(x, y, cell)| (*x, *y, cell)))?;
    match model.cursor_position(area.width, area.height) {
        Some(position) => {
            backend.show_cursor()?;
            backend.set_cursor_position(position)?;
        }
        None => backend.hide_cursor()?,
    }
    Backend::flush(backend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::Links;
    use mux_protocol::{Cell as PCell, Cursor, Row, ScreenUpdate, Size, Style};
    use std::cell::RefCell;
    use std::rc::Rc;

    fn row(y: u16, text: &str) -> Row {
        Row {
            y,
            cells: text
                .chars()
                .map(|c| PCell {
                    text: c.to_string().as_str().into(),
                    style: Style::default(),
                    link: None,
                })
                .collect(),
            wrapped: false,
        }
    }

    /// A row that wraps is written to its last column and the next row's first character
    /// follows with no cursor move between, even when that row did not change; a row that
    /// does not wrap gets the cursor moved.
    #[test]
    fn a_wrapped_row_runs_into_the_next_without_a_cursor_move() {
        let size = Size { rows: 3, cols: 4 };
        let mut model = Model::new(size);
        let area = Rect::new(0, 0, 4, 3);
        let mut shown = Buffer::empty(area);
        model.apply(ScreenUpdate {
            size,
            rows: vec![row(1, "efgh")],
            cursor: Cursor::default(),
        });
        model.render(&mut shown, false, &mut Links::default());
        model.take_dirty();
        let links = Rc::new(RefCell::new(Links::default()));
        let mut backend =
            MuxBackend::new(Vec::new(), links).with_size(ratatui::layout::Size::new(4, 3));
        let mut wrapped = row(0, "abcd");
        wrapped.wrapped = true;
        model.apply(ScreenUpdate {
            size,
            rows: vec![wrapped],
            cursor: Cursor::default(),
        });
        backend.set_wraps(model.wraps(4, 3), Vec::new());
        draw_changed(&mut model, &mut shown, &mut backend, &[]).unwrap();
        let written = String::from_utf8_lossy(backend.writer_mut()).into_owned();
        assert!(written.contains("abcde"), "{written:?}");
        assert!(!written.contains("\x1b[2;1H"), "{written:?}");
        // The same row, not wrapped: the next row is not touched.
        backend.writer_mut().clear();
        model.apply(ScreenUpdate {
            size,
            rows: vec![row(0, "abcx")],
            cursor: Cursor::default(),
        });
        backend.set_wraps(model.wraps(4, 3), Vec::new());
        draw_changed(&mut model, &mut shown, &mut backend, &[]).unwrap();
        let written = String::from_utf8_lossy(backend.writer_mut()).into_owned();
        assert!(
            written.contains('x') && !written.contains('e'),
            "{written:?}"
        );
    }

    /// What the changed rows write leaves the terminal showing what a whole render shows.
    #[test]
    fn changed_rows_leave_the_same_frame_as_a_whole_render() {
        let size = Size { rows: 3, cols: 6 };
        let mut model = Model::new(size);
        let area = Rect::new(0, 0, 6, 3);
        let mut shown = Buffer::empty(area);
        model.render(&mut shown, false, &mut Links::default());
        model.take_dirty();
        let links = Rc::new(RefCell::new(Links::default()));
        let mut backend =
            MuxBackend::new(Vec::new(), links).with_size(ratatui::layout::Size::new(6, 3));
        model.apply(ScreenUpdate {
            size,
            rows: vec![row(1, "ab中 x")],
            cursor: Cursor::default(),
        });
        draw_changed(&mut model, &mut shown, &mut backend, &[]).unwrap();
        let written = String::from_utf8_lossy(backend.writer_mut()).into_owned();
        assert!(
            written.contains("\x1b[2;1H") && written.contains("ab中"),
            "{written:?}"
        );
        assert!(
            !written.contains("\x1b[1;"),
            "row 0 did not change: {written:?}"
        );
        let mut whole = Buffer::empty(area);
        model.render(&mut whole, false, &mut Links::default());
        assert_eq!(shown, whole);
    }
}
