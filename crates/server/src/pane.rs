//! A pane: its terminal state, PTY master, child process, and the tasks that move bytes.

use std::sync::Arc;
use std::time::Instant;

use mux_term_emu::{Size as TermSize, Terminal};
use tokio::sync::{mpsc, Notify};

use crate::event::{Event, EventTx, PaneId, ProgramId, SessionId, WindowId};
use crate::log::log;
use crate::pty::{self, Master, SpawnSpec};

/// How many bytes one read of a PTY takes at most; small enough that one busy pane cannot
/// hold the state owner for long.
const READ_CHUNK: usize = 16 * 1024;

/// How many chunks of input may wait for a pane that is not reading its terminal.
const INPUT_QUEUE: usize = 256;

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
    /// The PTY master.
    master: Master,
    /// Queue of bytes for the program.
    input: mpsc::Sender<Vec<u8>>,
    /// Tells the reader to drain what is left and finish.
    drain: Arc<Notify>,
    /// The child's exit status once it has exited.
    pub exit_status: Option<i32>,
    /// Whether the reader has finished.
    pub closed: bool,
    /// Since when the program has been inside a synchronized update (mode 2026), if it is.
    pub synchronized_since: Option<Instant>,
}

impl Pane {
    /// Starts `spec` in a new PTY of `size` and the tasks that serve it.
    #[allow(clippy::too_many_arguments)]
    pub fn spawn(
        id: PaneId,
        program: ProgramId,
        session: SessionId,
        window: WindowId,
        spec: &SpawnSpec,
        size: TermSize,
        history: usize,
        events: &EventTx,
    ) -> std::io::Result<Pane> {
        let (master, mut child, tty) = pty::spawn(spec, size.cols, size.rows)?;
        let pid = child.id().map(|p| p as i32).unwrap_or(-1);
        let drain = Arc::new(Notify::new());
        let source = (id, program);
        tokio::spawn(read_loop(
            source,
            master.clone(),
            drain.clone(),
            events.clone(),
        ));
        let (input, rx) = mpsc::channel(INPUT_QUEUE);
        tokio::spawn(write_loop(id, master.clone(), rx));
        let exit_tx = events.clone();
        tokio::spawn(async move {
            let status = match child.wait().await {
                Ok(s) => exit_code(s),
                Err(_) => 1,
            };
            let _ = exit_tx.send(Event::Exited(id, program, status)).await;
        });
        log!("pane %{} started pid {pid} on {tty}", id.0);
        Ok(Pane {
            id,
            program,
            session,
            window,
            term: Terminal::new(size, history),
            pid,
            tty,
            default_title: crate::status::hostname(),
            named_after: None,
            name_stale: false,
            master,
            input,
            drain,
            exit_status: None,
            closed: false,
            synchronized_since: None,
        })
    }

    /// Queues bytes for the program; drops them (and logs) when the program is not reading
    /// and the queue is full, so a stuck pane cannot grow server memory.
    pub fn write(&self, bytes: Vec<u8>) {
        if bytes.is_empty() {
            return;
        }
        if self.input.try_send(bytes).is_err() {
            log!("pane %{}: input queue full, input dropped", self.id.0);
        }
    }

    /// Resizes the terminal state and the PTY.
    pub fn resize(&mut self, size: TermSize) {
        if self.term.size() == size {
            return;
        }
        self.term.resize(size);
        if let Err(e) = pty::resize(self.master.get_ref(), size.cols, size.rows) {
            log!("pane %{}: resize failed: {e}", self.id.0);
        }
    }

    /// Asks the reader to read what is left and then report the pane closed.
    pub fn start_drain(&self) {
        self.drain.notify_one();
    }

    /// Sends SIGHUP to the child's process group, as a terminal hangup would.
    pub fn hangup(&self) {
        if self.pid > 0 && self.exit_status.is_none() {
            let pgrp = nix::unistd::Pid::from_raw(self.pid);
            let _ = nix::sys::signal::killpg(pgrp, nix::sys::signal::Signal::SIGHUP);
        }
    }

    /// Returns the name of the command in the foreground of the PTY (`bash`, `vim`), read
    /// from the foreground process group leader's `/proc/PID/comm`.
    pub fn current_command(&self) -> Option<String> {
        Self::command_of(self.foreground())
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
        std::fs::read_link(format!("/proc/{}/cwd", self.foreground()))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Notes when the program entered a synchronized update, or that it left it.
    pub fn track_synchronized(&mut self, now: Instant) {
        if !self.term.synchronized() {
            self.synchronized_since = None;
        } else if self.synchronized_since.is_none() {
            self.synchronized_since = Some(now);
        }
    }

    /// Returns the PTY's foreground process group, or the child's pid when it has none.
    pub fn foreground(&self) -> i32 {
        pty::foreground_pgrp(self.master.get_ref()).unwrap_or(self.pid)
    }

    /// Returns the command name of process `pgrp`.
    fn command_of(pgrp: i32) -> Option<String> {
        let comm = std::fs::read_to_string(format!("/proc/{pgrp}/comm")).ok()?;
        let name = comm.trim_end_matches('\n').trim_start_matches('-');
        (!name.is_empty()).then(|| name.to_string())
    }
}

/// Turns an exit status into tmux's number: the code, or 128 + the signal.
fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(1)
}

/// Reads the PTY until end of file, or until asked to drain, and passes output on.
async fn read_loop(
    (id, program): (PaneId, ProgramId),
    master: Master,
    drain: Arc<Notify>,
    events: EventTx,
) {
    let mut buf = vec![0u8; READ_CHUNK];
    loop {
        tokio::select! {
            ready = master.readable() => {
                let Ok(mut guard) = ready else { break };
                match guard.try_io(|fd| pty::read_nonblocking(fd.get_ref(), &mut buf)) {
                    Ok(Ok(0)) | Ok(Err(_)) => break,
                    Ok(Ok(n)) => {
                        let event = Event::Output(id, program, buf[..n].to_vec());
                        if events.send(event).await.is_err() {
                            return;
                        }
                    }
                    Err(_would_block) => {}
                }
            }
            _ = drain.notified() => {
                drain_rest((id, program), &master, &mut buf, &events).await;
                break;
            }
        }
    }
    let _ = events.send(Event::Closed(id, program)).await;
}

/// Reads whatever the PTY still holds without waiting for more.
async fn drain_rest(
    (id, program): (PaneId, ProgramId),
    master: &Master,
    buf: &mut [u8],
    events: &EventTx,
) {
    // Bounded: a grandchild that keeps writing must not keep a dead pane open forever.
    for _ in 0..256 {
        match pty::read_nonblocking(master.get_ref(), buf) {
            Ok(n) if n > 0 => {
                if events
                    .send(Event::Output(id, program, buf[..n].to_vec()))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            _ => return,
        }
    }
}

/// Writes queued input to the PTY as it becomes writable.
async fn write_loop(id: PaneId, master: Master, mut rx: mpsc::Receiver<Vec<u8>>) {
    while let Some(bytes) = rx.recv().await {
        let mut done = 0;
        while done < bytes.len() {
            let Ok(mut guard) = master.writable().await else {
                return;
            };
            match guard.try_io(|fd| pty::write_nonblocking(fd.get_ref(), &bytes[done..])) {
                Ok(Ok(n)) => done += n,
                Ok(Err(e)) => {
                    log!("pane %{}: write failed: {e}", id.0);
                    return;
                }
                Err(_would_block) => {}
            }
        }
    }
}
