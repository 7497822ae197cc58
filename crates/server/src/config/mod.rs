//! The `config` layer: what users configure and how it is spelled. The option table and
//! store, the format language (`#{...}`), styles (`#[fg=red]`), key names (`C-b`, `M-Left`),
//! the key tables, and time formats. Plain data and parsing: it knows no session or pane.
//!
//! It may import `ids` and `log` only.

pub mod bindings;
pub mod format;
pub mod keyname;
pub mod options;
pub mod pattern;
pub mod style;
pub mod time;
