//! The strings the filter takes out of the stream (OSC, DCS, SOS, PM, APC): collecting them
//! up to their cap, recognising their end, and handing them to the sink.

use super::EscAt;
use super::{Filter, Kind, Run, Sink, State, BEL, CAN, CLIPBOARD_CAP, ESC, STRING_CAP, SUB};

/// A string buffer larger than this is freed once its string has been handled.
const KEEP_CAPACITY: usize = 64 << 10;

impl Filter {
    /// Starts collecting a string of `kind`.
    pub(super) fn begin_string(&mut self, kind: Kind) -> State {
        self.buf.clear();
        self.overflow = false;
        self.tmux = false;
        State::String(kind)
    }

    /// Collects string bytes up to the next control; returns the next index to look at.
    pub(super) fn string(
        &mut self,
        run: &mut Run<'_>,
        i: usize,
        kind: Kind,
        sink: &mut impl Sink,
    ) -> usize {
        let rest = run.input.get(i..).unwrap_or_default();
        let n = rest.iter().position(|&b| b < 0x20).unwrap_or(rest.len());
        if kind != Kind::Other {
            self.collect(&rest[..n], kind, sink);
        }
        let Some(&b) = rest.get(n) else {
            return run.input.len();
        };
        let j = i + n;
        match b {
            BEL if kind == Kind::Osc || kind == Kind::Rename => {
                self.finish_string(kind, true, sink);
                self.state = State::Ground;
            }
            ESC => self.state = State::StringEscape(kind),
            CAN | SUB => {
                self.abandon_string();
                self.state = State::Ground;
            }
            // A DCS string keeps its other controls (DEC's passthrough "put"): a wrapped
            // sequence for tmux passthrough may end in BEL.
            _ if kind == Kind::Dcs => {
                self.collect(&[b], kind, sink);
                return j + 1;
            }
            _ => {}
        }
        if self.state != State::String(kind) {
            run.start = j + 1;
        }
        j + 1
    }

    /// Handles the byte after an ESC inside a string; returns the next index to look at.
    pub(super) fn string_escape(
        &mut self,
        run: &mut Run<'_>,
        i: usize,
        b: u8,
        kind: Kind,
        sink: &mut impl Sink,
    ) -> usize {
        if b == b'\\' {
            self.finish_string(kind, false, sink);
            self.state = State::Ground;
            run.start = i + 1;
            return i + 1;
        }
        if b == ESC && self.tmux {
            // tmux passthrough doubles each ESC inside the string.
            self.collect(&[ESC], kind, sink);
            self.state = State::String(kind);
            run.start = i + 1;
            return i + 1;
        }
        // Not a string terminator: the string is abandoned and the ESC starts a sequence.
        self.abandon_string();
        self.state = State::Escape;
        self.esc = EscAt::Owed;
        run.start = i;
        i
    }

    /// Appends string bytes, dropping the string once it goes over its cap.
    fn collect(&mut self, bytes: &[u8], kind: Kind, sink: &mut impl Sink) {
        if self.overflow || bytes.is_empty() {
            return;
        }
        let mut bytes = bytes;
        loop {
            let cap = self.cap(kind);
            let room = cap.saturating_sub(self.buf.len());
            let take = bytes.len().min(room);
            self.reserve(take, cap);
            self.buf.extend_from_slice(&bytes[..take]);
            if kind == Kind::Dcs && !self.tmux {
                self.tmux = self.buf.starts_with(b"tmux;");
            }
            bytes = &bytes[take..];
            if bytes.is_empty() {
                return;
            }
            if self.cap(kind) == cap {
                break;
            }
        }
        if kind == Kind::Osc && self.buf.starts_with(b"52;") {
            sink.clipboard_dropped();
        }
        self.overflow = true;
        self.release();
    }

    /// Returns the cap for the string being collected.
    fn cap(&self, kind: Kind) -> usize {
        if kind == Kind::Osc && self.buf.starts_with(b"52;") {
            CLIPBOARD_CAP
        } else {
            STRING_CAP
        }
    }

    /// Grows the buffer for `more` bytes, never beyond `cap`.
    fn reserve(&mut self, more: usize, cap: usize) {
        let needed = self.buf.len() + more;
        if needed > self.buf.capacity() {
            let target = needed
                .max(self.buf.capacity() * 2)
                .max(64)
                .min(cap.max(needed));
            self.buf.reserve_exact(target - self.buf.len());
        }
    }

    /// Empties the string buffer, freeing it if it grew large.
    fn release(&mut self) {
        if self.buf.capacity() > KEEP_CAPACITY {
            self.buf = Vec::new();
        } else {
            self.buf.clear();
        }
    }

    /// Forgets the string being collected.
    fn abandon_string(&mut self) {
        self.overflow = false;
        self.release();
    }

    /// Hands a terminated string to the sink.
    fn finish_string(&mut self, kind: Kind, bel: bool, sink: &mut impl Sink) {
        if !self.overflow {
            match kind {
                Kind::Osc => sink.osc(&self.buf, bel),
                Kind::Dcs => sink.dcs(&self.buf),
                Kind::Rename => sink.rename(&self.buf),
                Kind::Other => {}
            }
        }
        self.overflow = false;
        self.release();
    }
}
