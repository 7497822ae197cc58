//! Writing a row of cells back out as text with SGR sequences (capture-pane -e).

use crate::terminal::Terminal;
use crate::types::{Attrs, Color, Style};

/// Returns visible row `row` as text with an SGR sequence wherever the style changes, ending
/// with a reset if any style was set; trailing blank cells are dropped.
pub fn row_formatted(term: &Terminal, row: u16) -> String {
    let cols = term.size().cols;
    let cells = (0..cols)
        .filter_map(|col| term.cell(row, col))
        .filter(|c| !c.wide_continuation)
        .map(|c| (if c.text.is_empty() { " " } else { c.text }, c.style));
    format_cells(cells)
}

/// Writes cells (text and style) as text with an SGR sequence wherever the style changes,
/// ending with a reset if any style was set; trailing blank default cells are dropped.
pub(crate) fn format_cells<'a>(cells: impl Iterator<Item = (&'a str, Style)>) -> String {
    let mut out = String::new();
    let mut current = Style::default();
    // Blank default cells are held back until something follows them.
    let mut blanks = 0;
    for (text, style) in cells {
        if text == " " && style == Style::default() {
            blanks += 1;
            continue;
        }
        if blanks > 0 {
            if current != Style::default() {
                out.push_str(&sgr(Style::default()));
                current = Style::default();
            }
            for _ in 0..blanks {
                out.push(' ');
            }
            blanks = 0;
        }
        if style != current {
            out.push_str(&sgr(style));
            current = style;
        }
        out.push_str(text);
    }
    if current != Style::default() {
        out.push_str("\x1b[0m");
    }
    out
}

/// Returns the SGR sequence that sets `style` from scratch.
pub(crate) fn sgr(style: Style) -> String {
    let mut params = vec!["0".to_string()];
    let attrs = [
        (Attrs::BOLD, "1"),
        (Attrs::DIM, "2"),
        (Attrs::ITALIC, "3"),
        (Attrs::UNDERLINE, "4"),
        (Attrs::DOUBLE_UNDERLINE, "4:2"),
        (Attrs::CURLY_UNDERLINE, "4:3"),
        (Attrs::DOTTED_UNDERLINE, "4:4"),
        (Attrs::DASHED_UNDERLINE, "4:5"),
        (Attrs::BLINK, "5"),
        (Attrs::REVERSE, "7"),
        (Attrs::HIDDEN, "8"),
        (Attrs::STRIKE, "9"),
        (Attrs::OVERLINE, "53"),
    ];
    for (a, p) in attrs {
        if style.attrs.contains(a) {
            params.push(p.to_string());
        }
    }
    push_colour(&mut params, style.fg, 30);
    push_colour(&mut params, style.bg, 40);
    match style.underline_color {
        Color::Default => {}
        Color::Indexed(i) => params.push(format!("58:5:{i}")),
        Color::Rgb(r, g, b) => params.push(format!("58:2::{r}:{g}:{b}")),
    }
    format!("\x1b[{}m", params.join(";"))
}

/// Appends the parameters for a colour, `base` being 30 (foreground) or 40 (background).
fn push_colour(params: &mut Vec<String>, c: Color, base: u8) {
    match c {
        Color::Default => {}
        Color::Indexed(i) if i < 8 => params.push((base + i).to_string()),
        Color::Indexed(i) if i < 16 => params.push((base + 60 + i - 8).to_string()),
        Color::Indexed(i) => params.push(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => params.push(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Size, Terminal};

    #[test]
    fn styles_become_sgr_and_blanks_are_trimmed() {
        let mut t = Terminal::new(Size { rows: 2, cols: 20 }, 10);
        t.process(b"a\x1b[1;31mb\x1b[0mc \x1b[38;5;100md\x1b[m   ");
        assert_eq!(
            t.row_formatted(0),
            "a\x1b[0;1;31mb\x1b[0mc \x1b[0;38;5;100md\x1b[0m"
        );
        assert_eq!(t.row_formatted(1), "");
    }
}
