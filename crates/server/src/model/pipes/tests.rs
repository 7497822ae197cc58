use mux_term_emu::{Size, Terminal};

use super::{screen_lines, LineJoiner};

#[test]
fn wrapped_rows_join_into_one_line_across_takes() {
    let mut j = LineJoiner::default();
    let first = vec![("abc".into(), false), ("def".into(), true)];
    assert_eq!(j.feed(&first), ["abc"]);
    assert_eq!(j.partial, "def");
    let second = vec![("ghi".into(), false)];
    assert_eq!(j.feed(&second), ["defghi"]);
}

#[test]
fn the_screen_reads_as_lines_without_blank_ones_at_the_bottom() {
    let mut t = Terminal::new(Size { rows: 4, cols: 5 }, 0);
    t.process(b"0123456\r\n\r\nx");
    assert_eq!(screen_lines(&t), ["0123456", "", "x"]);
    let empty = Terminal::new(Size { rows: 4, cols: 5 }, 0);
    assert!(screen_lines(&empty).is_empty());
}
