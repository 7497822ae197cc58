//! Everything that can happen to the server, as messages to the state owner, and the typed ids.

use mux_protocol::{ClientMsg, CommandRequest, ServerMsg};
use tokio::sync::mpsc;

/// Identifies a connected client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(pub u32);

/// Identifies a session (`$N` in tmux targets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub u32);

/// Identifies a window (`@N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WindowId(pub u32);

/// Identifies a pane (`%N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaneId(pub u32);

/// Identifies one program started in a pane. A respawned pane keeps its [`PaneId`] and gets
/// a new program id, so that the late output and exit of the program it replaced are told
/// apart from the new one's and dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProgramId(pub u64);

/// An event for the state owner.
#[derive(Debug)]
pub enum Event {
    /// A client finished the handshake and sent its command.
    Connected {
        /// The new client's id.
        id: ClientId,
        /// Where to queue messages for it.
        tx: mpsc::Sender<ServerMsg>,
        /// The command it wants run.
        request: CommandRequest,
        /// The client process's pid (from SO_PEERCRED), 0 when unknown.
        pid: i32,
    },
    /// A client sent a message after its command.
    Message(ClientId, ClientMsg),
    /// A client's connection ended; `reason` says why when it was the client's fault.
    Gone(ClientId, Option<String>),
    /// A client's writer emptied its queue: it can take another update.
    Drained,
    /// A pane's program wrote these bytes.
    Output(PaneId, ProgramId, Vec<u8>),
    /// A pane's PTY reached end of file, or its reader finished draining after the child exited.
    Closed(PaneId, ProgramId),
    /// A pane's child exited with this status (`128 + signal` when killed by a signal).
    Exited(PaneId, ProgramId, i32),
    /// SIGTERM or SIGINT: shut down.
    Terminate,
}

/// The sending side of the state owner's queue.
pub type EventTx = mpsc::Sender<Event>;
