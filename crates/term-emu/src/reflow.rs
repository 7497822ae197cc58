//! Resizing: the primary screen's lines and the scrollback are joined where they wrapped and
//! split again at the new width, as tmux and xterm do; the cursor stays on the same character.
//! Rows that no longer fit go to the scrollback and come back from it when the height grows.
//! The alternate screen is only cut or padded.

use crate::grid::{Cell, Grid, Row};
use crate::screen::Screen;

/// One grapheme cluster of a logical line, its text kept in `Lines::text`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: u32,
    len: u8,
    width: u8,
    style: u16,
    link: u16,
}

/// The primary screen and scrollback as logical lines.
#[derive(Debug, Default)]
struct Lines {
    text: String,
    pieces: Vec<Piece>,
    /// Where each line ends in `pieces`.
    ends: Vec<usize>,
    /// The cursor's line and column offset within it.
    cursor: (usize, usize),
    /// The anchor's line and column offset within it, when one is followed.
    anchor: Option<(usize, usize)>,
    /// Columns taken so far by the line being collected.
    width: usize,
}

impl Lines {
    /// Appends a cluster to the line being collected.
    fn push(&mut self, text: &str, width: u8, style: u16, link: u16) {
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        let text = if text.is_empty() { " " } else { text };
        self.text.push_str(text);
        self.pieces.push(Piece {
            start,
            len: u8::try_from(text.len()).unwrap_or(u8::MAX),
            width,
            style,
            link,
        });
        self.width += usize::from(width);
    }

    /// Ends the line being collected.
    fn end_line(&mut self) {
        self.ends.push(self.pieces.len());
        self.width = 0;
    }

    /// Returns the pieces of line `i`.
    fn line(&self, i: usize) -> &[Piece] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.pieces[start..self.ends[i]]
    }

    /// Returns the text of a piece.
    fn piece_text(&self, p: &Piece) -> &str {
        let start = p.start as usize;
        self.text
            .get(start..start + usize::from(p.len))
            .unwrap_or(" ")
    }
}

/// Lays out a line at `cols` columns, calling `each` with every piece's row and column;
/// returns how many rows it takes.
fn layout(pieces: &[Piece], cols: usize, mut each: impl FnMut(usize, usize, &Piece)) -> usize {
    let (mut row, mut col) = (0, 0);
    for p in pieces {
        let w = usize::from(p.width);
        if w > cols {
            continue;
        }
        if col + w > cols {
            row += 1;
            col = 0;
        }
        each(row, col, p);
        col += w;
    }
    row + 1
}

/// Returns where the cursor lands in a line laid out at `cols`: on the piece at its offset,
/// or after the text, on the last row.
fn cursor_in_line(pieces: &[Piece], cols: usize, offset: usize) -> (usize, usize) {
    let mut found = None;
    let (mut src, mut end) = (0, (0, 0));
    layout(pieces, cols, |row, col, p| {
        if found.is_none() && src + usize::from(p.width) > offset {
            found = Some((row, col));
        }
        src += usize::from(p.width);
        end = (row, col + usize::from(p.width));
    });
    found.unwrap_or_else(|| (end.0, (end.1 + offset.saturating_sub(src)).min(cols - 1)))
}

/// Changes the screen's size to `rows` by `cols`. `anchor` is a row (counted from the
/// oldest history row, through the primary grid) and column to follow: its new row and
/// column come back, the row counted from the oldest history row before any is dropped for
/// the limit.
pub(crate) fn resize(
    s: &mut Screen,
    rows: usize,
    cols: usize,
    anchor: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    if rows == s.rows && cols == s.cols {
        return anchor;
    }
    let pending = s.col >= s.cols && cols == s.cols;
    let primary_cursor = match (s.alt, s.saved_1049) {
        (true, Some(saved)) => (saved.row, saved.col),
        _ => (s.row, s.col),
    };
    let ((prow, pcol), anchor) = reflow_primary(s, rows, cols, primary_cursor, anchor);
    let alt_row = resize_alternate(s, rows, cols);
    if s.alt {
        if let Some(saved) = s.saved_1049.as_mut() {
            (saved.row, saved.col) = (prow, pcol);
        }
        s.row = alt_row;
    } else {
        (s.row, s.col) = (prow, pcol);
    }
    let old_cols = s.cols;
    s.rows = rows;
    s.cols = cols;
    s.col = if pending { cols } else { s.col.min(cols - 1) };
    s.top = 0;
    s.bottom = rows - 1;
    s.tabs.resize(cols, false);
    for c in old_cols..cols {
        s.tabs[c] = c % 8 == 0;
    }
    s.damage_all();
    anchor
}

/// Cuts or pads the alternate screen; returns the cursor row on it.
fn resize_alternate(s: &mut Screen, rows: usize, cols: usize) -> usize {
    if s.alternate.is_empty() && !s.alt {
        return 0;
    }
    let cursor_row = if s.alt { s.row } else { 0 };
    let drop_top = (cursor_row + 1).saturating_sub(rows);
    let grid = &mut s.alternate;
    grid.drain(..drop_top.min(grid.len()));
    grid.truncate(rows);
    for row in grid.iter_mut() {
        row.resize(cols);
    }
    while grid.len() < rows {
        grid.push(Box::new(Row::new(cols)));
    }
    cursor_row - drop_top
}

/// Rewraps the scrollback and the primary grid at `cols` and fits them to `rows`; returns
/// the primary cursor's new position, and the anchor's (see [`resize`]).
fn reflow_primary(
    s: &mut Screen,
    rows: usize,
    cols: usize,
    cursor: (usize, usize),
    anchor: Option<(usize, usize)>,
) -> ((usize, usize), Option<(usize, usize)>) {
    let lines = collect(s, cursor, anchor);
    let mut counts = Vec::with_capacity(lines.ends.len());
    let mut cursor_at = (0, 0);
    let mut anchor_at = None;
    for i in 0..lines.ends.len() {
        let before: usize = counts.iter().sum();
        if i == lines.cursor.0 {
            let (r, c) = cursor_in_line(lines.line(i), cols, lines.cursor.1);
            cursor_at = (before + r, c);
        }
        if let Some((line, offset)) = lines.anchor.filter(|(line, _)| *line == i) {
            let (r, c) = cursor_in_line(lines.line(line), cols, offset);
            anchor_at = Some((before + r, c));
        }
        counts.push(layout(lines.line(i), cols, |_, _, _| {}));
    }
    let total: usize = counts.iter().sum();
    let top = total.saturating_sub(rows).min(cursor_at.0);
    emit(s, &lines, &counts, cols, top, rows);
    ((cursor_at.0 - top, cursor_at.1), anchor_at)
}

/// Gathers the scrollback and the used part of the primary grid into logical lines.
fn collect(s: &mut Screen, (crow, ccol): (usize, usize), anchor: Option<(usize, usize)>) -> Lines {
    let mut lines = Lines::default();
    let h = &s.history;
    for i in 0..h.len() {
        if let Some((_, col)) = anchor.filter(|(row, _)| *row == i) {
            lines.anchor = Some((lines.ends.len(), lines.width + col));
        }
        h.each_cluster(i, |c| lines.push(c.text, c.width, c.style, c.link));
        if !h.wrapped(i) {
            lines.end_line();
        }
    }
    let h_len = h.len();
    let last_used = s.primary.iter().rposition(|r| r.trimmed_len() > 0);
    let last = last_used.unwrap_or(0).max(crow).min(s.primary.len() - 1);
    for (i, row) in s.primary.iter().enumerate().take(last + 1) {
        if i == crow {
            lines.cursor = (lines.ends.len(), lines.width + ccol);
        }
        if let Some((_, col)) = anchor.filter(|(row, _)| *row == h_len + i) {
            lines.anchor = Some((lines.ends.len(), lines.width + col));
        }
        for col in 0..row.trimmed_len() {
            let cell = row.cells[col];
            if !cell.is_continuation() {
                let width = if cell.is_wide() { 2 } else { 1 };
                lines.push(row.text(col), width, cell.style, cell.link);
            }
        }
        if !row.wrapped || i == last {
            lines.end_line();
        }
    }
    if lines.pieces.len() > lines.ends.last().copied().unwrap_or(0) {
        lines.end_line();
    }
    s.history.clear();
    lines
}

/// Writes the laid-out lines back: rows before `top` to the scrollback, the next `rows` to
/// the primary grid; rows after those are dropped.
fn emit(s: &mut Screen, lines: &Lines, counts: &[usize], cols: usize, top: usize, rows: usize) {
    let mut grid: Grid = Vec::with_capacity(rows);
    let mut built: Vec<Row> = Vec::new();
    let mut first = 0;
    for (i, &count) in counts.iter().enumerate() {
        if first >= top + rows {
            break;
        }
        built.truncate(count);
        for r in &mut built {
            r.clear(0);
        }
        while built.len() < count {
            built.push(Row::new(cols));
        }
        layout(lines.line(i), cols, |row, col, p| {
            if let Some(target) = built.get_mut(row) {
                put(target, col, lines.piece_text(p), p);
            }
        });
        for (r, row) in built.iter_mut().enumerate() {
            let g = first + r;
            row.wrapped = r + 1 < count;
            if g < top {
                s.history.push(row);
            } else if g < top + rows {
                grid.push(Box::new(std::mem::replace(row, Row::new(cols))));
            }
        }
        first += count;
    }
    while grid.len() < rows {
        grid.push(Box::new(Row::new(cols)));
    }
    s.primary = grid;
}

/// Writes a piece's cluster into `row` at `col`.
fn put(row: &mut Row, col: usize, text: &str, p: &Piece) {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return;
    };
    row.set(col, Cell::new(first, p.style, p.link, p.width == 2));
    for c in chars {
        row.append(col, c, p.width == 2);
    }
    if p.width == 2 {
        row.set(col + 1, Cell::continuation(p.style, p.link));
    }
}
