//! The byte layout of one stored history row: writing a grid row into it and reading its
//! text, style changes and hyperlink changes, and its clusters with their ids, back.
//!
//! A row is its text as UTF-8 (an empty cell as a space, trailing blanks dropped), then four
//! bytes per style change: the column (u16 LE) and a style id (u16 LE). A row holding a
//! hyperlink also has, after those, four bytes per hyperlink change (column, link id) and
//! the number of hyperlink changes (u16 LE); the `LINKED` bit of its `meta` says so, so rows
//! without links pay nothing for them.

use std::ops::Range;

use super::{clusters, Cluster};
use crate::grid::{Cell, Row};

/// The top bit of a row's `meta`: the row continues on the next one.
pub(super) const WRAPPED: u32 = 1 << 31;
/// A bit of a row's `meta`: the row has hyperlink changes after its style changes.
pub(super) const LINKED: u32 = 1 << 30;
/// The bits of a row's `meta` that hold its text length.
pub(crate) const TEXT: u32 = !(WRAPPED | LINKED);

/// Which of a row's id lists: style ids or hyperlink ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ids {
    /// The style changes.
    Styles,
    /// The hyperlink changes.
    Links,
}

/// A stored row's bytes and its `meta`.
#[derive(Clone, Copy)]
pub(super) struct LineRef<'a> {
    pub data: &'a [u8],
    pub meta: u32,
}

impl<'a> LineRef<'a> {
    /// Returns the text.
    pub fn text(self) -> &'a str {
        let len = (self.meta & TEXT) as usize;
        self.data
            .get(..len)
            .and_then(|t| std::str::from_utf8(t).ok())
            .unwrap_or("")
    }

    /// Returns the changes of one id list as (column, id).
    pub fn changes(self, ids: Ids) -> impl Iterator<Item = (u16, u16)> + 'a {
        let range = ranges(self.data, self.meta)[ids as usize].clone();
        self.data
            .get(range)
            .unwrap_or_default()
            .chunks_exact(4)
            .map(|c| {
                (
                    u16::from_le_bytes([c[0], c[1]]),
                    u16::from_le_bytes([c[2], c[3]]),
                )
            })
    }
}

/// Returns where in a stored row's bytes its style changes and its hyperlink changes are.
pub(super) fn ranges(data: &[u8], meta: u32) -> [Range<usize>; 2] {
    let text = ((meta & TEXT) as usize).min(data.len());
    let end = data.len();
    if meta & LINKED == 0 {
        return [text..end, end..end];
    }
    let count_at = end.saturating_sub(2).max(text);
    let count = data
        .get(count_at..end)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u16::from_le_bytes);
    let links = count_at.saturating_sub(4 * usize::from(count)).max(text);
    [text..links, links..count_at]
}

/// Appends a visible row to `data` using `runs` and `links` as scratch; returns its `meta`
/// without the wrap bit (the text length, and `LINKED` if it has hyperlinks).
#[inline]
pub(super) fn encode(
    row: &Row,
    data: &mut Vec<u8>,
    runs: &mut Vec<u8>,
    links: &mut Vec<u8>,
) -> u32 {
    runs.clear();
    links.clear();
    let text_len = if row.linked {
        encode_cells::<true>(row, data, runs, links)
    } else {
        encode_cells::<false>(row, data, runs, links)
    };
    data.extend_from_slice(runs);
    if links.is_empty() {
        return text_len;
    }
    data.extend_from_slice(links);
    let count = u16::try_from(links.len() / 4).unwrap_or(u16::MAX);
    data.extend_from_slice(&count.to_le_bytes());
    text_len | LINKED
}

/// Appends a row's text to `data` and its style changes to `runs` (and, with `LINKS`, its
/// hyperlink changes to `links`); returns the text length.
///
/// This runs for every row that scrolls off, so the common case (single-byte cells) is
/// written straight into a slice, only a row holding other text takes the slower path from
/// its first such cell on, and rows never given a hyperlink skip looking for one.
#[inline]
fn encode_cells<const LINKS: bool>(
    row: &Row,
    data: &mut Vec<u8>,
    runs: &mut Vec<u8>,
    links: &mut Vec<u8>,
) -> u32 {
    let cells = &row.cells[..row.trimmed_len()];
    let base = data.len();
    data.resize(base + cells.len(), 0);
    let (mut style, mut link) = (0u16, 0u16);
    let mut note = |col: usize, cell: &Cell| {
        if cell.style != style {
            style = cell.style;
            runs.extend_from_slice(&column(col));
            runs.extend_from_slice(&style.to_le_bytes());
        }
        if LINKS && cell.link != link {
            link = cell.link;
            links.extend_from_slice(&column(col));
            links.extend_from_slice(&link.to_le_bytes());
        }
    };
    let mut ascii = 0;
    for (cell, slot) in cells.iter().zip(&mut data[base..]) {
        let Some(b) = cell.ascii() else {
            break;
        };
        *slot = b;
        note(ascii, cell);
        ascii += 1;
    }
    data.truncate(base + ascii);
    for (col, cell) in cells.iter().enumerate().skip(ascii) {
        note(col, cell);
        if let Some(b) = cell.ascii() {
            data.push(b);
        } else if !cell.is_continuation() {
            let text = row.text(col);
            data.extend_from_slice(if text.is_empty() {
                b" "
            } else {
                text.as_bytes()
            });
        }
    }
    u32::try_from(data.len() - base).unwrap_or(TEXT) & TEXT
}

/// Returns a column as stored in a row's changes (u16 LE). Columns fit: a row is at most as
/// wide as a terminal, whose width is a `u16`.
#[inline]
fn column(col: usize) -> [u8; 2] {
    u16::try_from(col).unwrap_or(u16::MAX).to_le_bytes()
}

/// Returns the clusters of a stored row with their styles and, with `LINKS`, their hyperlinks.
/// Without `LINKS` every link is 0, which is right for a row without the `LINKED` bit and
/// for callers that ignore links.
pub(super) fn line_clusters<const LINKS: bool>(
    line: LineRef<'_>,
) -> impl Iterator<Item = Cluster<'_>> + '_ {
    let mut styles = Changes::new(line.changes(Ids::Styles));
    let mut links = Changes::new(line.changes(Ids::Links));
    let mut col = 0u32;
    clusters(line.text()).map(move |(text, width)| {
        let style = styles.at(col);
        let link = if LINKS { links.at(col) } else { 0 };
        col += u32::from(width);
        Cluster {
            text,
            width,
            style,
            link,
        }
    })
}

/// Walks a row's (column, id) changes left to right, giving the id in force at a column.
struct Changes<I: Iterator<Item = (u16, u16)>> {
    changes: std::iter::Peekable<I>,
    id: u16,
}

impl<I: Iterator<Item = (u16, u16)>> Changes<I> {
    /// Starts left of the first change, where the id is 0.
    fn new(changes: I) -> Changes<I> {
        Changes {
            changes: changes.peekable(),
            id: 0,
        }
    }

    /// Returns the id in force at `col`; columns must be asked in increasing order.
    fn at(&mut self, col: u32) -> u16 {
        while let Some(&(at, id)) = self.changes.peek() {
            if u32::from(at) > col {
                break;
            }
            self.id = id;
            self.changes.next();
        }
        self.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns a 10-column row of `text` whose cells have the link ids in `links`.
    fn row(text: &str, links: &[u16]) -> Row {
        let mut r = Row::new(10);
        for (i, c) in text.chars().enumerate() {
            let link = links.get(i).copied().unwrap_or(0);
            r.set(i, Cell::new(c, 0, link, false));
        }
        r
    }

    fn stored(r: &Row) -> (Vec<u8>, u32) {
        let mut data = Vec::new();
        let meta = encode(r, &mut data, &mut Vec::new(), &mut Vec::new());
        (data, meta)
    }

    #[test]
    fn a_row_without_links_is_its_text_and_style_changes_only() {
        let (data, meta) = stored(&row("plain", &[]));
        assert_eq!(data, b"plain");
        assert_eq!(meta, 5);
    }

    #[test]
    fn a_linked_row_adds_its_link_changes_and_their_count() {
        let (data, meta) = stored(&row("abc", &[0, 7]));
        assert_eq!(meta, 3 | LINKED);
        assert_eq!(
            data.len(),
            3 + 4 + 4 + 2,
            "text, two link changes, the count"
        );
        let line = LineRef { data: &data, meta };
        assert_eq!(line.text(), "abc");
        assert_eq!(line.changes(Ids::Styles).count(), 0);
        assert_eq!(
            line.changes(Ids::Links).collect::<Vec<_>>(),
            [(1, 7), (2, 0)]
        );
    }
}
