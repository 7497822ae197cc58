//! What `display-panes` draws over each pane, as tmux 3.3a does: the pane's index in big
//! block digits in the middle and, in a pane over 6 rows high, its size in the top right
//! corner; in a pane too small for the digits, the index as text in the middle.

use mux_protocol::{Cell, Color, Style};

/// The block digits, 5 rows of 5 columns each; a set bit is a filled cell, the leftmost
/// column being the highest bit.
const DIGITS: [[u8; 5]; 10] = [
    [0b11111, 0b10001, 0b10001, 0b10001, 0b11111],
    [0b00001, 0b00001, 0b00001, 0b00001, 0b00001],
    [0b11111, 0b00001, 0b11111, 0b10000, 0b11111],
    [0b11111, 0b00001, 0b11111, 0b00001, 0b11111],
    [0b10001, 0b10001, 0b11111, 0b00001, 0b00001],
    [0b11111, 0b10000, 0b11111, 0b00001, 0b11111],
    [0b11111, 0b10000, 0b11111, 0b10001, 0b11111],
    [0b11111, 0b00001, 0b00001, 0b00001, 0b00001],
    [0b11111, 0b10001, 0b11111, 0b10001, 0b11111],
    [0b11111, 0b10001, 0b11111, 0b00001, 0b11111],
];

/// Returns the block glyph of a digit or `:` (the clock's), 5 rows of 5 columns.
pub fn glyph(c: char) -> Option<[u8; 5]> {
    match c {
        ':' => Some([0b00000, 0b00100, 0b00000, 0b00100, 0b00000]),
        d => DIGITS.get(usize::try_from(d.to_digit(10)?).ok()?).copied(),
    }
}

/// Where a pane is on the client's screen, in absolute cells.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// The leftmost column.
    pub x: usize,
    /// The top row.
    pub y: usize,
    /// The width.
    pub cols: usize,
    /// The height.
    pub rows: usize,
}

/// Draws pane `index` over `place` in `colour`.
pub fn draw(rows: &mut [Vec<Cell>], place: Place, index: usize, colour: Color) {
    let number = index.to_string();
    let size = format!("{}x{}", place.cols, place.rows);
    let text = Style {
        fg: colour,
        ..Style::default()
    };
    let (mid_x, mid_y) = (place.x + place.cols / 2, place.y + place.rows / 2);
    if place.cols < number.len() * 6 || place.rows < 5 {
        // tmux centres the number and a cell after it when there is room for both.
        let half = if place.cols > number.len() {
            number.len().div_ceil(2)
        } else {
            number.len() / 2
        };
        put(
            rows,
            (mid_x.saturating_sub(half), mid_y),
            &number,
            text,
            place,
        );
        return;
    }
    let block = Style {
        bg: colour,
        ..Style::default()
    };
    let left = mid_x - number.len() * 3;
    let top = mid_y - 2;
    for (n, digit) in number.bytes().map(|b| usize::from(b - b'0')).enumerate() {
        for (dy, bits) in DIGITS[digit].iter().enumerate() {
            for dx in (0..5).filter(|dx| bits & (0b10000 >> dx) != 0) {
                put(rows, (left + n * 6 + dx, top + dy), " ", block, place);
            }
        }
    }
    if place.rows > 6 && place.cols >= size.len() {
        let corner = (place.x + place.cols - size.len(), place.y);
        put(rows, corner, &size, text, place);
    }
}

/// Writes `text` from `(x, y)`, clipped to `place` and the screen.
fn put(rows: &mut [Vec<Cell>], (x, y): (usize, usize), text: &str, style: Style, place: Place) {
    if y >= place.y + place.rows {
        return;
    }
    for (i, ch) in text.chars().enumerate() {
        let col = x + i;
        if col < place.x || col >= place.x + place.cols {
            continue;
        }
        if let Some(cell) = rows.get_mut(y).and_then(|r| r.get_mut(col)) {
            *cell = Cell::new(ch.to_string(), style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(cols: usize, rows: usize) -> Vec<Vec<Cell>> {
        vec![vec![Cell::new(".", Style::default()); cols]; rows]
    }

    /// Returns the rows with filled block cells as `#`.
    fn picture(rows: &[Vec<Cell>]) -> Vec<String> {
        let cell = |c: &Cell| {
            if c.style.bg != Color::Default {
                "#".to_string()
            } else {
                c.text.to_string()
            }
        };
        rows.iter().map(|r| r.iter().map(cell).collect()).collect()
    }

    #[test]
    fn a_large_pane_gets_block_digits_and_its_size() {
        let mut rows = screen(20, 9);
        let place = Place {
            x: 0,
            y: 0,
            cols: 20,
            rows: 9,
        };
        draw(&mut rows, place, 12, Color::Indexed(4));
        assert_eq!(
            picture(&rows),
            [
                "................20x9",
                "....................",
                "........#.#####.....",
                "........#.....#.....",
                "........#.#####.....",
                "........#.#.........",
                "........#.#####.....",
                "....................",
                "....................",
            ]
            .map(|s| s.to_string())
        );
    }

    #[test]
    fn a_small_pane_gets_text() {
        let mut rows = screen(12, 3);
        let place = Place {
            x: 2,
            y: 0,
            cols: 10,
            rows: 3,
        };
        draw(&mut rows, place, 3, Color::Indexed(1));
        assert_eq!(picture(&rows)[1], "......3.....");
    }
}
