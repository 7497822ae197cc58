//! Copy mode as data (tmux's `window-copy.c`): a view onto a pane's scrollback and screen
//! that stays on the same text while the program writes on, a cursor, a selection and a
//! search. Lines are term-emu's stable [`LineId`]s. Moving is in [`motion`], selecting and
//! copying text in [`select`], searching in [`search`]; the commands that drive them are
//! `send-keys -X` names ([`commands`]).

pub mod commands;
pub mod motion;
pub mod search;
pub mod select;

use mux_term_emu::{LineId, Terminal};

/// Which kind of selection is being made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SelKind {
    /// From one character to another, across lines.
    #[default]
    Char,
    /// Whole lines.
    Line,
    /// A rectangle of columns.
    Rect,
}

/// A selection: from `anchor` to the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where it began: a line and a column.
    pub anchor: (LineId, u16),
    /// Whether its end still follows the cursor (until stop-selection).
    pub following: bool,
    /// Where it ended, once it stopped following the cursor.
    pub end: (LineId, u16),
}

/// The last character jump (`f`, `F`, `t`, `T`), for `;` and `,`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    /// The character jumped to.
    pub target: char,
    /// Whether it went forward.
    pub forward: bool,
    /// Whether it stopped before the character (`t`, `T`).
    pub before: bool,
}

/// One pane's copy mode.
#[derive(Debug, Clone)]
pub struct CopyMode {
    /// The line at the top of the view.
    pub top: LineId,
    /// The cursor's line.
    pub cy: LineId,
    /// The cursor's column.
    pub cx: u16,
    /// The column vertical moves try to keep (tmux's `lastcx`).
    pub want_cx: u16,
    /// The selection, if one is being made.
    pub sel: Option<Selection>,
    /// What kind of selection `sel` is.
    pub kind: SelKind,
    /// The search, if there was one.
    pub search: Option<search::Search>,
    /// The last character jump.
    pub jump: Option<Jump>,
    /// A mark set with `X`.
    pub mark: Option<(LineId, u16)>,
    /// Whether scrolling to the bottom leaves copy mode (`copy-mode -e`).
    pub exit_at_bottom: bool,
    /// Whether the position indicator is hidden (`copy-mode -H`, `toggle-position`).
    pub hide_position: bool,
    /// A repeat count for the next command (`send-keys -N` with no key, after `3` in vi).
    pub prefix: Option<usize>,
}

impl CopyMode {
    /// Enters copy mode on `term` with the view on the live screen and the cursor where the
    /// program's cursor is.
    pub fn new(term: &Terminal) -> CopyMode {
        let top = term.screen_top();
        let c = term.cursor();
        let cx = c.pos.col.min(term.size().cols.saturating_sub(1));
        CopyMode {
            top,
            cy: top + u64::from(c.pos.row),
            cx,
            want_cx: cx,
            sel: None,
            kind: SelKind::Char,
            search: None,
            jump: None,
            mark: None,
            exit_at_bottom: false,
            hide_position: false,
            prefix: None,
        }
    }

    /// Returns how many rows the view has.
    pub fn height(term: &Terminal) -> u64 {
        u64::from(term.size().rows.max(1))
    }

    /// Returns the first line the view may show.
    pub fn first(term: &Terminal) -> LineId {
        term.first_line()
    }

    /// Returns the last line there is.
    pub fn last(term: &Terminal) -> LineId {
        term.screen_top() + Self::height(term) - 1
    }

    /// Returns how far back the view is from the live screen, in lines.
    pub fn scrolled_back(&self, term: &Terminal) -> u64 {
        term.screen_top().saturating_sub(self.top)
    }

    /// Returns how many history lines there are.
    pub fn history_size(term: &Terminal) -> u64 {
        term.screen_top() - term.first_line()
    }

    /// Keeps the view and cursor on lines that exist, after output dropped old lines or a
    /// resize changed the height, and the cursor inside the view.
    pub fn clamp(&mut self, term: &Terminal) {
        let first = Self::first(term);
        let bottom_top = term.screen_top();
        self.top = self.top.clamp(first, bottom_top);
        self.cy = self.cy.clamp(first, Self::last(term));
        self.cx = self.cx.min(term.size().cols.saturating_sub(1));
        self.show_cursor(term);
        if let Some(sel) = self.sel.as_mut() {
            sel.anchor.0 = sel.anchor.0.max(first);
            sel.end.0 = sel.end.0.max(first);
        }
    }

    /// Scrolls the view just enough to show the cursor's line.
    pub fn show_cursor(&mut self, term: &Terminal) {
        let h = Self::height(term);
        if self.cy < self.top {
            self.top = self.cy;
        } else if self.cy >= self.top + h {
            self.top = self.cy + 1 - h;
        }
        self.top = self.top.clamp(Self::first(term), term.screen_top());
    }

    /// Scrolls the view by `lines` (up when negative), keeping the cursor on the same row of
    /// the view unless that leaves the lines there are.
    pub fn scroll(&mut self, term: &Terminal, lines: i64) {
        let first = Self::first(term);
        let old = self.top;
        let top = if lines < 0 {
            old.saturating_sub(lines.unsigned_abs()).max(first)
        } else {
            old.saturating_add(lines.unsigned_abs())
                .min(term.screen_top())
        };
        let row = self.cy.saturating_sub(old);
        self.top = top;
        self.cy = (top + row).min(Self::last(term));
    }

    /// Returns where the selection's end is: the cursor while it follows it.
    pub fn sel_end(&self) -> Option<(LineId, u16)> {
        self.sel.map(|s| {
            if s.following {
                (self.cy, self.cx)
            } else {
                s.end
            }
        })
    }

    /// Resizes the pane's terminal keeping the view on the same text: the cursor's character
    /// is followed through the reflow and keeps its row in the view.
    pub fn resize(&mut self, term: &mut Terminal, size: mux_term_emu::Size) {
        let row = self.cy.saturating_sub(self.top);
        let moved = term.resize_keeping(size, (self.cy, self.cx));
        match moved {
            Some((cy, cx)) => {
                self.cy = cy;
                self.cx = cx;
                self.top = cy.saturating_sub(row.min(Self::height(term) - 1));
            }
            None => {
                self.top = term.screen_top();
                self.cy = self.top;
            }
        }
        // A selection's far end is not followed through the reflow; it is dropped.
        self.sel = None;
        self.want_cx = self.cx;
        self.clamp(term);
    }
}

#[cfg(test)]
mod tests;
