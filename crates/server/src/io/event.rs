//! Everything that can happen to the server from outside, as messages to the event loop:
//! client connections and their messages, pane output and exits, signals.

use mux_protocol::{ClientMsg, CommandRequest, ServerMsg};
use tokio::sync::mpsc;

use crate::ids::{ClientId, PaneId, ProgramId};

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
    /// Right after [`Event::Connected`]: the gate through which the client's reader hands
    /// over messages one at a time.
    Gate(ClientId, crate::model::client::InputGate),
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
    /// A pane's program read enough of its input queue for a waiting paste to go on.
    InputRoom(PaneId, ProgramId),
    /// SIGTERM or SIGINT: shut down.
    Terminate,
    /// A job finished: its output and its exit status (`128 + signal` when killed).
    JobDone(crate::model::jobs::JobId, Vec<u8>, i32),
    /// A pane's `pipe-pane -I` command printed these bytes, to be typed into the pane.
    PipeInput(PaneId, crate::model::sink::SinkId, Vec<u8>),
    /// A pane's pipe or log ended (its command exited, or writing failed with this error).
    PipeEnded(PaneId, crate::model::sink::SinkId, Option<String>),
}

/// The sending side of the state owner's queue.
pub type EventTx = mpsc::Sender<Event>;
