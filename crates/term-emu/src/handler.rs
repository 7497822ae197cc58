//! The vt100 callbacks: collect replies, titles, bells and scrolled-off rows while parsing.

use vt100::Screen;

use crate::history::History;

/// State gathered during one or more calls to `process`.
pub(crate) struct Handler {
    /// Bytes owed to the program (answers to queries).
    pub replies: Vec<u8>,
    /// The pane title from OSC 0 or 2.
    pub title: String,
    /// Whether the title changed since the last `process` returned.
    pub title_changed: bool,
    /// Bells rung since the last `process` returned.
    pub bells: usize,
    /// Mode 1004: focus reporting.
    pub focus_reporting: bool,
    /// The scrollback.
    pub history: History,
}

/// The longest title kept, in bytes; longer ones are cut at a character boundary.
const MAX_TITLE: usize = 1024;

/// DA1 answer: a VT100 with advanced video, as tmux answers.
const DA1_REPLY: &[u8] = b"\x1b[?1;2c";
/// DA2 answer: terminal type 84 (`T`, as tmux), version 0.
const DA2_REPLY: &[u8] = b"\x1b[>84;0;0c";

impl Handler {
    /// Creates a handler whose history keeps `history_limit` rows.
    pub fn new(history_limit: usize) -> Handler {
        Handler {
            replies: Vec::new(),
            title: String::new(),
            title_changed: false,
            bells: 0,
            focus_reporting: false,
            history: History::new(history_limit),
        }
    }

    /// Records a new title.
    fn set_title(&mut self, bytes: &[u8]) {
        let mut title = String::from_utf8_lossy(bytes).into_owned();
        title.retain(|c| !c.is_control());
        if title.len() > MAX_TITLE {
            let mut end = MAX_TITLE;
            while !title.is_char_boundary(end) {
                end -= 1;
            }
            title.truncate(end);
        }
        if title != self.title {
            self.title = title;
            self.title_changed = true;
        }
    }

    /// Answers a device status report.
    fn status_report(&mut self, screen: &Screen, private: bool, kind: u16) {
        match kind {
            5 if !private => self.replies.extend_from_slice(b"\x1b[0n"),
            6 => {
                let (row, col) = screen.cursor_position();
                let q = if private { "?" } else { "" };
                let reply = format!("\x1b[{q}{};{}R", row + 1, col + 1);
                self.replies.extend_from_slice(reply.as_bytes());
            }
            _ => {}
        }
    }

    /// Tracks the private modes vt100 leaves to us.
    fn private_mode(&mut self, params: &[&[u16]], on: bool) {
        for p in params {
            if p.first() == Some(&1004) {
                self.focus_reporting = on;
            }
        }
    }
}

impl vt100::Callbacks for Handler {
    fn audible_bell(&mut self, _: &mut Screen) {
        self.bells += 1;
    }

    fn set_window_title(&mut self, _: &mut Screen, title: &[u8]) {
        self.set_title(title);
    }

    fn unhandled_csi(
        &mut self,
        screen: &mut Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, i2, c) {
            (None, None, 'c') if first == 0 => self.replies.extend_from_slice(DA1_REPLY),
            (Some(b'>'), None, 'c') if first == 0 => self.replies.extend_from_slice(DA2_REPLY),
            (None, None, 'n') => self.status_report(screen, false, first),
            (Some(b'?'), None, 'n') => self.status_report(screen, true, first),
            (Some(b'?'), None, 'h') => self.private_mode(params, true),
            (Some(b'?'), None, 'l') => self.private_mode(params, false),
            _ => {}
        }
    }

    fn unhandled_osc(&mut self, _: &mut Screen, params: &[&[u8]]) {
        // vt100 splits OSC strings on `;`; a title containing one arrives here in pieces.
        if let Some((kind, rest)) = params.split_first() {
            if (*kind == b"0" || *kind == b"2") && !rest.is_empty() {
                let joined = rest.join(&b';');
                self.set_title(&joined);
            }
        }
    }

    fn on_scroll(&mut self, contents: vt100::capture::RowContents<'_>, alternate_screen: bool) {
        if alternate_screen || self.history.limit() == 0 {
            return;
        }
        let mut state = vt100::capture::BasicFormattedCaptureState::new();
        let mut formatted = String::new();
        if contents
            .write_formatted_basic(&mut formatted, &mut state)
            .is_err()
        {
            return;
        }
        // The capture state is opaque; its debug form is the only way to learn whether the
        // row wrapped. Should that form change, rows are kept as unwrapped, which only loses
        // the joining of wrapped lines.
        let wrapped = format!("{state:?}").contains("newline_pending: false");
        self.history.push(formatted, wrapped);
    }
}
