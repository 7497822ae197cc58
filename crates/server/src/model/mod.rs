//! The `model` layer: the server's state as data. Sessions, windows, panes and clients, the
//! layout tree, paste buffers, target finding (tmux's `cmd-find.c`), the structural
//! operations on them, what a pane's output changes, and format variables. The operating
//! system is reached only through the seam in [`os`], which `io` implements for real and
//! [`fake`] for tests.
//!
//! It may import `config`, `ids` and `log`; never `io`, `cmd`, `input` or `view`.

pub mod backlog;
pub mod base64;
pub mod buffers;
pub mod chooser;
pub mod client;
pub mod clipboard;
pub mod contain;
pub mod copy;
pub mod environ;
#[cfg(test)]
pub mod fake;
pub mod hit;
pub mod jobs;
pub mod keys;
pub mod layout;
pub mod lifecycle;
pub mod menu;
pub mod mode;
pub mod mouse;
pub mod ops;
pub mod os;
pub mod pane;
pub mod paste;
pub mod persist;
pub mod pipes;
pub mod queue;
pub mod rename;
pub mod requests;
pub mod resize;
pub mod session;
pub mod silence;
pub mod sink;
pub mod snapshot;
pub mod spawn;
pub mod state;
pub mod target;
pub mod timers;
pub mod upgrade;
pub mod vars;
pub mod viewmode;
pub mod waits;
pub mod window;
