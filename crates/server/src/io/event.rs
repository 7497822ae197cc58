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
    /// A pane's program wrote these bytes; the credit goes back to its reader when the
    /// event is dropped.
    Output(PaneId, ProgramId, Vec<u8>, Credit),
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

/// A pane reader's credit for one chunk of output in the queue. While more than one pane
/// reads, a reader has only [`Credit::PER_PANE`] of them, so a flooding pane never has
/// more than that many chunks waiting ahead of another pane's output or a client's keystroke
/// (before, a flood filled the whole queue, and an echo in the pane beside it waited behind
/// 4 MB of it: 12 ms at the median; with four chunks of `yes` to parse first, 1.8–2.3 ms;
/// with one, 0.8–1.5 ms). The loop gives a credit back as it takes the event off
/// the queue. A server with a single pane has no one to be fair to, and its reader takes no
/// credits: a lone flood must be read while its last chunk is parsed (bounding its queue,
/// when readers ran on the loop's workers, cost it about a third of its speed).
#[derive(Debug, Default)]
pub struct Credit {
    /// The permit, held only to be dropped with the event.
    _permit: Option<tokio::sync::OwnedSemaphorePermit>,
}

/// How many pane readers run.
static READERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A running pane reader, counted in [`READERS`] for its life.
pub struct Reader(());

impl Reader {
    /// Counts a reader that starts.
    pub fn start() -> Reader {
        READERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Reader(())
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        READERS.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Credit {
    /// How many chunks of one pane's output may wait in the queue at once.
    pub const PER_PANE: usize = 1;

    /// Waits for one of a reader's credits when other panes read too (a credit that holds
    /// nothing back when this is the only one); `None` when its semaphore is closed.
    pub async fn take(credits: &std::sync::Arc<tokio::sync::Semaphore>) -> Option<Credit> {
        if READERS.load(std::sync::atomic::Ordering::Relaxed) <= 1 {
            return Some(Credit::default());
        }
        credits
            .clone()
            .acquire_owned()
            .await
            .ok()
            .map(|p| Credit { _permit: Some(p) })
    }
}

/// The sending side of the state owner's queue.
pub type EventTx = mpsc::Sender<Event>;

#[cfg(test)]
mod tests {
    use super::*;

    /// With other panes reading, a reader waits once its chunks fill its share of the queue
    /// and goes on as the loop takes one; alone, it takes no credits at all.
    #[test]
    fn a_reader_has_a_few_chunks_in_the_queue_only_when_other_panes_read() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let credits = std::sync::Arc::new(tokio::sync::Semaphore::new(Credit::PER_PANE));
            let first = Reader::start();
            let alone: Vec<Credit> = take_n(&credits, 2 * Credit::PER_PANE).await;
            assert_eq!(
                (alone.len(), credits.available_permits()),
                (2 * Credit::PER_PANE, Credit::PER_PANE)
            );
            let second = Reader::start();
            let mut held = take_n(&credits, Credit::PER_PANE).await;
            assert_eq!(credits.available_permits(), 0);
            held.pop();
            assert_eq!(credits.available_permits(), 1);
            drop((first, second));
        });
    }

    /// Takes `n` credits.
    async fn take_n(credits: &std::sync::Arc<tokio::sync::Semaphore>, n: usize) -> Vec<Credit> {
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(Credit::take(credits).await.unwrap());
        }
        out
    }
}
