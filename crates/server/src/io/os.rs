//! The real side of the OS seam ([`Os`], [`PaneIo`]): panes on pseudo-terminals with a
//! reader, a writer and an exit watcher task each, the system clocks and the host name.

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use mux_term_emu::Size as TermSize;
use tokio::sync::{mpsc, Notify};

use crate::ids::{PaneId, ProgramId};
use crate::io::event::{Event, EventTx};
use crate::io::pty::{self, Master};
use crate::log::log;
use crate::model::os::{Os, PaneIo, SpawnSpec, Started};

/// How many bytes one read of a PTY takes at most; small enough that one busy pane cannot
/// hold the event loop for long.
const READ_CHUNK: usize = 16 * 1024;

/// How many chunks of input may wait for a pane that is not reading its terminal.
const INPUT_QUEUE: usize = 256;

/// The operating system: panes' output and exits come back on `events`.
pub struct RealOs {
    /// Where pane tasks send their events.
    events: EventTx,
}

impl RealOs {
    /// Returns the OS whose pane tasks report to `events`.
    pub fn new(events: EventTx) -> RealOs {
        RealOs { events }
    }
}

impl Os for RealOs {
    fn spawn(
        &mut self,
        pane: PaneId,
        program: ProgramId,
        spec: &SpawnSpec,
        size: TermSize,
    ) -> std::io::Result<Started> {
        let (master, mut child, tty) = pty::spawn(spec, size.cols, size.rows)?;
        let pid = child.id().and_then(|p| i32::try_from(p).ok()).unwrap_or(-1);
        let drain = Arc::new(Notify::new());
        let source = (pane, program);
        tokio::spawn(read_loop(
            source,
            master.clone(),
            drain.clone(),
            self.events.clone(),
        ));
        let (input, rx) = mpsc::channel(INPUT_QUEUE);
        tokio::spawn(write_loop(pane, master.clone(), rx));
        let exit_tx = self.events.clone();
        tokio::spawn(async move {
            let status = match child.wait().await {
                Ok(s) => exit_code(s),
                Err(_) => 1,
            };
            let _ = exit_tx.send(Event::Exited(pane, program, status)).await;
        });
        let io = PtyPane {
            id: pane,
            pid,
            master,
            input,
            drain,
        };
        Ok(Started {
            io: Box::new(io),
            pid,
            tty,
        })
    }

    fn now(&self) -> Instant {
        Instant::now()
    }

    fn wall_clock(&self) -> SystemTime {
        SystemTime::now()
    }

    fn hostname(&self) -> String {
        nix::unistd::gethostname()
            .map(|h| h.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn run_job(&mut self, id: crate::model::jobs::JobId, spec: &crate::model::jobs::JobSpec) {
        crate::io::job::start(self.events.clone(), id, spec);
    }

    fn pipe_to(&mut self, command: &str, input: Vec<u8>, cwd: &str) {
        let mut cmd = tokio::process::Command::new("/bin/sh");
        cmd.arg("-c")
            .arg(command)
            .current_dir(if std::path::Path::new(cwd).is_dir() {
                cwd
            } else {
                "/"
            })
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(false);
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                log!("cannot run {command}: {e}");
                return;
            }
        };
        let stdin = child.stdin.take();
        let command = command.to_string();
        tokio::spawn(async move {
            if let Some(mut stdin) = stdin {
                use tokio::io::AsyncWriteExt;
                if let Err(e) = stdin.write_all(&input).await {
                    log!("{command}: writing its input failed: {e}");
                }
            }
            if let Err(e) = child.wait().await {
                log!("{command}: {e}");
            }
        });
    }
}

/// A pane's PTY master, its input queue and its child.
struct PtyPane {
    /// The pane, for log lines.
    id: PaneId,
    /// The child's pid.
    pid: i32,
    /// The PTY master.
    master: Master,
    /// Queue of bytes for the program.
    input: mpsc::Sender<Vec<u8>>,
    /// Tells the reader to drain what is left and finish.
    drain: Arc<Notify>,
}

impl PaneIo for PtyPane {
    fn write(&self, bytes: Vec<u8>) {
        if self.input.try_send(bytes).is_err() {
            log!("pane %{}: input queue full, input dropped", self.id.0);
        }
    }

    fn resize(&self, size: TermSize) -> std::io::Result<()> {
        pty::resize(self.master.get_ref(), size.cols, size.rows)
    }

    fn start_drain(&self) {
        self.drain.notify_one();
    }

    fn hangup(&self) {
        if self.pid > 0 {
            let pgrp = nix::unistd::Pid::from_raw(self.pid);
            let _ = nix::sys::signal::killpg(pgrp, nix::sys::signal::Signal::SIGHUP);
        }
    }

    fn foreground(&self) -> i32 {
        pty::foreground_pgrp(self.master.get_ref()).unwrap_or(self.pid)
    }

    fn foreground_command(&self) -> Option<String> {
        let comm = std::fs::read_to_string(format!("/proc/{}/comm", self.foreground())).ok()?;
        let name = comm.trim_end_matches('\n').trim_start_matches('-');
        (!name.is_empty()).then(|| name.to_string())
    }

    fn foreground_cwd(&self) -> Option<String> {
        std::fs::read_link(format!("/proc/{}/cwd", self.foreground()))
            .ok()
            .map(|p| p.to_string_lossy().into_owned())
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
