//! Resizing with reflow: wrapped lines are joined and split again, the cursor stays on its
//! character, rows move between the screen and the scrollback, nothing is lost.

// Test sizes are small numbers drawn from a seeded generator; nothing here is truncated.
#![allow(clippy::cast_possible_truncation)]

use crate::*;

fn term(rows: u16, cols: u16) -> Terminal {
    Terminal::new(Size { rows, cols }, 100)
}

fn size(rows: u16, cols: u16) -> Size {
    Size { rows, cols }
}

fn rows(t: &Terminal) -> Vec<String> {
    (0..t.size().rows).map(|r| t.row_text(r)).collect()
}

fn history(t: &Terminal) -> Vec<String> {
    let h = t.history();
    (0..h.len()).filter_map(|i| h.text(i)).collect()
}

const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz0123";

#[test]
fn a_wrapped_line_is_rejoined_when_the_width_grows() {
    let mut t = term(5, 10);
    t.process(ALPHABET.as_bytes());
    t.process(b"\r\n$ ");
    assert_eq!(
        rows(&t)[..4],
        ["abcdefghij", "klmnopqrst", "uvwxyz0123", "$"]
    );
    t.resize(size(5, 40));
    assert_eq!(rows(&t)[..2], [ALPHABET, "$"]);
    assert!(!t.row_wrapped(0));
    assert_eq!((t.cursor().pos.row, t.cursor().pos.col), (1, 2));
    t.resize(size(5, 10));
    assert_eq!(
        rows(&t)[..4],
        ["abcdefghij", "klmnopqrst", "uvwxyz0123", "$"]
    );
    assert!(t.row_wrapped(0) && t.row_wrapped(1) && !t.row_wrapped(2));
    assert_eq!((t.cursor().pos.row, t.cursor().pos.col), (3, 2));
}

#[test]
fn the_cursor_stays_on_its_character() {
    let mut t = term(4, 10);
    t.process(ALPHABET.as_bytes());
    // On the 'm' (offset 12).
    t.process(b"\x1b[2;3H");
    t.resize(size(4, 7));
    let c = t.cursor();
    assert_eq!(t.cell(c.pos.row, c.pos.col).map(|c| c.text), Some("m"));
    t.resize(size(4, 25));
    let c = t.cursor();
    assert_eq!(t.cell(c.pos.row, c.pos.col).map(|c| c.text), Some("m"));
}

#[test]
fn narrowing_pushes_rows_into_the_scrollback_and_widening_brings_them_back() {
    let mut t = term(3, 10);
    t.process(b"one\r\ntwo\r\n0123456789");
    t.resize(size(3, 5));
    assert_eq!(rows(&t), ["two", "01234", "56789"]);
    assert_eq!(history(&t), ["one"]);
    t.resize(size(3, 10));
    assert_eq!(rows(&t), ["one", "two", "0123456789"]);
    assert!(t.history().is_empty());
}

#[test]
fn the_height_moves_rows_between_screen_and_scrollback() {
    let mut t = term(5, 10);
    t.process(b"1\r\n2\r\n3\r\n4\r\n5");
    t.resize(size(2, 10));
    assert_eq!(rows(&t), ["4", "5"]);
    assert_eq!(history(&t), ["1", "2", "3"]);
    t.resize(size(4, 10));
    assert_eq!(rows(&t), ["2", "3", "4", "5"]);
    assert_eq!(history(&t), ["1"]);
    // Rows below the cursor do not push it off the screen.
    let mut t = term(5, 10);
    t.process(b"1\r\n2\r\n3\r\n4\r\n5\x1b[H");
    t.resize(size(2, 10));
    assert_eq!(rows(&t), ["1", "2"]);
    assert_eq!(t.cursor().pos.row, 0);
}

#[test]
fn the_scrollback_is_rewrapped_too() {
    let mut t = term(2, 10);
    t.process(ALPHABET.as_bytes());
    t.process(b"\r\nx\r\ny");
    assert_eq!(history(&t), ["abcdefghij", "klmnopqrst", "uvwxyz0123"]);
    assert!(t.history().wrapped(0));
    t.resize(size(2, 15));
    assert_eq!(history(&t), ["abcdefghijklmno", "pqrstuvwxyz0123"]);
    assert!(t.history().wrapped(0) && !t.history().wrapped(1));
    assert_eq!(rows(&t), ["x", "y"]);
}

#[test]
fn styles_and_wide_characters_survive_a_reflow() {
    let mut t = term(3, 6);
    t.process("ab\x1b[31m漢字\x1b[mcdefgh".as_bytes());
    assert_eq!(rows(&t), ["ab漢字", "cdefgh", ""]);
    t.resize(size(3, 5));
    assert_eq!(rows(&t), ["ab漢", "字cde", "fgh"]);
    assert!(t
        .cell(0, 2)
        .is_some_and(|c| c.wide && c.style.fg == Color::Indexed(1)));
    t.resize(size(3, 20));
    assert_eq!(t.row_text(0), "ab漢字cdefgh");
}

#[test]
fn the_alternate_screen_is_cut_not_reflowed() {
    let mut t = term(3, 10);
    t.process(ALPHABET.as_bytes());
    t.process(b"\x1b[?1049h\x1b[Hhello world");
    t.resize(size(3, 5));
    assert_eq!(rows(&t), ["hello", "d", ""]);
    t.process(b"\x1b[?1049l");
    assert_eq!(rows(&t)[..2], ["pqrst", "uvwxy"]);
    t.resize(size(3, 30));
    assert_eq!(rows(&t)[0], ALPHABET);
}

#[test]
fn resizes_mixed_with_output_lose_nothing() {
    let mut t = Terminal::new(size(6, 20), 1000);
    let mut expected = Vec::new();
    for i in 0..200 {
        let line = format!("line {i} {}", "x".repeat(i % 37));
        t.process(format!("{line}\r\n").as_bytes());
        expected.push(line);
        if i % 17 == 0 {
            t.resize(size(3 + (i % 5) as u16, 7 + (i % 23) as u16));
        }
    }
    t.resize(size(6, 80));
    let mut all = history(&t);
    all.extend(rows(&t));
    let all: Vec<String> = all.into_iter().filter(|l| !l.is_empty()).collect();
    assert_eq!(all, expected);
}

/// Returns the hyperlink of the cell at `row`, `col`.
fn link(t: &Terminal, row: u16, col: u16) -> Option<String> {
    t.cell(row, col).and_then(|c| c.link.map(str::to_string))
}

#[test]
fn hyperlinks_survive_the_history_and_reflow() {
    let mut t = term(3, 20);
    t.process(b"ab\x1b]8;;https://e.com/a\x1b\\linked\x1b]8;;\x1b\\cd\r\n");
    t.process(b"1\r\n2\r\n3\r\n4");
    assert_eq!(history(&t)[0], "ablinkedcd");
    let h = t.history();
    let links: Vec<bool> = h.clusters(0).map(|c| c.link != 0).collect();
    assert_eq!(
        links,
        [false, false, true, true, true, true, true, true, false, false]
    );
    // Narrowing wraps the stored line; growing taller brings it back onto the screen.
    t.resize(size(3, 5));
    t.resize(size(12, 5));
    let at = rows(&t)
        .iter()
        .position(|r| r == "ablin")
        .expect("the line on screen");
    let at = at as u16;
    assert_eq!(link(&t, at, 1), None);
    assert_eq!(link(&t, at, 2).as_deref(), Some("https://e.com/a"));
    assert_eq!(link(&t, at + 1, 2).as_deref(), Some("https://e.com/a"));
    assert_eq!(link(&t, at + 1, 3), None);
    // Widening while the wrapped rows are in the history joins them again, links and all.
    t.resize(size(2, 5));
    assert!(history(&t).iter().any(|r| r == "ablin"));
    t.resize(size(2, 30));
    t.resize(size(12, 30));
    let at = rows(&t)
        .iter()
        .position(|r| r == "ablinkedcd")
        .expect("the joined line on screen") as u16;
    assert_eq!(link(&t, at, 1), None);
    assert_eq!(link(&t, at, 2).as_deref(), Some("https://e.com/a"));
    assert_eq!(link(&t, at, 7).as_deref(), Some("https://e.com/a"));
    assert_eq!(link(&t, at, 8), None);
}

#[test]
fn links_in_the_history_outlive_a_full_link_table() {
    let mut t = term(2, 20);
    // A link that is overwritten at once, so the kept one is not the first in the table and
    // gets a new id when the table is collected; the row has a style change too.
    t.process(b"\x1b]8;;https://dropped.example\x1b\\x\x1b]8;;\x1b\\\r");
    t.process(b"\x1b]8;;https://kept.example\x1b\\\x1b[1;31mold\x1b[m\x1b]8;;\x1b\\ er");
    t.process(b"\r\n\r\n\r\n");
    let h = t.history();
    let index = (0..h.len()).find(|&i| h.text(i).as_deref() == Some("old er"));
    let formatted = index.and_then(|i| h.formatted(i)).map(str::to_string);
    assert!(formatted
        .as_deref()
        .is_some_and(|f| f.contains("\x1b[0;1;31m")));
    // Enough distinct links to fill the table several times over: unused ones go, the
    // history's stays and keeps its URI, and its styles are untouched.
    for i in 0..10_000 {
        t.process(format!("\x1b]8;;http://h/{i}\x07x\x1b]8;;\x07\r").as_bytes());
    }
    let h = t.history();
    assert_eq!(index.and_then(|i| h.text(i)).as_deref(), Some("old er"));
    let links: Vec<u16> = index.map_or(vec![], |i| h.clusters(i).map(|c| c.link).collect());
    let id = links.first().copied().unwrap_or(0);
    assert_eq!(links, [id, id, id, 0, 0, 0]);
    assert_eq!(t.link_uri(id), Some("https://kept.example"));
    assert_eq!(index.and_then(|i| h.formatted(i)), formatted.as_deref());
}
