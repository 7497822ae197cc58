//! A streaming byte filter in front of the parser: it passes through what the parser handles,
//! rewrites DEC line-drawing characters, and takes out the strings (OSC, DCS, SOS, PM, APC) so
//! term-emu can answer or act on them with bounded buffers.
//!
//! The filter follows the same state machine as the parser (Paul Williams' DEC parser, as
//! implemented by `vte`), so both agree on where every sequence starts and ends. Plain text
//! and CSI sequences are passed on as slices of the input; only strings are buffered, each
//! capped ([`STRING_CAP`], or [`CLIPBOARD_CAP`] for OSC 52), so memory stays bounded whatever
//! the program writes. Sequences may be split anywhere across calls to [`Filter::feed`].

mod charset;
mod csi;
pub(crate) mod dcs;
pub(crate) mod osc;
mod scan;
mod strings;

pub(crate) use charset::Charsets;
pub(crate) use csi::Csi;
use scan::{find_shift_or_escape, plain_csi_len};

/// The most bytes kept of an OSC or DCS string; longer ones are dropped whole.
pub(crate) const STRING_CAP: usize = 4 << 10;
/// The most bytes kept of an OSC 52 (clipboard) string.
pub(crate) const CLIPBOARD_CAP: usize = 1 << 20;

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;
const CAN: u8 = 0x18;
const SUB: u8 = 0x1a;
const SO: u8 = 0x0e;
const SI: u8 = 0x0f;

/// Where the filter's output goes, in stream order.
pub(crate) trait Sink {
    /// Bytes for the parser.
    fn pass(&mut self, bytes: &[u8]);
    /// Text met in the ground state: no ESC, SO or SI, and no character-set translation.
    fn text(&mut self, bytes: &[u8]) {
        self.pass(bytes);
    }
    /// A complete CSI sequence ending in `m` (SGR, or a private `m` the parser decides on),
    /// met in the ground state.
    fn sgr(&mut self, sequence: &[u8]) {
        self.pass(sequence);
    }
    /// A complete OSC string (without `ESC ]` and terminator); `bel` tells whether BEL ended it.
    fn osc(&mut self, body: &[u8], bel: bool);
    /// A complete DCS string (without `ESC P` and `ESC \`).
    fn dcs(&mut self, body: &[u8]);
    /// A complete window-name string (`ESC k` name `ESC \`), as screen and tmux take it.
    fn rename(&mut self, name: &[u8]);
    /// A CSI sequence worth tracking, already passed to the parser.
    fn csi(&mut self, csi: &Csi);
    /// A full reset (`ESC c`), already passed to the parser.
    fn reset(&mut self);
    /// An OSC 52 string went over [`CLIPBOARD_CAP`] and was dropped.
    fn clipboard_dropped(&mut self);
}

/// The parser state, mirroring vte's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Ground,
    Escape,
    EscapeIntermediate,
    Csi,
    CsiIgnore,
    /// Inside a string of the given kind.
    String(Kind),
    /// After an ESC inside a string: `\` ends it.
    StringEscape(Kind),
}

/// The kinds of string the filter takes out of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Osc,
    Dcs,
    /// `ESC k`: the window name screen and tmux take from it.
    Rename,
    /// SOS, PM and APC: discarded.
    Other,
}

/// Where the ESC that started the current escape sequence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EscAt {
    /// At this index of the current input, not yet passed on.
    Input(usize),
    /// Outside the current input and not passed on: it is owed to the parser if the
    /// sequence turns out to be one the parser should see.
    Owed,
}

/// The pass-through range of the input being fed.
struct Run<'a> {
    input: &'a [u8],
    /// Start of the bytes not yet passed on or dropped.
    start: usize,
}

impl Run<'_> {
    /// Passes on the bytes from `start` up to `to`.
    fn flush(&mut self, to: usize, sink: &mut impl Sink) {
        if to > self.start {
            if let Some(bytes) = self.input.get(self.start..to) {
                sink.pass(bytes);
            }
        }
        self.start = to.max(self.start);
    }
}

/// The filter's state between calls to [`Filter::feed`].
pub(crate) struct Filter {
    state: State,
    esc: EscAt,
    /// The first intermediate of an escape sequence, and how many there were.
    esc_intermediate: (u8, u8),
    csi: Csi,
    charsets: Charsets,
    /// The OSC or DCS string being collected.
    buf: Vec<u8>,
    /// Whether the current string went over its cap and is being skipped.
    overflow: bool,
    /// Whether the current string is tmux passthrough (`DCS tmux;`), where ESC is doubled.
    tmux: bool,
    /// Reused for text rewritten in the DEC special graphics set.
    scratch: Vec<u8>,
}

impl Filter {
    /// Creates a filter in the ground state with ASCII character sets.
    pub(crate) fn new() -> Filter {
        Filter {
            state: State::Ground,
            esc: EscAt::Owed,
            esc_intermediate: (0, 0),
            csi: Csi::default(),
            charsets: Charsets::default(),
            buf: Vec::new(),
            overflow: false,
            tmux: false,
            scratch: Vec::new(),
        }
    }

    /// Returns whether the filter (and so the parser, whose state machine it follows) is
    /// between sequences: a checkpoint taken now misses no half-read sequence.
    pub(crate) fn at_ground(&self) -> bool {
        self.state == State::Ground
    }

    /// Returns the character sets, which are all a checkpoint keeps of the filter (it is
    /// taken in the ground state, where nothing else is pending).
    pub(crate) fn charsets(&self) -> Charsets {
        self.charsets
    }

    /// Returns a filter in the ground state with these character sets.
    pub(crate) fn with_charsets(charsets: Charsets) -> Filter {
        Filter {
            charsets,
            ..Filter::new()
        }
    }

    /// Returns the capacity of the string buffer, to check that it stays bounded.
    #[cfg(test)]
    pub(crate) fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Feeds program output through the filter into `sink`.
    pub(crate) fn feed(&mut self, input: &[u8], sink: &mut impl Sink) {
        let mut run = Run { input, start: 0 };
        let mut i = 0;
        while i < input.len() {
            i = match self.state {
                State::Ground => self.ground(&mut run, i, sink),
                State::Csi => self.csi_params(&mut run, i, sink),
                State::String(kind) => self.string(&mut run, i, kind, sink),
                _ => self.step(&mut run, i, sink),
            };
        }
        match self.state {
            State::String(_) | State::StringEscape(_) => {}
            State::Escape => self.detach_esc(&mut run, input.len(), sink),
            _ => run.flush(input.len(), sink),
        }
    }

    /// Handles plain text up to the next ESC, SO or SI, or that byte itself.
    fn ground(&mut self, run: &mut Run<'_>, i: usize, sink: &mut impl Sink) -> usize {
        let rest = run.input.get(i..).unwrap_or_default();
        let n = find_shift_or_escape(rest).unwrap_or(rest.len());
        if n > 0 {
            if self.charsets.graphics_active() {
                self.translate(run, i, &rest[..n], sink);
            } else {
                run.flush(i, sink);
                sink.text(&rest[..n]);
                run.start = i + n;
            }
            return i + n;
        }
        match rest.first() {
            Some(&ESC) => {
                if let Some(len) = plain_csi_len(rest) {
                    if rest.get(len - 1) == Some(&b'm') {
                        run.flush(i, sink);
                        sink.sgr(&rest[..len]);
                        run.start = i + len;
                    }
                    return i + len;
                }
                self.begin_escape(i);
            }
            Some(&b) => self.charsets.shift(b == SO),
            None => {}
        }
        i + 1
    }

    /// Passes on `text`, found at input index `i`, with DEC special graphics in place of
    /// the bytes 0x5f to 0x7e.
    fn translate(&mut self, run: &mut Run<'_>, i: usize, text: &[u8], sink: &mut impl Sink) {
        if !text.iter().any(|&b| charset::is_graphic(b)) {
            return;
        }
        run.flush(i, sink);
        // Piece by piece, so the scratch buffer stays small whatever the caller feeds.
        for piece in text.chunks(1024) {
            self.scratch.clear();
            for &b in piece {
                if charset::is_graphic(b) {
                    self.scratch
                        .extend_from_slice(charset::dec_graphic(b).as_bytes());
                } else {
                    self.scratch.push(b);
                }
            }
            sink.pass(&self.scratch);
        }
        run.start = i + text.len();
    }

    /// Feeds CSI parameter and intermediate bytes in a tight loop; other bytes go to
    /// [`Filter::step`].
    fn csi_params(&mut self, run: &mut Run<'_>, i: usize, sink: &mut impl Sink) -> usize {
        let rest = run.input.get(i..).unwrap_or_default();
        for (k, &b) in rest.iter().enumerate() {
            if !(0x20..=0x3f).contains(&b) {
                return if k == 0 {
                    self.step(run, i, sink)
                } else {
                    i + k
                };
            }
            if !self.csi.push(b) {
                self.state = State::CsiIgnore;
                return i + k + 1;
            }
        }
        run.input.len()
    }

    /// Enters the escape state for the ESC at input index `at`.
    fn begin_escape(&mut self, at: usize) {
        self.state = State::Escape;
        self.esc = EscAt::Input(at);
    }

    /// Handles one byte in the escape and CSI states; returns the next index to look at.
    fn step(&mut self, run: &mut Run<'_>, i: usize, sink: &mut impl Sink) -> usize {
        let b = run.input.get(i).copied().unwrap_or(0);
        match (self.state, b) {
            (State::StringEscape(kind), _) => return self.string_escape(run, i, b, kind, sink),
            (State::Escape, _) => self.escape(run, i, b, sink),
            (_, CAN | SUB) => self.state = State::Ground,
            (_, ESC) => self.begin_escape(i),
            (_, 0x00..=0x1f) => self.control(b),
            (State::EscapeIntermediate, _) => self.escape_intermediate(b),
            (State::Csi, _) => self.csi_byte(run, i, b, sink),
            (State::CsiIgnore, 0x40..=0x7e) => self.state = State::Ground,
            _ => {}
        }
        i + 1
    }

    /// Executes a C0 control met inside a sequence (the parser executes it too).
    fn control(&mut self, b: u8) {
        if b == SO || b == SI {
            self.charsets.shift(b == SO);
        }
    }

    /// Handles the byte after an ESC.
    fn escape(&mut self, run: &mut Run<'_>, i: usize, b: u8, sink: &mut impl Sink) {
        match b {
            CAN | SUB => {
                self.drop_esc(run, sink);
                self.state = State::Ground;
            }
            ESC => {
                self.drop_esc(run, sink);
                self.esc = EscAt::Input(i);
            }
            0x00..=0x1f => self.control(b),
            b']' | b'P' | b'X' | b'^' | b'_' | b'\\' | b'k' => {
                self.drop_esc(run, sink);
                run.flush(i, sink);
                run.start = i + 1;
                self.state = match b {
                    b']' => self.begin_string(Kind::Osc),
                    b'P' => self.begin_string(Kind::Dcs),
                    b'k' => self.begin_string(Kind::Rename),
                    b'\\' => State::Ground,
                    _ => State::String(Kind::Other),
                };
            }
            0x20..=0x2f => {
                self.keep_esc(run, i, sink);
                self.esc_intermediate = (b, 1);
                self.state = State::EscapeIntermediate;
            }
            b'[' => {
                self.keep_esc(run, i, sink);
                self.csi = Csi::default();
                self.state = State::Csi;
            }
            0x30..=0x7e => {
                self.keep_esc(run, i, sink);
                self.state = State::Ground;
                self.escape_final(run, i, b, sink);
            }
            _ => {
                // vte ignores DEL and high bytes here; keep them from the parser's ground state.
                self.detach_esc(run, i, sink);
                run.start = i + 1;
            }
        }
    }

    /// Acts on a complete two-byte escape sequence ending at input index `i`.
    fn escape_final(&mut self, run: &mut Run<'_>, i: usize, b: u8, sink: &mut impl Sink) {
        match b {
            b'c' => {
                run.flush(i + 1, sink);
                self.charsets = Charsets::default();
                sink.reset();
            }
            b'7' => self.charsets.save(),
            b'8' => self.charsets.restore(),
            _ => {}
        }
    }

    /// Handles a byte after `ESC` and an intermediate: designations live here.
    fn escape_intermediate(&mut self, b: u8) {
        match b {
            0x20..=0x2f => self.esc_intermediate.1 = self.esc_intermediate.1.saturating_add(1),
            0x30..=0x7e => {
                if self.esc_intermediate.1 == 1 {
                    self.charsets.designate(self.esc_intermediate.0, b);
                }
                self.state = State::Ground;
            }
            _ => {}
        }
    }

    /// Handles a byte of a CSI sequence.
    fn csi_byte(&mut self, run: &mut Run<'_>, i: usize, b: u8, sink: &mut impl Sink) {
        if !self.csi.push(b) {
            self.state = State::CsiIgnore;
            return;
        }
        if !(0x40..=0x7e).contains(&b) {
            return;
        }
        self.state = State::Ground;
        if self.csi.is_soft_reset() {
            self.charsets = Charsets::default();
        }
        if self.csi.is_tracked() {
            run.flush(i + 1, sink);
            self.charsets.on_private_modes(&self.csi);
            sink.csi(&self.csi);
        }
    }

    /// Forgets the pending ESC: the sequence it starts is not for the parser.
    fn drop_esc(&mut self, run: &mut Run<'_>, sink: &mut impl Sink) {
        if let EscAt::Input(at) = self.esc {
            run.flush(at, sink);
            run.start = at + 1;
        }
        self.esc = EscAt::Owed;
    }

    /// Makes sure the pending ESC reaches the parser before the byte at `i`.
    fn keep_esc(&mut self, run: &mut Run<'_>, i: usize, sink: &mut impl Sink) {
        if self.esc == EscAt::Owed {
            run.flush(i, sink);
            sink.pass(&[ESC]);
        }
        self.esc = EscAt::Owed;
    }

    /// Passes on everything before `i` except the pending ESC, which becomes owed.
    fn detach_esc(&mut self, run: &mut Run<'_>, i: usize, sink: &mut impl Sink) {
        self.drop_esc(run, sink);
        run.flush(i, sink);
    }
}

#[cfg(test)]
mod stress;
#[cfg(test)]
mod tests;
