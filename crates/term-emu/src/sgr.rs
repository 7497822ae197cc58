//! Writing a row of cells back out as text with SGR sequences (capture-pane -e).

use crate::terminal::Terminal;
use crate::types::{Attrs, Color, Style};

/// Returns visible row `row` as text with an SGR sequence wherever the style changes, ending
/// with a reset if any style was set; trailing blank cells are dropped.
pub fn row_formatted(term: &Terminal, row: u16) -> String {
    let cols = term.size().cols;
    let mut cells: Vec<(String, Style)> = Vec::new();
    for col in 0..cols {
        if let Some(c) = term.cell(row, col) {
            if c.wide_continuation {
                continue;
            }
            let text = if c.text.is_empty() { " " } else { c.text };
            cells.push((text.to_string(), c.style));
        }
    }
    while cells
        .last()
        .is_some_and(|(t, s)| t == " " && *s == Style::default())
    {
        cells.pop();
    }
    let mut out = String::new();
    let mut current = Style::default();
    for (text, style) in cells {
        if style != current {
            out.push_str(&sgr(style));
            current = style;
        }
        out.push_str(&text);
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
        (Attrs::REVERSE, "7"),
    ];
    for (a, p) in attrs {
        if style.attrs.contains(a) {
            params.push(p.to_string());
        }
    }
    push_colour(&mut params, style.fg, 30);
    push_colour(&mut params, style.bg, 40);
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
