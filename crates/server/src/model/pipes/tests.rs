use mux_term_emu::{Size, Terminal};

use super::{screen_lines, LineJoiner};

#[test]
fn wrapped_rows_join_into_one_line_across_takes() {
    let mut j = LineJoiner::default();
    let feed = |j: &mut LineJoiner, rows: &[(&str, bool)]| {
        let mut lines = Vec::new();
        j.feed(rows.iter().copied(), |l| {
            lines.push(l.to_string());
            false
        });
        lines
    };
    assert_eq!(feed(&mut j, &[("abc", false), ("def", true)]), ["abc"]);
    assert_eq!(j.partial, "def");
    assert_eq!(
        feed(&mut j, &[("ghi", false), ("x", false)]),
        ["defghi", "x"]
    );
    assert_eq!(j.partial, "");
}

#[test]
fn the_screen_reads_as_lines_without_blank_ones_at_the_bottom() {
    let mut t = Terminal::new(Size { rows: 4, cols: 5 }, 0);
    t.process(b"0123456\r\n\r\nx");
    assert_eq!(screen_lines(&t), ["0123456", "", "x"]);
    let empty = Terminal::new(Size { rows: 4, cols: 5 }, 0);
    assert!(screen_lines(&empty).is_empty());
}
