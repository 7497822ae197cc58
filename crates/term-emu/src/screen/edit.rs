//! Editing: erasing, inserting and deleting cells and rows, and scrolling the region.
//!
//! Erased cells keep only the pen's background colour, as xterm and tmux do.

use super::Screen;

impl Screen {
    /// Scrolls the region up `n` rows; rows leaving the top of the primary screen go to the
    /// history.
    pub(crate) fn scroll_up(&mut self, n: usize) {
        let (top, bottom) = (self.top, self.bottom.min(self.rows - 1));
        if top > bottom {
            return;
        }
        let n = n.min(bottom - top + 1);
        self.damage_rows(top, bottom);
        if let (0, false, Some(tap)) = (top, self.alt, self.tap.as_mut()) {
            self.primary[..n].iter().for_each(|row| tap.push(row));
        }
        let (grid, history) = if self.alt {
            (&mut self.alternate, None)
        } else {
            (&mut self.primary, Some(&mut self.history))
        };
        if let (0, Some(history)) = (top, history) {
            for row in &grid[..n] {
                history.push(row);
            }
        }
        let region = &mut grid[top..=bottom];
        region.rotate_left(n);
        let len = region.len();
        for row in &mut region[len - n..] {
            row.clear(0);
        }
    }

    /// Scrolls the region down `n` rows.
    pub(crate) fn scroll_down(&mut self, n: usize) {
        let (top, bottom) = (self.top, self.bottom.min(self.rows - 1));
        if top > bottom {
            return;
        }
        let n = n.min(bottom - top + 1);
        let region = &mut self.grid_mut()[top..=bottom];
        region.rotate_right(n);
        for row in &mut region[..n] {
            row.clear(0);
        }
    }

    /// Inserts `n` blank rows at the cursor, inside the scroll region (IL).
    pub(crate) fn insert_lines(&mut self, n: usize) {
        if self.row < self.top || self.row > self.bottom {
            return;
        }
        let (row, bottom) = (self.row, self.bottom);
        let n = n.min(bottom - row + 1);
        let region = &mut self.grid_mut()[row..=bottom];
        region.rotate_right(n);
        for r in &mut region[..n] {
            r.clear(0);
        }
    }

    /// Deletes `n` rows at the cursor, inside the scroll region (DL).
    pub(crate) fn delete_lines(&mut self, n: usize) {
        if self.row < self.top || self.row > self.bottom {
            return;
        }
        let (row, bottom) = (self.row, self.bottom);
        let n = n.min(bottom - row + 1);
        let region = &mut self.grid_mut()[row..=bottom];
        region.rotate_left(n);
        let len = region.len();
        for r in &mut region[len - n..] {
            r.clear(0);
        }
    }

    /// Erases in the display (ED): 0 below, 1 above, 2 all, 3 the scrollback.
    pub(crate) fn erase_display(&mut self, mode: u16) {
        let (row, erase, cols) = (self.row, self.erase_id, self.cols);
        match mode {
            0 => {
                self.erase_line(0);
                for r in self.grid_mut().iter_mut().skip(row + 1) {
                    r.clear(erase);
                }
            }
            1 => {
                self.erase_line(1);
                for r in self.grid_mut().iter_mut().take(row) {
                    r.clear(erase);
                }
            }
            2 => {
                for r in self.grid_mut().iter_mut() {
                    r.clear(erase);
                }
            }
            3 => self.history.clear(),
            _ => {}
        }
        debug_assert!(cols > 0);
    }

    /// Erases in the cursor's row (EL): 0 to the right, 1 to the left, 2 all.
    pub(crate) fn erase_line(&mut self, mode: u16) {
        let (row, col, erase, cols) = (self.row, self.col, self.erase_id, self.cols);
        let Some(r) = self.row_mut(row) else {
            return;
        };
        match mode {
            0 => {
                r.erase(col, cols, erase);
                r.wrapped = false;
            }
            1 => r.erase(0, col.min(cols - 1) + 1, erase),
            2 => r.clear(erase),
            _ => return,
        }
        r.fix_split_wide(cols);
    }

    /// Erases `n` cells from the cursor (ECH).
    pub(crate) fn erase_chars(&mut self, n: usize) {
        let (row, col, erase, cols) = (self.row, self.col, self.erase_id, self.cols);
        if let Some(r) = self.row_mut(row) {
            r.erase(col, col.saturating_add(n), erase);
            r.fix_split_wide(cols);
        }
    }

    /// Inserts `n` blank cells at the cursor (ICH).
    pub(crate) fn insert_chars(&mut self, n: usize) {
        let (row, col, erase) = (self.row, self.col, self.erase_id);
        if let Some(r) = self.row_mut(row) {
            r.insert(col, n, erase);
        }
    }

    /// Deletes `n` cells at the cursor (DCH).
    pub(crate) fn delete_chars(&mut self, n: usize) {
        let (row, col, erase) = (self.row, self.col, self.erase_id);
        if let Some(r) = self.row_mut(row) {
            r.delete(col, n, erase);
        }
    }

    /// Fills the screen with `E` (DECALN).
    pub(crate) fn alignment_test(&mut self) {
        let cols = self.cols;
        for r in self.grid_mut().iter_mut() {
            for col in 0..cols {
                r.set(col, crate::grid::Cell::new('E', 0, 0, false));
            }
        }
        self.top = 0;
        self.bottom = self.rows - 1;
        self.goto(0, 0);
    }
}
