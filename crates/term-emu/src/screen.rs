//! term-emu's screen model: the primary and alternate grids, the cursor, the pen, the scroll
//! region, tab stops and modes, with the operations the parser drives (`perform.rs`).
//!
//! The cursor column may equal the width: that is the pending-wrap state after a character was
//! written in the last column (the next printable character wraps first), as in vt100.

mod edit;
mod modes;
mod print;
mod state;

use unicode_width::UnicodeWidthChar;

use crate::grid::{Grid, Row};
use crate::history::{History, Ids};
use crate::styles::{Links, MAX_STYLES};
use crate::types::Style;

pub(crate) use modes::{ModeState, MouseEncoding};

/// The cursor position and what DECSC saves with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Saved {
    pub row: usize,
    pub col: usize,
    pub pen: Style,
    pub origin: bool,
    pub autowrap: bool,
}

/// One terminal's screens and drawing state.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Screen {
    pub rows: usize,
    pub cols: usize,
    /// The primary grid.
    pub primary: Grid,
    /// The alternate grid: empty until it is first shown, then as tall as the primary.
    pub alternate: Grid,
    /// Whether the alternate grid is shown.
    pub alt: bool,
    /// Cursor row.
    pub row: usize,
    /// Cursor column; equal to `cols` while a wrap is pending.
    pub col: usize,
    /// The style characters are drawn with.
    pub pen: Style,
    /// The interned id of `pen`.
    pub pen_id: u16,
    /// The id of the pen's background alone, used to erase.
    pub erase_id: u16,
    /// The hyperlink characters are drawn with (0 for none).
    pub link: u16,
    /// What DECSC saved, for the primary and the alternate screen.
    pub saved: [Option<Saved>; 2],
    /// Where the cursor was when mode 1049 switched to the alternate screen.
    pub saved_1049: Option<Saved>,
    pub modes: ModeState,
    /// The scroll region, inclusive.
    pub top: usize,
    pub bottom: usize,
    /// Tab stops, one flag per column.
    pub tabs: Vec<bool>,
    pub history: History,
    pub links: Links,
    /// The last character printed, for REP.
    pub last_char: Option<char>,
    /// When each visible row last changed, as a value of `generation`.
    pub row_gens: Vec<u64>,
    /// Counts changes to the visible rows.
    pub generation: u64,
    /// The text of rows that scrolled off the primary screen, while a caller wants it.
    #[serde(skip)]
    pub tap: Option<crate::terminal::Scrolled>,
}

/// Returns the columns character `c` takes when printed: 0 for combining and other zero-width
/// characters, 1 or 2 otherwise.
#[inline]
pub(crate) fn char_width(c: char) -> usize {
    if (' '..'\u{7f}').contains(&c) {
        return 1;
    }
    c.width().unwrap_or(0).min(2)
}

/// Returns a grid of `rows` blank rows of `cols` cells.
pub(crate) fn blank_grid(rows: usize, cols: usize) -> Grid {
    (0..rows).map(|_| Box::new(Row::new(cols))).collect()
}

/// Returns the default tab stops for `cols` columns: every 8.
fn default_tabs(cols: usize) -> Vec<bool> {
    (0..cols).map(|c| c % 8 == 0 && c > 0).collect()
}

impl Screen {
    /// Creates a blank screen of `rows` by `cols` (at least 1 each).
    pub(crate) fn new(rows: usize, cols: usize, history_limit: usize) -> Screen {
        let (rows, cols) = (rows.max(1), cols.max(1));
        Screen {
            rows,
            cols,
            primary: blank_grid(rows, cols),
            // Made when first shown: most panes never use it.
            alternate: Grid::new(),
            alt: false,
            row: 0,
            col: 0,
            pen: Style::default(),
            pen_id: 0,
            erase_id: 0,
            link: 0,
            saved: [None; 2],
            saved_1049: None,
            modes: ModeState::default(),
            top: 0,
            bottom: rows - 1,
            tabs: default_tabs(cols),
            history: History::new(history_limit),
            links: Links::default(),
            last_char: None,
            row_gens: vec![0; rows],
            generation: 0,
            tap: None,
        }
    }

    /// Notes that visible row `row` changed.
    #[inline]
    pub(crate) fn damage(&mut self, row: usize) {
        self.generation += 1;
        if let Some(g) = self.row_gens.get_mut(row) {
            *g = self.generation;
        }
    }

    /// Notes that visible rows `top..=bottom` changed.
    pub(crate) fn damage_rows(&mut self, top: usize, bottom: usize) {
        self.generation += 1;
        let generation = self.generation;
        for g in self.row_gens.iter_mut().take(bottom + 1).skip(top) {
            *g = generation;
        }
    }

    /// Notes that every visible row changed (a scroll of the whole screen, a switch of
    /// screens, a resize), with as many rows as the screen has.
    pub(crate) fn damage_all(&mut self) {
        self.generation += 1;
        self.row_gens.clear();
        self.row_gens.resize(self.rows, self.generation);
    }

    /// Returns the visible grid.
    #[inline]
    pub(crate) fn grid(&self) -> &[Box<Row>] {
        if self.alt {
            &self.alternate
        } else {
            &self.primary
        }
    }

    /// Returns the visible grid, mutably; every row counts as changed.
    #[inline]
    pub(crate) fn grid_mut(&mut self) -> &mut Grid {
        self.damage_all();
        if self.alt {
            &mut self.alternate
        } else {
            &mut self.primary
        }
    }

    /// Returns the visible row `row`, mutably, if it exists.
    #[inline]
    pub(crate) fn row_mut(&mut self, row: usize) -> Option<&mut Row> {
        self.damage(row);
        let grid = if self.alt {
            &mut self.alternate
        } else {
            &mut self.primary
        };
        grid.get_mut(row).map(|r| &mut **r)
    }

    /// Sets the pen and interns it.
    pub(crate) fn set_pen(&mut self, pen: Style) {
        if pen == self.pen {
            return;
        }
        let bg_changed = pen.bg != self.pen.bg;
        self.pen = pen;
        self.pen_id = self.intern(pen);
        if bg_changed {
            let erase = Style {
                bg: pen.bg,
                ..Style::default()
            };
            self.erase_id = self.intern(erase);
        }
    }

    /// Returns the id of `style`, dropping unused styles first if the table is full.
    pub(crate) fn intern(&mut self, style: Style) -> u16 {
        if let Some(id) = self.history.styles.intern(style) {
            return id;
        }
        self.collect_styles();
        self.history.styles.intern(style).unwrap_or(0)
    }

    /// Drops the styles no cell, history row or pen uses, and renumbers the rest.
    fn collect_styles(&mut self) {
        let mut live = vec![false; MAX_STYLES];
        for row in self.primary.iter().chain(&self.alternate) {
            for id in row.styles() {
                live[usize::from(id)] = true;
            }
        }
        self.history.mark(Ids::Styles, &mut live);
        let map = self.history.styles.retain(&live);
        let style = |id: u16| map.get(usize::from(id)).copied().unwrap_or(0);
        for row in self.primary.iter_mut().chain(self.alternate.iter_mut()) {
            row.remap(&style, &|l| l);
        }
        self.history.remap(Ids::Styles, &map);
        let pen = self.pen;
        self.pen_id = self.history.styles.intern(pen).unwrap_or(0);
        let erase = Style {
            bg: pen.bg,
            ..Style::default()
        };
        self.erase_id = self.history.styles.intern(erase).unwrap_or(0);
    }

    /// Returns the id of hyperlink `uri`, dropping the links no cell, history row or pen uses
    /// first if the table is full.
    pub(crate) fn intern_link(&mut self, uri: &str) -> u16 {
        if let Some(id) = self.links.intern(uri) {
            return id;
        }
        let mut live = vec![false; self.links.len() + 1];
        live[usize::from(self.link)] = true;
        for row in self.primary.iter().chain(&self.alternate) {
            for c in &row.cells[..row.used()] {
                if let Some(l) = live.get_mut(usize::from(c.link)) {
                    *l = true;
                }
            }
        }
        self.history.mark(Ids::Links, &mut live);
        let map = self.links.retain(&live);
        let link = |id: u16| map.get(usize::from(id)).copied().unwrap_or(0);
        for row in self.primary.iter_mut().chain(self.alternate.iter_mut()) {
            row.remap(&|s| s, &link);
        }
        self.history.remap(Ids::Links, &map);
        self.link = link(self.link);
        self.links.intern(uri).unwrap_or(0)
    }

    /// Returns the cursor column, pulled back from the pending-wrap position.
    #[inline]
    pub(crate) fn col_in_grid(&self) -> usize {
        self.col.min(self.cols - 1)
    }

    /// Returns the first and last row the cursor may reach: the scroll region in origin mode.
    fn row_bounds(&self) -> (usize, usize) {
        if self.modes.origin {
            (self.top, self.bottom)
        } else {
            (0, self.rows - 1)
        }
    }

    /// Moves the cursor to `row`, `col` (relative to the region in origin mode), clamped.
    pub(crate) fn goto(&mut self, row: usize, col: usize) {
        let (top, bottom) = self.row_bounds();
        self.row = row.saturating_add(top).min(bottom);
        self.col = col.min(self.cols - 1);
    }

    /// Moves the cursor to column `col`, clamped.
    pub(crate) fn goto_col(&mut self, col: usize) {
        self.col = col.min(self.cols - 1);
    }

    /// Moves the cursor up `n` rows, stopping at the region's top if it starts inside it.
    pub(crate) fn up(&mut self, n: usize) {
        let limit = if self.row >= self.top { self.top } else { 0 };
        self.row = self.row.saturating_sub(n).max(limit);
        self.col = self.col_in_grid();
    }

    /// Moves the cursor down `n` rows, stopping at the region's bottom if it starts inside it.
    pub(crate) fn down(&mut self, n: usize) {
        let limit = if self.row <= self.bottom {
            self.bottom
        } else {
            self.rows - 1
        };
        self.row = self.row.saturating_add(n).min(limit);
        self.col = self.col_in_grid();
    }

    /// Moves the cursor right `n` columns.
    pub(crate) fn right(&mut self, n: usize) {
        self.col = self.col.saturating_add(n).min(self.cols - 1);
    }

    /// Moves the cursor left `n` columns.
    pub(crate) fn left(&mut self, n: usize) {
        self.col = self.col_in_grid().saturating_sub(n);
    }

    /// Carriage return.
    pub(crate) fn carriage_return(&mut self) {
        self.col = 0;
    }

    /// Backspace: one column left, out of the pending-wrap state first.
    pub(crate) fn backspace(&mut self) {
        self.col = self.col.saturating_sub(1);
    }

    /// Line feed (also IND): down one row, scrolling the region at its bottom.
    pub(crate) fn linefeed(&mut self) {
        if self.row == self.bottom {
            self.scroll_up(1);
        } else if self.row + 1 < self.rows {
            self.row += 1;
        }
    }

    /// Reverse index: up one row, scrolling the region down at its top.
    pub(crate) fn reverse_index(&mut self) {
        if self.row == self.top {
            self.scroll_down(1);
        } else {
            self.row = self.row.saturating_sub(1);
        }
    }
}
