//! Reading the scrollback and the screen as one list of lines, for copy mode: each line has
//! a stable number ([`LineId`]) that stays with it while output scrolls lines into the
//! history and the oldest out of it, and a resize can say where a line went.

use super::Terminal;
use crate::types::CellRef;

/// The stable number of a line of the primary screen or its scrollback: the oldest line the
/// terminal ever kept is 0, and a line keeps its number as output scrolls it into the
/// history. The alternate screen's lines are numbered after the (hidden) history, as if the
/// history were empty.
pub type LineId = u64;

impl Terminal {
    /// Returns how many history rows are readable: none on the alternate screen, whose
    /// program owns the whole screen (as in tmux, copy mode there has no history).
    fn readable_history(&self) -> usize {
        let s = self.screen();
        if s.alt {
            0
        } else {
            s.history.len()
        }
    }

    /// Returns the number of the first line kept: the oldest history row, or the top of the
    /// screen when there is no history.
    pub fn first_line(&self) -> LineId {
        self.screen().history.dropped()
    }

    /// Returns how many lines there are: history rows and then the screen's rows.
    pub fn line_count(&self) -> usize {
        self.readable_history() + usize::from(self.size().rows)
    }

    /// Returns the number of the screen's top row.
    pub fn screen_top(&self) -> LineId {
        self.first_line() + self.readable_history() as u64
    }

    /// Returns where line `id` is: `Ok(history index)` or `Err(screen row)`, or `None` when
    /// it is no longer kept or does not exist yet.
    fn locate(&self, id: LineId) -> Option<Result<usize, u16>> {
        let index = usize::try_from(id.checked_sub(self.first_line())?).ok()?;
        let history = self.readable_history();
        if index < history {
            return Some(Ok(index));
        }
        let row = u16::try_from(index - history).ok()?;
        (row < self.size().rows).then_some(Err(row))
    }

    /// Returns the cells of line `id`. A history row may be shorter than the screen (its
    /// trailing blanks are not kept); a wide character is followed by its continuation.
    pub fn line_cells(&self, id: LineId) -> Vec<CellRef<'_>> {
        match self.locate(id) {
            Some(Ok(index)) => self.history_cells(index),
            Some(Err(row)) => (0..self.size().cols)
                .filter_map(|col| self.cell(row, col))
                .collect(),
            None => Vec::new(),
        }
    }

    /// Returns the cells of history row `index`.
    fn history_cells(&self, index: usize) -> Vec<CellRef<'_>> {
        let s = self.screen();
        let mut cells = Vec::new();
        s.history.each_cluster(index, |c| {
            let style = s.history.styles.get(c.style);
            let link = s.links.get(c.link);
            cells.push(CellRef {
                text: c.text,
                style,
                wide: c.width == 2,
                wide_continuation: false,
                link,
            });
            if c.width == 2 {
                cells.push(CellRef {
                    text: "",
                    style,
                    wide: false,
                    wide_continuation: true,
                    link,
                });
            }
        });
        cells
    }

    /// Returns the text of line `id`, trailing blanks dropped.
    pub fn line_text(&self, id: LineId) -> String {
        match self.locate(id) {
            Some(Ok(index)) => self.history().text(index).unwrap_or_default(),
            Some(Err(row)) => self.row_text(row),
            None => String::new(),
        }
    }

    /// Returns whether line `id` continues on the next one (a soft wrap).
    pub fn line_wrapped(&self, id: LineId) -> bool {
        match self.locate(id) {
            Some(Ok(index)) => self.history().wrapped(index),
            Some(Err(row)) => self.row_wrapped(row),
            None => false,
        }
    }
}

impl Terminal {
    /// Changes the size as [`Terminal::resize`] does and returns where line `id`'s column
    /// `col` went (the same text, rewrapped), when it is still kept.
    pub fn resize_keeping(
        &mut self,
        size: crate::types::Size,
        (id, col): (LineId, u16),
    ) -> Option<(LineId, u16)> {
        let rows = usize::from(size.rows.max(1));
        let cols = usize::from(size.cols.max(1));
        if (rows, cols) == (usize::from(self.size().rows), usize::from(self.size().cols)) {
            return Some((id, col));
        }
        let before = self.first_line();
        let history = self.readable_history();
        let screen = &mut self.engine.core.screen;
        if screen.alt {
            crate::reflow::resize(screen, rows, cols, None);
            return Some((id, col.min(size.cols.saturating_sub(1))));
        }
        let index = usize::try_from(id.checked_sub(before)?).ok()?;
        let (row, col) =
            crate::reflow::resize(screen, rows, cols, Some((index, usize::from(col))))?;
        // The reflow cleared the history (dropping `history` rows) before rewriting it.
        let id = before + history as u64 + row as u64;
        (id >= self.first_line()).then(|| (id, u16::try_from(col).unwrap_or(u16::MAX)))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Size, Terminal};

    fn term(rows: u16, cols: u16, history: usize) -> Terminal {
        Terminal::new(Size { rows, cols }, history)
    }

    fn feed_lines(t: &mut Terminal, from: usize, to: usize) {
        for n in from..=to {
            t.process(format!("line {n}\r\n").as_bytes());
        }
    }

    #[test]
    fn lines_keep_their_numbers_as_output_scrolls_them_away() {
        let mut t = term(4, 20, 5);
        feed_lines(&mut t, 1, 3);
        assert_eq!((t.first_line(), t.line_count()), (0, 4));
        assert_eq!(t.line_text(0), "line 1");
        feed_lines(&mut t, 4, 20);
        // 20 lines and the cursor's empty line: 17 scrolled off, 5 kept, so 12 dropped.
        assert_eq!(t.first_line(), 12);
        assert_eq!(t.line_count(), 5 + 4);
        assert_eq!(t.line_text(12), "line 13");
        assert_eq!(t.line_text(t.screen_top()), "line 18");
        assert_eq!(t.line_text(3), "", "a dropped line reads as empty");
        assert!(t.line_cells(100).is_empty());
    }

    #[test]
    fn history_cells_keep_styles_and_wide_characters() {
        let mut t = term(2, 10, 10);
        t.process("\x1b[1mb\x1b[m\u{4e2d}x\r\n\r\n\r\n".as_bytes());
        let cells = t.line_cells(0);
        let texts: Vec<&str> = cells.iter().map(|c| c.text).collect();
        assert_eq!(texts, ["b", "\u{4e2d}", "", "x"]);
        assert!(cells[0].style.attrs.contains(crate::Attrs::BOLD));
        assert!(cells[1].wide && cells[2].wide_continuation);
    }

    #[test]
    fn a_resize_says_where_a_line_went() {
        let mut t = term(3, 10, 50);
        t.process(b"0123456789abcdefghij\r\n");
        feed_lines(&mut t, 1, 5);
        // "0123456789" and "abcdefghij" are one logical line, now in the history.
        assert_eq!(t.line_text(0), "0123456789");
        assert!(t.line_wrapped(0));
        let (id, col) = t
            .resize_keeping(Size { rows: 3, cols: 5 }, (1, 2))
            .expect("still kept");
        // At 5 columns the logical line takes rows 0..4; 'c' (column 2 of its second row)
        // is at offset 12, row 2, column 2.
        assert_eq!(t.line_text(id), "abcde");
        assert_eq!(col, 2);
        let (back, col) = t
            .resize_keeping(Size { rows: 3, cols: 20 }, (id, col))
            .expect("still kept");
        assert_eq!(t.line_text(back), "0123456789abcdefghij");
        assert_eq!(col, 12);
    }
}
