//! A pane as the model holds it: its terminal state, child pid, names and exit status, and
//! the handle to its PTY behind the OS seam ([`PaneIo`]).

use std::time::Instant;

use mux_term_emu::{Size as TermSize, Terminal};

use crate::ids::{PaneId, ProgramId, SessionId, WindowId};
use crate::log::log;
use crate::model::copy::CopyMode;
use crate::model::os::{PaneIo, Started};

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
        }
    }

    /// Queues bytes for the program; drops them (and logs) when the program is not reading
    /// and the queue is full, so a stuck pane cannot grow server memory.
    pub fn write(&self, bytes: Vec<u8>) {
        if !bytes.is_empty() {
            self.io.write(bytes);
        }
    }

    /// Resizes the terminal state and the PTY.
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
