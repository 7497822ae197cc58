//! The visible grid's storage: compact cells and rows that know how much of them is in use.
//!
//! A cell is ten bytes: its text (one character inline as UTF-8, or the index of a longer
//! grapheme cluster kept by its row), a style id from the terminal's interned style table, a
//! hyperlink id and a few flags. A row keeps the cells of every column, made when it is first
//! written to, and remembers how many of them may differ from a blank cell, so clearing and
//! recycling touch only those.

mod cells;

pub(crate) use cells::Cells;

/// The longest grapheme cluster kept in one cell, in bytes; further combining marks are dropped.
const MAX_CLUSTER: usize = 32;

/// One cell of the visible grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Cell {
    /// The UTF-8 bytes of the cell's character, or the index of its cluster in the row.
    bytes: [u8; 4],
    /// The style id (0 is the default style).
    pub style: u16,
    /// The hyperlink id (0 is none).
    pub link: u16,
    /// The text length in the low bits, and the `WIDE`, `CONTINUATION` and `CLUSTER` flags.
    flags: u8,
}

const LEN_MASK: u8 = 0x07;
const WIDE: u8 = 0x10;
const CONTINUATION: u8 = 0x20;
const CLUSTER: u8 = 0x40;

impl Cell {
    /// The blank cell in the default style (all zero bytes).
    pub(crate) const BLANK: Cell = Cell {
        bytes: [0; 4],
        style: 0,
        link: 0,
        flags: 0,
    };

    /// Returns a blank cell drawn in style `style`.
    pub(crate) fn blank(style: u16) -> Cell {
        Cell {
            style,
            ..Cell::default()
        }
    }

    /// Returns a cell holding character `c`, two columns wide if `wide`.
    #[inline]
    pub(crate) fn new(c: char, style: u16, link: u16, wide: bool) -> Cell {
        let mut bytes = [0; 4];
        let len = c.encode_utf8(&mut bytes).len();
        Cell {
            bytes,
            style,
            link,
            flags: u8::try_from(len).unwrap_or(0) | if wide { WIDE } else { 0 },
        }
    }

    /// Returns the right half of a wide character drawn in `style`.
    pub(crate) fn continuation(style: u16, link: u16) -> Cell {
        Cell {
            bytes: [0; 4],
            style,
            link,
            flags: CONTINUATION,
        }
    }

    /// Returns whether the cell holds a character two columns wide.
    pub(crate) fn is_wide(&self) -> bool {
        self.flags & WIDE != 0
    }

    /// Returns whether the cell is the right half of a wide character.
    pub(crate) fn is_continuation(&self) -> bool {
        self.flags & CONTINUATION != 0
    }

    /// Returns the cell's character if it is a single ASCII byte (a space when blank); `None`
    /// for other text and for the right half of a wide character.
    #[inline]
    pub(crate) fn ascii(&self) -> Option<u8> {
        match self.flags & (LEN_MASK | CLUSTER | CONTINUATION) {
            0 => Some(b' '),
            1 => Some(self.bytes[0]),
            _ => None,
        }
    }

    /// Returns whether the cell holds no text.
    pub(crate) fn is_empty(&self) -> bool {
        self.flags & (LEN_MASK | CLUSTER) == 0
    }
}

/// Repairs the wide characters that cells `col..col + width` partly cover, as vt100 does: a
/// left half losing its right half is blanked; a right half losing its left half becomes a
/// space in `style` after a narrow character, or is blanked in `style` after a wide one.
#[inline]
pub(crate) fn clear_overlap(cells: &mut [Cell], col: usize, width: usize, style: u16) {
    let first = cells.get(col).copied().unwrap_or_default();
    if first.is_continuation() && col > 0 {
        let c = cells[col - 1];
        cells[col - 1] = Cell::blank(c.style);
    }
    let last = col + width - 1;
    if let Some(cell) = cells.get(last).copied() {
        if cell.is_wide() {
            if let Some(next) = cells.get_mut(last + 1) {
                *next = if width == 1 {
                    Cell::new(' ', style, 0, false)
                } else {
                    Cell::blank(style)
                };
            }
        }
    }
}

/// A screen's rows, top first. Rows are boxed so that scrolling moves pointers, not the
/// rows themselves.
pub(crate) type Grid = Vec<Box<Row>>;

/// One row of the visible grid.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Row {
    /// One cell per column (made on the first write).
    pub cells: Cells,
    /// Whether the row continues on the next one (a soft wrap).
    pub wrapped: bool,
    /// Cells from this index on are known to be blank in the default style.
    used: usize,
    /// The grapheme clusters too long to keep inline, indexed by `CLUSTER` cells.
    clusters: Vec<Box<str>>,
    /// Whether a cell may have a hyperlink: set when one is written, cleared with the row.
    pub linked: bool,
}

impl Row {
    /// Returns a blank row of `cols` cells.
    pub(crate) fn new(cols: usize) -> Row {
        Row {
            cells: Cells::blank(cols),
            ..Row::default()
        }
    }

    /// Returns how many leading cells may differ from a blank default cell.
    pub(crate) fn used(&self) -> usize {
        self.used.min(self.cells.len())
    }

    /// Returns the text of cell `col` (empty when blank or outside the row).
    pub(crate) fn text(&self, col: usize) -> &str {
        let Some(cell) = self.cells.get(col) else {
            return "";
        };
        if cell.flags & CLUSTER != 0 {
            let index = u32::from_le_bytes(cell.bytes) as usize;
            return self.clusters.get(index).map_or("", |s| s);
        }
        let len = usize::from(cell.flags & LEN_MASK).min(4);
        std::str::from_utf8(&cell.bytes[..len]).unwrap_or("")
    }

    /// Writes `cell` at `col`, which must be inside the row.
    #[inline]
    pub(crate) fn set(&mut self, col: usize, cell: Cell) {
        if let Some(slot) = self.cells.get_mut(col) {
            *slot = cell;
            if col >= self.used {
                self.used = col + 1;
            }
            self.linked |= cell.link != 0;
        }
    }

    /// Writes printable ASCII `text` from column `col` on, as one `print` a character would:
    /// a wide character it overwrites half of loses its other half. Nothing is written unless
    /// all of `text` fits.
    pub(crate) fn put_ascii(&mut self, col: usize, text: &[u8], style: u16, link: u16) {
        let end = col + text.len();
        let cells = &mut *self.cells;
        if end > cells.len() {
            return;
        }
        for (c, &b) in (col..end).zip(text) {
            clear_overlap(cells, c, 1, style);
            cells[c] = Cell::new(char::from(b), style, link, false);
        }
        self.used = self.used.max(end);
        self.linked |= link != 0;
    }

    /// Appends a combining character to the text of cell `col`, making it `wide` if asked.
    pub(crate) fn append(&mut self, col: usize, c: char, wide: bool) {
        let mut text = String::from(self.text(col));
        if text.len() + c.len_utf8() > MAX_CLUSTER {
            return;
        }
        text.push(c);
        let Some(cell) = self.cells.get(col).copied() else {
            return;
        };
        let mut flags = cell.flags & (WIDE | CONTINUATION);
        if wide {
            flags |= WIDE;
        }
        let mut bytes = [0; 4];
        if let Ok(len @ 0..=4) = u8::try_from(text.len()) {
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            flags |= len;
        } else {
            if self.clusters.len() >= self.cells.len().max(4) {
                self.compact_clusters();
            }
            bytes = u32::try_from(self.clusters.len())
                .unwrap_or(u32::MAX)
                .to_le_bytes();
            self.clusters.push(text.into_boxed_str());
            flags |= CLUSTER;
        }
        self.set(
            col,
            Cell {
                bytes,
                flags,
                ..cell
            },
        );
    }

    /// Drops the clusters no cell refers to any more.
    fn compact_clusters(&mut self) {
        let old = std::mem::take(&mut self.clusters);
        for cell in self.cells.iter_mut().filter(|c| c.flags & CLUSTER != 0) {
            let index = u32::from_le_bytes(cell.bytes) as usize;
            let text = old.get(index).cloned().unwrap_or_default();
            cell.bytes = u32::try_from(self.clusters.len())
                .unwrap_or(u32::MAX)
                .to_le_bytes();
            self.clusters.push(text);
        }
    }

    /// Blanks the cells in `range` with style `style` (clamped to the row).
    pub(crate) fn erase(&mut self, from: usize, to: usize, style: u16) {
        let to = to.min(self.cells.len());
        let from = from.min(to);
        if style == 0 {
            let end = to.min(self.used());
            if from < end {
                self.cells[from..end].fill(Cell::default());
            }
            if to >= self.used() {
                self.used = self.used().min(from);
            }
        } else {
            self.cells[from..to].fill(Cell::blank(style));
            self.used = self.used().max(to);
        }
    }

    /// Blanks the whole row with style `style` and clears its wrap flag.
    pub(crate) fn clear(&mut self, style: u16) {
        self.erase(0, self.cells.len(), style);
        self.wrapped = false;
        self.linked = false;
        if self.used == 0 {
            self.clusters.clear();
        }
    }

    /// Changes the row to `cols` cells, cutting or padding with blanks.
    pub(crate) fn resize(&mut self, cols: usize) {
        self.cells.resize(cols);
        self.used = self.used.min(cols);
        if let Some(last) = self.cells.last() {
            if last.is_wide() {
                let at = cols - 1;
                self.cells[at] = Cell::blank(last.style);
            }
        }
    }

    /// Moves the cells from `at` right by `n`, dropping those pushed past the end, and
    /// blanks the gap with `style`.
    pub(crate) fn insert(&mut self, at: usize, n: usize, style: u16) {
        let len = self.cells.len();
        if at >= len {
            return;
        }
        let n = n.min(len - at);
        self.cells[at..].rotate_right(n);
        self.used = (self.used() + n).min(len);
        self.erase(at, at + n, style);
        self.fix_split_wide(len);
    }

    /// Removes `n` cells at `at`, pulling the rest left, and blanks the end with `style`.
    pub(crate) fn delete(&mut self, at: usize, n: usize, style: u16) {
        let len = self.cells.len();
        if at >= len {
            return;
        }
        let n = n.min(len - at);
        let used = self.used();
        if style != 0 {
            self.cells[at..].rotate_left(n);
            self.erase(len - n, len, style);
        } else if at < used {
            // Only the used cells move: the ones after them are blank already, and a used
            // cell rotated past `used` would stay there unseen by `used` (fuzz case ad468033).
            let m = n.min(used - at);
            self.cells[at..used].rotate_left(m);
            self.cells[used - m..used].fill(Cell::default());
            self.used = used - m;
        }
        self.fix_split_wide(len);
    }

    /// Blanks halves of wide characters that lost their other half.
    pub(crate) fn fix_split_wide(&mut self, len: usize) {
        for col in 0..self.used().min(len) {
            let cell = self.cells[col];
            let next_cont = self.cells.get(col + 1).is_some_and(Cell::is_continuation);
            let prev_wide = col > 0 && self.cells[col - 1].is_wide();
            if cell.is_wide() && !next_cont {
                self.cells[col] = Cell::blank(cell.style);
            } else if cell.is_continuation() && !prev_wide {
                self.cells[col] = Cell::default();
            }
        }
    }

    /// Brings a row read from a checkpoint back inside its invariants: the used count within
    /// the row, no cell pointing at a cluster the row does not have, no half of a wide
    /// character without its other half.
    pub(crate) fn repair(&mut self) {
        self.used = self.used.min(self.cells.len());
        let clusters = self.clusters.len();
        for cell in self.cells.iter_mut() {
            let bad_cluster =
                cell.flags & CLUSTER != 0 && u32::from_le_bytes(cell.bytes) as usize >= clusters;
            let bad_text = cell.flags & CLUSTER == 0
                && std::str::from_utf8(&cell.bytes[..usize::from(cell.flags & LEN_MASK).min(4)])
                    .is_err();
            if bad_cluster || bad_text {
                *cell = Cell::blank(cell.style);
            }
        }
        self.fix_split_wide(self.cells.len());
    }

    /// Returns the length of the row once trailing blank default cells are dropped.
    pub(crate) fn trimmed_len(&self) -> usize {
        let used = self.used();
        self.cells[..used]
            .iter()
            .rposition(|c| !c.is_empty() || c.style != 0 || c.is_continuation())
            .map_or(0, |i| i + 1)
    }

    /// Calls `f` with every style id in use, to find the live ones.
    pub(crate) fn styles(&self) -> impl Iterator<Item = u16> + '_ {
        self.cells[..self.used()].iter().map(|c| c.style)
    }

    /// Rewrites style and link ids through `style` and `link`.
    pub(crate) fn remap(&mut self, style: &dyn Fn(u16) -> u16, link: &dyn Fn(u16) -> u16) {
        let used = self.used();
        for c in &mut self.cells[..used] {
            c.style = style(c.style);
            c.link = link(c.link);
        }
    }
}
