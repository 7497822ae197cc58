//! The filter under random and hostile input: it never panics, keeps its buffers within
//! their caps, gives the same result however the input is split, and changes nothing the
//! engine would have drawn from input it has no business with.

// Test sizes are small numbers drawn from a seeded generator; nothing here is truncated.
#![allow(clippy::cast_possible_truncation)]

use mux_testkit::Rng;

use crate::filter::CLIPBOARD_CAP;
use crate::{Size, Terminal};

/// Returns a chunk of random bytes, biased towards escape-sequence bytes.
fn hostile_chunk(rng: &mut Rng) -> Vec<u8> {
    const INTERESTING: &[u8] = b"\x1b\x07\x18\x0e\x0f[]P\\_^X;?$+q0(B)c";
    (0..rng.below(512))
        .map(|_| {
            if rng.below(3) == 0 {
                rng.pick(INTERESTING)
            } else {
                rng.byte()
            }
        })
        .collect()
}

#[test]
fn hostile_input_never_panics_and_stays_bounded() {
    let mut t = Terminal::new(Size { rows: 5, cols: 20 }, 100);
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let mut fed = 0;
    let mut round = 0u32;
    while fed < 1 << 20 {
        let chunk = hostile_chunk(&mut rng);
        fed += chunk.len();
        t.process(&chunk);
        round += 1;
        if round % 50 == 49 {
            t.resize(Size {
                rows: rng.below(9) as u16,
                cols: rng.below(30) as u16,
            });
        }
        if round % 300 == 299 && round < 900 {
            // Ten MiB of an unterminated string, in read-sized pieces.
            let start: &[u8] = [&b"\x1bP+q"[..], b"\x1b]52;c;", b"\x1b]2;"][round as usize % 3];
            t.process(start);
            let filler = vec![b'A'; 1 << 16];
            for _ in 0..160 {
                t.process(&filler);
                assert!(t.filter_buffer_capacity() <= CLIPBOARD_CAP);
            }
        }
        let (c, s) = (t.cursor(), t.size());
        assert!(c.pos.row < s.rows && c.pos.col <= s.cols, "{c:?} {s:?}");
        assert!(t.filter_buffer_capacity() <= CLIPBOARD_CAP);
    }
    // The terminal still works afterwards.
    t.resize(Size { rows: 5, cols: 20 });
    t.process(b"\x18\x1b\\\x1bc\x1b[H\x1b[2Jfine");
    assert_eq!(t.row_text(0), "fine");
}

/// Returns random bytes from an alphabet with controls, CSI and escape bytes but none of
/// the string introducers or character-set designations the filter acts on. (Modes 1047 and
/// 1048, which term-emu emulates, could in principle come up; with this seed they do not.)
fn plain_chunk(rng: &mut Rng, len: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"\x1b\x1b\x1b[[[;;??$>=! 0123456789abcdhlmnqrstuHJKABCDLMPXST\
        @`~\x07\x08\t\n\r\x7f\x18\x1a\xc3\xa9\xe6\xbc\xa2";
    (0..len)
        .map(|_| rng.pick(ALPHABET))
        .filter(|b| !matches!(b, b'P' | b'X'))
        .collect()
}

#[test]
fn input_without_strings_or_charsets_renders_as_without_the_filter() {
    let mut rng = Rng::new(0x1234_5678_9abc_def1);
    for _ in 0..40 {
        let input = plain_chunk(&mut rng, 3000);
        let mut ours = Terminal::new(Size { rows: 6, cols: 15 }, 0);
        let mut plain = Terminal::new(Size { rows: 6, cols: 15 }, 0);
        for chunk in input.chunks(7) {
            ours.process(chunk);
            plain.process_unfiltered(chunk);
        }
        assert_eq!(ours.cursor(), plain.cursor());
        for r in 0..6 {
            for c in 0..15 {
                assert_eq!(ours.cell(r, c), plain.cell(r, c), "at {r},{c}");
            }
        }
    }
}

/// Returns output shaped like a colourful flood: words, spaces, line ends and SGR sequences
/// (some too long, with sub-parameters or private markers for the fast path), with the odd
/// UTF-8 character, control, DEL, mode change or cursor move between them.
fn sgr_flood(rng: &mut Rng, pieces: usize) -> Vec<u8> {
    const PIECES: &[&str] = &[
        "word",
        " ",
        "\r\n",
        "\n",
        "\r",
        "\x1b[0m",
        "\x1b[m",
        "\x1b[;1m",
        "\x1b[1;31m",
        "\x1b[38;5;208m",
        "\x1b[48;2;10;20;30m",
        "\x1b[38:2::1:2:3m",
        "\x1b[4:3m",
        "\x1b[99999m",
        "\x1b[?1m",
        "\x1b[1;2;3;4;5;6;7;8;9;0;1;2;3;4;5;6;7;31m",
        "\x1b[7m",
        "é",
        "漢",
        "\x7f",
        "\t",
        "\x08",
        "\x07",
        "\x1b[4h",
        "\x1b[4l",
        "\x1b[?7l",
        "\x1b[?7h",
        "\x1b[2;5H",
        "\x1b[K",
        "\x1b[2@",
        "\x1b[3b",
    ];
    let mut out = Vec::new();
    for _ in 0..pieces {
        match rng.below(4) {
            0 => out.push(0xe6),
            _ => out.extend_from_slice(rng.pick(PIECES).as_bytes()),
        }
    }
    out
}

#[test]
fn the_fast_paths_draw_what_the_parser_alone_draws() {
    let mut rng = Rng::new(0x5eed_f00d_0123_4567);
    for _ in 0..60 {
        let input = sgr_flood(&mut rng, 2000);
        let (rows, cols) = (rng.range(1..=7) as u16, rng.range(1..=30) as u16);
        let mut ours = Terminal::new(Size { rows, cols }, 20);
        let mut plain = Terminal::new(Size { rows, cols }, 20);
        let mut at = 0;
        while at < input.len() {
            let end = (at + rng.range(1..=300) as usize).min(input.len());
            ours.process(&input[at..end]);
            plain.process_unfiltered(&input[at..end]);
            at = end;
        }
        assert_eq!(ours.cursor(), plain.cursor());
        for r in 0..rows {
            assert_eq!(ours.row_formatted(r), plain.row_formatted(r), "row {r}");
            for c in 0..cols {
                assert_eq!(ours.cell(r, c), plain.cell(r, c), "at {r},{c}");
            }
        }
        let (a, b) = (ours.history(), plain.history());
        assert_eq!(a.len(), b.len());
        for i in 0..a.len() {
            assert_eq!(a.formatted(i), b.formatted(i), "history row {i}");
        }
    }
}

#[test]
fn random_input_split_randomly_gives_the_same_result() {
    let mut rng = Rng::new(0x0bad_cafe_f00d_d00d);
    for _ in 0..30 {
        // ASCII only: vte treats invalid UTF-8 differently depending on the split.
        let input: Vec<u8> = (0..8)
            .flat_map(|_| hostile_chunk(&mut rng))
            .map(|b| b & 0x7f)
            .collect();
        let observe = |pieces: &mut dyn Iterator<Item = &[u8]>| {
            let mut t = Terminal::new(Size { rows: 4, cols: 12 }, 10);
            let mut replies = Vec::new();
            let mut clipboard = Vec::new();
            for piece in pieces {
                let fx = t.process(piece);
                replies.extend(fx.replies);
                clipboard.extend(fx.clipboard);
            }
            let rows: Vec<String> = (0..4).map(|r| t.row_formatted(r)).collect();
            (replies, clipboard, rows, t.title().to_string(), t.cursor())
        };
        let whole = observe(&mut std::iter::once(&input[..]));
        let mut cuts = Vec::new();
        let mut at = 0;
        while at < input.len() {
            let len = rng.range(1..=9) as usize;
            cuts.push(&input[at..(at + len).min(input.len())]);
            at += len;
        }
        assert_eq!(observe(&mut cuts.into_iter()), whole);
    }
}

#[test]
fn the_word_at_a_time_search_finds_the_first_shift_or_escape() {
    let mut rng = Rng::new(77);
    for _ in 0..2000 {
        let len = rng.below(40);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(16) {
                0 => 0x1b,
                1 => 0x0e,
                2 => 0x0f,
                _ => rng.byte(),
            })
            .collect();
        let want = bytes.iter().position(|&b| matches!(b, 0x0e | 0x0f | 0x1b));
        assert_eq!(super::scan::find_shift_or_escape(&bytes), want, "{bytes:?}");
    }
}
