//! A pane's input backlog: paste input that did not fit in the PTY's queue yet, in order,
//! moved into the queue as the program reads. A paste buffer waits here as a source it is
//! read from piece by piece, so pasting a large buffer never copies it whole.

use std::collections::VecDeque;
use std::time::Instant;

use crate::ids::ClientId;
use crate::model::client::Turn;
use crate::model::os::PaneIo;
use crate::model::pane::INPUT_LIMIT;
use crate::model::paste::PasteSource;

/// The most paste buffers that may wait for one pane at once.
pub const MAX_SOURCES: usize = 64;

/// Input waiting behind the piece being written.
enum Later {
    /// Bytes of a client's paste.
    Bytes(Vec<u8>),
    /// A paste buffer being read piece by piece.
    Source(PasteSource),
}

/// Paste input waiting for room in the PTY's queue, in order.
#[derive(Default)]
pub struct Backlog {
    /// The piece being written; the bytes before `start` have gone to the queue.
    bytes: Vec<u8>,
    /// How many of `bytes` have gone.
    start: usize,
    /// What comes after the piece, in order.
    later: VecDeque<Later>,
    /// When the program last made room (or the backlog began).
    progress: Option<Instant>,
    /// The turns of the clients whose input waits here: they send nothing more until it is
    /// gone.
    turns: Vec<Turn>,
    /// Whether a paste was added since the last [`Backlog::take_fresh`].
    fresh: bool,
    /// The client whose paste waits, to tell if it is cut short.
    from: Option<ClientId>,
}

impl Backlog {
    /// Returns the bytes of the piece still waiting.
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.start..).unwrap_or_default()
    }

    /// Returns whether any input waits.
    pub fn waiting(&self) -> bool {
        !self.rest().is_empty() || !self.later.is_empty()
    }

    /// Returns how many bytes wait that are held in memory (a paste buffer's are not: they
    /// are the buffer's).
    fn held(&self) -> usize {
        let later = self.later.iter().map(|l| match l {
            Later::Bytes(b) => b.len(),
            Later::Source(_) => 0,
        });
        self.rest().len() + later.sum::<usize>()
    }

    /// Returns how many bytes wait, counting what paste buffers have left to give.
    pub fn len(&self) -> usize {
        let sources = self.later.iter().map(|l| match l {
            Later::Bytes(_) => 0,
            Later::Source(s) => s.remaining(),
        });
        self.held() + sources.sum::<usize>()
    }

    /// Adds a client's paste: written at once when nothing waits, else queued behind what
    /// does. Returns `Err` with the number of bytes refused when [`INPUT_LIMIT`] bytes
    /// already wait.
    pub fn paste(
        &mut self,
        io: &dyn PaneIo,
        bytes: Vec<u8>,
        now: Instant,
        from: Option<ClientId>,
    ) -> Result<(), usize> {
        if bytes.is_empty() {
            return Ok(());
        }
        if !self.waiting() {
            let taken = io.write(&bytes);
            if taken == bytes.len() {
                return Ok(());
            }
            self.bytes = bytes;
            self.start = taken;
            self.progress = Some(now);
        } else if self.held() >= INPUT_LIMIT {
            return Err(bytes.len());
        } else if let Some(Later::Bytes(last)) = self.later.back_mut() {
            last.extend_from_slice(&bytes);
        } else if self.later.is_empty() {
            self.bytes.drain(..self.start);
            self.start = 0;
            self.bytes.extend_from_slice(&bytes);
        } else {
            self.later.push_back(Later::Bytes(bytes));
        }
        self.fresh = true;
        self.from = from.or(self.from);
        Ok(())
    }

    /// Adds a paste buffer, read piece by piece behind what waits. Returns `false` (and
    /// adds nothing) when [`MAX_SOURCES`] buffers already wait.
    pub fn paste_source(&mut self, io: &dyn PaneIo, source: PasteSource, now: Instant) -> bool {
        let sources = self.later.iter().filter(|l| matches!(l, Later::Source(_)));
        if sources.count() >= MAX_SOURCES {
            return false;
        }
        if !self.waiting() {
            self.progress = Some(now);
        }
        self.later.push_back(Later::Source(source));
        self.pump(io, now);
        self.fresh |= self.waiting();
        true
    }

    /// Returns whether a paste was added since the last call, and forgets it.
    pub fn take_fresh(&mut self) -> bool {
        std::mem::take(&mut self.fresh)
    }

    /// Keeps a client's turn until the backlog is gone: the client's next message waits.
    pub fn hold(&mut self, turn: Turn) {
        if self.waiting() {
            self.turns.push(turn);
        }
    }

    /// Takes the next piece into `bytes` when the current one has gone; returns whether
    /// there is one.
    fn refill(&mut self) -> bool {
        while self.rest().is_empty() {
            match self.later.front_mut() {
                None => return false,
                Some(Later::Bytes(b)) => {
                    self.bytes = std::mem::take(b);
                    self.start = 0;
                    self.later.pop_front();
                }
                Some(Later::Source(s)) => match s.next_piece() {
                    Some(piece) => {
                        self.bytes = piece;
                        self.start = 0;
                    }
                    None => {
                        self.later.pop_front();
                    }
                },
            }
        }
        true
    }

    /// The PTY's queue has room: moves waiting input into it until it is full or nothing
    /// waits. When nothing is left, the clients whose turns it held may send again.
    pub fn pump(&mut self, io: &dyn PaneIo, now: Instant) {
        while self.refill() {
            let rest = self.rest();
            let wanted = rest.len();
            let taken = io.write(rest);
            if taken > 0 {
                self.start += taken;
                self.progress = Some(now);
            }
            if taken < wanted {
                return;
            }
        }
        *self = Backlog::default();
    }

    /// Returns when the waiting input counts as stalled, if any waits.
    pub fn deadline(&self, stall: std::time::Duration) -> Option<Instant> {
        if !self.waiting() {
            return None;
        }
        self.progress.map(|t| t + stall)
    }

    /// Drops everything waiting; returns the client whose paste it was, if known, and how
    /// many bytes were dropped.
    pub fn drop_all(&mut self) -> (Option<ClientId>, usize) {
        let dropped = self.len();
        let from = self.from;
        *self = Backlog::default();
        (from, dropped)
    }
}
