//! Tab stops, the scroll region, saved cursors, the alternate screen and resets.

use super::{Saved, Screen};
use crate::types::Style;

impl Screen {
    /// Moves to the next tab stop, `n` times.
    pub(crate) fn tab(&mut self, n: usize) {
        for _ in 0..n {
            let from = self.col_in_grid() + 1;
            let next = (from..self.cols).find(|&c| self.tabs.get(c).copied().unwrap_or(false));
            self.col = next.unwrap_or(self.cols - 1);
        }
    }

    /// Moves to the previous tab stop, `n` times.
    pub(crate) fn back_tab(&mut self, n: usize) {
        for _ in 0..n {
            let from = self.col_in_grid();
            let prev = (0..from).rev().find(|&c| self.tabs[c]);
            self.col = prev.unwrap_or(0);
        }
    }

    /// Sets a tab stop at the cursor (HTS).
    pub(crate) fn set_tab(&mut self) {
        let col = self.col_in_grid();
        if let Some(t) = self.tabs.get_mut(col) {
            *t = true;
        }
    }

    /// Clears the tab stop at the cursor (`all` false) or every tab stop.
    pub(crate) fn clear_tabs(&mut self, all: bool) {
        if all {
            self.tabs.fill(false);
        } else {
            let col = self.col_in_grid();
            if let Some(t) = self.tabs.get_mut(col) {
                *t = false;
            }
        }
    }

    /// Sets the scroll region (1-based, 0 for the default) and homes the cursor.
    pub(crate) fn set_region(&mut self, top: usize, bottom: usize) {
        let top = top.max(1) - 1;
        let bottom = if bottom == 0 {
            self.rows
        } else {
            bottom.min(self.rows)
        } - 1;
        if top < bottom {
            self.top = top;
            self.bottom = bottom;
            self.goto(0, 0);
        }
    }

    /// Saves the cursor (DECSC).
    pub(crate) fn save_cursor(&mut self) {
        self.saved[usize::from(self.alt)] = Some(self.snapshot());
    }

    /// Returns what DECSC saves.
    fn snapshot(&self) -> Saved {
        Saved {
            row: self.row,
            col: self.col,
            pen: self.pen,
            origin: self.modes.origin,
            autowrap: self.modes.autowrap,
        }
    }

    /// Restores the cursor (DECRC), or homes it with the default pen if none was saved.
    pub(crate) fn restore_cursor(&mut self) {
        let saved = self.saved[usize::from(self.alt)].unwrap_or(Saved {
            autowrap: true,
            ..Saved::default()
        });
        self.apply(saved);
    }

    /// Puts back a saved cursor.
    fn apply(&mut self, s: Saved) {
        self.row = s.row.min(self.rows - 1);
        self.col = s.col.min(self.cols);
        self.set_pen(s.pen);
        self.modes.origin = s.origin;
        self.modes.autowrap = s.autowrap;
    }

    /// Switches to the alternate screen (clearing it if `clear`) or back.
    pub(crate) fn set_alternate(&mut self, on: bool, clear: bool) {
        if on == self.alt {
            return;
        }
        self.damage_all();
        if on && self.alternate.len() != self.rows {
            self.alternate = crate::screen::blank_grid(self.rows, self.cols);
        }
        if on && clear {
            for row in &mut self.alternate {
                row.clear(0);
            }
        }
        if !on && clear {
            for row in &mut self.alternate {
                row.clear(0);
            }
        }
        self.alt = on;
    }

    /// Mode 1049: saves the cursor and shows a cleared alternate screen, or goes back.
    pub(crate) fn set_alternate_1049(&mut self, on: bool) {
        if on {
            if !self.alt {
                self.saved_1049 = Some(self.snapshot());
            }
            self.set_alternate(true, true);
            self.modes.origin = false;
            self.top = 0;
            self.bottom = self.rows - 1;
        } else {
            self.set_alternate(false, false);
            if let Some(s) = self.saved_1049.take() {
                self.apply(s);
            }
        }
    }

    /// Soft reset (DECSTR): modes, pen, region and saved cursor back to their defaults.
    pub(crate) fn soft_reset(&mut self) {
        self.modes.soft_reset();
        self.set_pen(Style::default());
        self.link = 0;
        self.top = 0;
        self.bottom = self.rows - 1;
        self.saved[usize::from(self.alt)] = None;
    }

    /// Full reset (RIS): everything but the size, the scrollback and the tap on scrolled rows.
    pub(crate) fn full_reset(&mut self) {
        let mut fresh = Screen::new(self.rows, self.cols, 0);
        std::mem::swap(&mut fresh.history, &mut self.history);
        fresh.tap = self.tap.take();
        // Generations only go up, so a reader that saw an earlier one sees every row changed.
        fresh.generation = self.generation;
        *self = fresh;
        self.damage_all();
    }

    /// Changes the history limit.
    pub(crate) fn set_history_limit(&mut self, limit: usize) {
        self.history.set_limit(limit);
    }
}
