//! The scrollback: term-emu's own compact store of the rows that left the top of the primary
//! screen (DESIGN decision 8).
//!
//! A row is its text as UTF-8 (an empty cell as a space, trailing blanks dropped) followed by
//! a short list of style changes, each the column where it happens and an id into the
//! terminal's interned style table, and, only for rows that have any, the hyperlink changes
//! (`history/stored.rs` owns that layout). Rows are appended to 64 KB chunks, freed (or reused) once
//! their last row is dropped, so storing a row allocates nothing. A row that continues on the next one is
//! marked, so the rows of a logical line can be joined and split again at a new width when the
//! terminal is resized (see `reflow.rs`). The public API answers in rows at the current width,
//! oldest first, as capture-pane reads them.

use std::collections::VecDeque;
use std::sync::OnceLock;

use unicode_width::UnicodeWidthStr;

use crate::grid::Row;
use crate::styles::Styles;

mod stored;

pub(crate) use stored::Ids;
use stored::{encode, line_clusters, ranges, LineRef, LINKED, WRAPPED};

/// The size of the blocks rows are stored in; a longer row gets a block of its own.
const CHUNK: usize = 64 << 10;

/// One row that left the screen: where its bytes are in the chunks.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Line {
    /// The chunk, counted from the first ever allocated (wrapping).
    chunk: u32,
    /// Where the row starts in the chunk.
    offset: u32,
    /// The length of the stored row (its text, style changes and any hyperlink changes), in
    /// bytes.
    len: u32,
    /// The text length in bytes, with the `WRAPPED` and `LINKED` bits.
    meta: u32,
}

/// One grapheme cluster of a history row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cluster<'a> {
    /// The cluster's text.
    pub text: &'a str,
    /// How many columns it takes (1 or 2).
    pub width: u8,
    /// Its style id.
    pub style: u16,
    /// Its hyperlink id (0 for none).
    pub link: u16,
}

/// Splits `text` into clusters (a character with the zero-width ones after it) with widths.
pub(crate) fn clusters(text: &str) -> impl Iterator<Item = (&str, u8)> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        for (i, c) in chars {
            if crate::screen::char_width(c) != 0 {
                break;
            }
            end = i + c.len_utf8();
        }
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some((cluster, cluster_width(cluster)))
    })
}

/// Returns the columns a cluster takes: 2 for wide characters and emoji presentation, else 1.
pub(crate) fn cluster_width(cluster: &str) -> u8 {
    if cluster.len() == 1 {
        return 1;
    }
    if cluster.width() >= 2 {
        2
    } else {
        1
    }
}

/// A bounded list of scrolled-off rows, oldest first.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct History {
    lines: VecDeque<Line>,
    /// The rows' bytes, in blocks of [`CHUNK`] bytes, oldest first, appended to at the end.
    chunks: VecDeque<Vec<u8>>,
    /// The number of the first chunk in `chunks`.
    first_chunk: u32,
    /// A freed chunk kept for reuse.
    #[serde(skip)]
    spare: Option<Vec<u8>>,
    limit: usize,
    /// The terminal's interned styles, shared by the grid and the history.
    pub(crate) styles: Styles,
    /// How many rows were ever dropped from the front: a row's stable number is this plus
    /// its index (see [`crate::Terminal::first_line`]).
    dropped: u64,
    /// Every row with SGR sequences, made when a caller first asks for one and dropped at
    /// the next change.
    #[serde(skip)]
    formatted: OnceLock<Vec<Box<str>>>,
    /// Reused while encoding a row: its style changes and its hyperlink changes.
    #[serde(skip)]
    scratch_runs: Vec<u8>,
    #[serde(skip)]
    scratch_links: Vec<u8>,
}

impl History {
    /// Creates an empty history that keeps at most `limit` rows.
    pub fn new(limit: usize) -> History {
        History {
            lines: VecDeque::new(),
            chunks: VecDeque::new(),
            first_chunk: 0,
            spare: None,
            limit,
            styles: Styles::default(),
            dropped: 0,
            formatted: OnceLock::new(),
            scratch_runs: Vec::new(),
            scratch_links: Vec::new(),
        }
    }

    /// Returns how many rows are kept.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Returns whether no row is kept.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Returns the most rows this history keeps.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Changes the limit, dropping the oldest rows beyond it.
    pub(crate) fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
        while self.lines.len() > limit {
            self.pop_front();
        }
        self.formatted = OnceLock::new();
    }

    /// Drops every row.
    pub fn clear(&mut self) {
        self.dropped += self.lines.len() as u64;
        self.lines.clear();
        self.lines.shrink_to_fit();
        self.chunks.clear();
        self.spare = None;
        self.formatted = OnceLock::new();
    }

    /// Checks a history read from a checkpoint: every row must be where its entry says, with
    /// text that is UTF-8; rows beyond the limit are dropped.
    pub(crate) fn check(&mut self) -> Result<(), String> {
        for index in 0..self.lines.len() {
            let Some(line) = self.line(index) else {
                return Err(format!("history row {index} is outside its chunk"));
            };
            let text = (line.meta & stored::TEXT) as usize;
            let ok = line
                .data
                .get(..text)
                .is_some_and(|t| std::str::from_utf8(t).is_ok());
            if !ok {
                return Err(format!("history row {index} has no readable text"));
            }
        }
        while self.lines.len() > self.limit {
            self.pop_front();
        }
        Ok(())
    }

    /// Drops the formatted strings made for callers, so they do not add up.
    pub(crate) fn drop_cached(&mut self) {
        self.formatted = OnceLock::new();
    }

    /// Appends a visible row, dropping the oldest beyond the limit.
    pub(crate) fn push(&mut self, row: &Row) {
        if self.limit == 0 {
            return;
        }
        if self.lines.len() >= self.limit {
            self.pop_front();
        }
        let need = row.trimmed_len() * 4 + 64;
        let fits = self
            .chunks
            .back()
            .is_some_and(|c| c.capacity() - c.len() >= need);
        if !fits {
            let mut chunk = self.spare.take().unwrap_or_default();
            chunk.clear();
            chunk.reserve_exact(need.max(CHUNK));
            self.chunks.push_back(chunk);
        }
        let last = u32::try_from(self.chunks.len()).unwrap_or(u32::MAX);
        let chunk = self.first_chunk.wrapping_add(last.wrapping_sub(1));
        let Some(data) = self.chunks.back_mut() else {
            return;
        };
        let offset = data.len();
        let meta = encode(row, data, &mut self.scratch_runs, &mut self.scratch_links);
        self.lines.push_back(Line {
            chunk,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            len: u32::try_from(data.len() - offset).unwrap_or(u32::MAX),
            meta: meta | if row.wrapped { WRAPPED } else { 0 },
        });
    }

    /// Drops the oldest row, and the chunks no row uses any more.
    fn pop_front(&mut self) {
        if self.lines.pop_front().is_some() {
            self.dropped += 1;
        }
        let keep_from = self.lines.front().map_or(self.chunks.len(), |l| {
            l.chunk.wrapping_sub(self.first_chunk) as usize
        });
        for _ in 0..keep_from.min(self.chunks.len().saturating_sub(1)) {
            if let Some(chunk) = self.chunks.pop_front() {
                self.first_chunk = self.first_chunk.wrapping_add(1);
                if chunk.capacity() == CHUNK {
                    self.spare = Some(chunk);
                }
            }
        }
        if self.lines.is_empty() {
            if let Some(last) = self.chunks.back_mut() {
                last.clear();
            }
        }
    }

    /// Returns the bytes of row `index`.
    fn line(&self, index: usize) -> Option<LineRef<'_>> {
        let line = self.lines.get(index)?;
        let chunk = self
            .chunks
            .get(line.chunk.wrapping_sub(self.first_chunk) as usize)?;
        let start = line.offset as usize;
        let data = chunk.get(start..start + line.len as usize)?;
        Some(LineRef {
            data,
            meta: line.meta,
        })
    }

    /// Marks in `live` every style or hyperlink id the rows use.
    pub(crate) fn mark(&self, ids: Ids, live: &mut [bool]) {
        for line in (0..self.lines.len()).filter_map(|i| self.line(i)) {
            if ids == Ids::Links && line.meta & LINKED == 0 {
                continue;
            }
            for (_, id) in line.changes(ids) {
                if let Some(l) = live.get_mut(usize::from(id)) {
                    *l = true;
                }
            }
        }
    }

    /// Rewrites the style or hyperlink ids of every row through `map`.
    pub(crate) fn remap(&mut self, ids: Ids, map: &[u16]) {
        for line in &self.lines {
            if ids == Ids::Links && line.meta & LINKED == 0 {
                continue;
            }
            let Some(chunk) = self
                .chunks
                .get_mut(line.chunk.wrapping_sub(self.first_chunk) as usize)
            else {
                continue;
            };
            let start = line.offset as usize;
            let Some(data) = chunk.get_mut(start..start + line.len as usize) else {
                continue;
            };
            let range = ranges(data, line.meta)[ids as usize].clone();
            for run in data[range].chunks_exact_mut(4) {
                let id = u16::from_le_bytes([run[2], run[3]]);
                let new = map.get(usize::from(id)).copied().unwrap_or(0);
                run[2..4].copy_from_slice(&new.to_le_bytes());
            }
        }
        self.formatted = OnceLock::new();
    }

    /// Returns the clusters of row `index`, for tests; reflow uses [`History::each_cluster`].
    #[cfg(test)]
    pub(crate) fn clusters(&self, index: usize) -> impl Iterator<Item = Cluster<'_>> + '_ {
        self.line(index).into_iter().flat_map(line_clusters::<true>)
    }

    /// Calls `f` with each cluster of row `index`, left to right. Reflow reads every row this
    /// way: a row without hyperlinks skips looking for them, and the loop runs inside, which
    /// costs less per cluster than stepping an iterator from outside.
    pub(crate) fn each_cluster<'a>(&'a self, index: usize, f: impl FnMut(Cluster<'a>)) {
        let Some(line) = self.line(index) else {
            return;
        };
        if line.meta & LINKED != 0 {
            line_clusters::<true>(line).for_each(f);
        } else {
            line_clusters::<false>(line).for_each(f);
        }
    }

    /// Returns row `index` (0 is the oldest) as plain text.
    pub fn text(&self, index: usize) -> Option<String> {
        self.line(index).map(|l| l.text().to_string())
    }

    /// Returns row `index` with SGR sequences where the style changes.
    pub fn formatted(&self, index: usize) -> Option<&str> {
        let all = self.formatted.get_or_init(|| {
            (0..self.lines.len())
                .filter_map(|i| self.line(i))
                .map(|line| {
                    let cells =
                        line_clusters::<false>(line).map(|c| (c.text, self.styles.get(c.style)));
                    crate::sgr::format_cells(cells).into_boxed_str()
                })
                .collect()
        });
        all.get(index).map(|s| &**s)
    }

    /// Returns how many rows were ever dropped from the front, by the limit, clearing or a
    /// reflow; row `index`'s stable number is this plus `index`.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Returns whether row `index` wraps into the next one.
    pub fn wrapped(&self, index: usize) -> bool {
        self.lines.get(index).is_some_and(|l| l.meta & WRAPPED != 0)
    }

    /// Returns roughly how many heap bytes the rows use (with the style table).
    pub fn heap_bytes(&self) -> usize {
        self.lines.capacity() * std::mem::size_of::<Line>()
            + self.chunks.iter().map(Vec::capacity).sum::<usize>()
            + self.spare.as_ref().map_or(0, Vec::capacity)
            + self
                .formatted
                .get()
                .map_or(0, |f| f.iter().map(|s| s.len() + 16).sum())
            + self.styles.heap_bytes()
    }

    /// Returns the bytes the rows take in the chunks, without the chunks' free space.
    #[cfg(test)]
    pub(crate) fn stored_bytes(&self) -> usize {
        self.lines.iter().map(|l| l.len as usize).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Cell;

    fn row(s: &str) -> Row {
        let mut r = Row::new(10);
        for (i, c) in s.chars().enumerate() {
            r.set(i, Cell::new(c, 0, 0, false));
        }
        r
    }

    #[test]
    fn keeps_the_newest_rows_up_to_the_limit() {
        let mut h = History::new(2);
        for i in 0..5 {
            h.push(&row(&format!("line {i}")));
        }
        assert_eq!(h.len(), 2);
        assert_eq!(h.text(0).as_deref(), Some("line 3"));
        assert_eq!(h.text(1).as_deref(), Some("line 4"));
        assert_eq!(h.text(2), None);
    }

    #[test]
    fn a_zero_limit_keeps_nothing() {
        let mut h = History::new(0);
        h.push(&row("x"));
        assert!(h.is_empty());
    }

    #[test]
    fn clusters_join_combining_marks_and_measure_wide_characters() {
        let got: Vec<_> = clusters("e\u{301}漢a").collect();
        assert_eq!(got, vec![("e\u{301}", 1), ("漢", 2), ("a", 1)]);
    }
}
