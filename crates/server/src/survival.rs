//! Sessions that survive the server, wired into the event loop: at start-up the server finds
//! its keeper (or starts one) and, when the keeper held programs from a server that died or
//! handed over, rebuilds the state around them; while it runs, the checkpointer is told of
//! every event and runs when due; at a deliberate exit the keeper is told to end everything.
//! The pieces are the keeper (`crate::keeper`), its server side (`io::keeper`) and the
//! records (`model::snapshot`).

use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use mux_protocol::ServerMsg;

use crate::io::daemon::SocketFile;
use crate::io::event::{Event, EventTx};
use crate::io::keeper::checkpoint::Checkpoints;
use crate::io::keeper::link::{self, Adopted, Link};
use crate::io::keeper::recover::{self, Recovered};
use crate::io::os::RealOs;
use crate::log::log;
use crate::model::state::State;
use crate::model::upgrade::Upgrade;

/// How long a hand-over waits for clients to take their last messages.
const FLUSH_WAIT: Duration = Duration::from_secs(1);

/// What the accept loop needs: the socket file, where events go, the writers' liveness.
pub type AcceptWith = (SocketFile, EventTx, tokio::sync::mpsc::Sender<()>);

/// Starts accepting connections on `listener`.
pub fn accept(
    listener: std::os::unix::net::UnixListener,
    (socket, tx, alive): &AcceptWith,
) -> Option<tokio::task::JoinHandle<()>> {
    let listener = match listener
        .set_nonblocking(true)
        .and_then(|_| tokio::net::UnixListener::from_std(listener))
    {
        Ok(l) => l,
        Err(e) => {
            log!("cannot listen: {e}");
            return None;
        }
    };
    Some(tokio::spawn(crate::io::conn::accept_loop(
        listener,
        socket.clone(),
        tx.clone(),
        alive.clone(),
    )))
}

/// What the server found of its keeper before its runtime started.
pub struct Found {
    /// The link to the keeper.
    link: Link,
    /// What the keeper held.
    adopted: Vec<Adopted>,
    /// The keep directory.
    dir: PathBuf,
}

/// Finds the keeper of the server on `socket`, starting one when there is none (or waiting
/// for the one the client started, which reports on `report`). Without one
/// (the keep directory refused, the keeper failing to start) the server runs on, and its
/// sessions do not survive it.
pub fn find_keeper(socket: &Path, report: Option<std::os::fd::OwnedFd>) -> Option<Found> {
    let dir = link::dir_for(socket);
    match Link::open(&dir, report) {
        Ok((link, adopted)) if adopted.is_empty() => {
            log!("keeper for {}: adopted or starting", dir.display());
            Some(Found { link, adopted, dir })
        }
        Ok((link, adopted)) => {
            log!(
                "keeper pid {} holds {} programs ({})",
                link.ready().unwrap_or(0),
                adopted.len(),
                dir.display()
            );
            Some(Found { link, adopted, dir })
        }
        Err(e) => {
            log!("no keeper, sessions will not survive this server: {e}");
            None
        }
    }
}

/// The keeper and checkpoints, as the event loop holds them.
#[derive(Default)]
pub struct Survival {
    /// The link to the keeper.
    link: Option<Arc<Link>>,
    /// The checkpointer.
    checkpoints: Option<Checkpoints>,
    /// What was recovered, until the state exists to take it.
    recovered: Option<Recovered>,
}

impl Survival {
    /// In the runtime, before the state exists: starts the keeper's reader, makes programs
    /// start through the keeper, and takes over what it held.
    pub fn start(found: Option<Found>, os: &mut RealOs, events: &EventTx) -> Survival {
        let Some(found) = found else {
            return Survival::default();
        };
        let link = Arc::new(found.link);
        if let Err(e) = link.start(events.clone(), os.children()) {
            log!("can't read from the keeper: {e}");
            return Survival::default();
        }
        os.use_keeper(link.clone(), found.dir.clone());
        let recovered =
            (!found.adopted.is_empty()).then(|| recover::recover(&found.dir, found.adopted, os));
        let checkpoints = match Checkpoints::new(&found.dir) {
            Ok(c) => Some(c),
            Err(e) => {
                log!("no checkpoints: {e}");
                None
            }
        };
        Survival {
            link: Some(link),
            checkpoints,
            recovered,
        }
    }

    /// Puts what was recovered into the fresh state. Returns whether there was anything:
    /// then the state is the old server's, and the config file is not loaded again.
    pub fn restore(&mut self, state: &mut State, why: &str) -> bool {
        let Some(recovered) = self.recovered.take() else {
            if let Some(c) = self.checkpoints.as_mut() {
                c.settle(state);
            }
            return false;
        };
        let count = recovered.revived.len();
        let orphans = match recovered.tree {
            Some(tree) => crate::model::snapshot::restore(state, tree, recovered.revived),
            None => recovered.revived,
        };
        let cwd = std::env::var("HOME").unwrap_or_else(|_| "/".into());
        crate::model::snapshot::adopt_orphans(state, orphans, &cwd);
        if let Some(c) = self.checkpoints.as_mut() {
            for &(pane, program, parsed) in &recovered.resume {
                c.resume(pane, program, parsed);
            }
        }
        for (pane, program, status) in recovered.exited {
            crate::server::handle(state, Event::Exited(pane, program, status));
        }
        let noun = if count == 1 { "pane" } else { "panes" };
        let text = format!("recovered {count} {noun} after {why}");
        log!("{text}");
        state.log_message(&text);
        state.recovered = Some(text);
        true
    }

    /// Notes an event before the loop handles it.
    pub fn note(&mut self, state: &State, event: &Event) {
        let Some(c) = self.checkpoints.as_mut() else {
            return;
        };
        let output = match event {
            Event::Output(pane, program, bytes, _)
                if state.panes.get(pane).is_some_and(|p| p.program == *program) =>
            {
                Some((*pane, *program, bytes.len()))
            }
            _ => None,
        };
        c.on_event(output, Instant::now());
    }

    /// Returns when the checkpointer next wants to run.
    pub fn due(&self, state: &State) -> Option<Instant> {
        self.checkpoints.as_ref()?.due(state)
    }

    /// Runs the checkpointer. A keeper being started wipes its directory before it answers,
    /// so nothing is written before it has; without a keeper, nothing is written at all.
    pub fn checkpoint(&mut self, state: &State) {
        if self.link.as_ref().is_some_and(|link| link.is_lost()) {
            self.checkpoints = None;
        }
        if let Some(c) = self.checkpoints.as_mut() {
            c.run(state, Instant::now());
        }
    }

    /// Hands the server over to another binary (`server-upgrade`): attached clients are told
    /// to attach again, pane readers stop, a full checkpoint is written, and this process
    /// replaces itself with `BINARY __server --listen-fd N` (its pid, socket and clients'
    /// queued connections carry over; the keeper sees this server go without a shutdown and
    /// waits for the new one). Returns only if the hand-over failed, after telling the client
    /// that asked; the server then goes on as before.
    pub async fn upgrade(
        &mut self,
        state: &mut State,
        up: Upgrade,
        listener: Option<&OwnedFd>,
        socket: &Path,
    ) {
        let Some((listener, checkpoints)) = listener.zip(self.checkpoints.as_mut()) else {
            return refuse(
                state,
                &up,
                "this server has no keeper: its sessions can't be handed over",
            );
        };
        if let Err(e) = probe(&up.exe) {
            return refuse(state, &up, &e);
        }
        log!("handing over to {}", up.exe.display());
        // The client that asked hears that it goes ahead; when this process is replaced,
        // its connection closes, and it waits for the new server.
        if let Some(c) = state.clients.get(&up.client) {
            let text = format!("handing the server over to {}\n", up.exe.display());
            c.send(ServerMsg::Stdout(text));
        }
        crate::cmd::finish_waiting(state, up.client, None);
        for c in state.clients.values().filter(|c| c.session.is_some()) {
            c.send(ServerMsg::Reconnect {
                message: "server upgrading".into(),
            });
        }
        let deadline = Instant::now() + FLUSH_WAIT;
        while Instant::now() < deadline && !state.clients.values().all(|c| c.can_take_frame()) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        // A writer that took its last message is writing it.
        tokio::time::sleep(Duration::from_millis(20)).await;
        // Every byte read from a PTY from now on stays in the journals for the new server.
        let frozen = crate::io::os::freeze_readers();
        if let Err(e) = checkpoints.flush_all(state) {
            drop(frozen);
            return refuse(state, &up, &format!("the checkpoint failed: {e}"));
        }
        let e = exec(&up, listener, socket);
        drop(frozen);
        log!("handing over to {} failed: {e}", up.exe.display());
        refuse(state, &up, &format!("can't run {}: {e}", up.exe.display()));
    }

    /// The server is ending on purpose: the keeper ends every program once the server goes.
    /// Returns whether the keeper was told, and so ends them (hangup, then SIGKILL for what
    /// ignores it): the server need not wait for them.
    pub fn shutdown(&self) -> bool {
        self.link.as_ref().is_some_and(|link| link.shutdown())
    }
}

/// Tells the client that asked for a hand-over why there was none: a command client as its
/// command's error (or, when it had its answer already, on standard error before it hears
/// the connection close), an attached one on its status line.
fn refuse(state: &mut State, up: &Upgrade, why: &str) {
    log!("server-upgrade: {why}");
    let why = format!("server-upgrade: {why}");
    match state.clients.get(&up.client).map(|c| c.session.is_some()) {
        Some(true) => state.show_message(up.client, &why),
        Some(false) if state.queue.waiting_for(up.client).is_some() => {
            crate::cmd::finish_waiting(state, up.client, Some(why));
        }
        Some(false) => {
            if let Some(c) = state.clients.get(&up.client) {
                c.send(ServerMsg::Stderr(format!("{why}\n")));
            }
        }
        None => {}
    }
}

/// Runs `BINARY -V` to check that it is a mux that runs here, before anything is given up.
fn probe(exe: &Path) -> Result<(), String> {
    let out = std::process::Command::new(exe)
        .arg("-V")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("can't run {}: {e}", exe.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() || !text.starts_with("mux ") {
        return Err(format!("{} is not a mux binary", exe.display()));
    }
    Ok(())
}

/// Replaces this process with the new binary, the listening socket left open for it.
/// Returns only on failure.
fn exec(up: &Upgrade, listener: &OwnedFd, socket: &Path) -> std::io::Error {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    use std::os::unix::process::CommandExt;
    if let Err(e) = fcntl(listener, FcntlArg::F_SETFD(FdFlag::empty())) {
        return e.into();
    }
    let mut command = std::process::Command::new(&up.exe);
    command
        .arg("__server")
        .arg("-S")
        .arg(socket)
        .arg("--listen-fd")
        .arg(listener.as_raw_fd().to_string());
    if crate::log::is_on() {
        command.arg("-v");
    }
    if let Some((name, value)) = crate::hooks::upgrade_env(&up.env) {
        command.env(name, value);
    }
    let e = command.exec();
    let _ = fcntl(listener, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC));
    e
}
