//! Selecting in copy mode and the text a selection holds. As in tmux, the end of a selection
//! is inclusive with vi keys and exclusive with emacs keys; a wrapped line copies as one
//! line, a wide character is never cut in half, trailing blanks are not copied, and a
//! selection reaching past the end of a line takes its newline.

use mux_term_emu::{LineId, Terminal};

use super::motion::{line_end, line_len, line_start};
use super::{CopyMode, SelKind, Selection};

impl CopyMode {
    /// Starts a selection at the cursor (`begin-selection`); a line selection becomes a
    /// character one, a rectangle stays a rectangle.
    pub fn begin_selection(&mut self) {
        if self.kind == SelKind::Line {
            self.kind = SelKind::Char;
        }
        let at = (self.cy, self.cx);
        self.sel = Some(Selection {
            anchor: at,
            following: true,
            end: at,
        });
    }

    /// Selects whole lines from the cursor's (`select-line`).
    pub fn select_line(&mut self, term: &Terminal) {
        self.kind = SelKind::Line;
        let first = line_start(term, self.cy);
        self.sel = Some(Selection {
            anchor: (first, 0),
            following: true,
            end: (first, 0),
        });
        self.cy = line_end(term, self.cy);
        self.cx = line_len(term, self.cy);
    }

    /// Selects the word under the cursor (`select-word`, a double click).
    pub fn select_word(&mut self, term: &Terminal, separators: &str, vi: bool) {
        // On a blank, the word before it, as tmux.
        if Self::word_at(term, separators, (self.cy, self.cx)).is_none() {
            self.previous_word(term, separators);
        }
        let Some((start, end)) = Self::word_at(term, separators, (self.cy, self.cx)) else {
            return;
        };
        self.kind = SelKind::Char;
        self.sel = Some(Selection {
            anchor: (self.cy, start),
            following: true,
            end: (self.cy, start),
        });
        self.cx = if vi { end } else { end + 1 };
    }

    /// Switches between a rectangle and a character selection (`rectangle-toggle`).
    pub fn rectangle_toggle(&mut self) {
        self.kind = if self.kind == SelKind::Rect {
            SelKind::Char
        } else {
            SelKind::Rect
        };
    }

    /// Moves the cursor to the other end of the selection (`other-end`).
    pub fn other_end(&mut self, term: &Terminal) {
        let Some(sel) = self.sel.as_mut() else {
            return;
        };
        if !sel.following {
            return;
        }
        let cursor = (self.cy, self.cx);
        (self.cy, self.cx) = sel.anchor;
        sel.anchor = cursor;
        self.want_cx = self.cx;
        self.show_cursor(term);
    }

    /// Drops the selection (`clear-selection`).
    pub fn clear_selection(&mut self) {
        self.sel = None;
        if self.kind == SelKind::Line {
            self.kind = SelKind::Char;
        }
    }

    /// Stops the selection's end following the cursor (`stop-selection`).
    pub fn stop_selection(&mut self) {
        let end = (self.cy, self.cx);
        if let Some(sel) = self.sel.as_mut() {
            sel.following = false;
            sel.end = end;
        }
    }

    /// Returns the selection's two ends, first one first, as copying and drawing see them:
    /// whole lines for a line selection.
    pub fn selection_range(&self, term: &Terminal) -> Option<((LineId, u16), (LineId, u16))> {
        let sel = self.sel?;
        let end = self.sel_end()?;
        let (a, b) = if sel.anchor <= end {
            (sel.anchor, end)
        } else {
            (end, sel.anchor)
        };
        Some(match self.kind {
            SelKind::Line => {
                let last = line_end(term, b.0);
                ((line_start(term, a.0), 0), (last, line_len(term, last)))
            }
            _ => (a, b),
        })
    }

    /// Returns whether the cell at line `id`, column `col` is selected (for drawing).
    pub fn is_selected(&self, term: &Terminal, id: LineId, col: u16, vi: bool) -> bool {
        let Some((a, b)) = self.selection_range(term) else {
            return false;
        };
        if id < a.0 || id > b.0 {
            return false;
        }
        if self.kind == SelKind::Rect {
            let (left, right) = (a.1.min(b.1), a.1.max(b.1));
            return col >= left && (col < right || (vi && col == right));
        }
        let after_start = id > a.0 || col >= a.1;
        let before_end = id < b.0 || col < b.1 || (vi && col == b.1);
        after_start && before_end
    }

    /// Returns the selected text, or `None` without a selection.
    pub fn selection_text(&self, term: &Terminal, vi: bool) -> Option<String> {
        let (a, b) = self.selection_range(term)?;
        Some(if self.kind == SelKind::Rect {
            rect_text(term, (a.0, b.0), (a.1.min(b.1), a.1.max(b.1)), vi)
        } else {
            text_between(term, a, b, vi)
        })
    }
}

/// Returns the text of line `id` from column `from` up to (not including) column `to`,
/// starting a wide character's right half at its left half.
fn cells_text(term: &Terminal, id: LineId, from: u16, to: u16) -> String {
    let cells = term.line_cells(id);
    let mut from = usize::from(from);
    while from > 0 && cells.get(from).is_some_and(|c| c.wide_continuation) {
        from -= 1;
    }
    let mut out = String::new();
    for cell in cells.iter().take(usize::from(to)).skip(from) {
        if cell.wide_continuation {
            continue;
        }
        out.push_str(if cell.text.is_empty() { " " } else { cell.text });
    }
    out
}

/// Returns the text from `start` to `end` (inclusive with `inclusive`), joining wrapped
/// lines and ending each other line with a newline.
pub fn text_between(
    term: &Terminal,
    start: (LineId, u16),
    end: (LineId, u16),
    inclusive: bool,
) -> String {
    let mut out = String::new();
    for id in start.0..=end.0 {
        let wrapped = term.line_wrapped(id);
        let len = if wrapped {
            u16::try_from(term.line_cells(id).len()).unwrap_or(u16::MAX)
        } else {
            line_len(term, id)
        };
        let from = if id == start.0 { start.1 } else { 0 };
        let stop = (id == end.0).then(|| end.1.saturating_add(u16::from(inclusive)));
        let upto = stop.map_or(len, |s| s.min(len));
        if from < upto {
            out.push_str(&cells_text(term, id, from, upto));
        }
        let takes_newline = stop.is_none_or(|s| s > len);
        if !wrapped && takes_newline {
            out.push('\n');
        }
    }
    out
}

/// Returns the text of a rectangle of columns `left` to `right` on lines `first` to `last`,
/// one line each, trailing blanks dropped.
fn rect_text(
    term: &Terminal,
    (first, last): (LineId, LineId),
    (left, right): (u16, u16),
    inclusive: bool,
) -> String {
    let to = right.saturating_add(u16::from(inclusive));
    // Each row up to the rectangle's right edge or the end of its text, whichever comes
    // first: blanks inside the text are kept, as tmux.
    let lines: Vec<String> = (first..=last)
        .map(|id| {
            let end = to.min(line_len(term, id));
            if end <= left {
                String::new()
            } else {
                cells_text(term, id, left, end)
            }
        })
        .collect();
    lines.join("\n")
}
