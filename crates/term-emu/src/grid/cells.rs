//! A row's cells, made when something is first written to them: until then a row reads as
//! blanks from one static buffer shared by every such row, so a screen of blank rows costs
//! no memory for its cells (an idle shell's prompt uses one row of twenty-four).

use std::ops::{Deref, DerefMut};

use super::Cell;

/// The widest row whose blanks are shared (the server's widest pane is 1,000 columns);
/// a wider row is made at once.
const SHARED: usize = 1024;

/// The blank cells read by every row not yet written to: all zero bytes, so the buffer
/// takes no memory until read, and then only the system's shared zero page.
static BLANKS: [Cell; SHARED] = [Cell::BLANK; SHARED];

/// A row's cells: `width` of them, made on the first write.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cells {
    /// The cells once made (then exactly `width` of them); empty until then.
    made: Vec<Cell>,
    /// How many cells the row has.
    width: usize,
}

impl Cells {
    /// Returns `width` blank cells, made only when written to.
    pub(crate) fn blank(width: usize) -> Cells {
        let made = if width > SHARED {
            vec![Cell::default(); width]
        } else {
            Vec::new()
        };
        Cells { made, width }
    }

    /// Changes the width, cutting or padding with blanks.
    pub(crate) fn resize(&mut self, width: usize) {
        if !self.is_made() && width <= SHARED {
            self.width = width;
            return;
        }
        self.make();
        self.made.resize(width, Cell::default());
        self.width = width;
    }

    /// Returns whether the cells were made (a row of width 0 always is).
    fn is_made(&self) -> bool {
        self.made.len() == self.width
    }

    /// Makes the cells, blank, if they were not.
    fn make(&mut self) {
        if !self.is_made() {
            self.made = vec![Cell::default(); self.width];
        }
    }
}

impl Deref for Cells {
    type Target = [Cell];

    #[inline]
    fn deref(&self) -> &[Cell] {
        if self.is_made() {
            &self.made
        } else {
            // Not made means at most SHARED wide (see `blank` and `resize`).
            BLANKS.get(..self.width).unwrap_or_default()
        }
    }
}

impl DerefMut for Cells {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Cell] {
        self.make();
        &mut self.made
    }
}

/// Checkpoints hold every cell, as they did when rows were always made.
impl serde::Serialize for Cells {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Cells {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Cells, D::Error> {
        let made = Vec::<Cell>::deserialize(d)?;
        Ok(Cells {
            width: made.len(),
            made,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_cells_are_made_only_when_written() {
        let mut cells = Cells::blank(80);
        assert_eq!(cells.len(), 80);
        assert!(cells.iter().all(|c| *c == Cell::default()));
        assert!(!cells.is_made());
        cells.resize(100);
        assert_eq!((cells.len(), cells.is_made()), (100, false));
        cells[99] = Cell::blank(3);
        assert!(cells.is_made());
        assert_eq!((cells.len(), cells[99].style, cells[0].style), (100, 3, 0));
        cells.resize(50);
        assert_eq!((cells.len(), cells.is_made()), (50, true));
    }

    #[test]
    fn rows_wider_than_the_shared_blanks_are_made_at_once() {
        let mut cells = Cells::blank(SHARED + 1);
        assert!(cells.is_made());
        assert_eq!(cells.len(), SHARED + 1);
        let mut narrow = Cells::blank(10);
        narrow.resize(SHARED + 5);
        assert!(narrow.is_made());
        assert_eq!(narrow.len(), SHARED + 5);
        cells.resize(3);
        assert_eq!(cells.len(), 3);
    }

    #[test]
    fn a_checkpoint_holds_every_cell_and_reads_back_made() {
        let blank = Cells::blank(7);
        let bytes = postcard::to_allocvec(&blank).unwrap();
        let same: Vec<Cell> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(same, vec![Cell::default(); 7]);
        let back: Cells = postcard::from_bytes(&bytes).unwrap();
        assert_eq!((back.len(), back.is_made()), (7, true));
    }
}
