//! Sizes and positions on a screen, and the cursor: rows first, in `u16` cells.

use serde::{Deserialize, Serialize};

/// Converts an index or count to a screen coordinate, saturating at `u16::MAX`.
fn saturate(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A size in character cells.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Size {
    /// The number of rows.
    pub rows: u16,
    /// The number of columns.
    pub cols: u16,
}

impl Size {
    /// Returns a size of `rows` by `cols`, each saturated at `u16::MAX`.
    pub fn from_usize(rows: usize, cols: usize) -> Size {
        Size {
            rows: saturate(rows),
            cols: saturate(cols),
        }
    }

    /// Returns whether `point` lies inside a screen of this size.
    pub fn contains(self, point: Point) -> bool {
        point.row < self.rows && point.col < self.cols
    }
}

/// The position of a cell: its row from 0 at the top and its column from 0 at the left.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Point {
    /// The row, from 0 at the top.
    pub row: u16,
    /// The column, from 0 at the left.
    pub col: u16,
}

impl Point {
    /// Returns the point at `row` and `col`.
    pub const fn new(row: u16, col: u16) -> Point {
        Point { row, col }
    }

    /// Returns the point at `row` and `col` given as indices, each saturated at `u16::MAX`.
    pub fn from_usize(row: usize, col: usize) -> Point {
        Point {
            row: saturate(row),
            col: saturate(col),
        }
    }
}

/// A screen's cursor: where it is and how it is drawn.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cursor {
    /// Where the cursor is. A terminal's cursor column may equal its width while a wrap is
    /// pending (after a character was written in the last column).
    pub pos: Point,
    /// Whether the cursor is shown.
    pub visible: bool,
    /// The DECSCUSR shape: 0 the terminal's default, 1 to 6 block, underline and bar, each
    /// blinking and then steady.
    pub shape: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_usize_keeps_small_values_and_saturates_large_ones() {
        assert_eq!(Point::from_usize(3, 7), Point::new(3, 7));
        assert_eq!(
            Point::from_usize(70_000, 65_535),
            Point::new(u16::MAX, u16::MAX)
        );
        assert_eq!(Size::from_usize(24, 80), Size { rows: 24, cols: 80 });
        assert_eq!(
            Size::from_usize(usize::MAX, 0),
            Size {
                rows: u16::MAX,
                cols: 0
            }
        );
    }

    #[test]
    fn a_size_contains_the_points_before_its_edges() {
        let size = Size { rows: 2, cols: 3 };
        assert!(size.contains(Point::new(0, 0)));
        assert!(size.contains(Point::new(1, 2)));
        assert!(!size.contains(Point::new(2, 0)), "the row past the bottom");
        assert!(
            !size.contains(Point::new(0, 3)),
            "the column past the right edge"
        );
        assert!(!Size { rows: 0, cols: 0 }.contains(Point::default()));
    }
}
