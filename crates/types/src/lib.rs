//! The value types every mux crate shares, defined once: sizes and positions on a screen
//! ([`Size`], [`Point`], [`Cursor`]), keys ([`Key`], [`KeyCode`], [`Mods`]) and how a cell is
//! drawn ([`Color`], [`Attrs`], [`Style`]).
//!
//! The terminal emulator produces them, the protocol carries them and the client draws them,
//! so none of those crates converts between look-alike copies. They are plain data with serde
//! derives; this crate knows nothing of terminals, sockets or rendering.
//!
//! # Coordinates
//!
//! Positions and sizes are counted in character cells, from 0 at the top-left corner, and
//! always name their axis: a [`Point`] has a `row` and a `col`, a [`Size`] has `rows` and
//! `cols`. Where the two appear together, in declarations, constructors and argument lists,
//! the row comes first, as a terminal addresses a cell (`CSI row ; col H`). Screen coordinates
//! are `u16`, as a terminal's size is; code that indexes with `usize` converts with the
//! saturating constructors ([`Point::from_usize`], [`Size::from_usize`]) or `usize::from`.

#![warn(missing_docs)]

mod geometry;
mod keys;
mod mouse;
mod style;

pub use geometry::{Cursor, Point, Size};
pub use keys::{Key, KeyCode, Mods};
pub use mouse::{MouseAction, MouseButton, MouseEvent, MouseKey, MouseKind, MousePlace};
pub use style::{Attrs, Color, Style};
