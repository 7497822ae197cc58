//! The `input` layer: what an attached client's keys do. Client modes first (the prompt,
//! choosers, pane numbers), then the key tables (prefix, repeat, root), and everything else
//! encoded for the active pane (DESIGN 4). Bindings run through `cmd`.
//!
//! It may import `cmd`, `model`, `config`, `ids` and `log`; never `io` or `view`.

pub mod chooser;
pub mod complete;
pub mod keys;
pub mod menu;
pub mod mouse;
pub mod prompt;
