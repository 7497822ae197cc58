//! The invariants that fuzzing checks, shared by the `cargo fuzz` target and by the tests
//! that keep every crash it found: no panic, the cursor inside the grid, every cell readable,
//! replies and titles bounded, and a snapshot of the screen replayed into a fresh terminal
//! showing the same.

use crate::{CellRef, Size, Terminal};

/// Runs one fuzz case: the first byte gives the starting size, then `0xFF a b` resizes to
/// the size `a`, `b` give, and every other byte is terminal output. Panics when an invariant
/// fails.
pub fn check(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let mut term = Terminal::new(size_from(first, 0), 100);
    // 0xFF followed by two bytes is a resize; everything else is terminal output.
    let mut chunks = rest.split(|b| *b == 0xff);
    if let Some(c) = chunks.next() {
        feed(&mut term, c);
    }
    for chunk in chunks {
        if chunk.len() >= 2 {
            term.resize(size_from(chunk[0], chunk[1]));
            feed(&mut term, &chunk[2..]);
        } else {
            feed(&mut term, chunk);
        }
    }
}

/// Turns two bytes into a size from 1×1 to 64×256 (0 is allowed and treated as 1).
fn size_from(a: u8, b: u8) -> Size {
    Size {
        rows: u16::from(a % 64),
        cols: u16::from(b),
    }
}

/// Processes bytes and checks the invariants.
fn feed(term: &mut Terminal, bytes: &[u8]) {
    let fx = term.process(bytes);
    assert!(
        fx.replies.len() <= 64 + bytes.len() * 64,
        "replies out of proportion"
    );
    let size = term.size();
    assert!(size.rows >= 1 && size.cols >= 1);
    let c = term.cursor().pos;
    assert!(
        c.row < size.rows,
        "cursor row {} outside {} rows",
        c.row,
        size.rows
    );
    assert!(
        c.col <= size.cols,
        "cursor col {} outside {} cols",
        c.col,
        size.cols
    );
    for row in 0..size.rows {
        for col in 0..size.cols {
            assert!(term.cell(row, col).is_some());
        }
    }
    assert!(term.title().len() <= 4096);
    assert!(term.history().len() <= 100);
    check_replay(term);
}

/// Replays a snapshot of the screen (each row's text with its SGR sequences, placed with
/// cursor moves) into a fresh terminal of the same size and checks that it shows the same.
fn check_replay(term: &Terminal) {
    let size = term.size();
    let mut fresh = Terminal::new(size, 0);
    let mut snapshot = Vec::new();
    for row in 0..size.rows {
        snapshot.extend_from_slice(format!("\x1b[{};1H", row + 1).as_bytes());
        snapshot.extend_from_slice(term.row_formatted(row).as_bytes());
    }
    fresh.process(&snapshot);
    for row in 0..size.rows {
        assert_eq!(
            term.row_text(row),
            fresh.row_text(row),
            "row {row} differs after replaying a snapshot"
        );
        for col in 0..size.cols {
            let (a, b) = (term.cell(row, col), fresh.cell(row, col));
            let style = |c: Option<CellRef<'_>>| c.map(|c| c.style);
            if a.is_some_and(|c| !c.text.is_empty() && c.text != " ") {
                assert_eq!(
                    style(a),
                    style(b),
                    "style of {row},{col} differs after replay"
                );
            }
        }
    }
}
