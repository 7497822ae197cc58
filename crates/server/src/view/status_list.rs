//! Placing the window list on the status line between `status-left` and `status-right`:
//! justified per `status-justify` when it fits, else scrolled so the current window shows,
//! with tmux's `<` and `>` marking windows cut off on either side.

use mux_protocol::{Cell, Style};
use unicode_width::UnicodeWidthStr;

/// How the window list sits in its area (`status-justify`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Justify {
    /// At the left of the area (tmux's default).
    Left,
    /// Centred in the area.
    Centre,
    /// At the right of the area.
    Right,
    /// Centred on the whole status line, kept inside the area.
    AbsoluteCentre,
}

impl Justify {
    /// Reads the option's value; anything else is `left`.
    pub fn parse(value: &str) -> Justify {
        match value {
            "centre" => Justify::Centre,
            "right" => Justify::Right,
            "absolute-centre" => Justify::AbsoluteCentre,
            _ => Justify::Left,
        }
    }
}

/// The laid-out window list: one entry per cell (a wide character's second cell is empty
/// text), and the cells `focus` of the current window.
pub struct List {
    /// The cells, as `style::layout_cells` gives them.
    pub cells: Vec<(String, Style)>,
    /// Where the current window's entry starts and ends.
    pub focus: (usize, usize),
    /// Where each window's entry starts and ends, in the list's order.
    pub entries: Vec<(usize, usize)>,
}

/// Which part of a list was placed where: list cell `from` at column `column`, and
/// `count` cells from there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    /// The column of the first cell shown.
    pub column: usize,
    /// The first cell shown.
    pub from: usize,
    /// How many cells are shown.
    pub count: usize,
}

impl Shown {
    /// Returns the columns list cells `start..end` are shown at, if any of them is.
    pub fn columns(self, (start, end): (usize, usize)) -> Option<(usize, usize)> {
        let a = start.max(self.from);
        let b = end.min(self.from + self.count);
        (a < b).then(|| (self.column + a - self.from, self.column + b - self.from))
    }
}

/// Writes `list` into `row[start..start + len]`, the area the left and right sides leave,
/// on a status line `row.len()` wide; markers take `base`. Returns which part went where.
pub fn place(
    row: &mut [Cell],
    list: &List,
    (start, len): (usize, usize),
    how: Justify,
    base: Style,
) -> Shown {
    let total = list.cells.len();
    if len == 0 || start + len > row.len() {
        return Shown::default();
    }
    if total <= len {
        let offset = match how {
            Justify::Left => 0,
            Justify::Right => len - total,
            Justify::Centre => (len - total) / 2,
            Justify::AbsoluteCentre => {
                let centred = (row.len().saturating_sub(total) / 2).max(start);
                centred.min(start + len - total) - start
            }
        };
        for (i, (text, style)) in list.cells.iter().enumerate() {
            row[start + offset + i] = Cell::new(text.clone(), *style);
        }
        return Shown {
            column: start + offset,
            from: 0,
            count: total,
        };
    }
    let (fs, fe) = list.focus;
    let from = ((fs + fe) / 2).saturating_sub(len / 2).min(total - len);
    for i in 0..len {
        let (text, style) = &list.cells[from + i];
        let cut_wide = i + 1 == len && text.width() == 2;
        let cut_half = i == 0 && text.is_empty();
        let text = if cut_wide || cut_half { " " } else { text };
        row[start + i] = Cell::new(text, *style);
    }
    if from > 0 {
        row[start] = Cell::new("<", base);
        if row.get(start + 1).is_some_and(|c| c.text.is_empty()) {
            row[start + 1] = Cell::new(" ", base);
        }
    }
    if from + len < total {
        let last = start + len - 1;
        if row[last].text.is_empty() && last > start {
            row[last - 1] = Cell::new(" ", row[last - 1].style);
        }
        row[last] = Cell::new(">", base);
    }
    Shown {
        column: start,
        from,
        count: len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str, focus: (usize, usize)) -> List {
        List {
            cells: text
                .chars()
                .map(|c| (c.to_string(), Style::default()))
                .collect(),
            focus,
            entries: Vec::new(),
        }
    }

    fn row(width: usize) -> Vec<Cell> {
        vec![Cell::new(".", Style::default()); width]
    }

    fn text(row: &[Cell]) -> String {
        row.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn a_list_that_fits_is_justified() {
        let l = list("0:a 1:b", (0, 3));
        let cases = [
            (Justify::Left, "[x]0:a 1:b...[y]"),
            (Justify::Right, "[x]...0:a 1:b[y]"),
            (Justify::Centre, "[x].0:a 1:b..[y]"),
            (Justify::AbsoluteCentre, "[x].0:a 1:b..[y]"),
        ];
        for (how, want) in cases {
            let mut r = row(16);
            place(&mut r, &l, (3, 10), how, Style::default());
            r[..3]
                .iter_mut()
                .zip("[x]".chars())
                .for_each(|(c, t)| c.text = t.into());
            r[13..]
                .iter_mut()
                .zip("[y]".chars())
                .for_each(|(c, t)| c.text = t.into());
            assert_eq!(text(&r), want, "{how:?}");
        }
        // With a long left side, absolute-centre stays as near the middle as the area allows.
        let mut centre = row(20);
        place(&mut centre, &l, (8, 10), Justify::Centre, Style::default());
        assert_eq!(text(&centre), ".........0:a 1:b....");
        let mut absolute = row(20);
        place(
            &mut absolute,
            &l,
            (8, 10),
            Justify::AbsoluteCentre,
            Style::default(),
        );
        assert_eq!(text(&absolute), "........0:a 1:b.....");
    }

    #[test]
    fn a_long_list_scrolls_to_the_current_window_with_markers() {
        let names = "0:aa 1:bb 2:cc 3:dd 4:ee 5:ff";
        // The last window current: the list is cut on the left only.
        let mut r = row(12);
        place(
            &mut r,
            &list(names, (25, 29)),
            (0, 12),
            Justify::Left,
            Style::default(),
        );
        assert_eq!(text(&r), "<d 4:ee 5:ff");
        // The first current: cut on the right only.
        let mut r = row(12);
        place(
            &mut r,
            &list(names, (0, 4)),
            (0, 12),
            Justify::Left,
            Style::default(),
        );
        assert_eq!(text(&r), "0:aa 1:bb 2>");
        // One in the middle: both sides, the current one whole.
        let mut r = row(12);
        place(
            &mut r,
            &list(names, (10, 14)),
            (0, 12),
            Justify::Left,
            Style::default(),
        );
        let shown = text(&r);
        assert!(shown.starts_with('<') && shown.ends_with('>') && shown.contains("2:cc"));
    }
}
