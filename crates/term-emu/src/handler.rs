//! The vt100 callbacks: collect replies, bells and scrolled-off rows while parsing, and hold
//! the state term-emu keeps beside vt100 (title, modes, colours, clipboard, cwd).
//!
//! vt100 never sees an OSC or DCS string: the filter takes them out and `osc.rs` and `dcs.rs`
//! act on them here. CSI queries do reach vt100, which reports them through `unhandled_csi`
//! at the moment they are parsed, so a cursor position report uses the cursor of that moment.

use std::fmt::Write as _;

use vt100::Screen;

use crate::filter::osc::Colours;
use crate::history::History;
use crate::modes::Tracker;
use crate::types::ClipboardSet;

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
    /// Modes vt100 does not track or expose.
    pub modes: Tracker,
    /// The colours reported to OSC 10, 11 and 12 queries.
    pub colours: Colours,
    /// Clipboard writes (OSC 52) since the last `process` returned.
    pub clipboard: Vec<ClipboardSet>,
    /// Clipboard writes dropped for their size since the last `process` returned.
    pub dropped_clipboard: usize,
    /// Clipboard reads refused since the last `process` returned.
    pub clipboard_denied: usize,
    /// The working directory from OSC 7.
    pub cwd: Option<String>,
    /// Whether the working directory changed since the last `process` returned.
    pub cwd_changed: bool,
    /// The scrollback.
    pub history: History,
    /// Reused while capturing a scrolled-off row.
    scratch: String,
}

/// The longest title kept, in bytes; longer ones are cut at a character boundary.
const MAX_TITLE: usize = 1024;

/// DA1 answer: a VT100 with advanced video, as tmux answers.
const DA1_REPLY: &[u8] = b"\x1b[?1;2c";
/// DA2 answer: terminal type 84 (`T`, as tmux), version 0.
const DA2_REPLY: &[u8] = b"\x1b[>84;0;0c";
/// DA3 answer: the unit id, all zeros as xterm reports it.
const DA3_REPLY: &[u8] = b"\x1bP!|00000000\x1b\\";
/// The cell size in pixels reported to window-size queries, for want of a real one.
const CELL_PIXELS: (u32, u32) = (16, 8);

impl Handler {
    /// Creates a handler whose history keeps `history_limit` rows.
    pub fn new(history_limit: usize) -> Handler {
        Handler {
            replies: Vec::new(),
            title: String::new(),
            title_changed: false,
            bells: 0,
            modes: Tracker::default(),
            colours: Colours::default(),
            clipboard: Vec::new(),
            dropped_clipboard: 0,
            clipboard_denied: 0,
            cwd: None,
            cwd_changed: false,
            history: History::new(history_limit),
            scratch: String::new(),
        }
    }

    /// Records a new title, without control characters and cut to [`MAX_TITLE`] bytes.
    pub fn set_title(&mut self, bytes: &[u8]) {
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

    /// Appends a formatted reply.
    fn reply(&mut self, args: std::fmt::Arguments<'_>) {
        let mut s = String::new();
        if s.write_fmt(args).is_ok() {
            self.replies.extend_from_slice(s.as_bytes());
        }
    }

    /// Answers a device status report.
    fn status_report(&mut self, screen: &Screen, private: bool, kind: u16) {
        match kind {
            5 if !private => self.replies.extend_from_slice(b"\x1b[0n"),
            6 => {
                let (row, col) = screen.cursor_position();
                let q = if private { "?" } else { "" };
                self.reply(format_args!("\x1b[{q}{};{}R", row + 1, col + 1));
            }
            _ => {}
        }
    }

    /// Answers the xterm window operations that report sizes (14, 16 and 18); the others,
    /// such as the title report (21), get no answer.
    fn window_op(&mut self, screen: &Screen, op: u16) {
        let (rows, cols) = screen.size();
        let (rows, cols) = (u32::from(rows.get()), u32::from(cols.get()));
        let (h, w) = CELL_PIXELS;
        match op {
            14 => self.reply(format_args!("\x1b[4;{};{}t", rows * h, cols * w)),
            16 => self.reply(format_args!("\x1b[6;{h};{w}t")),
            18 => self.reply(format_args!("\x1b[8;{rows};{cols}t")),
            _ => {}
        }
    }
}

impl vt100::Callbacks for Handler {
    fn audible_bell(&mut self, _: &mut Screen) {
        self.bells += 1;
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
            (Some(b'='), None, 'c') if first == 0 => self.replies.extend_from_slice(DA3_REPLY),
            (Some(b'>'), None, 'q') if first == 0 => self.reply(format_args!(
                "\x1bP>|mux {}\x1b\\",
                env!("CARGO_PKG_VERSION")
            )),
            (None, None, 'n') => self.status_report(screen, false, first),
            (Some(b'?'), None, 'n') => self.status_report(screen, true, first),
            (None, None, 't') => self.window_op(screen, first),
            (Some(b'?'), None, 'u') => self.replies.extend_from_slice(b"\x1b[?0u"),
            (Some(b'?'), Some(b'$'), 'p') => {
                let state = self.modes.private_mode_state(screen, first);
                self.reply(format_args!("\x1b[?{first};{state}$y"));
            }
            (Some(b'$'), None, 'p') => {
                let state = Tracker::ansi_mode_state(first);
                self.reply(format_args!("\x1b[{first};{state}$y"));
            }
            (Some(b'?'), None, 'h') => self.modes.private_modes(params, true),
            (Some(b'?'), None, 'l') => self.modes.private_modes(params, false),
            _ => {}
        }
    }

    fn on_scroll(&mut self, contents: vt100::capture::RowContents<'_>, alternate_screen: bool) {
        if alternate_screen || self.history.limit() == 0 {
            return;
        }
        let mut state = vt100::capture::BasicFormattedCaptureState::new();
        self.scratch.clear();
        if contents
            .write_formatted_basic(&mut self.scratch, &mut state)
            .is_err()
        {
            return;
        }
        let wrapped = !newline_pending(&state);
        self.history.push(self.scratch.clone(), wrapped);
    }
}

/// Returns whether a capture state has a newline pending, meaning the row it last captured
/// did not wrap.
///
/// The capture state is opaque; its debug form is the only way to read this. It is scanned
/// as it is written, without allocating. Should that form change, rows are kept as unwrapped,
/// which only loses the joining of wrapped lines.
fn newline_pending(state: &vt100::capture::BasicFormattedCaptureState) -> bool {
    let mut scan = FieldScan::default();
    // The scanner never fails; an error could only come from a broken Debug impl.
    let _ = write!(scan, "{state:?}");
    scan.value != Some(false)
}

/// A `fmt::Write` that finds the value of the `newline_pending` field in a debug form.
#[derive(Default)]
struct FieldScan {
    /// Whether the field name has been seen and its value is still to come.
    armed: bool,
    value: Option<bool>,
}

impl std::fmt::Write for FieldScan {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        const FIELD: &str = "newline_pending";
        if self.value.is_some() {
            return Ok(());
        }
        let rest = if self.armed {
            s
        } else if let Some(at) = s
            .as_bytes()
            .windows(FIELD.len())
            .position(|w| w == FIELD.as_bytes())
        {
            self.armed = true;
            &s[at + FIELD.len()..]
        } else {
            return Ok(());
        };
        let rest = rest.trim_start_matches([':', ' ']);
        if let Some(b) = rest.bytes().next() {
            self.value = Some(b == b't');
        }
        Ok(())
    }
}
