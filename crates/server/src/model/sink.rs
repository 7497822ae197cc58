//! Where a pane's output goes besides its screen (`pipe-pane`, `mux log`), as the model sees
//! it: what to open ([`SinkSpec`]), the handle the pane keeps ([`Sink`], behind the OS seam)
//! and the bounded buffer both sides of the seam keep what waits in ([`SinkBuffer`]). Writing
//! never waits: what a slow consumer has not taken waits up to [`SINK_LIMIT`] bytes, and
//! beyond that bytes are counted and skipped, and a note saying how many goes in their place.

use std::collections::VecDeque;
use std::path::PathBuf;

/// Identifies one opened sink, so that the late events of one that was replaced are told
/// apart and dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SinkId(pub u64);

/// The most bytes that may wait for a sink's consumer.
pub const SINK_LIMIT: usize = 16 << 20;

/// What a sink writes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SinkSpec {
    /// A shell command run with `/bin/sh -c` (`pipe-pane`).
    Command {
        /// The command line.
        command: String,
        /// Its complete environment.
        env: Vec<(String, String)>,
        /// Its working directory (`/` when that is not a directory).
        cwd: String,
        /// Whether what is written goes to its standard input (`-O`).
        stdin: bool,
        /// Whether its standard output is typed into the pane (`-I`): each piece comes back
        /// as an event.
        stdout: bool,
    },
    /// A file, appended to (`mux log`); made with mode 0600 when it is new.
    File {
        /// The file.
        path: PathBuf,
    },
}

/// A sink's handle. Dropping it closes the sink once what waits has been written.
pub trait Sink: Send {
    /// Queues bytes for the consumer without waiting (see [`SinkBuffer::push`]).
    fn write(&self, bytes: &[u8]);
}

/// The bytes waiting for a sink's consumer, in order, bounded by [`SINK_LIMIT`].
#[derive(Debug)]
pub struct SinkBuffer {
    /// The most bytes that may wait: [`SINK_LIMIT`], unless a test asks for less.
    limit: usize,
    /// The pieces in order.
    chunks: VecDeque<Vec<u8>>,
    /// How many bytes wait.
    bytes: usize,
    /// How many bytes were skipped since the last note.
    skipped: u64,
}

impl Default for SinkBuffer {
    fn default() -> Self {
        SinkBuffer::with_limit(crate::hooks::sink_limit().unwrap_or(SINK_LIMIT))
    }
}

impl SinkBuffer {
    /// Returns an empty buffer that holds at most `limit` bytes.
    pub fn with_limit(limit: usize) -> SinkBuffer {
        SinkBuffer {
            limit,
            chunks: VecDeque::new(),
            bytes: 0,
            skipped: 0,
        }
    }

    /// Queues `bytes`. While the consumer is behind by [`SINK_LIMIT`] bytes they are skipped
    /// and counted; once it has caught up with half of that, a note saying how many were
    /// skipped goes first, so the reader of the log knows where output is missing.
    pub fn push(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let room = if self.skipped > 0 {
            self.bytes <= self.limit / 2
        } else {
            self.bytes + bytes.len() <= self.limit
        };
        if !room {
            self.skipped += bytes.len() as u64;
            return;
        }
        if self.skipped > 0 {
            let note = skipped_note(self.skipped);
            self.skipped = 0;
            self.bytes += note.len();
            self.chunks.push_back(note.into_bytes());
        }
        self.bytes += bytes.len();
        self.chunks.push_back(bytes.to_vec());
    }

    /// Takes everything waiting, in order.
    pub fn take(&mut self) -> Vec<Vec<u8>> {
        self.bytes = 0;
        self.chunks.drain(..).collect()
    }

    /// Returns how many bytes wait.
    #[cfg(test)]
    pub fn waiting(&self) -> usize {
        self.bytes
    }

    /// Returns how many bytes were skipped and not yet noted.
    #[cfg(test)]
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Returns the note for bytes skipped when nothing more comes after them (the sink is
    /// closing), if any were, and forgets them.
    pub fn final_note(&mut self) -> Option<Vec<u8>> {
        (self.skipped > 0).then(|| skipped_note(std::mem::take(&mut self.skipped)).into_bytes())
    }
}

/// Returns the note that stands where `n` bytes were skipped.
pub fn skipped_note(n: u64) -> String {
    format!("\r\n[mux: {n} bytes skipped: the log could not keep up]\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_wait_in_order_up_to_the_limit_then_are_counted_and_noted() {
        let mut b = SinkBuffer::with_limit(SINK_LIMIT);
        b.push(b"one ");
        b.push(b"two");
        assert_eq!(b.take().concat(), b"one two");
        let big = vec![b'x'; SINK_LIMIT];
        b.push(&big);
        b.push(b"lost");
        b.push(b"also lost");
        assert_eq!((b.waiting(), b.skipped()), (SINK_LIMIT, 13));
        assert_eq!(b.take().concat().len(), SINK_LIMIT);
        b.push(b"back");
        let text = String::from_utf8(b.take().concat()).unwrap();
        assert_eq!(
            text,
            "\r\n[mux: 13 bytes skipped: the log could not keep up]\r\nback"
        );
        assert_eq!(b.final_note(), None);
    }

    #[test]
    fn after_skipping_it_waits_until_half_is_free() {
        let mut b = SinkBuffer::with_limit(SINK_LIMIT);
        b.push(&vec![0; SINK_LIMIT - 10]);
        b.push(&[1; 20]);
        // There would be room for 5 bytes, but not half the limit: skipping goes on.
        b.push(&[2; 5]);
        assert_eq!(b.skipped(), 25);
        assert!(b.final_note().is_some_and(|n| n.ends_with(b"keep up]\r\n")));
    }
}
