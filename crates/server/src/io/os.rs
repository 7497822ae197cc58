//! The real side of the OS seam ([`Os`], [`PaneIo`]): panes on pseudo-terminals with a
//! reader, a writer and an exit watcher task each, the system clocks and the host name.
//!
//! A pane's input waits in a queue bounded in bytes ([`INPUT_LIMIT`]) that its writer task
//! empties into the PTY as the program reads; the model keeps what does not fit. Dropping a
//! pane's handle stops its reader and writer, which closes the PTY master (the kernel hangs
//! up the terminal) even when the program never reads. Every child is known to a registry
//! ([`Children`]) so that the server's exit can hang up and then kill what is left.
//!
//! With a keeper (`io::keeper`), programs are started by the keeper, which passes the PTY
//! master here; their exits come from it; what each reader reads is appended to the
//! program's journal before it goes to the event loop; and a pane dropped tells the keeper
//! it may let the PTY go. Without one, programs are this process's children.

use std::collections::{HashSet, VecDeque};
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use mux_term_emu::Size as TermSize;
use tokio::sync::{watch, Notify};

use crate::ids::{PaneId, ProgramId};
use crate::io::event::{Credit, Event, EventTx};
use crate::io::keeper::journal::Journal;
use crate::io::keeper::link::Link;
use crate::io::pty::{self, Master};
use crate::io::readers::Readers;
use crate::log::log;
use crate::model::os::{Exhausted, Os, PaneIo, SpawnSpec, Started};
use crate::model::pane::INPUT_LIMIT;

/// How many bytes one read of a PTY takes at most; small enough that one busy pane cannot
/// hold the event loop for long.
const READ_CHUNK: usize = 16 * 1024;

/// Set while a hand-over is under way: readers read nothing more.
static FROZEN: AtomicBool = AtomicBool::new(false);

/// How many readers are between reading a chunk and journaling it.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Wakes the readers when a hand-over failed and the server goes on.
static THAWED: Notify = Notify::const_new();

/// Readers stopped for a hand-over; dropping it lets them go on.
pub struct Frozen;

impl Drop for Frozen {
    fn drop(&mut self) {
        FROZEN.store(false, Ordering::SeqCst);
        THAWED.notify_waiters();
    }
}

/// Stops every pane reader between chunks, so that no byte is read and not yet journaled
/// when the process is replaced; waits (at most a second) for those in the middle of one.
/// Readers wait without holding a thread, so the runtime goes on (clients get their last
/// messages).
pub fn freeze_readers() -> Frozen {
    FROZEN.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(1);
    while IN_FLIGHT.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    Frozen
}

/// Marks a reader as about to read; `false` (and not marked) while a hand-over is under way.
fn start_reading() -> bool {
    IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
    if FROZEN.load(Ordering::SeqCst) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
        return false;
    }
    true
}

/// Marks a reader as done with its chunk (read and journaled).
fn done_reading() {
    IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
}

/// Waits while a hand-over is under way (forever, once it succeeds: the process is replaced).
async fn wait_thawed() {
    let thawed = THAWED.notified();
    if FROZEN.load(Ordering::SeqCst) {
        thawed.await;
    }
}

/// The operating system: panes' output and exits come back on `events`.
pub struct RealOs {
    /// Where pane tasks send their events.
    events: EventTx,
    /// The children still running.
    children: Children,
    /// The keeper that starts and holds the programs, and the directory of their journals.
    keeper: Option<(Arc<Link>, PathBuf)>,
    /// The thread the panes' readers run on (see `io::readers`).
    readers: Option<Readers>,
}

impl RealOs {
    /// Returns the OS whose pane tasks report to `events`.
    pub fn new(events: EventTx) -> RealOs {
        RealOs {
            events,
            children: Children::default(),
            keeper: None,
            readers: Readers::start(),
        }
    }

    /// Returns the runtime the PTY masters are registered with and read on, if not the
    /// current one.
    fn reactor(&self) -> Option<&tokio::runtime::Handle> {
        self.readers.as_ref().map(Readers::handle)
    }

    /// Makes programs start through `link`, with their journals in `dir`.
    pub fn use_keeper(&mut self, link: Arc<Link>, dir: PathBuf) {
        self.keeper = Some((link, dir));
    }

    /// Takes over a program a keeper kept after the last server died: a pane of it is made
    /// with the PTY master, its journal going on from offset `journal_at`, and its
    /// foreground is sent SIGWINCH so that a full-screen program repaints.
    pub fn adopt(
        &mut self,
        (pane, program): (PaneId, ProgramId),
        pid: i32,
        tty: String,
        master: OwnedFd,
        journal_at: u64,
    ) -> std::io::Result<Started> {
        let master = pty::register(master, self.reactor())?;
        if let Some(pgrp) = pty::foreground_pgrp(master.get_ref()) {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(pgrp),
                nix::sys::signal::Signal::SIGWINCH,
            );
        }
        if let Some((link, _)) = &self.keeper {
            link.track(pane, program, pid);
        }
        self.children.add(pid);
        self.start_pane((pane, program), master, pid, tty, journal_at)
    }

    /// Starts the reader and writer of a pane's PTY and returns the pane's handle.
    fn start_pane(
        &self,
        source: (PaneId, ProgramId),
        master: Master,
        pid: i32,
        tty: String,
        journal_at: u64,
    ) -> std::io::Result<Started> {
        let journal = match &self.keeper {
            Some((_, dir)) => Some(Journal::open(dir, source.1 .0, journal_at)?),
            None => None,
        };
        let drain = Arc::new(Notify::new());
        let (stop, stopped) = watch::channel(());
        let reader = read_loop(
            source,
            (master.clone(), journal),
            (drain.clone(), stopped.clone()),
            self.events.clone(),
        );
        match self.reactor() {
            Some(readers) => drop(readers.spawn(reader)),
            None => drop(tokio::spawn(reader)),
        }
        let input = Arc::new(InputQueue::default());
        tokio::spawn(write_loop(
            source,
            master.clone(),
            (input.clone(), stopped),
            self.events.clone(),
        ));
        let io = PtyPane {
            pid,
            program: source.1,
            keeper: self.keeper.clone(),
            master,
            input,
            drain,
            _stop: stop,
            resize: Arc::new(Mutex::new(PendingResize {
                wanted: None,
                first: Instant::now(),
                last: Instant::now(),
                told: None,
            })),
        };
        Ok(Started {
            io: Box::new(io),
            pid,
            tty,
        })
    }

    /// Returns the registry of running children, for the server's exit.
    pub fn children(&self) -> Children {
        self.children.clone()
    }
}

/// The pane programs still running (not yet reaped), shared by the exit watchers and the
/// server's exit.
#[derive(Clone, Default)]
pub struct Children {
    /// Their pids (each a session and process group leader).
    pids: Arc<Mutex<HashSet<i32>>>,
    /// Told each time one is reaped.
    reaped: Arc<Notify>,
}

impl Children {
    /// Returns the pids still running.
    pub fn alive(&self) -> Vec<i32> {
        self.lock().iter().copied().collect()
    }

    /// Locks the set.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<i32>> {
        self.pids.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a running program.
    pub fn add(&self, pid: i32) {
        self.lock().insert(pid);
    }

    /// Forgets a program that was reaped.
    pub fn forget(&self, pid: i32) {
        self.lock().remove(&pid);
        self.reaped.notify_waiters();
    }

    /// Waits until every child has been reaped.
    pub async fn all_reaped(&self) {
        loop {
            let notified = self.reaped.notified();
            if self.lock().is_empty() {
                return;
            }
            notified.await;
        }
    }

    /// The server's exit: sends SIGHUP to every child's process group, waits at most `grace`
    /// for them to go, then sends SIGKILL to every process still in the sessions of the
    /// children that were running (a program that ignores SIGHUP must not outlive the server
    /// holding a terminal nobody can reach). Never waits longer than `grace`.
    pub async fn end(&self, grace: Duration) {
        let leaders = self.alive();
        if leaders.is_empty() {
            return;
        }
        for &pid in &leaders {
            signal_group(pid, nix::sys::signal::Signal::SIGHUP);
        }
        if tokio::time::timeout(grace, self.all_reaped()).await.is_ok() {
            return;
        }
        let left = self.alive();
        log!("{} programs ignored SIGHUP; killing them", left.len());
        crate::keeper::child::kill_sessions(&leaders, nix::sys::signal::Signal::SIGKILL);
        for pid in left {
            signal_group(pid, nix::sys::signal::Signal::SIGKILL);
        }
    }
}

/// Sends `sig` to the process group `pgrp`.
fn signal_group(pgrp: i32, sig: nix::sys::signal::Signal) {
    if pgrp > 0 {
        let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pgrp), sig);
    }
}

/// Describes a failure to start a program that is the server's own: out of descriptors or
/// pseudo-terminals. Other failures are the program's and are returned as they are.
fn exhausted(e: std::io::Error) -> std::io::Error {
    use nix::libc;
    let message = match e.raw_os_error() {
        Some(libc::EMFILE) => {
            let limit = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE)
                .map(|(soft, _)| soft.to_string())
                .unwrap_or_else(|_| "unknown".into());
            format!(
                "too many open files in the server (limit {limit}): close some panes or raise ulimit -n"
            )
        }
        Some(libc::ENFILE) => {
            "too many open files in the system: close some panes or programs".to_string()
        }
        Some(libc::ENOSPC) | Some(libc::EAGAIN) | Some(libc::ENXIO) => format!(
            "no pseudo-terminal left ({}): close some panes or raise kernel.pty.max",
            crate::model::ops::describe(&e)
        ),
        _ => return e,
    };
    std::io::Error::other(Exhausted(message))
}

impl Os for RealOs {
    fn spawn(
        &mut self,
        pane: PaneId,
        program: ProgramId,
        spec: &SpawnSpec,
        size: TermSize,
    ) -> std::io::Result<Started> {
        if let Some((link, _)) = self.keeper.as_ref().filter(|(l, _)| !l.is_lost()) {
            let (master, pid, tty) = link.spawn(pane, program, spec, size).map_err(exhausted)?;
            let started = pty::register(master, self.reactor())
                .and_then(|m| self.start_pane((pane, program), m, pid, tty, 0))
                .map_err(exhausted);
            if started.is_err() {
                // The program cannot be a pane: the keeper lets it go (it gets SIGHUP).
                link.release(program);
            }
            return started;
        }
        let (master, mut child, tty) =
            pty::spawn(spec, (size.cols, size.rows), self.reactor()).map_err(exhausted)?;
        let pid = child.id().and_then(|p| i32::try_from(p).ok()).unwrap_or(-1);
        let exit_tx = self.events.clone();
        let children = self.children.clone();
        children.add(pid);
        tokio::spawn(async move {
            let status = match child.wait().await {
                Ok(s) => exit_code(s),
                Err(_) => 1,
            };
            children.forget(pid);
            let _ = exit_tx.send(Event::Exited(pane, program, status)).await;
        });
        self.start_pane((pane, program), master, pid, tty, 0)
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

    fn open_sink(
        &mut self,
        pane: PaneId,
        id: crate::model::sink::SinkId,
        spec: &crate::model::sink::SinkSpec,
    ) -> std::io::Result<Box<dyn crate::model::sink::Sink>> {
        crate::io::sink::open(self.events.clone(), pane, id, spec)
    }

    fn process_argv(&self, pid: i32) -> Option<Vec<String>> {
        crate::io::procfs::argv(pid)
    }

    fn boot_id(&self) -> Option<String> {
        crate::io::procfs::boot_id()
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
        pty::with_default_signals(&mut cmd);
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

/// A pane's PTY master, its input queue and its child. Dropping it stops the pane's reader
/// and writer, which closes the master, and tells the keeper (which then closes its copy,
/// and the terminal hangs up) and forgets the program's journal.
struct PtyPane {
    /// The child's pid.
    pid: i32,
    /// The program.
    program: ProgramId,
    /// The keeper holding the program, and the journals' directory.
    keeper: Option<(Arc<Link>, PathBuf)>,
    /// The PTY master.
    master: Master,
    /// Bytes for the program.
    input: Arc<InputQueue>,
    /// Tells the reader to drain what is left and finish.
    drain: Arc<Notify>,
    /// Dropped with the pane: the reader and writer stop.
    _stop: watch::Sender<()>,
    /// A size the PTY is still to be told.
    resize: Arc<Mutex<PendingResize>>,
}

impl Drop for PtyPane {
    fn drop(&mut self) {
        if let Some((link, dir)) = &self.keeper {
            link.release(self.program);
            crate::io::keeper::journal::remove(dir, self.program.0);
        }
    }
}

/// Resizes are coalesced: the first after a quiet time reaches the PTY (and its program, as
/// SIGWINCH) at once; those that follow within this time wait until the size has stayed the
/// same for this long, and only the last is applied. A storm of resizes, such as a window
/// being dragged, gives a few SIGWINCHes and ends at the exact final size.
const RESIZE_QUIET: Duration = Duration::from_millis(40);

/// The longest a program waits to hear of a new size while resizes keep coming.
const RESIZE_MAX_WAIT: Duration = Duration::from_millis(250);

/// A size waiting to reach a PTY, while resizes keep coming.
struct PendingResize {
    /// The latest size, while one waits.
    wanted: Option<TermSize>,
    /// When the first resize of this burst came.
    first: Instant,
    /// When the latest came.
    last: Instant,
    /// When the PTY was last told a size.
    told: Option<Instant>,
}

/// Tells the PTY the latest size once resizes have stopped for [`RESIZE_QUIET`] (or after
/// [`RESIZE_MAX_WAIT`]), then ends: the timer exists only while a resize waits.
async fn resize_later(pending: Arc<Mutex<PendingResize>>, master: Master) {
    loop {
        let due = {
            let r = pending.lock().unwrap_or_else(|e| e.into_inner());
            (r.last + RESIZE_QUIET).min(r.first + RESIZE_MAX_WAIT)
        };
        tokio::time::sleep_until(due.into()).await;
        let mut r = pending.lock().unwrap_or_else(|e| e.into_inner());
        let due = (r.last + RESIZE_QUIET).min(r.first + RESIZE_MAX_WAIT);
        if Instant::now() < due {
            continue;
        }
        if let Some(size) = r.wanted.take() {
            r.told = Some(Instant::now());
            if let Err(e) = pty::resize(master.get_ref(), size.cols, size.rows) {
                log!("resize to {}x{} failed: {e}", size.cols, size.rows);
            }
        }
        return;
    }
}

/// A pane's input queue, bounded in bytes, shared by the model's side (which fills it) and
/// the writer task (which empties it into the PTY).
#[derive(Default)]
struct InputQueue {
    /// The queue.
    state: Mutex<Queued>,
    /// Wakes the writer when bytes arrive.
    wake: Notify,
}

/// The bytes of an [`InputQueue`].
#[derive(Default)]
struct Queued {
    /// Chunks in order; the first has `written` bytes gone already.
    chunks: VecDeque<Vec<u8>>,
    /// How many bytes of the first chunk were written.
    written: usize,
    /// How many bytes wait in all.
    bytes: usize,
    /// Whether a write was cut short: the writer reports room once half the limit is free.
    room_wanted: bool,
}

impl InputQueue {
    /// Locks the queue.
    fn lock(&self) -> std::sync::MutexGuard<'_, Queued> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl PaneIo for PtyPane {
    fn write(&self, bytes: &[u8]) -> usize {
        let mut q = self.input.lock();
        // When nothing waits, the PTY is written at once from the event loop (a keystroke
        // does not wait for the writer task); the writer task takes what it does not accept.
        let mut direct = 0;
        if q.bytes == 0 && !bytes.is_empty() {
            if let Ok(n) = pty::write_nonblocking(self.master.get_ref(), bytes) {
                direct = n.min(bytes.len());
            }
        }
        let bytes = bytes.get(direct..).unwrap_or_default();
        if bytes.is_empty() {
            return direct;
        }
        let room = INPUT_LIMIT.saturating_sub(q.bytes);
        let n = room.min(bytes.len());
        if n < bytes.len() {
            q.room_wanted = true;
        }
        if n > 0 {
            q.chunks.push_back(bytes[..n].to_vec());
            q.bytes += n;
            drop(q);
            self.input.wake.notify_one();
        }
        direct + n
    }

    fn queued(&self) -> usize {
        self.input.lock().bytes
    }

    fn discard_queued(&self) {
        let mut q = self.input.lock();
        // A chunk being written stays (its rest), so no sequence is cut in half.
        let front = q.chunks.pop_front();
        q.chunks.clear();
        q.bytes = 0;
        if let Some(front) = front {
            q.bytes = front.len().saturating_sub(q.written);
            q.chunks.push_back(front);
        }
    }

    fn resize(&self, size: TermSize) -> std::io::Result<()> {
        let now = Instant::now();
        let mut r = self.resize.lock().unwrap_or_else(|e| e.into_inner());
        let quiet = !matches!(r.told, Some(t) if now < t + RESIZE_QUIET);
        if r.wanted.is_none() && quiet {
            // The first resize after a quiet time reaches the program at once.
            r.told = Some(now);
            return pty::resize(self.master.get_ref(), size.cols, size.rows);
        }
        let start = r.wanted.is_none();
        r.wanted = Some(size);
        r.last = now;
        if start {
            r.first = now;
            tokio::spawn(resize_later(self.resize.clone(), self.master.clone()));
        }
        Ok(())
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

/// Reads the PTY until end of file, until asked to drain, or until the pane is dropped, and
/// passes output on.
async fn read_loop(
    (id, program): (PaneId, ProgramId),
    (master, mut journal): (Master, Option<Journal>),
    (drain, mut stopped): (Arc<Notify>, watch::Receiver<()>),
    events: EventTx,
) {
    // Made only for a pane without a journal (the journal is read into directly).
    let mut buf = Vec::new();
    let _reader = crate::io::event::Reader::start();
    let credits = Arc::new(tokio::sync::Semaphore::new(Credit::PER_PANE));
    loop {
        // A credit first: the loop has taken enough of this pane's chunks.
        let credit = tokio::select! {
            _ = stopped.changed() => return,
            credit = Credit::take(&credits) => match credit {
                Some(c) => c,
                None => return,
            },
        };
        tokio::select! {
            _ = stopped.changed() => return,
            ready = master.readable() => {
                let Ok(mut guard) = ready else { break };
                if !start_reading() {
                    drop(guard);
                    wait_thawed().await;
                    continue;
                }
                let read = guard.try_io(|fd| read_chunk(fd.get_ref(), &mut journal, &mut buf));
                done_reading();
                match read {
                    Ok(Ok(bytes)) if bytes.is_empty() => break,
                    Ok(Err(_)) if journal.as_ref().is_some_and(|j| j.is_broken()) => {
                        journal = None;
                    }
                    Ok(Err(_)) => break,
                    Ok(Ok(bytes)) => {
                        let event = Event::Output(id, program, bytes, credit);
                        if events.send(event).await.is_err() {
                            return;
                        }
                    }
                    Err(_would_block) => {}
                }
            }
            _ = drain.notified() => {
                drop(credit);
                let reader = (&master, &mut journal, &credits);
                drain_rest((id, program), reader, &mut buf, &events).await;
                break;
            }
        }
    }
    let _ = events.send(Event::Closed(id, program)).await;
}

/// Reads one chunk from a PTY master: into the program's journal when it has one (see
/// `io::keeper::journal`), else into `buf` (made [`READ_CHUNK`] long on first use). Empty at
/// end of file.
fn read_chunk(
    master: &OwnedFd,
    journal: &mut Option<Journal>,
    buf: &mut Vec<u8>,
) -> std::io::Result<Vec<u8>> {
    match journal.as_mut() {
        Some(j) => j.read(master, READ_CHUNK).map(<[u8]>::to_vec),
        None => {
            buf.resize(READ_CHUNK, 0);
            pty::read_nonblocking(master, buf).map(|n| buf[..n].to_vec())
        }
    }
}

/// Reads whatever the PTY still holds without waiting for more.
async fn drain_rest(
    (id, program): (PaneId, ProgramId),
    (master, journal, credits): (&Master, &mut Option<Journal>, &Arc<tokio::sync::Semaphore>),
    buf: &mut Vec<u8>,
    events: &EventTx,
) {
    // Bounded: a grandchild that keeps writing must not keep a dead pane open forever.
    for _ in 0..256 {
        let Some(credit) = Credit::take(credits).await else {
            return;
        };
        if !start_reading() {
            return;
        }
        let read = read_chunk(master.get_ref(), journal, buf);
        done_reading();
        match read {
            Err(_) if journal.as_ref().is_some_and(Journal::is_broken) => *journal = None,
            Ok(bytes) if !bytes.is_empty() => {
                if events
                    .send(Event::Output(id, program, bytes, credit))
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

/// Writes queued input to the PTY as the program reads it, until the pane is dropped; tells
/// the event loop when a cut-short write may go on.
async fn write_loop(
    (id, program): (PaneId, ProgramId),
    master: Master,
    (input, mut stopped): (Arc<InputQueue>, watch::Receiver<()>),
    events: EventTx,
) {
    loop {
        // Wait for bytes, unless some are queued already.
        let wake = input.wake.notified();
        if input.lock().bytes == 0 {
            tokio::select! {
                _ = stopped.changed() => return,
                _ = wake => continue,
            }
        }
        let mut guard = tokio::select! {
            _ = stopped.changed() => return,
            ready = master.writable() => match ready {
                Ok(guard) => guard,
                Err(_) => return,
            },
        };
        let written = guard.try_io(|fd| {
            let mut q = input.lock();
            let at = q.written;
            let Some(chunk) = q.chunks.front() else {
                return Ok(0);
            };
            let n = pty::write_nonblocking(fd.get_ref(), chunk.get(at..).unwrap_or_default())?;
            if n == 0 {
                return Err(std::io::ErrorKind::WouldBlock.into());
            }
            q.written += n;
            q.bytes -= n;
            if q.chunks.front().is_some_and(|c| c.len() <= q.written) {
                q.chunks.pop_front();
                q.written = 0;
            }
            Ok(n)
        });
        match written {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                // The program is gone (EIO): drop what waits; the pane closes soon.
                log!("pane %{}: write failed: {e}", id.0);
                let mut q = input.lock();
                *q = Queued::default();
                return;
            }
            Err(_would_block) => continue,
        }
        let room = {
            let mut q = input.lock();
            let room = q.room_wanted && q.bytes <= INPUT_LIMIT / 2;
            if room {
                q.room_wanted = false;
            }
            room
        };
        if room && events.send(Event::InputRoom(id, program)).await.is_err() {
            return;
        }
    }
}
