//! Differential test against vt100, kept as a test oracle: random streams of the sequences
//! both engines support must give the same text, cursor and basic styles, cell by cell.

// Test sizes are small numbers drawn from a seeded generator; nothing here is truncated.
#![allow(clippy::cast_possible_truncation)]

use std::num::NonZeroU16;

use mux_testkit::Rng;

use crate::oracle::cell_ref;
use crate::{Size, Terminal};

/// Appends one random piece of output that both engines handle the same way.
fn piece(rng: &mut Rng, rows: u64, cols: u64, out: &mut String) {
    const TEXT: &[&str] = &["a", "hello ", "xyz", "漢", "字字", "é", " ", "0123456789"];
    const SGR: &[&str] = &["0", "1", "3", "4", "7", "22", "23", "24", "27", "39", "49"];
    match rng.below(16) {
        0..=5 => out.push_str(rng.pick(TEXT)),
        6 => out.push_str(&format!(
            "\x1b[{};{}H",
            rng.range(1..=rows + 1),
            rng.range(1..=cols + 1)
        )),
        7 => {
            let p = match rng.below(3) {
                0 => rng.pick(SGR).to_string(),
                1 => format!("{}", rng.range(30..38)),
                _ => format!("{}", rng.range(40..48)),
            };
            out.push_str(&format!("\x1b[{p}m"));
        }
        8 => out.push_str(&format!("\x1b[{}J", rng.below(3))),
        9 => out.push_str(&format!("\x1b[{}K", rng.below(3))),
        10 => {
            // vt100 homes to the region's top and resets an invalid region; term-emu homes to
            // the origin and ignores it, as xterm. A valid region and a CUP avoid both.
            let top = rng.range(1..=rows);
            let bottom = (top + 1 + rng.below(rows)).min(rows);
            if top < bottom {
                out.push_str(&format!("\x1b[{top};{bottom}r\x1b[{top};1H"));
            }
        }
        11 => out.push_str(&format!("\x1b[{}L", rng.below(3))),
        12 => out.push_str(&format!("\x1b[{}M", rng.below(3))),
        13 => out.push_str("\r\n"),
        // Not RI: vt100 scrolls the region when RI is used above it, xterm and term-emu do not.
        14 => out.push_str(rng.pick(&["\r", "\n", "\x08"])),
        _ => out.push_str(&format!("\x1b[{}X", rng.below(4))),
    }
}

/// Compares the screens; returns the first difference found.
fn compare(ours: &Terminal, oracle: &vt100::Screen, rows: u16, cols: u16) -> Result<(), String> {
    let (crow, ccol) = oracle.cursor_position();
    if (ours.cursor().pos.row, ours.cursor().pos.col) != (crow, ccol) {
        return Err(format!("cursor {:?} vs {:?}", ours.cursor(), (crow, ccol)));
    }
    for r in 0..rows {
        for c in 0..cols {
            let (Some(a), Some(b)) = (ours.cell(r, c), oracle.cell(r, c).map(cell_ref)) else {
                return Err(format!("no cell at {r},{c}"));
            };
            let same = a.text == b.text
                && (a.wide, a.wide_continuation) == (b.wide, b.wide_continuation)
                && (a.wide_continuation || a.style.bg == b.style.bg)
                && (a.text.is_empty() || a.style == b.style);
            if !same {
                return Err(format!("at {r},{c}: {a:?} vs {b:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn supported_sequences_render_as_in_vt100() {
    let mut rng = Rng::new(0x5eed_1234_abcd_ef01);
    for round in 0..300 {
        let (rows, cols) = (rng.range(1..=8) as u16, rng.range(1..=16) as u16);
        let mut ours = Terminal::new(Size { rows, cols }, 0);
        let non_zero = |n| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let mut oracle = vt100::Parser::new(non_zero(rows), non_zero(cols), 0);
        let mut input = String::new();
        for _ in 0..200 {
            let mut p = String::new();
            piece(&mut rng, u64::from(rows), u64::from(cols), &mut p);
            input.push_str(&p);
            ours.process(p.as_bytes());
            oracle.process(p.as_bytes());
            if let Err(e) = compare(&ours, oracle.screen(), rows, cols) {
                let tail: String = input
                    .chars()
                    .rev()
                    .take(120)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let rows_text: Vec<String> = (0..rows).map(|r| ours.row_text(r)).collect();
                let want: Vec<String> = oracle.screen().rows(0, cols).collect();
                panic!("round {round}, {rows}x{cols}, after {p:?}: {e}\n tail {tail:?}\n ours {rows_text:?}\n vt100 {want:?}");
            }
        }
    }
}
