//! The mux server: owns sessions, windows, panes and their PTYs, runs commands from clients
//! and keeps every attached client's screen in sync (DESIGN decisions 3–6).
//!
//! The binary (`crates/client`) runs [`run_server`] when started as `mux __server -S PATH`.
//! The crate is layered (DESIGN 10), each layer a folder whose `mod.rs` says what it owns and
//! what it may import; imports run one way, and a test ([`layers`]) keeps them so:
//!
//! | layer | owns | may import |
//! |---|---|---|
//! | [`config`] | options, formats, styles, key names, key tables, time formats | `ids`, `log` |
//! | [`model`] | sessions, windows, panes, clients, layouts, buffers, targets, the OS seam | `config` |
//! | [`io`] | socket, connections, daemon, signals, PTYs, the real OS | `model`, `config` |
//! | [`cmd`] | one module per command, the command table | `model`, `config` |
//! | [`input`] | keys from clients: key tables, prefix, prompts, choosers | `cmd`, `model`, `config` |
//! | [`view`] | what a client sees: compose, status line, state sync | `model`, `config` |
//!
//! On top, [`server`] holds the event loop that wires them. Everything that changes server
//! state happens on that one loop, in the [`model::state::State`] it owns.

mod cmd;
mod config;
pub mod hooks;
mod ids;
mod input;
mod io;
mod keeper;
mod log;
mod model;
mod server;
mod survival;
mod view;

#[cfg(test)]
mod layers;
#[cfg(test)]
mod option_audit;
#[cfg(test)]
mod testing;

use std::path::PathBuf;

pub use cmd::{default_aliases, help as commands, option_names, Help as CommandHelp};
pub use io::keeper::start::{for_server as start_keeper_for, ForServer as KeeperForServer};
pub use keeper::{keeper_waiting, run_keeper};
pub use server::run_server;

/// How the server was asked to start.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// The socket to listen on.
    pub socket: PathBuf,
    /// Whether to write a log file beside the socket.
    pub verbose: bool,
    /// The config files to load as it starts, in order (none: no config).
    pub config: Vec<PathBuf>,
    /// The listening socket, already bound, when this server takes over from another that
    /// ran `server-upgrade` (it replaced itself with this binary and left the descriptor
    /// open); the server is a daemon already then.
    pub listen_fd: Option<i32>,
    /// The pipe on which a keeper the client started beside this server reports that it
    /// listens (`--keeper-fd N`); without it the server starts its keeper itself.
    pub keeper_fd: Option<i32>,
}
