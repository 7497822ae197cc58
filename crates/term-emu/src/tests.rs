//! Bytes in, screen and replies out.

// Test sizes are small numbers drawn from a seeded generator; nothing here is truncated.
#![allow(clippy::cast_possible_truncation)]

use crate::*;

fn term(rows: u16, cols: u16) -> Terminal {
    Terminal::new(Size { rows, cols }, 100)
}

fn key(code: KeyCode, mods: Mods) -> Key {
    Key { code, mods }
}

#[test]
fn text_lands_on_the_screen_with_its_colours() {
    let mut t = term(5, 20);
    t.process(b"hi \x1b[1;31mred\x1b[0m \x1b[38;5;200mx\x1b[48;2;1;2;3my");
    assert_eq!(t.row_text(0), "hi red xy");
    let red = t.cell(0, 3).expect("cell");
    assert_eq!(red.text, "r");
    assert_eq!(red.style.fg, Color::Indexed(1));
    assert!(red.style.attrs.contains(Attrs::BOLD));
    assert_eq!(t.cell(0, 7).map(|c| c.style.fg), Some(Color::Indexed(200)));
    assert_eq!(t.cell(0, 8).map(|c| c.style.bg), Some(Color::Rgb(1, 2, 3)));
    assert_eq!(t.cursor().pos.col, 9);
    assert!(t.cell(5, 0).is_none());
}

#[test]
fn wide_characters_take_two_cells() {
    let mut t = term(2, 10);
    t.process("a漢b".as_bytes());
    let wide = t.cell(0, 1).expect("cell");
    assert!(wide.wide);
    assert_eq!(wide.text, "漢");
    assert!(t.cell(0, 2).expect("cell").wide_continuation);
    assert_eq!(t.cell(0, 3).expect("cell").text, "b");
}

#[test]
fn device_attributes_and_status_reports_are_answered() {
    let mut t = term(10, 40);
    assert_eq!(t.process(b"\x1b[c").replies, b"\x1b[?1;2c");
    assert_eq!(t.process(b"\x1b[0c").replies, b"\x1b[?1;2c");
    assert_eq!(t.process(b"\x1b[>c").replies, b"\x1b[>84;0;0c");
    assert_eq!(t.process(b"\x1b[5n").replies, b"\x1b[0n");
    assert_eq!(t.process(b"\x1b[3;7H\x1b[6n").replies, b"\x1b[3;7R");
    assert_eq!(t.process(b"\x1b[?6n").replies, b"\x1b[?3;7R");
    // A query split across two reads is still answered once.
    assert!(t.process(b"\x1b[").replies.is_empty());
    assert_eq!(t.process(b"6n").replies, b"\x1b[3;7R");
    assert!(t.process(b"plain text").replies.is_empty());
}

#[test]
fn esc_k_names_the_window_and_prints_nothing() {
    let mut t = term(2, 20);
    let fx = t.process(b"a\x1bkvim\x1b\\b");
    assert_eq!(fx.name.as_deref(), Some("vim"));
    assert_eq!(t.row_text(0).trim_end(), "ab");
    // Split across writes, ended by BEL, and empty (back to automatic renaming).
    assert_eq!(t.process(b"\x1bkto").name, None);
    assert_eq!(t.process(b"p\x07").name.as_deref(), Some("top"));
    assert_eq!(t.process(b"\x1bk\x1b\\").name.as_deref(), Some(""));
    assert_eq!(t.row_text(0).trim_end(), "ab");
}

#[test]
fn tmux_passthrough_is_handed_over_with_its_escapes_undoubled() {
    let mut t = term(2, 20);
    let fx = t.process(b"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\x");
    assert_eq!(fx.passthrough, vec![b"\x1b]52;c;aGk=\x07".to_vec()]);
    assert_eq!(t.row_text(0).trim_end(), "x");
    // Other DCS strings are not passed through.
    assert!(t.process(b"\x1bP+q544e\x1b\\").passthrough.is_empty());
}

#[test]
fn titles_come_from_osc_0_and_2_and_keep_semicolons() {
    let mut t = term(2, 10);
    let fx = t.process(b"\x1b]2;my title\x07");
    assert_eq!(fx.title.as_deref(), Some("my title"));
    assert_eq!(t.title(), "my title");
    t.process(b"\x1b]0;a;b;c\x1b\\");
    assert_eq!(t.title(), "a;b;c");
    // Setting the same title again is not a change.
    assert_eq!(t.process(b"\x1b]2;a;b;c\x07").title, None);
    t.process(b"\x1b]2;bad\x1b[31mx\x07");
    assert!(!t.title().contains('\x1b'));
}

#[test]
fn bells_are_counted() {
    let mut t = term(2, 10);
    assert_eq!(t.process(b"a\x07b\x07").bells, 2);
    assert_eq!(t.process(b"c").bells, 0);
    // BEL ending an OSC is not a bell.
    assert_eq!(t.process(b"\x1b]2;x\x07").bells, 0);
}

#[test]
fn cursor_keys_follow_application_mode() {
    let mut t = term(2, 10);
    assert_eq!(t.encode_key(key(KeyCode::Up, Mods::NONE)), b"\x1b[A");
    t.process(b"\x1b[?1h");
    assert!(t.modes().application_cursor);
    assert_eq!(t.encode_key(key(KeyCode::Up, Mods::NONE)), b"\x1bOA");
    assert_eq!(t.encode_key(key(KeyCode::Left, Mods::CTRL)), b"\x1b[1;5D");
    t.process(b"\x1b[?1l");
    assert_eq!(t.encode_key(key(KeyCode::Right, Mods::NONE)), b"\x1b[C");
}

#[test]
fn function_control_and_alt_keys() {
    let t = term(2, 10);
    let enc = |code, mods| t.encode_key(key(code, mods));
    assert_eq!(enc(KeyCode::F(1), Mods::NONE), b"\x1bOP");
    assert_eq!(enc(KeyCode::F(5), Mods::NONE), b"\x1b[15~");
    assert_eq!(enc(KeyCode::F(12), Mods::SHIFT), b"\x1b[24;2~");
    assert_eq!(enc(KeyCode::Char('c'), Mods::CTRL), b"\x03");
    assert_eq!(enc(KeyCode::Char('x'), Mods::ALT), b"\x1bx");
    assert_eq!(enc(KeyCode::Char('a'), Mods(6)), b"\x1b\x01");
    assert_eq!(enc(KeyCode::Char('é'), Mods::NONE), "é".as_bytes());
    assert_eq!(enc(KeyCode::Enter, Mods::NONE), b"\r");
    assert_eq!(enc(KeyCode::Backspace, Mods::NONE), b"\x7f");
    assert_eq!(enc(KeyCode::Delete, Mods::NONE), b"\x1b[3~");
    assert_eq!(enc(KeyCode::PageUp, Mods::ALT), b"\x1b[5;3~");
    assert_eq!(enc(KeyCode::BackTab, Mods::SHIFT), b"\x1b[Z");
}

#[test]
fn pastes_are_bracketed_only_when_asked_and_cannot_break_out() {
    let mut t = term(2, 10);
    assert_eq!(t.encode_paste("a\nb"), b"a\rb");
    t.process(b"\x1b[?2004h");
    assert_eq!(
        t.encode_paste("x\x1b[201~rm -rf /\n"),
        b"\x1b[200~xrm -rf /\r\x1b[201~"
    );
}

#[test]
fn focus_is_reported_only_under_mode_1004() {
    let mut t = term(2, 10);
    assert!(t.encode_focus(true).is_empty());
    t.process(b"\x1b[?1004h");
    assert_eq!(t.encode_focus(true), b"\x1b[I");
    assert_eq!(t.encode_focus(false), b"\x1b[O");
    t.process(b"\x1b[?1004l");
    assert!(t.encode_focus(false).is_empty());
}

#[test]
fn hidden_cursor_and_shape_are_visible_to_callers() {
    let mut t = term(2, 10);
    assert!(t.cursor().visible);
    t.process(b"\x1b[?25l\x1b[5 q");
    assert!(!t.cursor().visible);
    assert_eq!(t.cursor().shape, 5);
}

#[test]
fn rows_leaving_the_top_go_to_the_history() {
    let mut t = term(3, 10);
    for i in 0..10 {
        t.process(format!("\x1b[32mline {i}\x1b[m\r\n").as_bytes());
    }
    let h = t.history();
    assert_eq!(h.len(), 8);
    assert_eq!(h.text(0).as_deref(), Some("line 0"));
    assert_eq!(h.text(7).as_deref(), Some("line 7"));
    assert!(h.formatted(0).is_some_and(|f| f.contains("\x1b[")));
    assert_eq!(t.row_text(0), "line 8");
    t.clear_history();
    assert!(t.history().is_empty());
}

#[test]
fn wrapped_rows_are_marked_in_the_history() {
    let mut t = term(2, 4);
    t.process(b"abcdefgh\r\nx\r\ny\r\n");
    let h = t.history();
    assert_eq!(h.text(0).as_deref(), Some("abcd"));
    assert!(h.wrapped(0));
    assert!(!h.wrapped(1));
}

#[test]
fn the_alternate_screen_keeps_no_history() {
    let mut t = term(2, 10);
    t.process(b"\x1b[?1049h");
    assert!(t.modes().alternate_screen);
    for _ in 0..5 {
        t.process(b"x\r\n");
    }
    assert!(t.history().is_empty());
}

#[test]
fn resizing_keeps_rows_and_accepts_zero() {
    let mut t = term(5, 10);
    t.process(b"one\r\ntwo\r\nthree");
    t.resize(Size { rows: 2, cols: 20 });
    assert_eq!(t.size(), Size { rows: 2, cols: 20 });
    assert_eq!(t.row_text(1), "three");
    t.resize(Size { rows: 0, cols: 0 });
    assert_eq!(t.size(), Size { rows: 1, cols: 1 });
    t.process(b"\x1b[6n");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut t = term(3, 5);
    let mut rng = mux_testkit::Rng::new(0x2545_f491);
    for round in 0..2000 {
        t.process(&rng.bytes(64));
        if round % 97 == 0 {
            t.resize(Size {
                rows: rng.below(7) as u16,
                cols: rng.below(11) as u16,
            });
        }
        let c = t.cursor();
        let s = t.size();
        assert!(c.pos.row < s.rows && c.pos.col <= s.cols);
    }
}

/// Feeds `bytes` and returns the replies with escapes spelled out.
fn ask(t: &mut Terminal, bytes: &[u8]) -> String {
    t.process(bytes).replies.escape_ascii().to_string()
}

/// Spells out escapes, to compare with [`ask`].
fn show(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

#[test]
fn identification_and_size_queries_are_answered() {
    let mut t = term(24, 80);
    assert_eq!(ask(&mut t, b"\x1b[=c"), show(b"\x1bP!|00000000\x1b\\"));
    let version = format!("\x1bP>|mux {}\x1b\\", env!("CARGO_PKG_VERSION"));
    assert_eq!(ask(&mut t, b"\x1b[>q"), show(version.as_bytes()));
    assert_eq!(ask(&mut t, b"\x1b[>0q"), show(version.as_bytes()));
    assert_eq!(ask(&mut t, b"\x1b[14t"), show(b"\x1b[4;384;640t"));
    assert_eq!(ask(&mut t, b"\x1b[16t"), show(b"\x1b[6;16;8t"));
    assert_eq!(ask(&mut t, b"\x1b[18t"), show(b"\x1b[8;24;80t"));
    assert_eq!(ask(&mut t, b"\x1b[?u"), show(b"\x1b[?0u"));
    // The title report would echo program-supplied text: never answered.
    t.process(b"\x1b]2;\x1b[6n\x07");
    assert_eq!(ask(&mut t, b"\x1b[21t\x1b[20t"), "");
}

#[test]
fn decrqm_reports_the_modes_in_force() {
    let mut t = term(5, 20);
    let mode = |t: &mut Terminal, m: u16| ask(t, format!("\x1b[?{m}$p").as_bytes());
    assert_eq!(mode(&mut t, 2004), show(b"\x1b[?2004;2$y"));
    assert_eq!(mode(&mut t, 25), show(b"\x1b[?25;1$y"));
    assert_eq!(mode(&mut t, 7), show(b"\x1b[?7;1$y"));
    assert_eq!(mode(&mut t, 12345), show(b"\x1b[?12345;0$y"));
    t.process(b"\x1b[?2004h\x1b[?1002h\x1b[?1006h\x1b[?1004h\x1b[?7l\x1b[?6h\x1b[?1h");
    for m in [2004, 1002, 1006, 1004, 6, 1] {
        assert_eq!(mode(&mut t, m), show(format!("\x1b[?{m};1$y").as_bytes()));
    }
    assert_eq!(mode(&mut t, 1000), show(b"\x1b[?1000;2$y"));
    assert_eq!(mode(&mut t, 7), show(b"\x1b[?7;2$y"));
    t.process(b"\x1b[?1049h");
    assert_eq!(mode(&mut t, 1049), show(b"\x1b[?1049;1$y"));
    assert_eq!(mode(&mut t, 6), show(b"\x1b[?6;2$y"));
    // The answer reflects the mode at the moment of the query, even within one read.
    assert_eq!(
        ask(&mut t, b"\x1b[?1004$p\x1b[?1004l\x1b[?1004$p"),
        show(b"\x1b[?1004;1$y\x1b[?1004;2$y")
    );
    assert_eq!(
        ask(&mut t, b"\x1b[4$p\x1b[20$p\x1b[12$p"),
        show(b"\x1b[4;2$y\x1b[20;2$y\x1b[12;0$y")
    );
    // A full reset forgets the tracked modes.
    t.process(b"\x1bc");
    assert_eq!(mode(&mut t, 7), show(b"\x1b[?7;1$y"));
}

#[test]
fn synchronized_output_is_tracked() {
    let mut t = term(5, 20);
    assert!(!t.synchronized());
    assert_eq!(
        ask(&mut t, b"\x1b[?2026h\x1b[?2026$p"),
        show(b"\x1b[?2026;1$y")
    );
    assert!(t.synchronized());
    assert_eq!(
        ask(&mut t, b"\x1b[?2026l\x1b[?2026$p"),
        show(b"\x1b[?2026;2$y")
    );
    assert!(!t.synchronized());
}

#[test]
fn modes_1047_and_1048_are_carried_out() {
    let mut t = term(3, 10);
    t.process(b"main\x1b[?1047h");
    assert!(t.modes().alternate_screen);
    t.process(b"\x1b[Halt");
    assert_eq!(t.row_text(0), "alt");
    t.process(b"\x1b[?1047l");
    assert!(!t.modes().alternate_screen);
    assert_eq!(t.row_text(0), "main");
    // The alternate screen was cleared on the way out.
    t.process(b"\x1b[?47h");
    assert_eq!(t.row_text(0), "");
    t.process(b"\x1b[?47l\x1b[2;3H\x1b[?1048h\x1b[H\x1b[?1048l");
    assert_eq!((t.cursor().pos.row, t.cursor().pos.col), (1, 2));
}

/// A row whose generation did not move since a snapshot shows what it showed then: the
/// server redraws only rows whose generation moved, so a change that does not move it
/// would never reach a client.
#[test]
fn a_row_that_changed_always_has_a_newer_generation() {
    use mux_testkit::Rng;
    let pieces: &[&str] = &[
        "abc",
        "\r\n",
        "\x1b[2J",
        "\x1b[H",
        "\x1b[5;3H",
        "\x1b[K",
        "\x1b[1K",
        "\x1b[2K",
        "\x1b[J",
        "\x1b[1J",
        "\x1b[L",
        "\x1b[M",
        "\x1b[P",
        "\x1b[@",
        "\x1b[X",
        "\x1b[S",
        "\x1b[T",
        "\x1b[3;8r",
        "\x1b[r",
        "\x1bM",
        "\x1bD",
        "\x1bE",
        "\x1b#8",
        "\x1b[?1049h",
        "\x1b[?1049l",
        "\x1b[?47h",
        "\x1b[?5h",
        "\x1b[?5l",
        "\x1bc",
        "\u{4e2d}",
        "e\u{301}",
        "\x1b[31mred\x1b[m",
        "\t",
        "\x08",
        "\x1b[4h",
        "\x1b[4l",
        "\x1b[b",
        "\x1b[10G",
        "\x1b]8;;http://x\x07link\x1b]8;;\x07",
        "0123456789012345678901234567890",
    ];
    let mut rng = Rng::new(0x6e6e_7261_7469_6f6e);
    for _ in 0..50 {
        let mut t = Terminal::new(Size { rows: 8, cols: 20 }, 10);
        for _ in 0..200 {
            let snapshot: Vec<(u64, Vec<String>)> = (0..8)
                .map(|r| {
                    let cells = (0..20)
                        .map(|c| {
                            t.cell(r, c)
                                .map(|x| format!("{}{:?}{}", x.text, x.style, x.wide))
                                .unwrap_or_default()
                        })
                        .collect();
                    (t.row_generation(r), cells)
                })
                .collect();
            if rng.chance(0.05) {
                let rows = u16::try_from(rng.range(1..=10)).unwrap();
                let cols = u16::try_from(rng.range(1..=30)).unwrap();
                t.resize(Size { rows, cols });
                t.resize(Size { rows: 8, cols: 20 });
            }
            t.process(rng.pick(pieces).as_bytes());
            for (r, (gen, cells)) in snapshot.iter().enumerate() {
                let r = u16::try_from(r).unwrap();
                if t.row_generation(r) == *gen {
                    let now: Vec<String> = (0..20)
                        .map(|c| {
                            t.cell(r, c)
                                .map(|x| format!("{}{:?}{}", x.text, x.style, x.wide))
                                .unwrap_or_default()
                        })
                        .collect();
                    assert_eq!(&now, cells, "row {r} changed without a new generation");
                }
            }
        }
    }
}
