//! The scrollback: a compact store of the rows that scrolled off the top of the primary screen.
//!
//! Each row is kept as its text with SGR sequences where the style changes (a few bytes per
//! cell of text instead of vt100's 32), plus whether it wrapped into the next row. The oldest
//! rows are dropped beyond the limit.

use std::collections::VecDeque;

/// One row that left the screen.
#[derive(Debug, Clone)]
struct Line {
    /// The row's text with SGR sequences, trailing blanks dropped.
    formatted: Box<str>,
    /// Whether the row continues on the next one (a soft wrap).
    wrapped: bool,
}

/// A bounded list of scrolled-off rows, oldest first.
#[derive(Debug, Clone)]
pub struct History {
    lines: VecDeque<Line>,
    limit: usize,
}

impl History {
    /// Creates an empty history that keeps at most `limit` rows.
    pub fn new(limit: usize) -> History {
        History {
            lines: VecDeque::new(),
            limit,
        }
    }

    /// Returns how many rows are kept.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Returns whether no row is kept.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Returns the most rows this history keeps.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Drops every row.
    pub fn clear(&mut self) {
        self.lines.clear();
        self.lines.shrink_to_fit();
    }

    /// Appends a row, dropping the oldest beyond the limit.
    pub(crate) fn push(&mut self, formatted: String, wrapped: bool) {
        if self.limit == 0 {
            return;
        }
        if self.lines.len() >= self.limit {
            self.lines.pop_front();
        }
        self.lines.push_back(Line {
            formatted: formatted.into_boxed_str(),
            wrapped,
        });
    }

    /// Returns row `index` (0 is the oldest) as plain text.
    pub fn text(&self, index: usize) -> Option<String> {
        self.lines.get(index).map(|l| strip_sgr(&l.formatted))
    }

    /// Returns row `index` with its SGR sequences.
    pub fn formatted(&self, index: usize) -> Option<&str> {
        self.lines.get(index).map(|l| &*l.formatted)
    }

    /// Returns whether row `index` wraps into the next one.
    pub fn wrapped(&self, index: usize) -> bool {
        self.lines.get(index).is_some_and(|l| l.wrapped)
    }

    /// Returns roughly how many heap bytes the rows use.
    pub fn heap_bytes(&self) -> usize {
        self.lines.capacity() * std::mem::size_of::<Line>()
            + self.lines.iter().map(|l| l.formatted.len()).sum::<usize>()
    }
}

/// Removes `ESC [ ... m` sequences from `s`.
fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_rows_up_to_the_limit() {
        let mut h = History::new(2);
        for i in 0..5 {
            h.push(format!("\x1b[31mline {i}\x1b[m"), false);
        }
        assert_eq!(h.len(), 2);
        assert_eq!(h.text(0).as_deref(), Some("line 3"));
        assert_eq!(h.text(1).as_deref(), Some("line 4"));
        assert_eq!(h.text(2), None);
    }

    #[test]
    fn a_zero_limit_keeps_nothing() {
        let mut h = History::new(0);
        h.push("x".into(), false);
        assert!(h.is_empty());
    }
}
