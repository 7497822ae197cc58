//! Wrapped lines in the user's terminal: a row whose line goes on in the next row (the server
//! says so, for a pane as wide as the screen) is drawn up to its last column and the next
//! row's first symbol follows without a cursor move, as tmux draws it. The terminal then
//! knows the two rows are one line, so its own mouse selection copies a long URL or command
//! as one line, not two.

use unicode_width::UnicodeWidthStr;

/// Which rows of the frame wrap into the next row, for a terminal `width` columns wide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wraps {
    /// For each row, whether it wraps.
    rows: Vec<bool>,
    /// The terminal's width.
    width: u16,
}

impl Wraps {
    /// Returns the wrapping of `rows` for a screen `cols` columns wide shown on a terminal of
    /// `width` by `height`: none when the two widths differ (writing the last column would
    /// not reach the terminal's edge), and never on the terminal's last row (the terminal
    /// would scroll).
    pub fn new(rows: &[bool], cols: u16, width: u16, height: u16) -> Wraps {
        if cols != width {
            return Wraps::default();
        }
        let last = usize::from(height).saturating_sub(1);
        Wraps {
            rows: rows
                .iter()
                .enumerate()
                .map(|(y, &w)| w && y < last)
                .collect(),
            width,
        }
    }

    /// Returns whether row `y` wraps into row `y + 1`.
    pub fn wraps(&self, y: u16) -> bool {
        self.rows.get(usize::from(y)).copied().unwrap_or(false)
    }

    /// Returns whether a symbol written on row `y` that ended at column `end` leaves the
    /// terminal waiting to wrap onto the next row.
    pub fn continues(&self, y: u16, end: u16) -> bool {
        self.wraps(y) && end == self.width
    }
}

/// Writes into `out` the erasing of each cell of `cells` to the end of its row, which ends
/// the terminal's idea that the row wraps (the frame then writes the cell again).
pub fn erase_ends(out: &mut Vec<u8>, cells: &[(u16, u16)]) {
    for &(x, y) in cells {
        out.extend_from_slice(
            format!("\x1b[{};{}H\x1b[K", u32::from(y) + 1, u32::from(x) + 1).as_bytes(),
        );
    }
}

/// Returns how many columns the terminal moves for `symbol`.
pub fn symbol_width(symbol: &str) -> u16 {
    u16::try_from(symbol.width()).unwrap_or(u16::MAX)
}

/// Returns the column of the last symbol of a row of `cells` (texts; an empty one is the
/// second half of a wide character): the last column, or the one before when a wide
/// character ends the row.
pub fn last_symbol(cells: &[mux_protocol::Cell]) -> u16 {
    let width = cells.len();
    let x = match cells.last() {
        Some(c) if c.text.is_empty() && width >= 2 => width - 2,
        _ => width.saturating_sub(1),
    };
    u16::try_from(x).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rows_of_a_terminal_as_wide_as_the_screen_wrap_and_never_the_last() {
        let w = Wraps::new(&[true, false, true], 10, 10, 3);
        assert!(w.wraps(0) && !w.wraps(1) && !w.wraps(2));
        assert!(w.continues(0, 10) && !w.continues(0, 9));
        assert_eq!(Wraps::new(&[true, true], 10, 12, 5), Wraps::default());
    }

    #[test]
    fn a_wide_character_at_the_end_is_the_last_symbol() {
        use mux_protocol::{Cell, Style};
        let cell = |t: &str| Cell::new(t, Style::default());
        assert_eq!(last_symbol(&[cell("a"), cell("b"), cell("c")]), 2);
        assert_eq!(last_symbol(&[cell("a"), cell("中"), cell("")]), 1);
        assert_eq!(symbol_width("中"), 2);
        assert_eq!(symbol_width("a"), 1);
    }
}
