//! The client's copy of its screen, updated from the server, and drawing it into ratatui.

use mux_protocol::{Attrs, Cell, Color, Cursor, ScreenUpdate, Size, Style};
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::{Color as RColor, Modifier};
use ratatui::Terminal;

use crate::backend::{
    CURLY_UNDERLINE, DASHED_UNDERLINE, DOTTED_UNDERLINE, DOUBLE_UNDERLINE, LINK, OVERLINE,
};
use crate::links::Links;

/// What the client's screen shows: the server-given size, its cells and the cursor.
#[derive(Debug, Clone)]
pub struct Model {
    /// The screen size the server draws for.
    pub size: Size,
    /// Rows of cells, `size.rows` rows of `size.cols` cells.
    pub rows: Vec<Vec<Cell>>,
    /// Where the cursor is and how it looks.
    pub cursor: Cursor,
    /// For each row, whether its line goes on in the next row (see [`crate::wrap`]).
    pub wrapped: Vec<bool>,
    /// Rows that wrapped and no longer do: the terminal still thinks they wrap until their
    /// last column is erased.
    unwrapped: Vec<bool>,
    /// The rows changed since the last [`Model::render_changed`] or [`Model::mark_drawn`].
    dirty: Vec<bool>,
    /// Whether any row ever had a hyperlink: then every frame is drawn whole, since the
    /// links table is rebuilt per frame.
    linked: bool,
}

impl Model {
    /// Returns a blank screen of `size`.
    pub fn new(size: Size) -> Model {
        let row = vec![blank(); size.cols as usize];
        Model {
            size,
            rows: vec![row; size.rows as usize],
            cursor: Cursor::default(),
            wrapped: vec![false; size.rows as usize],
            unwrapped: vec![false; size.rows as usize],
            dirty: vec![true; size.rows as usize],
            linked: false,
        }
    }

    /// Applies one update: a new size starts from blank, then each given row replaces its
    /// old one (cut or padded to the width), and the cursor is taken as is.
    pub fn apply(&mut self, update: ScreenUpdate) {
        if update.size != self.size {
            *self = Model::new(update.size);
        }
        let width = self.size.cols as usize;
        for row in update.rows {
            if let Some(slot) = self.rows.get_mut(row.y as usize) {
                let mut cells = row.cells;
                cells.resize(width, blank());
                self.linked |= cells.iter().any(|c| c.link.is_some());
                *slot = cells;
                if let Some(w) = self.wrapped.get_mut(row.y as usize) {
                    if *w && !row.wrapped {
                        if let Some(u) = self.unwrapped.get_mut(row.y as usize) {
                            *u = true;
                        }
                    }
                    *w = row.wrapped;
                }
                if let Some(d) = self.dirty.get_mut(row.y as usize) {
                    *d = true;
                }
            }
        }
        self.cursor = update.cursor;
    }

    /// Draws the model into `buf`, over the area both share (the rest stays blank), and records
    /// the hyperlinks of the frame in `links`. With `full`, every cell is written to the
    /// terminal even where ratatui thinks it unchanged, for the first frame and after a resize,
    /// when the terminal's contents are unknown; otherwise only cells whose hyperlink changed
    /// are forced, since ratatui cannot see the hyperlink itself.
    pub fn render(&self, buf: &mut Buffer, full: bool, links: &mut Links) {
        let area = *buf.area();
        links.begin(area);
        let diff = if full {
            CellDiffOption::AlwaysUpdate
        } else {
            CellDiffOption::None
        };
        let width = area.width as usize;
        for y in 0..area.height {
            let row = self.rows.get(y as usize).map_or(&[][..], Vec::as_slice);
            let mut style = Style::default();
            for x in 0..area.width {
                let (bx, by) = (area.x + x, area.y + y);
                let Some(target) = buf.cell_mut((bx, by)) else {
                    continue;
                };
                target.set_diff_option(diff);
                let Some(cell) = row.get(x as usize) else {
                    continue;
                };
                if !cell.text.is_empty() {
                    style = cell.style;
                }
                target.set_symbol(symbol(row, x as usize, width));
                paint(target, style);
                let linked = cell
                    .link
                    .as_deref()
                    .is_some_and(|uri| links.set(bx, by, uri));
                if linked {
                    target.modifier |= LINK;
                }
                if !full && links.changed(bx, by) {
                    target.set_diff_option(CellDiffOption::AlwaysUpdate);
                }
            }
        }
        if !full {
            self.force_wrap_edges(buf);
        }
    }

    /// Makes the frame write, for each changed row that wraps, its last symbol and the next
    /// row's first, one after the other, so the terminal sees the line wrap.
    fn force_wrap_edges(&self, buf: &mut Buffer) {
        let area = *buf.area();
        Model::force(buf, &self.wrap_edges(area.width, area.height));
    }

    /// Returns the cells to write again so that the changed rows that wrap are seen to wrap
    /// on a terminal `width` by `height`: each one's last symbol and the next row's first.
    pub fn wrap_edges(&self, width: u16, height: u16) -> Vec<(u16, u16)> {
        let wraps = self.wraps(width, height);
        let mut edges = Vec::new();
        for (y, row) in self.rows.iter().enumerate() {
            let Ok(y) = u16::try_from(y) else { break };
            let changed = self.dirty.get(usize::from(y)).copied().unwrap_or(false);
            if changed && wraps.wraps(y) {
                edges.push((crate::wrap::last_symbol(row), y));
                edges.push((0, y + 1));
            }
        }
        edges
    }

    /// Returns the last symbol of each row that no longer wraps, and forgets them: the frame
    /// erases it and writes it again, which ends the wrap in the terminal.
    pub fn take_unwrapped(&mut self) -> Vec<(u16, u16)> {
        let mut cells = Vec::new();
        for (y, u) in self.unwrapped.iter_mut().enumerate() {
            if std::mem::take(u) {
                let row = self.rows.get(y).map_or(&[][..], Vec::as_slice);
                if let Ok(y) = u16::try_from(y) {
                    cells.push((crate::wrap::last_symbol(row), y));
                }
            }
        }
        cells
    }

    /// Makes the frame write the cells at `cells` even where ratatui thinks them unchanged.
    pub fn force(buf: &mut Buffer, cells: &[(u16, u16)]) {
        let area = *buf.area();
        for &(x, y) in cells {
            if let Some(cell) = buf.cell_mut((area.x + x, area.y + y)) {
                cell.set_diff_option(CellDiffOption::AlwaysUpdate);
            }
        }
    }

    /// Returns which rows wrap, shown on a terminal `width` by `height`.
    pub fn wraps(&self, width: u16, height: u16) -> crate::wrap::Wraps {
        crate::wrap::Wraps::new(&self.wrapped, self.size.cols, width, height)
    }

    /// Whether a row ever had a hyperlink: such a model is always drawn whole, since the
    /// links table is rebuilt with every frame.
    pub fn linked(&self) -> bool {
        self.linked
    }

    /// Returns the rows changed since the last frame, and counts them as drawn.
    pub fn take_dirty(&mut self) -> Vec<u16> {
        let rows = (0..self.dirty.len())
            .filter(|&y| self.dirty[y])
            .filter_map(|y| u16::try_from(y).ok())
            .collect();
        self.mark_drawn();
        rows
    }

    /// Draws row `y` of the model into `buf`, a buffer over that row of the screen alone, as
    /// [`Model::render`] draws it without `full` (the model has no hyperlinks).
    pub fn render_row(&self, y: u16, buf: &mut Buffer) {
        let area = *buf.area();
        let width = usize::from(area.width);
        let row = self.rows.get(usize::from(y)).map_or(&[][..], Vec::as_slice);
        let mut style = Style::default();
        for x in 0..area.width {
            let Some(target) = buf.cell_mut((area.x + x, area.y)) else {
                continue;
            };
            let Some(cell) = row.get(usize::from(x)) else {
                continue;
            };
            if !cell.text.is_empty() {
                style = cell.style;
            }
            target.set_symbol(symbol(row, usize::from(x), width));
            paint(target, style);
        }
    }

    /// Records that every row was drawn (a whole frame).
    pub fn mark_drawn(&mut self) {
        self.dirty.iter_mut().for_each(|d| *d = false);
    }

    /// Follows a full frame just drawn on `terminal`: replaces the frame it keeps to compare
    /// with the next by the same frame without the forced writes, which would otherwise make
    /// ratatui write every cell again on the next frame.
    pub fn settle<B: Backend>(&self, terminal: &mut Terminal<B>, links: &mut Links) {
        self.render(terminal.current_buffer_mut(), false, links);
        terminal.swap_buffers();
    }

    /// Returns where the cursor should be shown, as ratatui's (x, y), or `None` when it is
    /// hidden or off the area.
    pub fn cursor_position(&self, width: u16, height: u16) -> Option<(u16, u16)> {
        let c = self.cursor;
        let shown = Size {
            rows: height.min(self.size.rows),
            cols: width.min(self.size.cols),
        };
        (c.visible && shown.contains(c.pos)).then_some((c.pos.col, c.pos.row))
    }
}

/// Returns the symbol to draw for cell `x` of `row` when `width` columns are shown. The second
/// half of a wide character is a blank (ratatui skips it after the wide symbol), and so is a
/// wide character whose second half would fall outside the area.
fn symbol(row: &[Cell], x: usize, width: usize) -> &str {
    let text = row[x].text.as_str();
    let cut = x + 1 == width && row.get(x + 1).is_some_and(|next| next.text.is_empty());
    if text.is_empty() || cut {
        " "
    } else {
        text
    }
}

/// Gives `target` the colours and attributes of `style`.
fn paint(target: &mut ratatui::buffer::Cell, style: Style) {
    target.fg = color(style.fg);
    target.bg = color(style.bg);
    target.underline_color = color(style.underline_color);
    target.modifier = modifiers(style.attrs);
}

/// Returns a blank cell in the default style.
fn blank() -> Cell {
    Cell {
        text: " ".into(),
        style: Style::default(),
        link: None,
    }
}

/// The ratatui names of the 16 ANSI colours, in palette order.
const NAMED: [RColor; 16] = [
    RColor::Black,
    RColor::Red,
    RColor::Green,
    RColor::Yellow,
    RColor::Blue,
    RColor::Magenta,
    RColor::Cyan,
    RColor::Gray,
    RColor::DarkGray,
    RColor::LightRed,
    RColor::LightGreen,
    RColor::LightYellow,
    RColor::LightBlue,
    RColor::LightMagenta,
    RColor::LightCyan,
    RColor::White,
];

/// Converts a protocol colour to ratatui's.
pub fn color(c: Color) -> RColor {
    match c {
        Color::Default => RColor::Reset,
        Color::Indexed(n) if n < 16 => NAMED[n as usize],
        Color::Indexed(n) => RColor::Indexed(n),
        Color::Rgb(r, g, b) if crate::colour::truecolor() => RColor::Rgb(r, g, b),
        Color::Rgb(r, g, b) => RColor::Indexed(crate::colour::nearest_256(r, g, b)),
    }
}

/// Converts protocol attributes to ratatui modifiers; those ratatui lacks (overline and the
/// underline kinds) are bits of ours that ratatui keeps (see [`crate::backend`]). Every kind
/// of underline also sets [`Modifier::UNDERLINED`].
pub fn modifiers(attrs: Attrs) -> Modifier {
    const UNDERLINED: Modifier = Modifier::UNDERLINED;
    const MAP: [(Attrs, Modifier); 13] = [
        (Attrs::BOLD, Modifier::BOLD),
        (Attrs::DIM, Modifier::DIM),
        (Attrs::ITALIC, Modifier::ITALIC),
        (Attrs::UNDERLINE, UNDERLINED),
        (Attrs::REVERSE, Modifier::REVERSED),
        (Attrs::BLINK, Modifier::SLOW_BLINK),
        (Attrs::HIDDEN, Modifier::HIDDEN),
        (Attrs::STRIKE, Modifier::CROSSED_OUT),
        (Attrs::OVERLINE, OVERLINE),
        (Attrs::DOUBLE_UNDERLINE, UNDERLINED.union(DOUBLE_UNDERLINE)),
        (Attrs::CURLY_UNDERLINE, UNDERLINED.union(CURLY_UNDERLINE)),
        (Attrs::DOTTED_UNDERLINE, UNDERLINED.union(DOTTED_UNDERLINE)),
        (Attrs::DASHED_UNDERLINE, UNDERLINED.union(DASHED_UNDERLINE)),
    ];
    MAP.iter()
        .filter(|(bit, _)| attrs.contains(*bit))
        .fold(Modifier::empty(), |acc, (_, m)| acc | *m)
}

#[cfg(test)]
#[path = "draw_tests.rs"]
mod tests;
