//! Drawing a pane in copy mode: the lines the view is on, the selection in `mode-style`,
//! search matches in `copy-mode-match-style` (the one at the cursor in
//! `copy-mode-current-match-style`), and tmux's position indicator, `[N/M]` or
//! `(K results) [N/M]`, at the top right.

use mux_protocol::{Cell, Style};
use mux_term_emu::{CellRef, LineId, Terminal};

use crate::model::copy::search::{Logical, COUNT_LIMIT};
use crate::model::copy::CopyMode;
use crate::model::pane::Pane;
use crate::model::state::State;
use crate::model::vars::Scope;
use crate::view::status::option_style;

/// How a cell of the view is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Not at all.
    None,
    /// Part of a search match.
    Match,
    /// Part of the match at the cursor.
    Current,
}

/// The styles copy mode draws with.
struct Styles {
    selection: Style,
    matched: Style,
    current: Style,
    mark: Style,
}

/// Returns the pane's rows as copy mode shows them, as wide and high as its terminal.
pub fn rows(state: &State, pane: &Pane, copy: &CopyMode) -> Vec<Vec<Cell>> {
    let term = pane.copy_term();
    let size = term.size();
    let scope = Scope {
        session: Some(pane.session),
        window: Some(pane.window),
        pane: Some(pane.id),
        client: None,
    };
    let styles = Styles {
        selection: option_style(state, scope, "mode-style", Style::default()),
        matched: option_style(state, scope, "copy-mode-match-style", Style::default()),
        current: option_style(
            state,
            scope,
            "copy-mode-current-match-style",
            Style::default(),
        ),
        mark: option_style(state, scope, "copy-mode-mark-style", Style::default()),
    };
    let vi = state.options.window(pane.window, "mode-keys").as_text() == "vi";
    let marks = search_marks(term, copy, size.rows);
    let mut out = Vec::with_capacity(usize::from(size.rows));
    for y in 0..size.rows {
        let id = copy.top + u64::from(y);
        let cells = term.line_cells(id);
        let row = (0..size.cols)
            .map(|x| {
                let mut cell = cells.get(usize::from(x)).map_or_else(blank, to_cell);
                let mark = marks
                    .get(usize::from(y))
                    .and_then(|r| r.get(usize::from(x)))
                    .copied()
                    .unwrap_or(Mark::None);
                if copy.is_selected(term, id, x, vi) {
                    cell.style = styles.selection;
                } else if mark == Mark::Current {
                    cell.style = styles.current;
                } else if mark == Mark::Match {
                    cell.style = styles.matched;
                } else if copy.mark.is_some_and(|(line, _)| line == id) {
                    cell.style = styles.mark;
                }
                cell
            })
            .collect();
        out.push(row);
    }
    if !copy.hide_position {
        indicator(&mut out, term, copy, styles.selection);
    }
    out
}

/// Returns the search marks of the view's rows.
fn search_marks(term: &Terminal, copy: &CopyMode, height: u16) -> Vec<Vec<Mark>> {
    let width = usize::from(term.size().cols);
    let mut marks = vec![vec![Mark::None; width]; usize::from(height)];
    let Some(search) = copy.search.as_ref() else {
        return marks;
    };
    let (top, bottom) = (copy.top, copy.top + u64::from(height));
    let mut id = top;
    while id < bottom {
        let line = Logical::around(term, id);
        for (start, end) in line.matches(&search.regex) {
            let current = start == (copy.cy, copy.cx);
            mark_range(&mut marks, top, (start, end), current, width);
        }
        id = line.last + 1;
    }
    marks
}

/// Marks the cells from `start` up to `end` (exclusive) that are in view.
fn mark_range(
    marks: &mut [Vec<Mark>],
    top: LineId,
    (start, end): ((LineId, u16), (LineId, u16)),
    current: bool,
    width: usize,
) {
    let mark = if current { Mark::Current } else { Mark::Match };
    for id in start.0..=end.0 {
        let Some(row) = id
            .checked_sub(top)
            .and_then(|r| usize::try_from(r).ok())
            .and_then(|r| marks.get_mut(r))
        else {
            continue;
        };
        let from = if id == start.0 {
            usize::from(start.1)
        } else {
            0
        };
        let to = if id == end.0 {
            usize::from(end.1)
        } else {
            width
        };
        for cell in row.iter_mut().take(to).skip(from) {
            *cell = mark;
        }
    }
}

/// Writes the position indicator at the top right of the view.
fn indicator(rows: &mut [Vec<Cell>], term: &Terminal, copy: &CopyMode, style: Style) {
    let position = format!(
        "[{}/{}]",
        copy.scrolled_back(term),
        CopyMode::history_size(term)
    );
    let text = match copy.search.as_ref() {
        Some(s) if s.count >= COUNT_LIMIT => format!("({}+ results) {position}", s.count),
        Some(s) => format!("({} results) {position}", s.count),
        None => position,
    };
    let Some(row) = rows.first_mut() else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    let start = row.len().saturating_sub(chars.len());
    for (cell, c) in row.iter_mut().skip(start).zip(chars) {
        *cell = Cell::new(c.to_string(), style);
    }
}

/// Returns a blank cell.
fn blank() -> Cell {
    Cell::new(" ", Style::default())
}

/// Converts a term-emu cell to a wire cell.
pub fn to_cell(c: &CellRef<'_>) -> Cell {
    let text = if c.wide_continuation {
        ""
    } else if c.text.is_empty() {
        " "
    } else {
        c.text
    };
    Cell {
        text: text.into(),
        style: c.style,
        link: c.link.map(str::to_string),
    }
}
