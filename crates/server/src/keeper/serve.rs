//! The keeper's loop: one thread, `poll` over its socket, the server holding it, connections
//! that have not said hello yet and a signalfd for SIGCHLD; no timer runs unless a deadline
//! waits (a connection's hello, the kill after a hangup).

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::socket::{accept4, getsockopt, sockopt::PeerCredentials, SockFlag};
use nix::sys::wait::{waitpid, WaitPidFlag};

use super::child;
use super::wire::{self, Kept, Reply, Request, MAGIC, MAX_PACKET, VERSION};

/// How long a connection may take to say hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a keeper just started waits for its first server.
const FIRST_SERVER: Duration = Duration::from_secs(10);

/// How long programs get after the hangup at a shutdown before what is left is killed.
const HANGUP_GRACE: Duration = Duration::from_secs(1);

/// How long the keeper waits for killed programs to be reaped before it exits anyway.
const REAP_GRACE: Duration = Duration::from_secs(2);

/// A program the keeper holds.
struct Held {
    /// What the server knows it by, and its status once reaped.
    info: Kept,
    /// The keeper's copy of the PTY master, until the server releases it.
    master: Option<OwnedFd>,
}

/// How far an asked-for shutdown has gone.
#[derive(Clone, Copy)]
enum Ending {
    /// The server said it is ending; it is still connected.
    Asked,
    /// Programs were hung up: kill the rest at the first instant, exit at the second.
    HungUp(Instant, Instant),
}

/// The keeper's state.
pub struct Keeper {
    /// The keep directory.
    dir: PathBuf,
    /// The listening socket, until a shutdown closes it.
    listener: Option<OwnedFd>,
    /// SIGCHLD, as a descriptor.
    signals: SignalFd,
    /// The server that holds the keeper.
    server: Option<OwnedFd>,
    /// Connections that have not said hello, with when they came.
    pending: Vec<(OwnedFd, Instant)>,
    /// The programs held.
    held: Vec<Held>,
    /// Whether a server ever held the keeper, and when the keeper started.
    served: bool,
    started: Instant,
    /// A shutdown in progress.
    ending: Option<Ending>,
    /// The packet buffer.
    buf: Vec<u8>,
}

impl Keeper {
    /// Returns a keeper listening on `listener`, with SIGCHLD blocked and read as a descriptor.
    pub fn new(dir: PathBuf, listener: OwnedFd) -> nix::Result<Keeper> {
        let mut mask = SigSet::empty();
        mask.add(Signal::SIGCHLD);
        mask.thread_block()?;
        let signals = SignalFd::with_flags(&mask, SfdFlags::SFD_NONBLOCK | SfdFlags::SFD_CLOEXEC)?;
        Ok(Keeper {
            dir,
            listener: Some(listener),
            signals,
            server: None,
            pending: Vec::new(),
            held: Vec::new(),
            served: false,
            started: Instant::now(),
            ending: None,
            buf: vec![0; MAX_PACKET],
        })
    }

    /// Serves until the keeper has nothing left to keep.
    pub fn run(&mut self) {
        while !self.finished() {
            let now = Instant::now();
            self.on_time(now);
            let timeout = self.next_deadline().map_or(PollTimeout::NONE, |t| {
                let ms = t.saturating_duration_since(now).as_millis() + 1;
                PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX)
            });
            let had = (self.server.is_some(), self.listener.is_some());
            let ready = self.wait(timeout);
            self.on_ready(ready, had);
        }
    }

    /// Returns whether nothing is left to do: no server holds the keeper and no program runs
    /// (or a shutdown's grace has run out).
    fn finished(&self) -> bool {
        if let Some(Ending::HungUp(_, give_up)) = self.ending {
            return self.running() == 0 || Instant::now() >= give_up;
        }
        let waiting_first = !self.served && self.started.elapsed() < FIRST_SERVER;
        self.server.is_none() && self.running() == 0 && !waiting_first
    }

    /// Returns how many programs have not been reaped: while ending, all of them; otherwise
    /// those the server has not released (one that ignored its hangup after `kill-pane` does
    /// not keep the keeper alive).
    fn running(&self) -> usize {
        let ending = matches!(self.ending, Some(Ending::HungUp(..)));
        self.held
            .iter()
            .filter(|h| h.info.status.is_none() && (ending || h.master.is_some()))
            .count()
    }

    /// Returns the next instant something must happen without a descriptor waking the loop.
    fn next_deadline(&self) -> Option<Instant> {
        let hello = self.pending.iter().map(|(_, t)| *t + HELLO_TIMEOUT).min();
        let ending = match self.ending {
            Some(Ending::HungUp(kill, give_up)) => {
                Some(if Instant::now() < kill { kill } else { give_up })
            }
            _ => None,
        };
        let first = (!self.served).then_some(self.started + FIRST_SERVER);
        [hello, ending, first].into_iter().flatten().min()
    }

    /// Drops connections that did not say hello in time, and kills what a hangup left.
    fn on_time(&mut self, now: Instant) {
        self.pending.retain(|(_, t)| now < *t + HELLO_TIMEOUT);
        if let Some(Ending::HungUp(kill, give_up)) = self.ending {
            if now >= kill && kill < give_up {
                let left: Vec<i32> = self
                    .held
                    .iter()
                    .filter(|h| h.info.status.is_none())
                    .map(|h| h.info.pid)
                    .collect();
                child::kill_sessions(&left, Signal::SIGKILL);
                // Killed once: the next deadline is the last.
                self.ending = Some(Ending::HungUp(give_up, give_up));
            }
        }
    }

    /// Polls every descriptor; returns which are readable (or hung up), in the order
    /// signals, server, listener, pending.
    fn wait(&self, timeout: PollTimeout) -> Vec<bool> {
        let mut fds = vec![PollFd::new(self.signals.as_fd(), PollFlags::POLLIN)];
        if let Some(s) = &self.server {
            fds.push(PollFd::new(s.as_fd(), PollFlags::POLLIN));
        }
        if let Some(l) = &self.listener {
            fds.push(PollFd::new(l.as_fd(), PollFlags::POLLIN));
        }
        for (p, _) in &self.pending {
            fds.push(PollFd::new(p.as_fd(), PollFlags::POLLIN));
        }
        if poll(&mut fds, timeout).is_err() {
            return vec![false; fds.len()];
        }
        fds.iter()
            .map(|f| f.revents().is_some_and(|r| !r.is_empty()))
            .collect()
    }

    /// Handles what `wait` found ready; `had` says which optional descriptors it polled
    /// (the server, the listener), as they were when it did.
    fn on_ready(&mut self, ready: Vec<bool>, had: (bool, bool)) {
        let mut ready = ready.into_iter();
        if ready.next() == Some(true) {
            self.reap();
        }
        if had.0 && ready.next() == Some(true) {
            self.on_server_message();
        }
        let accept = had.1 && ready.next() == Some(true);
        if ready.any(|r| r) {
            self.read_hellos();
        }
        if accept {
            self.accept();
        }
    }

    /// Takes in one new connection, from this user only.
    fn accept(&mut self) {
        let Some(listener) = &self.listener else {
            return;
        };
        let Ok(raw) = accept4(listener.as_raw_fd(), SockFlag::SOCK_CLOEXEC) else {
            return;
        };
        // SAFETY: accept4 returned a new descriptor that nothing else owns.
        let conn = unsafe { OwnedFd::from_raw_fd(raw) };
        let me = nix::unistd::getuid().as_raw();
        match getsockopt(&conn, PeerCredentials) {
            Ok(cred) if cred.uid() == me => {}
            _ => return,
        }
        let _ = nix::sys::socket::setsockopt(&conn, nix::sys::socket::sockopt::SndBuf, &MAX_PACKET);
        // Its hello is read when it comes (see `read_hellos`).
        self.pending.push((conn, Instant::now()));
    }

    /// Reads the first message of every pending connection that has one.
    fn read_hellos(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for (conn, since) in pending {
            let mut probe = [PollFd::new(conn.as_fd(), PollFlags::POLLIN)];
            let ready = poll(&mut probe, PollTimeout::ZERO).is_ok_and(|n| n > 0);
            if !ready {
                self.pending.push((conn, since));
                continue;
            }
            match wire::recv::<Request>(conn.as_fd(), &mut self.buf) {
                Ok(Some((Request::Hello { magic, version }, _))) if magic == MAGIC => {
                    self.welcome(conn, version);
                }
                Ok(Some((Request::Ask, _))) => {
                    self.notice_gone_server();
                    let state = Reply::State {
                        held: self.server.is_some() || self.ending.is_some(),
                        programs: u32::try_from(
                            self.held.iter().filter(|h| h.master.is_some()).count(),
                        )
                        .unwrap_or(u32::MAX),
                    };
                    let _ = wire::send(conn.as_fd(), &state, None);
                }
                // Anything else (a probe that closes, garbage) just goes.
                _ => {}
            }
        }
    }

    /// A server said hello: it holds the keeper now, unless one already does or the keeper
    /// is ending.
    fn welcome(&mut self, conn: OwnedFd, _version: u32) {
        self.notice_gone_server();
        if self.server.is_some() || self.ending.is_some() {
            let _ = wire::send(conn.as_fd(), &Reply::Busy, None);
            return;
        }
        let held: Vec<&Held> = self.held.iter().filter(|h| h.master.is_some()).collect();
        let welcome = Reply::Welcome {
            magic: MAGIC,
            version: VERSION,
            pid: nix::unistd::getpid().as_raw(),
            children: u32::try_from(held.len()).unwrap_or(u32::MAX),
        };
        let mut ok = wire::send(conn.as_fd(), &welcome, None).is_ok();
        for h in held {
            let fd = h.master.as_ref().map(|m| m.as_fd());
            ok = ok && wire::send(conn.as_fd(), &Reply::Child(h.info.clone()), fd).is_ok();
        }
        if ok {
            self.server = Some(conn);
            self.served = true;
            // Statuses were told with the programs; a program the server does not take
            // (released then) is forgotten once reaped.
        }
    }

    /// Takes in what the server that holds the keeper said last, which may be that it is gone
    /// (it died, or replaced itself with a new binary that is saying hello now).
    fn notice_gone_server(&mut self) {
        let waiting = self.server.as_ref().is_some_and(|s| {
            let mut probe = [PollFd::new(s.as_fd(), PollFlags::POLLIN)];
            poll(&mut probe, PollTimeout::ZERO).is_ok_and(|n| n > 0)
        });
        if waiting {
            self.on_server_message();
        }
    }

    /// Handles one message from the server, or its going.
    fn on_server_message(&mut self) {
        let Some(server) = &self.server else {
            return;
        };
        let msg = wire::recv::<Request>(server.as_fd(), &mut self.buf);
        match msg {
            Ok(Some((Request::Spawn(spawn), _))) => self.spawn(&spawn),
            Ok(Some((Request::Release { program }, _))) => {
                self.held.retain_mut(|h| {
                    if h.info.program != program {
                        return true;
                    }
                    h.master = None;
                    h.info.status.is_none()
                });
            }
            Ok(Some((Request::Shutdown, _))) => self.ending = Some(Ending::Asked),
            Ok(Some((Request::Hello { .. } | Request::Ask, _))) => {}
            Ok(None) | Err(_) => self.server_gone(),
        }
    }

    /// The server disconnected: after a shutdown it asked for, every program is hung up;
    /// otherwise (a crash, an upgrade) everything is kept for the next server.
    fn server_gone(&mut self) {
        self.server = None;
        if !matches!(self.ending, Some(Ending::Asked)) {
            return;
        }
        // New servers must start a keeper of their own (it waits for this one's lock).
        self.listener = None;
        let _ = std::fs::remove_file(self.dir.join(super::SOCKET));
        self.pending.clear();
        let now = Instant::now();
        for h in &mut self.held {
            h.master = None;
            if h.info.status.is_none() && h.info.pid > 0 {
                let _ = nix::sys::signal::killpg(
                    nix::unistd::Pid::from_raw(h.info.pid),
                    Signal::SIGHUP,
                );
            }
        }
        self.ending = Some(Ending::HungUp(
            now + HANGUP_GRACE,
            now + HANGUP_GRACE + REAP_GRACE,
        ));
    }

    /// Starts a program for the server and answers with its master or the failure.
    fn spawn(&mut self, spawn: &wire::Spawn) {
        let program = spawn.program;
        let reply = match super::launch::spawn(spawn) {
            Ok(started) => {
                let reply = Reply::Spawned {
                    program,
                    pid: started.pid,
                    tty: started.tty.clone(),
                };
                self.held.push(Held {
                    info: Kept {
                        pane: spawn.pane,
                        program,
                        pid: started.pid,
                        tty: started.tty,
                        status: None,
                    },
                    master: Some(started.master),
                });
                // Reap at once a program that exited already (one whose exec failed after
                // the checks of `launch`, or one that quick).
                self.reap();
                return self.send_with_master(&reply, program);
            }
            Err(e) => Reply::SpawnFailed {
                program,
                errno: e.raw_os_error().unwrap_or(0),
                message: e.to_string(),
            },
        };
        self.send(&reply);
    }

    /// Sends a reply to the server with a program's master.
    fn send_with_master(&mut self, reply: &Reply, program: u64) {
        let Some(server) = &self.server else {
            return;
        };
        let fd: Option<BorrowedFd<'_>> = self
            .held
            .iter()
            .find(|h| h.info.program == program)
            .and_then(|h| h.master.as_ref())
            .map(|m| m.as_fd());
        if wire::send(server.as_fd(), reply, fd).is_err() {
            self.server_gone();
        }
    }

    /// Sends a message to the server, if one holds the keeper.
    fn send(&mut self, reply: &Reply) {
        let Some(server) = &self.server else {
            return;
        };
        if wire::send(server.as_fd(), reply, None).is_err() {
            self.server_gone();
        }
    }

    /// Reaps every child that exited, remembering its status and telling the server.
    fn reap(&mut self) {
        while let Ok(Some(_)) = self.signals.read_signal() {}
        loop {
            let status = match waitpid(None, Some(WaitPidFlag::WNOHANG)) {
                Ok(s) => s,
                Err(nix::errno::Errno::EINTR) => continue,
                Err(_) => return,
            };
            let Some((pid, code)) = child::exit_code(status) else {
                if matches!(status, nix::sys::wait::WaitStatus::StillAlive) {
                    return;
                }
                continue;
            };
            let Some(i) = self.held.iter().position(|h| h.info.pid == pid) else {
                continue;
            };
            let program = self.held[i].info.program;
            self.held[i].info.status = Some(code);
            if self.held[i].master.is_none() {
                self.held.remove(i);
            }
            self.send(&Reply::Exited {
                program,
                status: code,
            });
        }
    }
}
