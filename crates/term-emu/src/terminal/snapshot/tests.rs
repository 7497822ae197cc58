use super::*;
use crate::{Size, Terminal};

/// Writes a terminal to bytes and reads it back.
fn round_trip(term: &Terminal) -> Terminal {
    let bytes = postcard::to_allocvec(term).unwrap();
    postcard::from_bytes(&bytes).unwrap()
}

/// Asserts that two terminals show and keep the same: screen rows with their styles and
/// wraps, cursor, modes, title, directory and every history row.
fn assert_same(a: &Terminal, b: &Terminal) {
    assert_eq!(a.size(), b.size());
    assert_eq!(a.cursor(), b.cursor());
    assert_eq!(a.modes(), b.modes());
    assert_eq!(a.title(), b.title());
    assert_eq!(a.cwd(), b.cwd());
    for row in 0..a.size().rows {
        assert_eq!(a.row_formatted(row), b.row_formatted(row), "row {row}");
        assert_eq!(a.row_wrapped(row), b.row_wrapped(row), "row {row} wrap");
    }
    let (ha, hb) = (a.history(), b.history());
    assert_eq!(ha.len(), hb.len());
    assert_eq!(ha.dropped(), hb.dropped());
    for i in 0..ha.len() {
        assert_eq!(ha.formatted(i), hb.formatted(i), "history row {i}");
        assert_eq!(ha.wrapped(i), hb.wrapped(i), "history row {i} wrap");
    }
}

/// Output that sets a little of everything a checkpoint must keep.
fn busy_output() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..300 {
        out.extend_from_slice(
            format!(
                "\x1b[3{}mline {i} \x1b[1;4mbold\x1b[0m 漢字 e\u{301}\r\n",
                i % 8
            )
            .as_bytes(),
        );
    }
    // A long line that wraps, a hyperlink, a title, a directory, tab stops, a region.
    out.extend_from_slice(&[b'x'; 130]);
    out.extend_from_slice(b"\r\n\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\\r\n");
    out.extend_from_slice(b"\x1b]2;my title\x07\x1b]7;file://host/tmp/dir\x07");
    out.extend_from_slice(b"\x1b[3g\x1b[5G\x1bH\x1b[20G\x1bH\r");
    out.extend_from_slice(b"\x1b[?1h\x1b[?2004h\x1b[?1000h\x1b[?1006h\x1b[4h\x1b[5;20r");
    // Saved cursor, G0 as DEC graphics, then the cursor somewhere else.
    out.extend_from_slice(b"\x1b[10;7H\x1b[32m\x1b7\x1b(0qqq\x1b(B\x1b[2;3H\x1b[0m");
    out
}

#[test]
fn a_terminal_comes_back_from_a_checkpoint_exactly() {
    let mut term = Terminal::new(Size { rows: 24, cols: 80 }, 1000);
    term.process(&busy_output());
    assert!(term.at_rest());
    let back = round_trip(&term);
    assert_same(&term, &back);
    assert!(term.history().len() > 200);
}

#[test]
fn a_restored_terminal_goes_on_as_the_original_would() {
    let mut term = Terminal::new(Size { rows: 24, cols: 80 }, 1000);
    term.process(&busy_output());
    let mut back = round_trip(&term);
    // Tabs, the region, insert mode, the saved cursor and pen, and the charsets act alike.
    let more = b"\tA\tB\x1b8after restore\x1b(0lqk\x1b(B\x0e\x1b)0abc\x0f\r\n\x1bD\x1bM more text";
    let (fa, fb) = (term.process(more), back.process(more));
    assert_eq!(fa, fb);
    assert_same(&term, &back);
    // A reply to a query is the same: modes and sizes were kept.
    let (fa, fb) = (
        term.process(b"\x1b[?1h\x1b[6n\x1b[?2004$p"),
        back.process(b"\x1b[?1h\x1b[6n\x1b[?2004$p"),
    );
    assert_eq!(fa.replies, fb.replies);
    assert!(!fa.replies.is_empty());
}

#[test]
fn the_alternate_screen_and_the_primary_under_it_both_come_back() {
    let mut term = Terminal::new(Size { rows: 10, cols: 40 }, 100);
    term.process(b"shell prompt $ half typed");
    term.process(b"\x1b[?1049h\x1b[H\x1b[2Jeditor buffer\r\n~\r\n~");
    let mut back = round_trip(&term);
    assert_same(&term, &back);
    assert!(back.modes().alternate_screen);
    let leave = b"\x1b[?1049l";
    term.process(leave);
    back.process(leave);
    assert_same(&term, &back);
    assert_eq!(back.row_text(0), "shell prompt $ half typed");
}

#[test]
fn a_terminal_mid_sequence_or_mid_character_is_not_at_rest() {
    let mut term = Terminal::new(Size { rows: 5, cols: 20 }, 10);
    term.process(b"abc\x1b[3");
    assert!(!term.at_rest());
    term.process(b"1mred");
    assert!(term.at_rest());
    term.process(&"漢".as_bytes()[..2]);
    assert!(!term.at_rest());
    term.process(&"漢".as_bytes()[2..]);
    assert!(term.at_rest());
    term.process(b"\x1b]2;unfinished title");
    assert!(!term.at_rest());
}

#[test]
fn utf8_ends_are_told_apart() {
    assert!(!ends_inside_utf8(b"abc"));
    assert!(ends_inside_utf8(&[b'a', 0xE6]));
    assert!(ends_inside_utf8(&[0xE6, 0xBC]));
    assert!(!ends_inside_utf8("漢".as_bytes()));
    assert!(ends_inside_utf8(&[0xF0, 0x9F, 0x98]));
    assert!(!ends_inside_utf8("😀".as_bytes()));
}

#[test]
fn a_damaged_checkpoint_is_refused_or_repaired_never_a_panic() {
    let mut term = Terminal::new(Size { rows: 6, cols: 12 }, 50);
    term.process(b"\x1b[31mhello\r\n\x1b]8;;x\x1b\\ab\x1b]8;;\x1b\\\r\n");
    // The alternate screen, once used, is in the checkpoint too.
    term.process(b"\x1b[?1049hfull screen\x1b[?1049l");
    for _ in 0..40 {
        term.process("wide 漢 text\r\n".as_bytes());
    }
    let good = postcard::to_allocvec(&term).unwrap();
    let mut rng = mux_testkit::Rng::new(15);
    let mut read = 0;
    for _ in 0..3000 {
        let mut bad = good.clone();
        for _ in 0..1 + rng.below(4) {
            let at = rng.index(bad.len());
            bad[at] = rng.byte();
        }
        if let Ok(mut t) = postcard::from_bytes::<Terminal>(&bad) {
            read += 1;
            // Whatever was read must work: draw it, feed it, resize it, read its history.
            let size = t.size();
            for row in 0..size.rows {
                let _ = t.row_formatted(row);
            }
            t.process("more 漢 output\r\n\x1b[2J\x1b[H".as_bytes());
            t.resize(Size { rows: 3, cols: 7 });
            t.resize(Size { rows: 9, cols: 30 });
            for i in 0..t.history().len() {
                let _ = t.history().formatted(i);
            }
        }
    }
    // Most damage lands in cell bytes and styles, which read fine: they are what is tried.
    assert!(read > 1000, "only {read} damaged checkpoints were read");
}

#[test]
fn the_alternate_screen_is_made_when_first_shown_at_the_size_of_that_moment() {
    let mut t = Terminal::new(Size { rows: 5, cols: 10 }, 100);
    assert!(t.engine.core.screen.alternate.is_empty());
    t.resize(Size { rows: 4, cols: 12 });
    assert!(t.engine.core.screen.alternate.is_empty());
    t.process(b"main\x1b[?1049h\x1b[Hfull screen!");
    assert_eq!(rows_of(&t), ["full screen!", "", "", ""]);
    assert_eq!(t.engine.core.screen.alternate.len(), 4);
    t.resize(Size { rows: 3, cols: 6 });
    assert_eq!(rows_of(&t), ["full s", "", ""]);
    t.process(b"\x1b[?1049l");
    assert_eq!(rows_of(&t)[0], "main");
    // Mode 47 shows what the alternate screen held, as before.
    t.process(b"\x1b[?47h");
    assert_eq!(rows_of(&t)[0], "full s");
}

/// Returns the text of every row of the visible screen.
fn rows_of(t: &Terminal) -> Vec<String> {
    (0..t.size().rows).map(|r| t.row_text(r)).collect()
}
