//! The filter through a whole terminal: strings answered or acted on, DEC graphics drawn,
//! sequences split anywhere, hostile input survived.

use crate::filter::{CLIPBOARD_CAP, STRING_CAP};
use crate::{ClipboardSet, Effects, Size, Terminal};

fn term() -> Terminal {
    Terminal::new(Size { rows: 5, cols: 20 }, 100)
}

/// Shows bytes with escapes spelled out, for readable assertions.
fn show(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

/// Feeds `bytes` to a fresh terminal and returns the replies, shown.
fn replies(bytes: &[u8]) -> String {
    show(&term().process(bytes).replies)
}

#[test]
fn xtgettcap_answers_known_capabilities_one_by_one() {
    // TN; Co; RGB; Tc; xx (unknown), upper- and lower-case hex.
    let r = replies(b"\x1bP+q544E;436f;524742;5463;7878\x1b\\");
    let want = [
        "\x1bP1+r544E=746D75782D323536636F6C6F72\x1b\\",
        "\x1bP1+r436F=323536\x1b\\",
        "\x1bP1+r524742=382F382F38\x1b\\",
        "\x1bP1+r5463\x1b\\",
        "\x1bP0+r7878\x1b\\",
    ]
    .concat();
    assert_eq!(r, show(want.as_bytes()));
    // Ms is the compiled OSC 52 string; a name that is not hex is not echoed.
    let ms = replies(b"\x1bP+q4D73\x1b\\");
    assert!(ms.starts_with(&show(b"\x1bP1+r4D73=1B5D35323B")), "{ms}");
    assert_eq!(replies(b"\x1bP+qZZ\x1b\\"), show(b"\x1bP0+r\x1b\\"));
}

#[test]
fn decrqss_reports_sgr_region_cursor_and_level() {
    let mut t = term();
    let mut ask = |bytes: &[u8]| show(&t.process(bytes).replies);
    assert_eq!(ask(b"\x1bP$qm\x1b\\"), show(b"\x1bP1$r0m\x1b\\"));
    assert_eq!(
        ask(b"\x1b[1;31m\x1bP$qm\x1b\\"),
        show(b"\x1bP1$r0;1;31m\x1b\\")
    );
    assert_eq!(ask(b"\x1bP$qr\x1b\\"), show(b"\x1bP1$r1;5r\x1b\\"));
    assert_eq!(ask(b"\x1b[2;4r\x1bP$qr\x1b\\"), show(b"\x1bP1$r2;4r\x1b\\"));
    assert_eq!(ask(b"\x1b[5 q\x1bP$q q\x1b\\"), show(b"\x1bP1$r5 q\x1b\\"));
    assert_eq!(ask(b"\x1bP$q\"p\x1b\\"), show(b"\x1bP1$r64;1\"p\x1b\\"));
    assert_eq!(ask(b"\x1bP$qx\x1b\\"), show(b"\x1bP0$r\x1b\\"));
    // A resize resets the region, as xterm does.
    t.resize(Size { rows: 6, cols: 20 });
    assert_eq!(
        show(&t.process(b"\x1bP$qr\x1b\\").replies),
        show(b"\x1bP1$r1;6r\x1b\\")
    );
}

#[test]
fn colour_queries_are_answered_with_the_same_terminator() {
    assert_eq!(
        replies(b"\x1b]11;?\x07"),
        show(b"\x1b]11;rgb:0000/0000/0000\x07")
    );
    assert_eq!(
        replies(b"\x1b]10;?\x1b\\"),
        show(b"\x1b]10;rgb:e5e5/e5e5/e5e5\x1b\\")
    );
    let mut t = term();
    t.set_default_colours(Some((1, 2, 3)), Some((250, 251, 252)), None);
    let r = t.process(b"\x1b]10;?;?;?\x07\x1b]12;?\x07").replies;
    let want = "\x1b]10;rgb:0101/0202/0303\x07\x1b]11;rgb:fafa/fbfb/fcfc\x07\
                \x1b]12;rgb:0101/0202/0303\x07\x1b]12;rgb:0101/0202/0303\x07";
    assert_eq!(show(&r), show(want.as_bytes()));
    assert_eq!(
        replies(b"\x1b]4;1;?;196;?;255;?;300;?\x07"),
        show(
            b"\x1b]4;1;rgb:cdcd/0000/0000\x07\x1b]4;196;rgb:ffff/0000/0000\x07\
              \x1b]4;255;rgb:eeee/eeee/eeee\x07"
        )
    );
}

#[test]
fn nothing_is_answered_that_would_echo_or_leak() {
    let mut t = term();
    t.process(b"\x1b]2;secret\x07");
    let fx = t.process(b"\x1b[21t\x1b]52;c;?\x07\x1bPq#0;2;0;0;0~-\x1b\\\x1bP1;2|x\x1b\\");
    assert!(fx.replies.is_empty(), "{}", show(&fx.replies));
    assert_eq!(fx.clipboard_denied, 1);
    // A query inside tmux passthrough is swallowed with the rest of it.
    let fx = t.process(b"\x1bPtmux;\x1b\x1b[6n\x1b\x1b]11;?\x07\x1b\\ok");
    assert!(fx.replies.is_empty(), "{}", show(&fx.replies));
    assert_eq!(t.row_text(0), "ok");
    // Even one too long to keep.
    let mut long = b"\x1bPtmux;\x1b\x1b]1337;File=:".to_vec();
    long.resize(STRING_CAP * 4, b'A');
    long.extend_from_slice(b"\x1b\x1b[31mB\x07\x1b\\!");
    assert!(t.process(&long).replies.is_empty());
    assert_eq!(t.row_text(0), "ok!");
}

/// A stream exercising every kind of sequence the filter handles, with text between.
const MIXED: &[u8] = b"a\x1b]2;t;i;t\x07b\x1b[2;3H\x1b[6n\x1bP+q5463\x1b\\c\x1b(0lqk\x1b(B\
    \x0e\x1b)0x\x0fd\x1b]11;?\x1b\\\x1bP$qm\x1b\\\x1b]52;c;aGk=\x07\x1b[?2026$p\x1b_apc\x1b\\\
    \x1b]7;file:///tmp/a%20b\x07\x1b[>q\x1b[=c\x1b[?1004h\x1b]8;;http://x\x1b\\e\x1b]8;;\x1b\\\
    \xe2\x94\x80\x1b[31mf\x1b[0m";

/// Returns everything observable after feeding `chunks` to a fresh terminal.
fn observe(chunks: &[&[u8]]) -> (Effects, String, String, Option<String>) {
    let mut t = term();
    let mut all = Effects::default();
    for chunk in chunks {
        let fx = t.process(chunk);
        all.replies.extend(fx.replies);
        all.title = fx.title.or(all.title);
        all.clipboard.extend(fx.clipboard);
        all.cwd_changed |= fx.cwd_changed;
    }
    let screen = (0..5)
        .map(|r| t.row_formatted(r))
        .collect::<Vec<_>>()
        .join("\n");
    let cursor = format!("{:?} {:?}", t.cursor(), t.modes());
    (all, screen, cursor, t.cwd().map(str::to_string))
}

#[test]
fn splitting_the_stream_anywhere_changes_nothing() {
    let whole = observe(&[MIXED]);
    assert_eq!(whole.0.title.as_deref(), Some("t;i;t"));
    assert_eq!(whole.0.clipboard.len(), 1);
    assert_eq!(whole.3.as_deref(), Some("/tmp/a b"));
    assert!(!whole.0.replies.is_empty());
    for at in 0..=MIXED.len() {
        let (a, b) = MIXED.split_at(at);
        assert_eq!(observe(&[a, b]), whole, "split at {at}");
    }
    let bytes: Vec<&[u8]> = MIXED.chunks(1).collect();
    assert_eq!(observe(&bytes), whole, "byte by byte");
}

#[test]
fn replies_come_in_stream_order_with_the_cursor_of_their_moment() {
    let mut t = term();
    let r = t.process(b"\x1b[3;4H\x1b[6n\x1bP$qr\x1b\\\x1b[5;6H\x1b[6n\x1b]11;?\x07\x1b[c");
    let want = "\x1b[3;4R\x1bP1$r1;5r\x1b\\\x1b[5;6R\x1b]11;rgb:0000/0000/0000\x07\x1b[?1;2c";
    assert_eq!(show(&r.replies), show(want.as_bytes()));
}

#[test]
fn dec_special_graphics_draw_lines() {
    let mut t = term();
    t.process(b"\x1b(0lqqk\r\nx  x\r\nmqqj\x1b(B q");
    assert_eq!(t.row_text(0), "┌──┐");
    assert_eq!(t.row_text(1), "│  │");
    assert_eq!(t.row_text(2), "└──┘ q");
    // G1 via SO and SI; sequences and strings are never rewritten.
    let mut t = term();
    t.process(b"\x1b)0a\x0eq\x1b[?25lq\x1b]2;qq\x07\x0fq");
    assert_eq!(t.row_text(0), "a──q");
    assert!(!t.cursor().visible);
    assert_eq!(t.title(), "qq");
    // A full reset goes back to ASCII; DECSC and DECRC save and restore the sets.
    let mut t = term();
    t.process(b"\x1b(0\x1bcq\x1b7\x1b(0q\x1b8\x1b[3Gq");
    assert_eq!(t.row_text(0), "q─q");
}

#[test]
fn clipboard_writes_are_reported_and_capped() {
    let mut t = term();
    let fx = t.process(b"\x1b]52;c;aGVsbG8=\x07\x1b]52;;eA==\x1b\\");
    let set = |s: &str, d: &str| ClipboardSet {
        selection: s.into(),
        data_base64: d.into(),
    };
    assert_eq!(fx.clipboard, vec![set("c", "aGVsbG8="), set("", "eA==")]);
    assert!(fx.replies.is_empty());
    // Not base64: ignored.
    assert!(t.process(b"\x1b]52;c;a b\x07").clipboard.is_empty());
    let mut big = b"\x1b]52;c;".to_vec();
    big.resize(big.len() + (2 << 20), b'A');
    big.extend_from_slice(b"\x07after");
    for chunk in big.chunks(4096) {
        let fx = t.process(chunk);
        assert!(fx.clipboard.is_empty());
        assert!(t.filter_buffer_capacity() <= CLIPBOARD_CAP);
        if fx.dropped_clipboard > 0 {
            assert_eq!(fx.dropped_clipboard, 1);
        }
    }
    assert_eq!(t.row_text(0), "after");
    // One just under the cap goes through.
    let mut ok = b"\x1b]52;c;".to_vec();
    ok.resize(CLIPBOARD_CAP, b'A');
    ok.push(0x07);
    assert_eq!(t.process(&ok).clipboard.len(), 1);
}

#[test]
fn osc_7_sets_the_working_directory() {
    let mut t = term();
    assert_eq!(t.cwd(), None);
    assert!(
        t.process(b"\x1b]7;file://host/home/me/my%20dir\x07")
            .cwd_changed
    );
    assert_eq!(t.cwd(), Some("/home/me/my dir"));
    assert!(
        !t.process(b"\x1b]7;file://host/home/me/my%20dir\x1b\\")
            .cwd_changed
    );
    // Not a file URL, or a control character in it: ignored.
    assert!(!t.process(b"\x1b]7;http://x/y\x07").cwd_changed);
    assert!(!t.process(b"\x1b]7;file://h/a%0Ab\x07").cwd_changed);
    assert_eq!(t.cwd(), Some("/home/me/my dir"));
}

#[test]
fn strings_that_are_dropped_leave_the_text_alone() {
    let mut t = term();
    t.process(b"\x1b]8;id=1;http://example.com\x1b\\link\x1b]8;;\x1b\\ \x1b_Gf=1;AAAA\x1b\\");
    t.process(b"\x1b^pm\x1b\\\x1bXsos\x1b\\\x1b]133;A\x07done");
    assert_eq!(t.row_text(0), "link done");
    // An OSC cut short by another sequence is abandoned, not applied.
    t.process(b"\x1b]2;bad\x1b[31mx\x07");
    assert_eq!(t.title(), "");
    assert_eq!(t.row_text(0), "link donex");
}

#[test]
fn long_strings_are_dropped_and_parsing_goes_on() {
    let mut t = term();
    let mut title = b"\x1b]2;".to_vec();
    title.resize(STRING_CAP + 10, b'x');
    title.extend_from_slice(b"\x07ok");
    t.process(&title);
    assert_eq!(t.title(), "");
    assert_eq!(t.row_text(0), "ok");
    let mut dcs = b"\x1bP+q".to_vec();
    dcs.resize(STRING_CAP * 3, b'5');
    dcs.extend_from_slice(b"\x1b\\!");
    assert!(t.process(&dcs).replies.is_empty());
    assert_eq!(t.row_text(0), "ok!");
    assert!(t.filter_buffer_capacity() <= STRING_CAP);
}
