//! Measures how fast `Terminal::process` parses typical output, in MB/s (10^6 bytes).
//!
//! Run with `cargo run --release -p mux-term-emu --example throughput`. Each input is fed in
//! 4096-byte chunks, as a PTY read would deliver it, to a fresh 80x24 terminal, and the best
//! of three runs is printed for: term-emu keeping 2000 rows of history (tmux's default),
//! term-emu without history, and bare vt100 without scrollback (the engine term-emu replaced,
//! kept as a test oracle). Then the history's heap for 10,000 coloured 80-column lines.
//! Given file names (`-- FILE...`), it reports those files instead, fed the same way.

use std::num::NonZeroU16;
use std::time::{Duration, Instant};

use mux_term_emu::{Size, Terminal};

/// How many bytes one PTY read delivers.
const CHUNK: usize = 4096;
/// The terminal size.
const ROWS: u16 = 24;
const COLS: u16 = 80;

/// Returns the output of `seq 1 n` with line ends `end` (`\r\n` as a PTY delivers it).
fn seq_lines(n: u32, end: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 1..=n {
        out.extend_from_slice(i.to_string().as_bytes());
        out.extend_from_slice(end);
    }
    out
}

/// Returns about `target` bytes of CJK text with combining marks and emoji.
fn cjk_lines(target: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(target + 256);
    while out.len() < target {
        out.extend_from_slice(
            "漢字かなカナ한국어 테스트 e\u{301}te\u{301} ❤\u{fe0f} 中文字符串和一些文字\r\n"
                .as_bytes(),
        );
    }
    out
}

/// Returns about `target` bytes of full-screen redraws as a TUI sends them: synchronized
/// updates of cursor moves, 256-colour SGR, text and erases.
fn redraw_frames(target: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(target + 4096);
    let mut frame = 0u32;
    while out.len() < target {
        out.extend_from_slice(b"\x1b[?2026h");
        for row in 1..=ROWS {
            let colour = (frame + u32::from(row)) % 256;
            let line = format!(
                "\x1b[{row};1H\x1b[38;5;{colour}m{:<40}\x1b[48;5;{}m status {frame:>8} \x1b[m\x1b[K",
                "some text in a redrawn row",
                (colour + 7) % 256
            );
            out.extend_from_slice(line.as_bytes());
        }
        out.extend_from_slice(b"\x1b[?2026l");
        frame += 1;
    }
    out
}

/// Returns about `target` bytes of lines full of colour changes, like `ls --color` or a
/// compiler's diagnostics.
fn sgr_lines(target: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(target + 256);
    let mut i = 0u32;
    while out.len() < target {
        let line = format!(
            "\x1b[1;34mdir{i}\x1b[0m  \x1b[32mfile.rs\x1b[0m \x1b[38;5;{}mwarning\x1b[39m: \
             \x1b[38;2;{};100;200munused\x1b[m variable `x{i}` \x1b[4mhere\x1b[24m\r\n",
            i % 256,
            i % 256
        );
        out.extend_from_slice(line.as_bytes());
        i += 1;
    }
    out
}

/// Returns lines drawn with the DEC line-drawing set, as dialog or older ncurses programs do.
fn dec_graphics_lines(target: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(target + 256);
    while out.len() < target {
        out.extend_from_slice(b"\x1b(0lqqqqqqqqqqqqqqqqqqqqk\x1b(B title \x1b(0x\x1b(B\r\n");
    }
    out
}

/// Feeds `input` to a fresh terminal keeping `history` rows and returns how long it took.
fn run_term(input: &[u8], history: usize) -> Duration {
    let mut term = Terminal::new(
        Size {
            rows: ROWS,
            cols: COLS,
        },
        history,
    );
    let start = Instant::now();
    let mut replies = 0;
    for chunk in input.chunks(CHUNK) {
        replies += term.process(chunk).replies.len();
    }
    let elapsed = start.elapsed();
    assert_eq!(replies, 0, "the benchmark input asks no questions");
    elapsed
}

/// Feeds `input` to a bare vt100 parser without scrollback and returns how long it took.
fn run_vt100(input: &[u8]) -> Duration {
    let rows = NonZeroU16::new(ROWS).unwrap_or(NonZeroU16::MIN);
    let cols = NonZeroU16::new(COLS).unwrap_or(NonZeroU16::MIN);
    let mut parser = vt100::Parser::new(rows, cols, 0);
    let start = Instant::now();
    for chunk in input.chunks(CHUNK) {
        parser.process(chunk);
    }
    start.elapsed()
}

/// Returns the throughput of the best of three runs of `run`, in MB/s.
fn best(input: &[u8], run: impl Fn(&[u8]) -> Duration) -> f64 {
    let fastest = (0..3).map(|_| run(input)).min().unwrap_or_default();
    input.len() as f64 / 1e6 / fastest.as_secs_f64().max(1e-9)
}

/// Prints one line of figures for `input`.
fn report(name: &str, input: &[u8]) {
    let history = best(input, |i| run_term(i, 2000));
    let no_history = best(input, |i| run_term(i, 0));
    let vt100 = best(input, run_vt100);
    println!(
        "{name:<24} {:>6.1} MB {history:>14.1} {no_history:>14.1} {vt100:>14.1}",
        input.len() as f64 / 1e6
    );
}

/// Prints the history's heap after 10,000 lines of `ls --color`-like 80-column output.
fn history_memory() {
    let mut term = Terminal::new(
        Size {
            rows: ROWS,
            cols: COLS,
        },
        10_000,
    );
    for i in 0..10_024u32 {
        let line = format!(
            "\x1b[1;34mdirectory{:02}\x1b[0m  \x1b[32mprogram.sh\x1b[0m  \x1b[36mlink{:04}\x1b[0m  \
             notes-{i:08}.txt  \x1b[31marchive.tar.gz\x1b[0m  README.md\r\n",
            i % 100,
            i % 10_000
        );
        term.process(line.as_bytes());
    }
    let h = term.history();
    println!(
        "history: {} rows of 80-column coloured lines, {} heap bytes ({:.0} per row)",
        h.len(),
        h.heap_bytes(),
        h.heap_bytes() as f64 / h.len().max(1) as f64
    );
    for cols in [120, 50, COLS] {
        let start = Instant::now();
        term.resize(Size { rows: ROWS, cols });
        println!(
            "resize to {cols}x{ROWS} with that history: {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    println!(
        "{:<24} {:>9} {:>14} {:>14} {:>14}   (MB/s, {COLS}x{ROWS}, best of 3)",
        "input", "size", "history 2000", "history 0", "bare vt100"
    );
    if !files.is_empty() {
        for path in files {
            match std::fs::read(&path) {
                Ok(input) => report(&path, &input),
                Err(e) => eprintln!("{path}: {e}"),
            }
        }
        return;
    }
    report("(a) seq 1 10000000 \\r\\n", &seq_lines(10_000_000, b"\r\n"));
    report("(a) seq 1 10000000 \\n", &seq_lines(10_000_000, b"\n"));
    report("(b) SGR-heavy lines", &sgr_lines(50_000_000));
    report("(c) CJK + combining", &cjk_lines(20_000_000));
    report("(d) redraw frames", &redraw_frames(50_000_000));
    report("(e) DEC line drawing", &dec_graphics_lines(20_000_000));
    history_memory();
}
