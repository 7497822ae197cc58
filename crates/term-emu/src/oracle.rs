//! vt100 as a test oracle: its cells in term-emu's types, for differential tests.

use crate::types::{Attrs, CellRef, Color, Style};

/// Converts a vt100 colour.
pub(crate) fn color(c: vt100::Color) -> Color {
    match c {
        vt100::Color::Default => Color::Default,
        vt100::Color::Idx(i) => Color::Indexed(i),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

/// Builds a [`CellRef`] from a vt100 cell.
pub(crate) fn cell_ref(c: &vt100::Cell) -> CellRef<'_> {
    let mut attrs = 0;
    for (on, bit) in [
        (c.bold(), Attrs::BOLD),
        (c.dim(), Attrs::DIM),
        (c.italic(), Attrs::ITALIC),
        (c.underline(), Attrs::UNDERLINE),
        (c.inverse(), Attrs::REVERSE),
    ] {
        if on {
            attrs |= bit.0;
        }
    }
    CellRef {
        text: c.contents(),
        style: Style {
            fg: color(c.fgcolor()),
            bg: color(c.bgcolor()),
            attrs: Attrs(attrs),
            underline_color: Color::Default,
        },
        wide: c.is_wide(),
        wide_continuation: c.is_wide_continuation(),
        link: None,
    }
}
