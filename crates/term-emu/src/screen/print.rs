//! Printing: characters into cells with their widths, wrapping, insert mode and combining
//! marks.

use unicode_width::UnicodeWidthChar;

use super::Screen;
use crate::grid::{clear_overlap, Cell, Row};
use crate::history::cluster_width;

/// Variation selector 16: asks for emoji presentation, which is two columns wide.
const VS16: char = '\u{fe0f}';

impl Screen {
    /// Prints character `c` at the cursor.
    #[inline]
    pub(crate) fn print(&mut self, c: char) {
        let width = if (' '..'\u{7f}').contains(&c) {
            1
        } else {
            match c.width() {
                None => return,
                Some(0) => return self.combine(c),
                Some(w) => w.min(2),
            }
        };
        if width > self.cols {
            return;
        }
        if self.col + width > self.cols {
            self.wrap_for(width);
        }
        let (col, row) = (self.col, self.row);
        if self.modes.insert {
            let erase = self.erase_id;
            if let Some(r) = self.row_mut(row) {
                r.insert(col, width, erase);
            }
        }
        let (style, link) = (self.pen_id, self.link);
        if let Some(r) = self.row_mut(row) {
            put(r, col, c, width, style, link);
        }
        self.col += width;
        if !self.modes.autowrap && self.col >= self.cols {
            self.col = self.cols - 1;
        }
        self.last_char = Some(c);
    }

    /// Prints printable ASCII (0x20 to 0x7e), as [`Screen::print`] would one byte at a
    /// time, a row's worth at a time.
    pub(crate) fn print_ascii(&mut self, text: &[u8]) {
        if self.modes.insert || !self.modes.autowrap || self.cols == 0 {
            for &b in text {
                self.print(char::from(b));
            }
            return;
        }
        let mut rest = text;
        while !rest.is_empty() {
            if self.col >= self.cols {
                self.wrap_for(1);
            }
            let n = rest.len().min(self.cols - self.col);
            let (col, row, style, link) = (self.col, self.row, self.pen_id, self.link);
            if let Some(r) = self.row_mut(row) {
                r.put_ascii(col, &rest[..n], style, link);
            }
            self.col += n;
            rest = &rest[n..];
        }
        if let Some(&b) = text.last() {
            self.last_char = Some(char::from(b));
        }
    }

    /// Makes room for a character `width` columns wide that does not fit on the cursor's row:
    /// wraps to the next row, or, with autowrap off, overwrites the end of the row.
    fn wrap_for(&mut self, width: usize) {
        if !self.modes.autowrap {
            self.col = self.cols - width;
            return;
        }
        let (row, cols) = (self.row, self.cols);
        if let Some(r) = self.row_mut(row) {
            // As tmux: a row only continues if its last column holds something.
            r.wrapped = r
                .cells
                .get(cols - 1)
                .is_some_and(|c| !c.is_empty() || c.is_continuation());
        }
        self.col = 0;
        self.linefeed();
    }

    /// Joins a zero-width character to the cell before the cursor.
    fn combine(&mut self, c: char) {
        let Some(mut base) = self.col.checked_sub(1) else {
            return;
        };
        let (row, cols) = (self.row, self.cols);
        let Some(r) = self.row_mut(row) else {
            return;
        };
        if base > 0 && r.cells.get(base).is_some_and(Cell::is_continuation) {
            base -= 1;
        }
        let Some(cell) = r.cells.get(base).copied() else {
            return;
        };
        if cell.is_empty() {
            return;
        }
        let widen = c == VS16
            && !cell.is_wide()
            && base + 1 < cols
            && cluster_width(&format!("{}{c}", r.text(base))) == 2;
        r.append(base, c, widen);
        if widen {
            clear_overlap(&mut r.cells, base + 1, 1, cell.style);
            r.set(base + 1, Cell::continuation(cell.style, cell.link));
            if self.col == base + 1 {
                self.col = base + 2;
            }
        }
    }

    /// Repeats the last printed character `n` times (REP).
    pub(crate) fn repeat(&mut self, n: usize) {
        if let Some(c) = self.last_char {
            for _ in 0..n.min(self.rows * self.cols) {
                self.print(c);
            }
        }
    }
}

/// Writes `c` into `row` at `col`, taking `width` columns.
#[inline]
fn put(row: &mut Row, col: usize, c: char, width: usize, style: u16, link: u16) {
    clear_overlap(&mut row.cells, col, width, style);
    row.set(col, Cell::new(c, style, link, width == 2));
    if width == 2 {
        row.set(col + 1, Cell::continuation(style, link));
    }
}
