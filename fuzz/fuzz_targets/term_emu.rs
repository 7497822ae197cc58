//! Feeds term-emu arbitrary bytes with resizes mixed in and checks its invariants: no panic,
//! the cursor inside the grid, every cell readable, replies and titles bounded.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mux_term_emu::{Size, Terminal};

fuzz_target!(|data: &[u8]| {
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
});

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
    let c = term.cursor();
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
}
