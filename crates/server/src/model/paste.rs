//! A paste that arrives in pieces (a client streams a large paste in chunks under the frame
//! limit): the bytes for the pane, bracketed once around the whole paste when the pane asked
//! for bracketed paste, line feeds made carriage returns, and the bracket sequences taken out
//! of the text even when one is split between two pieces, so that pasted text can never end
//! the bracket early. A paste buffer is read into a pane the same way, piece by piece, by a
//! [`PasteSource`].

use std::sync::Arc;

use crate::ids::PaneId;

/// How much of a paste buffer is read into a pane at a time, in bytes.
pub const PIECE: usize = 64 << 10;

/// What a paste does with line feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Newlines {
    /// A pasted line ending (CR LF or LF) becomes a carriage return, as Enter types.
    Return,
    /// Every line feed becomes this text (`paste-buffer -s`, or a carriage return).
    Replace(String),
}

/// The sequence that opens a bracketed paste.
const OPEN: &str = "\x1b[200~";

/// The sequence that closes a bracketed paste.
const CLOSE: &str = "\x1b[201~";

/// One paste under way from one client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteStream {
    /// The pane it goes to (the client's active pane when it began).
    pub pane: PaneId,
    /// Whether the pane asked for bracketed paste when it began.
    bracketed: bool,
    /// Whether bracket sequences are taken out of the text.
    strip: bool,
    /// What line feeds become.
    newlines: Newlines,
    /// Whether the first piece has gone out (with the opening bracket).
    started: bool,
    /// The end of the last piece, held back because it may be the start of a bracket
    /// sequence or a CR LF pair that the next piece completes.
    carry: String,
    /// Whether part of it was refused: the rest is refused too, so the program never gets a
    /// paste with a hole in it.
    pub truncated: bool,
    /// How many bytes were refused.
    pub refused: usize,
}

impl PasteStream {
    /// Begins a paste into `pane`; `bracketed` says whether the pane asked for brackets.
    pub fn new(pane: PaneId, bracketed: bool) -> PasteStream {
        PasteStream {
            pane,
            bracketed,
            strip: true,
            newlines: Newlines::Return,
            started: false,
            carry: String::new(),
            truncated: false,
            refused: 0,
        }
    }

    /// Returns the bytes for the pane for the next piece of text; `last` ends the paste (the
    /// closing bracket and anything held back go out with it).
    pub fn feed(&mut self, text: &str, last: bool) -> Vec<u8> {
        let mut joined = std::mem::take(&mut self.carry);
        joined.push_str(text);
        let mut clean = if self.strip {
            strip_brackets(&joined)
        } else {
            joined
        };
        if !last {
            let keep = held_back(&clean);
            self.carry = clean.split_off(keep);
        }
        let mut out = Vec::with_capacity(clean.len() + 2 * OPEN.len());
        if self.bracketed && !self.started {
            out.extend_from_slice(OPEN.as_bytes());
        }
        self.started = true;
        let text = match &self.newlines {
            Newlines::Return => clean.replace("\r\n", "\r").replace('\n', "\r"),
            Newlines::Replace(with) => clean.replace('\n', with),
        };
        out.extend_from_slice(text.as_bytes());
        if self.bracketed && last {
            out.extend_from_slice(CLOSE.as_bytes());
        }
        out
    }

    /// Returns the bytes that end a paste whose rest was refused: the closing bracket, so the
    /// program does not stay in paste mode.
    pub fn close_truncated(&self) -> Vec<u8> {
        if self.bracketed && self.started {
            CLOSE.as_bytes().to_vec()
        } else {
            Vec::new()
        }
    }
}

/// A paste buffer being typed into a pane piece by piece: it shares the buffer's text (a
/// large buffer is never copied whole) and gives at most [`PIECE`] bytes of it at a time,
/// transformed as `paste-buffer` asked.
pub struct PasteSource {
    /// The buffer's text.
    data: Arc<str>,
    /// How much of it has been given.
    pos: usize,
    /// The transformation, which carries what a piece boundary splits.
    stream: PasteStream,
    /// Whether the last piece has been given.
    done: bool,
}

impl PasteSource {
    /// Begins typing `data` into `pane`: line feeds become `newlines`; with `bracketed`, the
    /// whole is bracketed once and bracket sequences inside it are taken out.
    pub fn new(pane: PaneId, data: Arc<str>, newlines: Newlines, bracketed: bool) -> PasteSource {
        let mut stream = PasteStream::new(pane, bracketed);
        stream.strip = bracketed;
        stream.newlines = newlines;
        PasteSource {
            data,
            pos: 0,
            stream,
            done: false,
        }
    }

    /// Returns about how many bytes are left to give.
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// Returns the bytes of the next piece, or `None` once all have been given.
    pub fn next_piece(&mut self) -> Option<Vec<u8>> {
        if self.done {
            return None;
        }
        let mut end = (self.pos + PIECE).min(self.data.len());
        while !self.data.is_char_boundary(end) {
            end += 1;
        }
        let last = end >= self.data.len();
        let piece = self.data.get(self.pos..end).unwrap_or_default();
        let out = self.stream.feed(piece, last);
        self.pos = end;
        self.done = last;
        Some(out)
    }
}

/// Removes the bracket sequences from `text`, again until none is left (removing one may
/// join the halves of another around it).
fn strip_brackets(text: &str) -> String {
    let mut s = text.to_string();
    while s.contains(OPEN) || s.contains(CLOSE) {
        s = s.replace(OPEN, "").replace(CLOSE, "");
    }
    s
}

/// Returns where the part of `clean` that must wait for the next piece begins: a trailing
/// CR (a LF may follow), or an escape near the end that may begin a bracket sequence.
fn held_back(clean: &str) -> usize {
    let tail_start = clean.len().saturating_sub(OPEN.len() - 1);
    let tail_start = (tail_start..=clean.len())
        .find(|&i| clean.is_char_boundary(i))
        .unwrap_or(clean.len());
    if let Some(esc) = clean[tail_start..].rfind('\x1b') {
        let at = tail_start + esc;
        let rest = &clean[at..];
        if OPEN.starts_with(rest) || CLOSE.starts_with(rest) {
            return at;
        }
    }
    if clean.ends_with('\r') {
        return clean.len() - 1;
    }
    clean.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `pieces` as one paste and returns what the pane gets.
    fn paste(bracketed: bool, pieces: &[&str]) -> String {
        let mut p = PasteStream::new(PaneId(0), bracketed);
        let mut out = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            out.extend(p.feed(piece, i + 1 == pieces.len()));
        }
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn one_piece_is_bracketed_once_with_line_feeds_as_returns() {
        assert_eq!(paste(true, &["a\nb\r\nc"]), "\x1b[200~a\rb\rc\x1b[201~");
        assert_eq!(paste(false, &["a\nb"]), "a\rb");
    }

    #[test]
    fn many_pieces_are_bracketed_once_around_the_whole() {
        assert_eq!(paste(true, &["ab", "cd", "ef"]), "\x1b[200~abcdef\x1b[201~");
    }

    #[test]
    fn a_closing_bracket_split_between_pieces_is_still_removed() {
        for split in 1..CLOSE.len() {
            let (a, b) = CLOSE.split_at(split);
            let got = paste(true, &[&format!("x{a}"), &format!("{b}y")]);
            assert_eq!(got, "\x1b[200~xy\x1b[201~", "split at {split}");
        }
    }

    #[test]
    fn a_bracket_rebuilt_by_removing_another_is_removed_too() {
        let nested = "\x1b[20\x1b[201~1~";
        assert_eq!(paste(false, &[nested]), "");
    }

    #[test]
    fn a_cr_lf_split_between_pieces_is_one_return() {
        assert_eq!(paste(false, &["a\r", "\nb"]), "a\rb");
    }

    /// Reads a whole paste buffer through a source.
    fn source(text: &str, newlines: Newlines, bracketed: bool) -> Vec<u8> {
        let mut s = PasteSource::new(PaneId(0), text.into(), newlines, bracketed);
        let mut out = Vec::new();
        while let Some(piece) = s.next_piece() {
            assert!(piece.len() <= PIECE + 2 * OPEN.len());
            out.extend(piece);
        }
        out
    }

    #[test]
    fn a_buffer_is_read_in_pieces_with_its_line_feeds_replaced() {
        let text = "line of text é漢\n".repeat(20_000);
        let got = source(&text, Newlines::Replace("\r".into()), false);
        assert_eq!(got, text.replace('\n', "\r").as_bytes());
        let got = source("a\r\nb\n", Newlines::Replace("\n".into()), false);
        assert_eq!(got, b"a\r\nb\n");
        assert_eq!(source("", Newlines::Return, false), b"");
        assert_eq!(source("", Newlines::Return, true), b"\x1b[200~\x1b[201~");
    }

    #[test]
    fn a_bracket_across_a_piece_boundary_is_removed_only_when_bracketed() {
        for at in PIECE - 6..PIECE + 1 {
            let text = format!("{}{CLOSE}z", "x".repeat(at));
            let got = source(&text, Newlines::Return, true);
            let want = format!("{OPEN}{}z{CLOSE}", "x".repeat(at));
            assert_eq!(got, want.as_bytes(), "close bracket at {at}");
            let raw = source(&text, Newlines::Return, false);
            assert_eq!(raw, text.as_bytes(), "unbracketed, at {at}");
        }
    }

    #[test]
    fn a_lone_escape_and_multibyte_text_pass_through() {
        assert_eq!(paste(false, &["é\x1b", "x漢"]), "é\x1bx漢");
        assert_eq!(paste(false, &["\x1b[2", "A"]), "\x1b[2A");
    }
}
