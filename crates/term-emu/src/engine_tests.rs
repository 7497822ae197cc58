//! The engine's behaviours, each fed as bytes and checked on the screen, the cursor, the
//! modes or the replies.

use crate::*;

fn term(rows: u16, cols: u16) -> Terminal {
    Terminal::new(Size { rows, cols }, 100)
}

/// Returns the cursor as (row, col).
fn at(t: &Terminal) -> (u16, u16) {
    (t.cursor().pos.row, t.cursor().pos.col)
}

/// Returns the rows' text.
fn rows(t: &Terminal) -> Vec<String> {
    (0..t.size().rows).map(|r| t.row_text(r)).collect()
}

fn style(t: &Terminal, row: u16, col: u16) -> Style {
    t.cell(row, col).map(|c| c.style).unwrap_or_default()
}

#[test]
fn autowrap_waits_at_the_margin_and_can_be_turned_off() {
    let mut t = term(3, 5);
    t.process(b"abcde");
    assert_eq!(at(&t), (0, 5), "pending wrap");
    t.process(b"f");
    assert_eq!(rows(&t), ["abcde", "f", ""]);
    assert!(t.row_wrapped(0));
    t.process(b"\x1b[?7l\x1b[3;1Hvwxyz12");
    assert_eq!(t.row_text(2), "vwxy2");
    assert_eq!(at(&t), (2, 4));
    assert!(!t.modes().autowrap);
}

#[test]
fn wide_and_combining_characters() {
    let mut t = term(2, 5);
    t.process("ab漢e\u{301}".as_bytes());
    assert_eq!(t.cell(0, 4).map(|c| c.text), Some("e\u{301}"));
    // A wide character that does not fit in the last column wraps, leaving it blank.
    t.process("\x1b[H\x1b[2Jabcd漢".as_bytes());
    assert_eq!(rows(&t), ["abcd", "漢"]);
    // VS16 makes an emoji wide.
    t.process("\x1b[H\x1b[2J❤\u{fe0f}x".as_bytes());
    assert!(t.cell(0, 0).is_some_and(|c| c.wide));
    assert_eq!(t.cell(0, 2).map(|c| c.text), Some("x"));
    // Overwriting half a wide character blanks the other half.
    t.process("\x1b[H\x1b[2J漢\x1b[1;2Hz".as_bytes());
    assert_eq!(t.row_text(0), " z");
}

#[test]
fn cursor_movement_sequences() {
    let mut t = term(10, 20);
    t.process(b"\x1b[5;10H\x1b[2A\x1b[3C");
    assert_eq!(at(&t), (2, 12));
    t.process(b"\x1b[B\x1b[4D");
    assert_eq!(at(&t), (3, 8));
    t.process(b"\x1b[2E");
    assert_eq!(at(&t), (5, 0));
    t.process(b"\x1b[3F\x1b[7G");
    assert_eq!(at(&t), (2, 6));
    t.process(b"\x1b[9d\x1b[4`");
    assert_eq!(at(&t), (8, 3));
    t.process(b"\x1b[2;3f\x1b[99;99H");
    assert_eq!(at(&t), (9, 19));
    t.process(b"\rx\x08\x08y");
    assert_eq!(t.row_text(9), "y");
}

#[test]
fn erasing_keeps_only_the_background() {
    let mut t = term(3, 10);
    t.process(b"0123456789\r\nabcdefghij\r\nABCDEFGHIJ");
    t.process(b"\x1b[2;5H\x1b[1;31;44m\x1b[K");
    assert_eq!(t.row_text(1), "abcd");
    let erased = style(&t, 1, 6);
    assert_eq!(erased.bg, Color::Indexed(4));
    assert_eq!(erased.fg, Color::Default);
    assert!(!erased.attrs.contains(Attrs::BOLD));
    t.process(b"\x1b[m\x1b[1;3H\x1b[1K\x1b[3;2H\x1b[2X");
    assert_eq!(rows(&t), ["   3456789", "abcd", "A  DEFGHIJ"]);
    t.process(b"\x1b[2;1H\x1b[J");
    assert_eq!(rows(&t), ["   3456789", "", ""]);
    t.process(b"\x1b[1;5H\x1b[1J");
    assert_eq!(t.row_text(0), "     56789");
    t.process(b"\x1b[2J");
    assert_eq!(t.contents(), "");
}

#[test]
fn inserting_and_deleting_characters_and_lines() {
    let mut t = term(4, 8);
    t.process(b"abcdef\x1b[1;3H\x1b[2@");
    assert_eq!(t.row_text(0), "ab  cdef");
    t.process(b"\x1b[3P");
    assert_eq!(t.row_text(0), "abdef");
    t.process(b"\x1b[2;1H1\r\n2\r\n3\x1b[2;1H\x1b[L");
    assert_eq!(rows(&t), ["abdef", "", "1", "2"]);
    t.process(b"\x1b[2M");
    assert_eq!(rows(&t), ["abdef", "2", "", ""]);
    // IRM: printed text pushes the row right.
    t.process(b"\x1b[1;1H\x1b[4hXY\x1b[4l");
    assert_eq!(t.row_text(0), "XYabdef");
    assert!(!t.modes().insert);
    // REP repeats the last character.
    t.process(b"\x1b[4;1H-\x1b[4b");
    assert_eq!(t.row_text(3), "-----");
}

#[test]
fn scroll_regions_index_and_reverse_index() {
    let mut t = term(5, 5);
    t.process(b"1\r\n2\r\n3\r\n4\r\n5\x1b[2;4r");
    assert_eq!(at(&t), (0, 0), "DECSTBM homes the cursor");
    t.process(b"\x1b[4;1H\n");
    assert_eq!(rows(&t), ["1", "3", "4", "", "5"]);
    t.process(b"\x1b[2;1H\x1bM");
    assert_eq!(rows(&t), ["1", "", "3", "4", "5"]);
    t.process(b"\x1b[S");
    assert_eq!(rows(&t), ["1", "3", "4", "", "5"]);
    t.process(b"\x1b[T");
    assert_eq!(rows(&t), ["1", "", "3", "4", "5"]);
    // Rows scrolled out of a region that does not start at the top are not history.
    assert!(t.history().is_empty());
    t.process(b"\x1b[r\x1b[5;1H\x1bDx\x1bEy");
    assert_eq!(rows(&t), ["3", "4", "5", "x", "y"]);
    assert_eq!(t.history().text(1).as_deref(), Some(""));
}

#[test]
fn origin_mode_moves_within_the_region() {
    let mut t = term(6, 10);
    t.process(b"\x1b[3;5r\x1b[?6h\x1b[1;1Hx\x1b[9;1Hy");
    assert_eq!(t.row_text(2), "x");
    assert_eq!(t.row_text(4), "y");
    assert_eq!(t.process(b"\x1b[6n").replies, b"\x1b[3;2R");
}

#[test]
fn tab_stops_can_be_set_cleared_and_walked() {
    let mut t = term(2, 40);
    t.process(b"\tx");
    assert_eq!(at(&t), (0, 9));
    t.process(b"\x1b[2K\x1b[3g\r\x1b[4C\x1bH\x1b[10C\x1bH\r\tA\tB\tC");
    assert_eq!(t.row_text(0), format!("{:4}A{:9}B{:24}C", "", "", ""));
    t.process(b"\r\x1b[2I");
    assert_eq!(at(&t), (0, 14));
    t.process(b"\x1b[Z");
    assert_eq!(at(&t), (0, 4));
    t.process(b"\x1b[g\r\t");
    assert_eq!(at(&t), (0, 14));
    // New columns get the default stops.
    let mut t = term(2, 10);
    t.resize(Size { rows: 2, cols: 30 });
    t.process(b"\t\t\t");
    assert_eq!(at(&t), (0, 24));
}

#[test]
fn cursor_save_and_restore_in_all_forms() {
    let mut t = term(5, 10);
    t.process(b"\x1b[2;3H\x1b[31m\x1b7\x1b[m\x1b[5;5H\x1b8x");
    assert_eq!(at(&t), (1, 3));
    assert_eq!(style(&t, 1, 2).fg, Color::Indexed(1));
    t.process(b"\x1b[3;4H\x1b[s\x1b[H\x1b[u");
    assert_eq!(at(&t), (2, 3));
    t.process(b"\x1b[4;1H\x1b[?1048h\x1b[H\x1b[?1048l");
    assert_eq!(at(&t), (3, 0));
}

#[test]
fn soft_and_full_resets() {
    let mut t = term(4, 10);
    t.process(b"keep\x1b[2;3r\x1b[?7l\x1b[4h\x1b[?25l\x1b[1m\x1b[!p");
    assert!(t.modes().autowrap && !t.modes().insert && t.cursor().visible);
    assert_eq!(t.row_text(0), "keep");
    t.process(b"x");
    assert!(!style(&t, 0, 0).attrs.contains(Attrs::BOLD));
    t.process(b"\x1b[?1h\x1b=\x1bc");
    assert_eq!(t.contents(), "");
    assert!(!t.modes().application_cursor && !t.modes().application_keypad);
}

#[test]
fn every_sgr_attribute_and_colour_form() {
    let mut t = term(2, 40);
    t.process(b"\x1b[1;2;3;5;7;8;9;53ma\x1b[22;23;25;27;28;29;55mb");
    let a = style(&t, 0, 0).attrs;
    for bit in [
        Attrs::BOLD,
        Attrs::DIM,
        Attrs::ITALIC,
        Attrs::BLINK,
        Attrs::REVERSE,
        Attrs::HIDDEN,
        Attrs::STRIKE,
        Attrs::OVERLINE,
    ] {
        assert!(a.contains(bit), "{bit:?}");
    }
    assert_eq!(style(&t, 0, 1).attrs, Attrs::default());
    t.process(b"\x1b[4:3mc\x1b[21md\x1b[4:0me\x1b[4mf\x1b[24mg");
    let ul = |c| style(&t, 0, c).attrs.0 & Attrs::ANY_UNDERLINE.0;
    assert_eq!(
        [ul(2), ul(3), ul(4), ul(5), ul(6)],
        [
            Attrs::CURLY_UNDERLINE.0,
            Attrs::DOUBLE_UNDERLINE.0,
            0,
            Attrs::UNDERLINE.0,
            0
        ]
    );
    t.process(b"\x1b[38:5:10;48:2::1:2:3;58;5;9mh\x1b[38:2:4:5:6;59;39mi");
    let h = style(&t, 0, 7);
    assert_eq!((h.fg, h.bg), (Color::Indexed(10), Color::Rgb(1, 2, 3)));
    assert_eq!(h.underline_color, Color::Indexed(9));
    let i = style(&t, 0, 8);
    assert_eq!((i.fg, i.underline_color), (Color::Default, Color::Default));
    t.process(b"\x1b[38:2:4:5:6;93;104mj\x1b[0;58:2::7:8:9mk");
    assert_eq!(style(&t, 0, 9).fg, Color::Indexed(11));
    assert_eq!(style(&t, 0, 9).bg, Color::Indexed(12));
    assert_eq!(style(&t, 0, 10).underline_color, Color::Rgb(7, 8, 9));
}

#[test]
fn hyperlinks_are_kept_per_cell() {
    let mut t = term(2, 20);
    t.process(b"a\x1b]8;;https://example.com/x\x1b\\link\x1b]8;;\x1b\\b");
    assert_eq!(t.cell(0, 0).and_then(|c| c.link), None);
    assert_eq!(
        t.cell(0, 1).and_then(|c| c.link),
        Some("https://example.com/x")
    );
    assert_eq!(
        t.cell(0, 4).and_then(|c| c.link),
        Some("https://example.com/x")
    );
    assert_eq!(t.cell(0, 5).and_then(|c| c.link), None);
    // Thousands of distinct links stay bounded: unused ones are dropped.
    for i in 0..10_000 {
        t.process(format!("\x1b]8;;http://h/{i}\x07x\x1b]8;;\x07\r").as_bytes());
    }
    assert_eq!(t.cell(0, 0).and_then(|c| c.link), Some("http://h/9999"));
}

#[test]
fn reverse_video_and_alternate_scroll_are_reported() {
    let mut t = term(2, 10);
    t.process(b"x\x1b[?5h\x1b[?1007h");
    assert!(t.modes().reverse_video && t.modes().alternate_scroll);
    assert!(style(&t, 0, 0).attrs.contains(Attrs::REVERSE));
    assert_eq!(t.process(b"\x1b[?5$p").replies, b"\x1b[?5;1$y");
    t.process(b"\x1b[?5l");
    assert!(!style(&t, 0, 0).attrs.contains(Attrs::REVERSE));
}

#[test]
fn decrqm_answers_from_the_engine_state() {
    let mut t = term(3, 10);
    let mut ask = |q: &str| String::from_utf8_lossy(&t.process(q.as_bytes()).replies).into_owned();
    assert_eq!(ask("\x1b[4h\x1b[4$p"), "\x1b[4;1$y");
    assert_eq!(
        ask("\x1b[?1049h\x1b[?1049$p\x1b[?47$p"),
        "\x1b[?1049;1$y\x1b[?47;1$y"
    );
    assert_eq!(
        ask("\x1b[?1005h\x1b[?1005$p\x1b[?1006$p"),
        "\x1b[?1005;1$y\x1b[?1006;2$y"
    );
    assert_eq!(ask("\x1b[?9h\x1b[?9$p"), "\x1b[?9;1$y");
    // Alternate scroll is on by default, as in most terminals (VTE, kitty, WezTerm,
    // Alacritty): the wheel scrolls less and man.
    assert_eq!(
        ask("\x1b[?1007$p\x1b[?4242$p"),
        "\x1b[?1007;1$y\x1b[?4242;0$y"
    );
    assert_eq!(ask("\x1b[?1007l\x1b[?1007$p"), "\x1b[?1007;2$y");
}

#[test]
fn alternate_screens_save_and_restore() {
    let mut t = term(3, 10);
    t.process(b"main\x1b[2;2H\x1b[?1049h");
    assert_eq!(t.contents(), "");
    t.process(b"alt\x1b[?1049l");
    assert_eq!(t.row_text(0), "main");
    assert_eq!(at(&t), (1, 1));
    t.process(b"\x1b[?47h\x1b[Halt47\x1b[?47l\x1b[?47h");
    assert_eq!(t.row_text(0), "alt47", "mode 47 does not clear");
}

#[test]
fn a_one_by_one_terminal_survives_everything() {
    let mut t = term(1, 1);
    t.process("ab漢\u{301}\x1b[5@\x1b[5P\x1b[L\x1b[M\x1b[S\x1b[T\x1b[2J\tx\x1bM\x1bD".as_bytes());
    t.process(b"\x1b[?1049h\x1b[10;10r\x1b[5b\x1b[?1049l\x1b[5Z\x1b[5I");
    let (c, s) = (t.cursor(), t.size());
    assert!(c.pos.row < s.rows && c.pos.col <= s.cols);
    t.resize(Size { rows: 3, cols: 3 });
    t.resize(Size { rows: 1, cols: 1 });
}

#[test]
fn styles_stay_bounded_under_endless_colours() {
    let mut t = term(2, 10);
    for i in 0..100_000u32 {
        let (r, g, b) = (i & 0xff, (i >> 8) & 0xff, (i >> 16) & 0xff);
        t.process(format!("\x1b[38;2;{r};{g};{b}mx\r").as_bytes());
    }
    assert_eq!(style(&t, 0, 0).fg, Color::Rgb(0x9f, 0x86, 0x01));
    assert!(t.history().heap_bytes() < 4 << 20);
}

#[test]
fn ten_thousand_coloured_lines_of_history_fit_in_two_megabytes() {
    let mut t = Terminal::new(Size { rows: 24, cols: 80 }, 10_000);
    for i in 0..10_024u32 {
        let line = format!(
            "\x1b[1;34mdirectory{:02}\x1b[0m  \x1b[32mprogram.sh\x1b[0m  \x1b[36mlink{:04}\x1b[0m  \
             notes-{i:08}.txt  \x1b[31marchive.tar.gz\x1b[0m  README.md\r\n",
            i % 100,
            i % 10_000
        );
        t.process(line.as_bytes());
    }
    let h = t.history();
    assert_eq!(h.len(), 10_000);
    assert!(h.heap_bytes() <= 2_000_000, "{}", h.heap_bytes());
    assert!(h
        .formatted(9_999)
        .is_some_and(|f| f.contains("\x1b[0;1;34m")));
    assert!(h.text(0).is_some_and(|t| t.starts_with("directory")));
}

#[test]
fn rows_without_links_cost_the_same_after_links_were_shown() {
    // The same coloured output, once on a fresh screen and once over rows that held
    // hyperlinks (overwritten before they scroll off): the histories take the same heap.
    let fill = |t: &mut Terminal| {
        for i in 0..2_024u32 {
            let line = format!(
                "\x1b[1;34mdirectory{:02}\x1b[0m  \x1b[32mprogram.sh\x1b[0m  link{i:04}  \
                 \x1b[31marchive.tar.gz\x1b[0m  README.md\r\n",
                i % 100
            );
            t.process(line.as_bytes());
        }
    };
    let mut plain = Terminal::new(Size { rows: 24, cols: 80 }, 2_000);
    let mut relinked = Terminal::new(Size { rows: 24, cols: 80 }, 2_000);
    for row in 1..=24 {
        let line = format!("\x1b[{row};1H\x1b]8;;https://e.com/{row}\x1b\\a link\x1b]8;;\x1b\\");
        relinked.process(line.as_bytes());
    }
    relinked.process(b"\x1b[H");
    fill(&mut plain);
    fill(&mut relinked);
    let (p, r) = (plain.history(), relinked.history());
    assert_eq!(p.len(), 2_000);
    assert_eq!(p.text(0), r.text(0));
    assert!((0..r.len()).all(|i| r.clusters(i).all(|c| c.link == 0)));
    assert_eq!(p.heap_bytes(), r.heap_bytes());
    // Each row is its text and four bytes per style change, nothing for links.
    let expected: usize = (0..p.len())
        .map(|i| {
            let mut style = 0;
            let changes = p.clusters(i).filter(|c| {
                let changed = c.style != style;
                style = c.style;
                changed
            });
            p.text(i).map_or(0, |t| t.len()) + 4 * changes.count()
        })
        .sum();
    assert_eq!(p.stored_bytes(), expected);
    assert_eq!(r.stored_bytes(), expected);
}

#[test]
fn cells_are_compact() {
    assert!(std::mem::size_of::<crate::grid::Cell>() <= 12);
}

#[test]
fn wide_text_in_the_history_costs_its_bytes() {
    let mut t = Terminal::new(Size { rows: 5, cols: 40 }, 1000);
    for _ in 0..2000 {
        t.process("漢字かなカナ한국어 e\u{301} ❤\u{fe0f} 中文\r\n".as_bytes());
    }
    let h = t.history();
    assert_eq!(h.len(), 1000);
    assert_eq!(
        h.text(0).as_deref(),
        Some("漢字かなカナ한국어 e\u{301} ❤\u{fe0f} 中文")
    );
    // About 50 bytes of text and 16 of bookkeeping a row, in 64 KB chunks.
    assert!(h.heap_bytes() < 200_000, "{}", h.heap_bytes());
}

#[test]
fn deleting_characters_leaves_blanks_at_the_right_edge() {
    let mut t = term(2, 10);
    t.process(b"abc\r\x1b[P");
    assert_eq!(t.row_formatted(0), "bc");
    assert_eq!(t.cell(0, 9).map(|c| c.text), Some(""));
    t.process(b"\x1b[41m\x1b[P");
    assert_eq!(t.row_text(0), "c");
    assert_eq!(
        style(&t, 0, 9).bg,
        Color::Indexed(1),
        "DCH fills with the pen's background"
    );
}

#[test]
fn new_line_mode_returns_the_carriage_on_line_feed() {
    let mut t = term(3, 10);
    t.process(b"ab\ncd");
    assert_eq!(rows(&t), ["ab", "  cd", ""]);
    let fx = t.process(b"\x1b[20h\x1b[20$p\nef");
    assert_eq!(rows(&t), ["ab", "  cd", "ef"]);
    assert_eq!(fx.replies, b"\x1b[20;1$y");
    t.process(b"\x1b[20l\x1b[Hx\ny");
    assert_eq!(rows(&t), ["xb", " ycd", "ef"]);
}
