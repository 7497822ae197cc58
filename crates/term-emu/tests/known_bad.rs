//! The known-bad corpus (sequences that crashed or bloated other terminals and
//! multiplexers), each followed by `OK`: term-emu must not panic, must show `OK` after every
//! case, and must keep its history bounded, at ordinary and degenerate sizes.

use mux_term_emu::{Size, Terminal};

/// The cases: malformed SGR, overlong parameters, huge counts and coordinates, unterminated
/// strings over a megabyte, invalid UTF-8, and wide or combining text where it cannot fit.
fn corpus() -> Vec<Vec<u8>> {
    let mut cases: Vec<Vec<u8>> = vec![
        b"\x1b[38::::::::::::::::::::::m".to_vec(),
        b"\x1b[38:2::::::::::::::::::::m".to_vec(),
        [b"\x1b[".to_vec(), vec![b'1'; 80], b"m".to_vec()].concat(),
        [b"\x1b[".to_vec(), b"1;".repeat(5000), b"H".to_vec()].concat(),
        b"\x1b[99999999T".to_vec(),
        b"\x1b[99999999S".to_vec(),
        b"\x1b[99999999L\x1b[99999999M\x1b[99999999@\x1b[99999999P".to_vec(),
        b"\x1b[65535;65535H".to_vec(),
        b"\x1b[4294967296;4294967296r".to_vec(),
        b"x\x1b[99999999b".to_vec(),
        b"\x1b[99999999X\x1b[99999999I\x1b[99999999Z".to_vec(),
        b"\xf0\x80\x80\x80".to_vec(),
        b"\xed\xa0\x80".to_vec(),
        b"\xff\xfe\xc0\xaf".to_vec(),
        "\x1b[999C漢\u{301}\u{301}\u{301}".as_bytes().to_vec(),
        "漢字\u{fe0f}❤\u{fe0f}\u{200d}🔥".as_bytes().to_vec(),
        b"\x1b#8\x1b[?1049h\x1b#8\x1b[?1049l".to_vec(),
        b"\x1b[?1047h\x1b[?1048h\x1b[?1047l\x1b[?1048l\x1b[?6h\x1b[99;99r\x1b[H".to_vec(),
        b"\x1b]8;;"
            .iter()
            .chain(vec![b'u'; 100_000].iter())
            .copied()
            .collect(),
    ];
    for intro in [
        b"\x1b]0;".as_slice(),
        b"\x1bP",
        b"\x1b_",
        b"\x1b^",
        b"\x1bX",
    ] {
        let mut s = intro.to_vec();
        s.extend(std::iter::repeat_n(b'A', 1_100_000));
        cases.push(s);
    }
    cases
}

/// Feeds every case followed by `\x1b\\\x18\r\nOK` (a string terminator and a CAN, so an
/// unterminated case ends) and checks that `OK` shows on the cursor's row.
fn check(size: Size) {
    let mut t = Terminal::new(size, 100);
    for (i, case) in corpus().iter().enumerate() {
        t.process(case);
        t.process(b"\x1b\\\x18\x1b[0m\x1b[r\x1b[?6l\x1b[?7h\r\nOK");
        let row = t.cursor().pos.row;
        let text = t.row_text(row);
        let ok = if size.cols >= 2 { "OK" } else { "K" };
        assert!(
            text.contains(ok),
            "case {i} at {size:?}: row {row} is {text:?}"
        );
        assert!(
            t.title().len() <= 4096,
            "case {i}: title of {}",
            t.title().len()
        );
        assert!(t.history().heap_bytes() < 2 << 20, "case {i}: history grew");
    }
}

#[test]
fn the_known_bad_corpus_leaves_an_ordinary_terminal_working() {
    check(Size { rows: 24, cols: 80 });
}

#[test]
fn the_known_bad_corpus_at_degenerate_sizes() {
    for (rows, cols) in [(1, 1), (1, 80), (24, 1), (2, 2), (300, 300)] {
        check(Size { rows, cols });
    }
}
