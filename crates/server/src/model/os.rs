//! The one seam between the model and the operating system (DESIGN 9): starting a pane's
//! program on a pseudo-terminal, what a running pane needs from its PTY, the clock and the
//! host name. `io` implements it for real; `model::fake` implements it for tests, so the
//! model, the commands and the views run in a test without opening `/dev/ptmx`.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::{Instant, SystemTime};

use mux_term_emu::Size as TermSize;

use crate::ids::{PaneId, ProgramId};

/// What to run in a new pane: plain data, built by `model::spawn`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpawnSpec {
    /// The program to execute.
    pub program: PathBuf,
    /// Its arguments, not counting argv[0].
    pub args: Vec<String>,
    /// argv[0], such as `-bash` for a login shell.
    pub argv0: OsString,
    /// The complete environment.
    pub env: Vec<(String, String)>,
    /// The working directory.
    pub cwd: PathBuf,
}

/// A program that was started in a pane.
pub struct Started {
    /// The handle the pane keeps to its PTY and child.
    pub io: Box<dyn PaneIo>,
    /// The child's pid.
    pub pid: i32,
    /// The PTY slave's path, such as `/dev/pts/3`.
    pub tty: String,
}

/// What a pane needs from its PTY and child while it runs. The program's output and exit
/// do not come through here: they arrive as events, which the event loop hands to the model.
pub trait PaneIo: Send {
    /// Queues as much of `bytes` as fits in the pane's input queue (bounded in bytes; the
    /// PTY takes from it as the program reads) without waiting, and returns how many it took.
    /// When it took fewer than all, an [`InputRoom`](crate::model::pane) event follows once
    /// the program has read enough to make room.
    fn write(&self, bytes: &[u8]) -> usize;

    /// Returns how many bytes wait in the input queue.
    fn queued(&self) -> usize;

    /// Drops every byte waiting in the input queue (a paste the program never read).
    fn discard_queued(&self);

    /// Tells the PTY its new size; the kernel signals the program with SIGWINCH.
    fn resize(&self, size: TermSize) -> std::io::Result<()>;

    /// Asks the reader to read what is left and then report the pane closed.
    fn start_drain(&self);

    /// Sends SIGHUP to the child's process group, as a terminal hangup would.
    fn hangup(&self);

    /// Returns the PTY's foreground process group, or the child's pid when it has none.
    fn foreground(&self) -> i32;

    /// Returns the name of the command in the PTY's foreground (`bash`, `vim`).
    fn foreground_command(&self) -> Option<String>;

    /// Returns the working directory of the PTY's foreground process.
    fn foreground_cwd(&self) -> Option<String>;
}

/// A failure to start a program that is the server's, not the program's: out of descriptors
/// or pseudo-terminals. Its message names the cause and what to do, and is shown as it is
/// (not after the program's name).
#[derive(Debug)]
pub struct Exhausted(pub String);

impl std::fmt::Display for Exhausted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Exhausted {}

/// The operating system as the model sees it.
pub trait Os: Send {
    /// Starts `spec` for pane `pane` on a new PTY of `size`. Its output and exit come back
    /// as events tagged with `pane` and `program`.
    fn spawn(
        &mut self,
        pane: PaneId,
        program: ProgramId,
        spec: &SpawnSpec,
        size: TermSize,
    ) -> std::io::Result<Started>;

    /// Returns the monotonic time now.
    fn now(&self) -> Instant;

    /// Returns the wall-clock time now (status line clock, creation times).
    fn wall_clock(&self) -> SystemTime;

    /// Returns the machine's host name, fully qualified where it is.
    fn hostname(&self) -> String;

    /// Runs `command` with `/bin/sh -c` in `cwd` with `input` on its standard input and its
    /// output discarded, without waiting for it (`copy-pipe`, `copy-command`).
    fn pipe_to(&mut self, command: &str, input: Vec<u8>, cwd: &str);

    /// Starts a job (`run-shell`, `if-shell`, `#()`) without waiting for it: its standard
    /// output and error (at most [`crate::model::jobs::OUTPUT_LIMIT`] bytes) and its exit
    /// status come back as an event tagged with `id`.
    fn run_job(&mut self, id: crate::model::jobs::JobId, spec: &crate::model::jobs::JobSpec);

    /// Opens a sink for pane `pane`'s output (`pipe-pane`, `mux log`) without waiting on
    /// it: a command's output meant for the pane and the sink's end come back as events
    /// tagged with `pane` and `id`. Fails when the command cannot start or the file cannot
    /// be opened.
    fn open_sink(
        &mut self,
        pane: PaneId,
        id: crate::model::sink::SinkId,
        spec: &crate::model::sink::SinkSpec,
    ) -> std::io::Result<Box<dyn crate::model::sink::Sink>>;

    /// Returns the command line of process `pid` (its argv), to restore the program a pane
    /// ran.
    fn process_argv(&self, pid: i32) -> Option<Vec<String>>;

    /// Returns the id of this boot of the machine, which changes when it restarts.
    fn boot_id(&self) -> Option<String>;
}
