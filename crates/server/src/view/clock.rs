//! What `clock-mode` draws over a pane, as tmux does: the time (`clock-mode-style` 24 or 12
//! hours, with AM/PM) in block digits of `clock-mode-colour` in the middle, or as text when
//! the pane is too small for them.

use std::time::SystemTime;

use mux_protocol::{Cell, Color, Style};

use crate::view::pane_numbers::{glyph, Place};

/// Returns the pane's rows, `cols` by `rows`, showing the clock at `now`.
pub fn rows(now: SystemTime, cols: u16, rows: u16, colour: Color, twelve: bool) -> Vec<Vec<Cell>> {
    let (cols, rows) = (usize::from(cols), usize::from(rows));
    let mut out = vec![vec![Cell::new(" ", Style::default()); cols]; rows];
    let time = if twelve {
        crate::config::time::format(now, "%l:%M")
            .trim_start()
            .to_string()
    } else {
        crate::config::time::format(now, "%H:%M")
    };
    let suffix = if twelve {
        crate::config::time::format(now, " %p")
    } else {
        String::new()
    };
    let text_style = Style {
        fg: colour,
        ..Style::default()
    };
    let width = time.chars().count() * 6;
    if cols < width || rows < 6 {
        let text = format!("{time}{suffix}");
        let x = (cols / 2).saturating_sub(text.chars().count() / 2);
        put(&mut out, (x, rows / 2), &text, text_style);
        return out;
    }
    let block = Style {
        bg: colour,
        ..Style::default()
    };
    let place = Place {
        x: cols / 2 - width / 2,
        y: rows / 2 - 2,
        cols: width,
        rows: 5,
    };
    for (n, c) in time.chars().enumerate() {
        let Some(bits) = glyph(c) else {
            continue;
        };
        for (dy, row) in bits.iter().enumerate() {
            for dx in (0..5).filter(|dx| row & (0b10000 >> dx) != 0) {
                if let Some(cell) = out
                    .get_mut(place.y + dy)
                    .and_then(|r| r.get_mut(place.x + n * 6 + dx))
                {
                    *cell = Cell::new(" ", block);
                }
            }
        }
    }
    if !suffix.is_empty() {
        let x = place.x + width;
        put(
            &mut out,
            (x.min(cols.saturating_sub(3)), place.y),
            suffix.trim(),
            text_style,
        );
    }
    out
}

/// Writes `text` from `(x, y)`, clipped to the rows.
fn put(out: &mut [Vec<Cell>], (x, y): (usize, usize), text: &str, style: Style) {
    let Some(row) = out.get_mut(y) else {
        return;
    };
    for (cell, c) in row.iter_mut().skip(x).zip(text.chars()) {
        *cell = Cell::new(c.to_string(), style);
    }
}
