//! The mux server: owns sessions, windows, panes and their PTYs, runs commands from clients
//! and keeps every attached client's screen in sync (DESIGN decisions 3–6).
//!
//! The binary (`crates/client`) runs [`run_server`] when started as `mux __server -S PATH`.
//! Everything that changes server state happens on one task, the [`state`] owner; sockets,
//! PTY readers and writers are tasks that only pass [`event::Event`]s to it.

mod base64;
mod bindings;
mod buffers;
mod client;
mod clipboard;
mod cmd;
mod complete;
mod compose;
mod conn;
mod contain;
mod daemon;
mod event;
mod format;
mod keyname;
mod keys;
mod layout;
mod lifecycle;
mod log;
mod mode;
mod ops;
mod options;
mod pane;
mod pane_numbers;
mod pty;
mod rename;
mod render;
mod resize;
mod session;
mod spawn;
mod state;
mod status;
mod status_list;
mod style;
mod time;
mod timers;
mod vars;
mod window;

use std::path::PathBuf;

pub use daemon::run_server;

/// How the server was asked to start.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// The socket to listen on.
    pub socket: PathBuf,
    /// Whether to write a log file beside the socket.
    pub verbose: bool,
}
