//! The save file and layout file format: a line per session, window, split and pane, nested
//! by indentation, with `key=value` words (the README's "Saved sessions and layout files"
//! shows it). [`write`] and [`parse`] turn [`super::Saved`] into text and back; a hand-written
//! file may leave out everything but its structure.
//!
//! ```text
//! mux-sessions 1
//! boot 6a1f...
//! session work size=120x40 cwd=/home/me/src
//!   window index=0 active
//!     split h
//!       pane 60 cwd=/home/me/src command="vim main.rs" active
//!       split v 59
//!         pane 20 cwd=/home/me/src
//!         pane 19% cwd=/tmp command="less notes.txt"
//!   window index=1 name=logs
//!     option remain-on-exit on
//!     pane cwd=/var/log
//!       | a line of history, with \e[1mescapes\e[m
//! ```

mod read;
mod words;
mod write;

pub use read::parse;
pub use write::write;

/// The format's version, on the first line.
pub const VERSION: u32 = 1;

/// The first line of a file.
const HEADER: &str = "mux-sessions";

/// The deepest a layout may nest.
const MAX_DEPTH: usize = 32;

/// The most panes a file may hold (a server holds far fewer before it runs out of
/// pseudo-terminals).
const MAX_PANES: usize = 2000;

#[cfg(test)]
mod tests;
