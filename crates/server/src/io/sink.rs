//! Sinks on the real OS (`pipe-pane`, `mux log`): a shell command's standard input or a file,
//! written by a task of its own from a bounded buffer ([`SinkBuffer`]), so a pane never waits
//! for its consumer. A command's standard output (`pipe-pane -I`) comes back as
//! [`Event::PipeInput`], and its end as [`Event::PipeEnded`].
//!
//! Dropping the handle closes the sink: what waits is still written (for at most
//! [`CLOSE_GRACE`] once the sink is closed, so a consumer that stopped reading cannot keep a
//! task for ever), then the file or pipe is closed; a command's output is no longer read.

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

use crate::ids::PaneId;
use crate::io::event::{Event, EventTx};
use crate::log::log;
use crate::model::sink::{Sink, SinkBuffer, SinkId, SinkSpec};

/// How long what waits may take to reach a sink's consumer once the sink is closed.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// How much of a command's output one event carries at most.
const READ_CHUNK: usize = 16 * 1024;

/// What the pane's side and the writer task share.
#[derive(Default)]
struct Shared {
    /// The bytes waiting.
    buffer: Mutex<SinkBuffer>,
    /// Wakes the writer when bytes arrive.
    wake: Notify,
}

impl Shared {
    /// Locks the buffer.
    fn lock(&self) -> std::sync::MutexGuard<'_, SinkBuffer> {
        self.buffer.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The handle a pane keeps.
struct RealSink {
    /// The buffer; `None` for a command whose standard input is not connected.
    shared: Option<Arc<Shared>>,
    /// Dropped with the handle: the writer finishes and the reader stops.
    _stop: watch::Sender<()>,
}

impl Sink for RealSink {
    fn write(&self, bytes: &[u8]) {
        if let Some(shared) = &self.shared {
            shared.lock().push(bytes);
            shared.wake.notify_one();
        }
    }
}

/// Opens a sink for `pane`; see [`crate::model::os::Os::open_sink`].
pub fn open(
    events: EventTx,
    pane: PaneId,
    id: SinkId,
    spec: &SinkSpec,
) -> std::io::Result<Box<dyn Sink>> {
    let (stop, stopped) = watch::channel(());
    match spec {
        SinkSpec::File { path } => {
            let mut options = std::fs::OpenOptions::new();
            options.append(true).create(true);
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let file = tokio::fs::File::from_std(options.open(path)?);
            let shared = Arc::new(Shared::default());
            let writer = shared.clone();
            let name = path.display().to_string();
            tokio::spawn(async move {
                let ended = write_loop(writer, file, stopped, &name).await;
                if let Err(message) = ended {
                    let _ = events.send(Event::PipeEnded(pane, id, Some(message))).await;
                }
            });
            Ok(Box::new(RealSink {
                shared: Some(shared),
                _stop: stop,
            }))
        }
        SinkSpec::Command { .. } => start_command(events, pane, id, spec, (stop, stopped)),
    }
}

/// Starts a `pipe-pane` command with its standard input and output connected as asked.
fn start_command(
    events: EventTx,
    pane: PaneId,
    id: SinkId,
    spec: &SinkSpec,
    (stop, stopped): (watch::Sender<()>, watch::Receiver<()>),
) -> std::io::Result<Box<dyn Sink>> {
    let SinkSpec::Command {
        command,
        env,
        cwd,
        stdin,
        stdout,
    } = spec
    else {
        return Err(std::io::Error::other("not a command"));
    };
    let piped = |on: bool| if on { Stdio::piped() } else { Stdio::null() };
    let cwd = if std::path::Path::new(cwd).is_dir() {
        cwd.as_str()
    } else {
        "/"
    };
    let mut cmd = tokio::process::Command::new("/bin/sh");
    cmd.arg("-c")
        .arg(command)
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(cwd)
        .stdin(piped(*stdin))
        .stdout(piped(*stdout))
        .stderr(Stdio::null())
        .process_group(0)
        .kill_on_drop(false);
    crate::io::pty::with_default_signals(&mut cmd);
    let mut child = cmd.spawn()?;
    let shared = child.stdin.take().map(|input| {
        let shared = Arc::new(Shared::default());
        let writer = shared.clone();
        let stopped = stopped.clone();
        let name = command.clone();
        tokio::spawn(async move {
            if let Err(e) = write_loop(writer, input, stopped, &name).await {
                log!("pipe-pane %{}: {e}", pane.0);
            }
        });
        shared
    });
    let reader = child
        .stdout
        .take()
        .map(|output| tokio::spawn(read_loop(output, stopped, events.clone(), (pane, id))));
    tokio::spawn(async move {
        if let Err(e) = child.wait().await {
            log!("pipe-pane %{}: {e}", pane.0);
        }
        // What the command printed before it exited is typed into the pane before its end
        // closes the pipe (a program it left running may keep the pipe open: not for ever).
        if let Some(reader) = reader {
            if tokio::time::timeout(CLOSE_GRACE, reader).await.is_err() {
                log!(
                    "pipe-pane %{}: output still open after the command exited",
                    pane.0
                );
            }
        }
        let _ = events.send(Event::PipeEnded(pane, id, None)).await;
    });
    Ok(Box::new(RealSink {
        shared,
        _stop: stop,
    }))
}

/// Writes what waits to `out` until the sink is closed and all is written (or
/// [`CLOSE_GRACE`] is over). Returns the error that stopped it, if one did.
async fn write_loop<W: AsyncWrite + Unpin>(
    shared: Arc<Shared>,
    mut out: W,
    mut stopped: watch::Receiver<()>,
    name: &str,
) -> Result<(), String> {
    let mut deadline: Option<Instant> = None;
    loop {
        let wake = shared.wake.notified();
        let mut chunks = shared.lock().take();
        if chunks.is_empty() && deadline.is_some() {
            chunks.extend(shared.lock().final_note());
            if chunks.is_empty() {
                return out.flush().await.map_err(|e| format!("{name}: {e}"));
            }
        }
        for chunk in &chunks {
            write_piece(&mut out, chunk, &mut stopped, &mut deadline)
                .await
                .map_err(|e| format!("{name}: {e}"))?;
        }
        if !chunks.is_empty() {
            out.flush().await.map_err(|e| format!("{name}: {e}"))?;
            continue;
        }
        tokio::select! {
            _ = wake => {}
            closed = stopped.changed(), if deadline.is_none() => {
                if closed.is_err() {
                    deadline = Some(Instant::now() + CLOSE_GRACE);
                }
            }
        }
    }
}

/// Writes one piece, noticing meanwhile that the sink was closed (which starts the grace
/// time) and giving up when the grace time is over.
async fn write_piece<W: AsyncWrite + Unpin>(
    out: &mut W,
    piece: &[u8],
    stopped: &mut watch::Receiver<()>,
    deadline: &mut Option<Instant>,
) -> std::io::Result<()> {
    let write = out.write_all(piece);
    tokio::pin!(write);
    loop {
        let grace = async {
            match *deadline {
                Some(t) => tokio::time::sleep_until(t).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            done = &mut write => return done,
            _ = grace => return Err(std::io::Error::other("closed before its reader took everything")),
            closed = stopped.changed(), if deadline.is_none() => {
                if closed.is_err() {
                    *deadline = Some(Instant::now() + CLOSE_GRACE);
                }
            }
        }
    }
}

/// Reads a `pipe-pane -I` command's output and hands it to the event loop for the pane,
/// until it ends or the sink is closed.
async fn read_loop<R: AsyncRead + Unpin>(
    mut output: R,
    mut stopped: watch::Receiver<()>,
    events: EventTx,
    (pane, id): (PaneId, SinkId),
) {
    let mut buf = vec![0u8; READ_CHUNK];
    loop {
        let n = tokio::select! {
            read = output.read(&mut buf) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            },
            closed = stopped.changed() => {
                if closed.is_err() {
                    return;
                }
                continue;
            }
        };
        let piece = buf.get(..n).unwrap_or_default().to_vec();
        if events
            .send(Event::PipeInput(pane, id, piece))
            .await
            .is_err()
        {
            return;
        }
    }
}
