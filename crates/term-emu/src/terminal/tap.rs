//! A tap on the rows that scroll off the top of the primary screen: while a caller wants
//! them (a plain-text log of the pane, a wait for output), each row's text is kept as it
//! leaves, whatever the history limit, until the caller takes it. What waits is bounded.

use super::{push_text, Terminal};
use crate::grid::Row;

/// The most text the tap holds between two takes, in bytes; rows past it are counted, not
/// kept.
pub const TAP_LIMIT: usize = 16 << 20;

/// The rows that scrolled off since the last take.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scrolled {
    /// The rows' text (trailing blanks dropped), one after another.
    text: String,
    /// Where each row ends in `text`, and whether it continues on the next row (a soft
    /// wrap), oldest first.
    ends: Vec<(usize, bool)>,
    /// How many rows scrolled off while [`TAP_LIMIT`] bytes already waited.
    pub lost: usize,
}

impl Scrolled {
    /// Keeps a row that is leaving the screen, or counts it when the tap is full.
    pub(crate) fn push(&mut self, row: &Row) {
        if self.text.len() >= TAP_LIMIT {
            self.lost += 1;
            return;
        }
        push_text(row, &mut self.text);
        self.ends.push((self.text.len(), row.wrapped));
    }

    /// Returns each row's text and whether it continues on the next row, oldest first.
    pub fn lines(&self) -> impl Iterator<Item = (&str, bool)> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&(end, wrapped)| {
            let text = self.text.get(start..end).unwrap_or("");
            start = end;
            (text, wrapped)
        })
    }

    /// Returns how many rows it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Returns whether it holds no row.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl Terminal {
    /// Starts (or stops) keeping the text of the rows that scroll off the top of the primary
    /// screen, for [`Terminal::take_scrolled`]. Stopping drops what was not taken.
    pub fn tap_scrolled(&mut self, on: bool) {
        let screen = &mut self.engine.core.screen;
        match (on, screen.tap.is_some()) {
            (true, false) => screen.tap = Some(Scrolled::default()),
            (false, true) => screen.tap = None,
            _ => {}
        }
    }

    /// Returns the rows that scrolled off since the last call (none unless the tap is on).
    pub fn take_scrolled(&mut self) -> Scrolled {
        match self.engine.core.screen.tap.as_mut() {
            Some(tap) => std::mem::take(tap),
            None => Scrolled::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Size, Terminal};

    fn term(history: usize) -> Terminal {
        Terminal::new(Size { rows: 3, cols: 10 }, history)
    }

    #[test]
    fn rows_that_scroll_off_are_kept_until_taken_whatever_the_history_limit() {
        for history in [0, 1, 100] {
            let mut t = term(history);
            t.process(b"before\r\n\r\n\r\n");
            assert!(t.take_scrolled().is_empty(), "the tap is off");
            t.tap_scrolled(true);
            t.process(b"one\r\ntwo\r\nthree\r\nfour\r\n");
            let taken = t.take_scrolled();
            let lines: Vec<&str> = taken.lines().map(|l| l.0).collect();
            assert_eq!(lines, ["", "", "one", "two"], "history {history}");
            assert!(t.take_scrolled().is_empty());
        }
    }

    #[test]
    fn wide_and_combined_characters_keep_their_text() {
        let mut t = term(10);
        t.tap_scrolled(true);
        t.process("a\u{4e2d}b e\u{301}  \r\n\r\n\r\n".as_bytes());
        let s = t.take_scrolled();
        assert_eq!(s.lines().next(), Some(("a\u{4e2d}b e\u{301}", false)));
    }

    #[test]
    fn a_wrapped_row_says_so_and_the_alternate_screen_gives_nothing() {
        let mut t = term(10);
        t.tap_scrolled(true);
        t.process(b"0123456789abc\r\n\r\n\r\n");
        let s = t.take_scrolled();
        let lines: Vec<(&str, bool)> = s.lines().collect();
        assert_eq!(lines, [("0123456789", true), ("abc", false)]);
        t.process(b"\x1b[?1049hfull\r\nscreen\r\n\r\n\r\n");
        assert!(t.take_scrolled().is_empty());
        t.process(b"\x1bc");
        t.process(b"after\r\n\r\n\r\n");
        assert_eq!(t.take_scrolled().len(), 1, "a reset keeps the tap");
        t.tap_scrolled(false);
        t.process(b"x\r\n\r\n\r\n");
        assert!(t.take_scrolled().is_empty());
    }
}
