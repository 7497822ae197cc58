//! One terminal's state for mux: a façade over the `vt100` crate that adds what a multiplexer
//! needs (DESIGN decision 8).
//!
//! Callers feed the bytes a program writes with [`Terminal::process`] and get back
//! [`Effects`]: the replies owed to the program (answers to device attribute, status, mode,
//! capability and colour queries), title changes, bells, clipboard writes and working
//! directory changes. They read the screen through term-emu's own types ([`CellRef`],
//! [`Cursor`], [`Modes`]) and encode keys, pastes and focus changes for the terminal's current
//! modes with [`Terminal::encode_key`], [`Terminal::encode_paste`] and
//! [`Terminal::encode_focus`]. No `vt100` type is part of this API, so the engine behind it
//! can change. Scrollback is term-emu's own compact store of lines ([`History`]): vt100 runs
//! without scrollback and hands over each row that leaves the top.
//!
//! Every byte passes a filter before vt100 (`filter.rs`): it takes out the OSC and DCS strings
//! vt100 cannot handle (and caps their size), draws the DEC line-drawing set, and notes the
//! modes vt100 keeps to itself, so queries are answered in stream order with the state of
//! their moment.
//!
//! This crate knows nothing of sockets, sessions or rendering.

mod engine;
mod filter;
mod handler;
mod history;
mod keys;
mod modes;
mod sgr;
mod terminal;
mod types;

pub use history::History;
pub use keys::{Key, KeyCode, Mods};
pub use terminal::{Effects, Terminal};
pub use types::{Attrs, CellRef, ClipboardSet, Color, Cursor, Modes, MouseMode, Size, Style};

#[cfg(test)]
mod tests;
