//! Moving the copy-mode cursor and view: characters, lines, words (tmux's
//! `word-separators`), pages, the edges of the view and the history, paragraphs, and jumps
//! to a character on the line.

use mux_term_emu::{LineId, Terminal};

use super::{CopyMode, Jump};

/// Returns a line as its columns: each column's character, a blank for an empty cell, and
/// the wide character again for its right half. Trailing blanks are left out.
pub fn columns(term: &Terminal, id: LineId) -> Vec<char> {
    let cells = term.line_cells(id);
    let mut out: Vec<char> = Vec::with_capacity(cells.len());
    for cell in &cells {
        let c = if cell.wide_continuation {
            out.last().copied().unwrap_or(' ')
        } else {
            cell.text.chars().next().unwrap_or(' ')
        };
        out.push(c);
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

/// Returns the text of columns `from` to `to` (both included) of a line, each wide
/// character once.
pub fn text_of(term: &Terminal, id: LineId, from: u16, to: u16) -> String {
    let cells = term.line_cells(id);
    let range = usize::from(from)..=usize::from(to);
    let mut text = String::new();
    for cell in cells.get(range).unwrap_or_default() {
        if !cell.wide_continuation {
            text.push_str(if cell.text.is_empty() { " " } else { cell.text });
        }
    }
    text
}

/// Returns whether column `col` of a line is the right half of a wide character.
fn continuation(term: &Terminal, id: LineId, col: u16) -> bool {
    term.line_cells(id)
        .get(usize::from(col))
        .is_some_and(|c| c.wide_continuation)
}

/// Returns how many columns a line uses (up to its last non-blank character).
pub fn line_len(term: &Terminal, id: LineId) -> u16 {
    u16::try_from(columns(term, id).len()).unwrap_or(u16::MAX)
}

/// Returns the first row of the line that row `id` is part of (a line that wrapped takes
/// several rows).
pub fn line_start(term: &Terminal, id: LineId) -> LineId {
    let first = CopyMode::first(term);
    let mut id = id;
    while id > first && term.line_wrapped(id - 1) {
        id -= 1;
    }
    id
}

/// Returns the last row of the line that row `id` is part of.
pub fn line_end(term: &Terminal, id: LineId) -> LineId {
    let last = CopyMode::last(term);
    let mut id = id;
    while id < last && term.line_wrapped(id) {
        id += 1;
    }
    id
}

/// What kind of character a column holds, for word motions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A blank, or the end of a line that does not wrap.
    Space,
    /// One of the word separators.
    Separator,
    /// Anything else.
    Word,
}

/// Walks a terminal's lines column by column, reading each line once.
struct Walker<'a> {
    term: &'a Terminal,
    separators: &'a str,
    line: Option<(LineId, Vec<char>)>,
}

impl<'a> Walker<'a> {
    fn new(term: &'a Terminal, separators: &'a str) -> Walker<'a> {
        Walker {
            term,
            separators,
            line: None,
        }
    }

    /// Returns the columns of line `id`, reading it only when the walk moves to it.
    fn cols(&mut self, id: LineId) -> &[char] {
        if self.line.as_ref().is_none_or(|(l, _)| *l != id) {
            self.line = Some((id, columns(self.term, id)));
        }
        self.line.as_ref().map_or(&[], |(_, c)| c.as_slice())
    }

    /// Returns the class at a position; the column just past a line's text is a space
    /// unless the line wraps (then the walk goes on to the next line at once).
    fn class(&mut self, (id, col): (LineId, u16)) -> Class {
        let separators = self.separators;
        match self.cols(id).get(usize::from(col)) {
            None => Class::Space,
            Some(c) if c.is_whitespace() => Class::Space,
            Some(c) if separators.contains(*c) => Class::Separator,
            Some(_) => Class::Word,
        }
    }

    /// Returns the position after `pos`, or `None` at the end of the last line.
    fn next(&mut self, (id, col): (LineId, u16)) -> Option<(LineId, u16)> {
        let len = u16::try_from(self.cols(id).len()).unwrap_or(u16::MAX);
        let wraps = self.term.line_wrapped(id);
        if col < len && !(wraps && col + 1 == len) {
            return Some((id, col + 1));
        }
        (id < CopyMode::last(self.term)).then_some((id + 1, 0))
    }

    /// Returns the position before `pos`, or `None` at the start of the first line.
    fn prev(&mut self, (id, col): (LineId, u16)) -> Option<(LineId, u16)> {
        if col > 0 {
            return Some((id, col - 1));
        }
        if id <= CopyMode::first(self.term) {
            return None;
        }
        let len = u16::try_from(self.cols(id - 1).len()).unwrap_or(u16::MAX);
        let wraps = self.term.line_wrapped(id - 1);
        Some((id - 1, if wraps { len.saturating_sub(1) } else { len }))
    }
}

impl CopyMode {
    /// Moves to a position, keeping it as the column vertical moves aim for.
    fn go(&mut self, term: &Terminal, (id, col): (LineId, u16)) {
        self.cy = id;
        self.cx = col;
        self.want_cx = col;
        self.show_cursor(term);
    }

    /// Moves the cursor up (`back`) or down one line, keeping the wanted column.
    pub fn cursor_vertical(&mut self, term: &Terminal, back: bool) {
        let target = if back {
            self.cy.saturating_sub(1).max(Self::first(term))
        } else {
            (self.cy + 1).min(Self::last(term))
        };
        self.cy = target;
        // A rectangle keeps its columns across short lines, as tmux.
        let limit = if self.rect_selecting() {
            term.size().cols.saturating_sub(1)
        } else {
            line_len(term, target)
        };
        self.cx = self.want_cx.min(limit);
        self.show_cursor(term);
    }

    /// Moves the cursor left, over a wide character's right half, and to the end of the
    /// previous line from the start of a line.
    pub fn cursor_left(&mut self, term: &Terminal) {
        if self.cx > 0 {
            let mut col = self.cx - 1;
            if col > 0 && continuation(term, self.cy, col) {
                col -= 1;
            }
            self.go(term, (self.cy, col));
        } else if self.cy > Self::first(term) {
            let id = self.cy - 1;
            self.go(term, (id, line_len(term, id)));
        }
    }

    /// Moves the cursor right, over a wide character's right half, and to the start of the
    /// next line from the end of a line.
    pub fn cursor_right(&mut self, term: &Terminal) {
        let len = line_len(term, self.cy);
        if self.cx < len {
            let mut col = self.cx + 1;
            if col < len && continuation(term, self.cy, col) {
                col += 1;
            }
            self.go(term, (self.cy, col));
        } else if self.cy < Self::last(term) {
            self.go(term, (self.cy + 1, 0));
        }
    }

    /// Moves to the start of the line (its first row, when it wrapped).
    pub fn start_of_line(&mut self, term: &Terminal) {
        self.go(term, (line_start(term, self.cy), 0));
    }

    /// Moves to the end of the line (its last row, when it wrapped), just past its last
    /// character (as tmux does with both key sets, so that a vi selection to there takes
    /// the newline).
    pub fn end_of_line(&mut self, term: &Terminal) {
        if self.rect_selecting() {
            // A rectangle then takes every line to its end, as tmux.
            let edge = term.size().cols.saturating_sub(1);
            return self.go(term, (self.cy, edge));
        }
        let last = line_end(term, self.cy);
        self.go(term, (last, line_len(term, last)));
    }

    /// Returns whether a rectangle is being selected.
    fn rect_selecting(&self) -> bool {
        self.kind == super::SelKind::Rect && self.sel.is_some()
    }

    /// Moves to the first non-blank character of the line.
    pub fn back_to_indentation(&mut self, term: &Terminal) {
        let first = line_start(term, self.cy);
        let cols = columns(term, first);
        let col = cols.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
        self.go(term, (first, u16::try_from(col).unwrap_or(0)));
    }

    /// Moves to the start of the next word (vi `w`; with no separators, `W`).
    pub fn next_word(&mut self, term: &Terminal, separators: &str) {
        let mut w = Walker::new(term, separators);
        let mut pos = (self.cy, self.cx);
        let start = w.class(pos);
        while w.class(pos) == start && start != Class::Space {
            match w.next(pos) {
                Some(p) => pos = p,
                None => return self.go(term, pos),
            }
        }
        while w.class(pos) == Class::Space {
            match w.next(pos) {
                Some(p) => pos = p,
                None => break,
            }
        }
        self.go(term, pos);
    }

    /// Moves to the end of the word (vi `e`, emacs `M-f`; with no separators, `E`): with
    /// vi keys onto its last character, the next word's when already there; with emacs
    /// keys just past it, as tmux.
    pub fn next_word_end(&mut self, term: &Terminal, separators: &str, vi: bool) {
        let mut w = Walker::new(term, separators);
        if !vi {
            let mut pos = (self.cy, self.cx);
            while w.class(pos) == Class::Space {
                match w.next(pos) {
                    Some(p) => pos = p,
                    None => return self.go(term, pos),
                }
            }
            let class = w.class(pos);
            while w.class(pos) == class {
                match w.next(pos) {
                    Some(p) => pos = p,
                    None => break,
                }
            }
            return self.go(term, pos);
        }
        let mut pos = match w.next((self.cy, self.cx)) {
            Some(p) => p,
            None => return,
        };
        while w.class(pos) == Class::Space {
            match w.next(pos) {
                Some(p) => pos = p,
                None => return self.go(term, pos),
            }
        }
        let class = w.class(pos);
        while let Some(next) = w.next(pos) {
            if w.class(next) != class {
                break;
            }
            pos = next;
        }
        self.go(term, pos);
    }

    /// Moves to the start of this or the previous word (vi `b`, emacs `M-b`; with no
    /// separators, `B`).
    pub fn previous_word(&mut self, term: &Terminal, separators: &str) {
        let mut w = Walker::new(term, separators);
        let Some(mut pos) = w.prev((self.cy, self.cx)) else {
            return;
        };
        while w.class(pos) == Class::Space {
            match w.prev(pos) {
                Some(p) => pos = p,
                None => return self.go(term, pos),
            }
        }
        let class = w.class(pos);
        while let Some(prev) = w.prev(pos) {
            if w.class(prev) != class {
                break;
            }
            pos = prev;
        }
        self.go(term, pos);
    }

    /// Returns the word under the cursor as a range of columns, if the cursor is on one.
    pub fn word_at(
        term: &Terminal,
        separators: &str,
        (id, col): (LineId, u16),
    ) -> Option<(u16, u16)> {
        let cols = columns(term, id);
        let class = |c: char| {
            if c.is_whitespace() {
                Class::Space
            } else if separators.contains(c) {
                Class::Separator
            } else {
                Class::Word
            }
        };
        let here = class(*cols.get(usize::from(col))?);
        if here == Class::Space {
            return None;
        }
        let mut start = usize::from(col);
        while start > 0 && class(cols[start - 1]) == here {
            start -= 1;
        }
        let mut end = usize::from(col);
        while end + 1 < cols.len() && class(cols[end + 1]) == here {
            end += 1;
        }
        Some((u16::try_from(start).ok()?, u16::try_from(end).ok()?))
    }

    /// Moves to the top, middle or bottom line of the view (`H`, `M`, `L`).
    pub fn view_line(&mut self, term: &Terminal, which: ViewLine) {
        let h = Self::height(term);
        let row = match which {
            ViewLine::Top => 0,
            ViewLine::Middle => (h - 1) / 2,
            ViewLine::Bottom => h - 1,
        };
        // At the line's start, as tmux.
        let cy = (self.top + row).min(Self::last(term));
        self.go(term, (cy, 0));
    }

    /// Moves to the first line of the history (`g`, `M-<`).
    pub fn history_top(&mut self, term: &Terminal) {
        self.top = Self::first(term);
        self.go(term, (self.top, 0));
    }

    /// Moves to the last line (`G`, `M->`).
    pub fn history_bottom(&mut self, term: &Terminal) {
        self.top = term.screen_top();
        // At the end of the last line, as tmux.
        let last = Self::last(term);
        self.go(term, (last, line_len(term, last)));
    }

    /// Scrolls up (`back`) or down by a page (two lines fewer than the view, as tmux) or
    /// half a page.
    pub fn page(&mut self, term: &Terminal, back: bool, half: bool) {
        let h = Self::height(term);
        let n = if half {
            (h / 2).max(1)
        } else if h > 2 {
            h - 2
        } else {
            1
        };
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        self.scroll(term, if back { -n } else { n });
        self.cx = self.cx.min(line_len(term, self.cy));
    }

    /// Moves to the next (or, with `back`, the previous) empty line (`}`, `{`).
    pub fn paragraph(&mut self, term: &Terminal, back: bool) {
        let (first, last) = (Self::first(term), Self::last(term));
        let mut id = self.cy;
        // Leave the empty lines the cursor is on, then find the next empty one.
        while line_len(term, id) == 0 && (if back { id > first } else { id < last }) {
            id = if back { id - 1 } else { id + 1 };
        }
        while line_len(term, id) > 0 && (if back { id > first } else { id < last }) {
            id = if back { id - 1 } else { id + 1 };
        }
        let col = if back { 0 } else { line_len(term, id) };
        self.go(term, (id, col));
    }

    /// Moves to a character on the line (`f`, `F`, `t`, `T`), and remembers the jump.
    pub fn jump(&mut self, term: &Terminal, jump: Jump) {
        self.jump = Some(jump);
        let cols = columns(term, self.cy);
        let from = usize::from(self.cx);
        // `t` and `T` look one column further, so that repeating them moves on.
        let gap = 1 + usize::from(jump.before);
        let hit = |i: &usize| cols.get(*i) == Some(&jump.target);
        let found = if jump.forward {
            (from + gap..cols.len())
                .find(hit)
                .map(|i| if jump.before { i - 1 } else { i })
        } else {
            (0..(from + 1).saturating_sub(gap))
                .rev()
                .find(hit)
                .map(|i| if jump.before { i + 1 } else { i })
        };
        if let Some(col) = found.and_then(|c| u16::try_from(c).ok()) {
            self.go(term, (self.cy, col));
        }
    }

    /// Moves to the bracket matching the one under the cursor, or first to the next (or,
    /// with `back`, the previous) bracket on the line (`%`, `M-C-f`, `M-C-b`).
    pub fn matching_bracket(&mut self, term: &Terminal, back: bool) {
        const PAIRS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];
        let is_bracket = |c: char| PAIRS.iter().any(|(o, e)| c == *o || c == *e);
        let cols = columns(term, self.cy);
        let here = usize::from(self.cx);
        let start = if cols.get(here).is_some_and(|c| is_bracket(*c)) {
            Some(here)
        } else if back {
            (0..here.min(cols.len()))
                .rev()
                .find(|i| cols.get(*i).is_some_and(|c| is_bracket(*c)))
        } else {
            (here..cols.len()).find(|i| cols.get(*i).is_some_and(|c| is_bracket(*c)))
        };
        let Some(start) = start else {
            return;
        };
        let Some(&c) = cols.get(start) else {
            return;
        };
        let Some(&(open, close)) = PAIRS.iter().find(|(o, e)| c == *o || c == *e) else {
            return;
        };
        let forward = c == open;
        let mut w = Walker::new(term, "");
        let mut pos = (self.cy, u16::try_from(start).unwrap_or(0));
        let mut depth = 0usize;
        // Bounded, so a bracket with no match costs little in a long history.
        for _ in 0..100_000 {
            let ch = w.cols(pos.0).get(usize::from(pos.1)).copied();
            if ch == Some(open) {
                depth = if forward {
                    depth + 1
                } else {
                    depth.saturating_sub(1)
                };
            } else if ch == Some(close) {
                depth = if forward {
                    depth.saturating_sub(1)
                } else {
                    depth + 1
                };
            }
            if depth == 0 {
                return self.go(term, pos);
            }
            let next = if forward { w.next(pos) } else { w.prev(pos) };
            match next {
                Some(p) => pos = p,
                None => return,
            }
        }
    }

    /// Shows line `n` back from the bottom of the history at the top of the view
    /// (`goto-line`).
    pub fn goto_line(&mut self, term: &Terminal, n: u64) {
        // As tmux: the view goes N lines back from the bottom; the cursor keeps its row.
        let back = n.min(Self::history_size(term));
        let row = self.cy.saturating_sub(self.top);
        self.top = term.screen_top() - back;
        self.cy = (self.top + row).min(Self::last(term));
        self.cx = self.cx.min(line_len(term, self.cy));
    }
}

/// A line of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewLine {
    /// The top line (`H`).
    Top,
    /// The middle line (`M`).
    Middle,
    /// The bottom line (`L`).
    Bottom,
}
