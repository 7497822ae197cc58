//! One terminal's state for mux: term-emu's own screen model driven by the `vte` parser, with
//! what a multiplexer needs (DESIGN decision 8: term-emu is a façade).
//!
//! Callers feed the bytes a program writes with [`Terminal::process`] and get back
//! [`Effects`]: the replies owed to the program (answers to device attribute, status, mode,
//! capability and colour queries), title changes, bells, clipboard writes and working
//! directory changes. They read the screen through term-emu's own types ([`CellRef`],
//! [`Modes`]) and the value types shared with the rest of mux from `mux-types` ([`Cursor`],
//! [`Style`], [`Size`], [`Key`]), and encode keys, pastes and focus changes for the
//! terminal's current modes with [`Terminal::encode_key`], [`Terminal::encode_paste`] and
//! [`Terminal::encode_focus`]. No parser type is part of this API.
//!
//! Every byte passes a filter first (`filter.rs`): it takes out the OSC and DCS strings (with
//! capped buffers) and answers or acts on them, and draws the DEC line-drawing set. The rest
//! goes to `vte`, whose callbacks (`perform.rs`) drive the screen model (`screen.rs`, cells
//! and rows in `grid.rs`, resizing in `reflow.rs`). Scrollback is term-emu's own compact
//! store of rows ([`History`]).
//!
//! # The engine decision: why vt100 was replaced
//!
//! term-emu used to be a façade over the `vt100` crate (0.18). Its own model replaced it
//! because vt100 could not provide, even behind a byte filter:
//!
//! * reflow: a width change cut or padded every row, losing text;
//! * IRM (`CSI 4 h`), DECAWM off (`CSI ? 7 l`), tab stops (HTS, TBC, CHT, CBT), `CSI s`/`CSI u`,
//!   IND/NEL, DECSTR, reverse video (`CSI ? 5 h`) and alternate scroll (`CSI ? 1007 h`);
//! * the SGR attributes beyond bold, dim, italic, underline and inverse: blink, hidden,
//!   strikethrough, overline, double/curly/dotted/dashed underline, underline colour
//!   (58/59), `38:2::r:g:b`; and erasing with the background only, as xterm and tmux do;
//! * OSC 8 hyperlinks (no slot in a cell);
//! * compact storage: vt100's cells are 32 bytes and every new line allocates a full row,
//!   which made short-line output (`seq`) run at 13 MB/s with scrollback.
//!
//! Here a cell is 10 bytes (a character inline, or a per-row index for longer clusters, a
//! style id into a per-terminal interned table, a hyperlink id, flags); rows know how much
//! of them is used, so clearing and recycling the row that leaves the top touch only that.
//! A history row is its UTF-8 text plus four bytes per style change (and, only in rows that
//! have hyperlinks, four per link change and a count). Figures from
//! `examples/throughput.rs` (80x24, 4 KB chunks, best of 3, MB/s, on a shared 2-core machine;
//! compare ratios):
//!
//! | input | vt100 engine, history 2000 | own engine, history 2000 | own engine, history 0 |
//! |---|---|---|---|
//! | `seq 1 10000000`, `\r\n` ends | 12.8 | 115 | 148 |
//! | `seq 1 10000000`, `\n` ends (staircase rows) | 10.4 | 66 | 108 |
//! | SGR-heavy lines | 47.9 | 99 | 104 |
//! | CJK, combining marks, VS16 | 55.8 | 108 | 147 |
//! | redraw frames (CUP, 256 colours, EL, `?2026`) | 76.4 | 119 | 119 |
//! | DEC line drawing | 26.0 | 63 | 83 |
//!
//! (The vt100 engine column is from its last run before the switch; bare vt100 without
//! scrollback, measured in the same run as ours: 54, 47, 96, 110, 83 and 78 MB/s.) With
//! `\n` alone the cursor never returns to the left, so every row that scrolls off holds up
//! to 80 columns of blanks and digits to store; a PTY turns `\n` into `\r\n`. Rows are boxed
//! in the grid so a scroll moves pointers, and a scrolled-off row is encoded in one pass.
//!
//! What the filter meets in the ground state as plain text, or as a whole `CSI … m` of plain
//! numbers, skips vte (`fast.rs`): printable ASCII is written a row's worth at a time, C0
//! controls are executed as the parser would, and the SGR parameters are read in one pass
//! and applied with the parser's own rules; anything else, and anything while vte may wait
//! on the rest of a UTF-8 character, goes to vte. A differential test checks both ways give
//! the same cells and history. On the end-to-end benchmark's 50 MB SGR file (random 16-,
//! 256- and 24-bit colours, `examples/throughput.rs -- FILE`): 59 → 92–98 MB/s.
//!
//! Against tmux 3.3a in the same run (`bench/compare.sh`): the mux server swallows
//! `seq 1 2000000` in 0.70 of tmux's time, and 10,000 coloured lines kept in the history
//! grow its memory by 1.09 MB against tmux's 4.17 MB.
//!
//! 10,000 rows of `ls --color`-like 80-column output with history-limit 10000 take 1.44 MB
//! of history heap (144 bytes a row, chunk slack and style table included;
//! `History::heap_bytes`). Resizing such a pane (reflowing all 10,000 rows) takes 7–15 ms.
//!
//! Fuzzing (`fuzz/`, the checks in [`invariants`]): the first minute on this engine found
//! one failure (DCH hid a deleted cell past a row's used part, fixed and kept in
//! `tests/fuzz_cases/`); the next 31 minutes, 447,000 inputs with resizes from 1x1 to
//! 64x255, found none, nor did 10 more minutes (133,000 inputs) after hyperlinks joined the
//! history.
//!
//! vt100 remains a dev-dependency, as a test oracle: `differential.rs` feeds both engines
//! the same random streams of the sequences they both support and compares text, cursor
//! and styles cell by cell.
//!
//! This crate knows nothing of sockets, sessions or rendering.

mod engine;
mod fast;
mod filter;
mod grid;
mod handler;
mod history;
#[doc(hidden)]
pub mod invariants;
mod keys;
mod mouse;
mod perform;
mod reflow;
mod screen;
mod sgr;
mod styles;
mod terminal;
mod types;

pub use history::History;
pub use mux_types::{Attrs, Color, Cursor, Key, KeyCode, Mods, Point, Size, Style};
pub use terminal::{Effects, LineId, Scrolled, Terminal, TAP_LIMIT};
pub use types::{CellRef, ClipboardSet, Modes, MouseMode};

#[cfg(test)]
mod differential;
#[cfg(test)]
mod engine_tests;
#[cfg(test)]
mod oracle;
#[cfg(test)]
mod reflow_tests;
#[cfg(test)]
mod tests;
