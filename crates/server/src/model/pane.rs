//! A pane as the model holds it: its terminal state, child pid, names and exit status, and
//! the handle to its PTY behind the OS seam ([`PaneIo`]).

use std::cell::Cell;
use std::time::{Duration, Instant};

use mux_term_emu::{Size as TermSize, Terminal};

use crate::ids::{ClientId, PaneId, ProgramId, SessionId, WindowId};
use crate::log::log;
use crate::model::backlog::Backlog;
use crate::model::backlog::MAX_SOURCES;
use crate::model::client::Turn;
use crate::model::copy::CopyMode;
use crate::model::os::{PaneIo, Started};
use crate::model::paste::PasteSource;

/// The most input that may wait for a pane's program (the PTY's queue), in bytes. A paste
/// larger than that waits in the pane's backlog and goes in as the program reads.
pub const INPUT_LIMIT: usize = 8 << 20;

/// How long a paste may wait without the program reading any of it before the rest is
/// refused, with `paste truncated: pane is not reading` on the status line.
pub const PASTE_STALL: Duration = Duration::from_secs(5);

/// What the status line tells the user when a paste is cut short.
pub const PASTE_TRUNCATED: &str = "paste truncated: pane is not reading";

/// What the status line tells the user when keys are refused.
pub const INPUT_DROPPED: &str = "input dropped: pane is not reading";

/// One pane and its running program.
pub struct Pane {
    /// The pane's id (`%N`).
    pub id: PaneId,
    /// The program running in it now; events of an earlier one are ignored.
    pub program: ProgramId,
    /// The session it belongs to.
    pub session: SessionId,
    /// The window it belongs to.
    pub window: WindowId,
    /// The terminal state parsed from the program's output.
    pub term: Terminal,
    /// The child's pid.
    pub pid: i32,
    /// The PTY slave's path, such as `/dev/pts/3`.
    pub tty: String,
    /// The pane's title when nothing set one: the host name, as tmux.
    pub default_title: String,
    /// The foreground process group whose command last named the window (automatic-rename).
    pub named_after: Option<i32>,
    /// Whether the pane wrote output since its foreground command was last looked at.
    pub name_stale: bool,
    /// The PTY and child, behind the OS seam.
    io: Box<dyn PaneIo>,
    /// The child's exit status once it has exited.
    pub exit_status: Option<i32>,
    /// Whether the reader has finished.
    pub closed: bool,
    /// Since when the program has been inside a synchronized update (mode 2026), if it is.
    pub synchronized_since: Option<Instant>,
    /// Copy mode, while the pane is in it.
    pub copy: Option<CopyMode>,
    /// The text view mode shows, while the pane is in it: copy mode then looks at this
    /// terminal instead of `term`.
    pub view: Option<Terminal>,
    /// Whether the pane shows a big clock (clock-mode) until a key is pressed.
    pub clock: bool,
    /// The command words the program was started with (empty for the default shell), which
    /// respawn-pane runs again when given none, as in tmux.
    pub command: Vec<String>,
    /// Paste input that did not fit in the PTY's queue yet.
    backlog: Backlog,
    /// Something the pane refused that the user must hear of: who sent it (if known) and the
    /// message for the status line.
    pub notice: Cell<Option<(Option<ClientId>, &'static str)>>,
    /// Where its output goes besides the screen (`pipe-pane`, `mux log`), if anywhere.
    pub pipe: Option<crate::model::pipes::PanePipe>,
}

/// Where a new pane belongs and what it starts with.
pub struct PanePlace {
    /// The pane's id.
    pub id: PaneId,
    /// The program's id.
    pub program: ProgramId,
    /// The session.
    pub session: SessionId,
    /// The window.
    pub window: WindowId,
    /// The terminal's size.
    pub size: TermSize,
    /// The history limit.
    pub history: usize,
    /// The title shown until the program sets one.
    pub default_title: String,
}

impl Pane {
    /// Makes the pane for a program that was started.
    pub fn new(place: PanePlace, started: Started) -> Pane {
        log!(
            "pane %{} started pid {} on {}",
            place.id.0,
            started.pid,
            started.tty
        );
        Pane {
            id: place.id,
            program: place.program,
            session: place.session,
            window: place.window,
            term: Terminal::new(place.size, place.history),
            pid: started.pid,
            tty: started.tty,
            default_title: place.default_title,
            named_after: None,
            name_stale: false,
            io: started.io,
            exit_status: None,
            closed: false,
            synchronized_since: None,
            copy: None,
            view: None,
            clock: false,
            command: Vec::new(),
            backlog: Backlog::default(),
            notice: Cell::new(None),
            pipe: None,
        }
    }

    /// Queues bytes for the program (keys, replies to its queries, mouse and focus reports).
    /// Returns how many bytes were refused: all of them when the program has left
    /// [`INPUT_LIMIT`] bytes unread, so a stuck pane cannot grow server memory. A refusal is
    /// logged and noted for the status line.
    pub fn write(&self, bytes: Vec<u8>) -> usize {
        if bytes.is_empty() {
            return 0;
        }
        if self.io.queued() + bytes.len() > INPUT_LIMIT {
            log!(
                "pane %{}: {} bytes of input refused, the pane is not reading",
                self.id.0,
                bytes.len()
            );
            self.notice.set(Some((None, INPUT_DROPPED)));
            return bytes.len();
        }
        bytes.len() - self.io.write(&bytes)
    }

    /// Queues a paste, or any large input, for the program: what does not fit in the PTY's
    /// queue now waits in the pane and goes in as the program reads (keeping the turn of the
    /// client it came from, see [`Pane::hold`]). Returns how many bytes were refused: all of
    /// them when [`INPUT_LIMIT`] bytes of paste already wait. If the program reads none of a
    /// waiting paste for [`PASTE_STALL`], the rest is dropped ([`Pane::drop_stalled`]).
    /// `from` is the client that pasted, when there is one, to be told of a refusal.
    pub fn paste(&mut self, bytes: Vec<u8>, now: Instant, from: Option<ClientId>) -> usize {
        let len = bytes.len();
        match self.backlog.paste(self.io.as_ref(), bytes, now, from) {
            Ok(()) => 0,
            Err(refused) => {
                log!(
                    "pane %{}: paste of {len} bytes refused, the pane is not reading",
                    self.id.0
                );
                self.notice.set(Some((from, PASTE_TRUNCATED)));
                refused
            }
        }
    }

    /// Queues a paste buffer for the program, read from the buffer piece by piece as the
    /// program reads, behind any paste that waits. Returns an error when too many buffers
    /// already wait for it.
    pub fn paste_source(&mut self, source: PasteSource, now: Instant) -> Result<(), String> {
        if self.backlog.paste_source(self.io.as_ref(), source, now) {
            Ok(())
        } else {
            Err(format!(
                "pane %{}: {MAX_SOURCES} pastes already wait for it",
                self.id.0
            ))
        }
    }

    /// Returns whether a paste was added to the backlog since the last call, and forgets it.
    pub fn take_fresh_backlog(&mut self) -> bool {
        self.backlog.take_fresh()
    }

    /// Keeps a client's turn until the backlog is gone: the client's next message waits.
    pub fn hold(&mut self, turn: Turn) {
        self.backlog.hold(turn);
    }

    /// The PTY's queue has room again: moves waiting paste input into it. When none is left,
    /// the clients whose turns it held may send again.
    pub fn pump(&mut self, now: Instant) {
        self.backlog.pump(self.io.as_ref(), now);
    }

    /// Returns when a waiting paste counts as stalled, if one waits.
    pub fn backlog_deadline(&self) -> Option<Instant> {
        self.backlog.deadline(PASTE_STALL)
    }

    /// Drops a waiting paste that the program has not read from for [`PASTE_STALL`], and
    /// what waits unread in the PTY's queue; notes it for the status line and returns the
    /// client it came from, if any, and how many bytes were dropped.
    pub fn drop_stalled(&mut self, now: Instant) -> Option<(Option<ClientId>, usize)> {
        if !matches!(self.backlog_deadline(), Some(t) if t <= now) {
            return None;
        }
        let (from, dropped) = self.backlog.drop_all();
        log!(
            "pane %{}: {dropped} bytes of paste dropped, the pane is not reading",
            self.id.0
        );
        // What the program never read of it goes too, so keys get through again.
        let unread = self.io.queued();
        self.io.discard_queued();
        self.notice.set(Some((from, PASTE_TRUNCATED)));
        Some((from, dropped + unread))
    }

    /// Resizes the terminal state and the PTY (whose program hears of it once resizes stop
    /// for a moment: see `io::os`).
    pub fn resize(&mut self, size: TermSize) {
        if self.term.size() == size {
            return;
        }
        match (self.copy.as_mut(), self.view.as_mut()) {
            (Some(copy), Some(view)) => {
                self.term.resize(size);
                copy.resize(view, size);
            }
            (Some(copy), None) => copy.resize(&mut self.term, size),
            (None, _) => self.term.resize(size),
        }
        if let Err(e) = self.io.resize(size) {
            log!("pane %{}: resize failed: {e}", self.id.0);
        }
    }

    /// Asks the reader to read what is left and then report the pane closed.
    pub fn start_drain(&self) {
        self.io.start_drain();
    }

    /// Sends SIGHUP to the child's process group, as a terminal hangup would.
    pub fn hangup(&self) {
        if self.exit_status.is_none() {
            self.io.hangup();
        }
    }

    /// Returns the name of the command in the foreground of the PTY (`bash`, `vim`).
    pub fn current_command(&self) -> Option<String> {
        self.io.foreground_command()
    }

    /// Returns the pane's title: the one its program set, else the host name.
    pub fn title(&self) -> &str {
        match self.term.title() {
            "" => &self.default_title,
            t => t,
        }
    }

    /// Returns the pane's working directory: the one its program reported with OSC 7 if any,
    /// else that of its foreground process.
    pub fn current_path(&self) -> String {
        if let Some(cwd) = self.term.cwd() {
            return cwd.to_string();
        }
        self.io.foreground_cwd().unwrap_or_default()
    }

    /// Notes when the program entered a synchronized update, or that it left it.
    pub fn track_synchronized(&mut self, now: Instant) {
        if !self.term.synchronized() {
            self.synchronized_since = None;
        } else if self.synchronized_since.is_none() {
            self.synchronized_since = Some(now);
        }
    }

    /// Returns the terminal copy mode looks at: the view's text in view mode, else the
    /// pane's own.
    pub fn copy_term(&self) -> &Terminal {
        self.view.as_ref().unwrap_or(&self.term)
    }

    /// Returns the PTY's foreground process group, or the child's pid when it has none.
    pub fn foreground(&self) -> i32 {
        self.io.foreground()
    }
}
