//! The server's connection to its keeper: finding it (or starting one), adopting what it
//! holds, asking it to start programs, and a thread that turns the exits it reports into
//! events.
//!
//! A keeper that is already there is adopted at once, before the server takes a command. A
//! new one is started on a thread of its own while the server goes on (starting it is a
//! second run of the binary, about as long as the rest of the server's start-up together):
//! the first use of the link waits for it. A server that a client started finds the keeper
//! that client started beside it, or waits on that thread for its report (see `start`).

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::Duration;

use mux_term_emu::Size as TermSize;
use nix::sys::socket::{getsockopt, setsockopt, sockopt};

use crate::ids::{PaneId, ProgramId};
use crate::io::event::{Event, EventTx};
use crate::io::os::Children;
use crate::keeper::wire::{self, Kept, Reply, Request, MAGIC, MAX_PACKET, VERSION};
use crate::log::log;
use crate::model::os::SpawnSpec;

/// How long the server waits for the keeper to answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a server waits for a keeper that another server still holds (one that is ending).
const BUSY_WAIT: Duration = Duration::from_secs(4);

/// A program a keeper held when this server adopted it, with its PTY master.
pub struct Adopted {
    /// What the keeper knows of it.
    pub kept: Kept,
    /// Its PTY master.
    pub master: OwnedFd,
}

/// A spawn answer: the reply and the master riding with it.
type Answer = (Reply, Option<OwnedFd>);

/// A connection to a keeper: its socket and its pid.
type Conn = (OwnedFd, i32);

/// The connection to the keeper.
pub struct Link {
    /// The socket for requests and the keeper's pid, once known (an error when the keeper
    /// this server started never answered).
    conn: OnceLock<Result<Conn, String>>,
    /// The start of a new keeper, while it is under way.
    starting: Mutex<Option<JoinHandle<Result<Conn, String>>>>,
    /// Answers to spawn requests, from the reader thread.
    answers: Mutex<Receiver<Answer>>,
    /// Where the reader thread sends them, until it starts.
    answer_tx: Mutex<Option<Sender<Answer>>>,
    /// Set when the connection to the keeper was lost.
    lost: Arc<AtomicBool>,
    /// The pane and pid of every program the keeper runs for this server, by program id.
    programs: Arc<Mutex<HashMap<u64, (PaneId, i32)>>>,
}

impl Link {
    /// Connects to the keeper in `dir` and returns the link with the programs the keeper
    /// held (a server that died left them). When there is no keeper, one is started on a
    /// thread (see the module's doc), or the one the client started (`report`: the pipe on
    /// which it says it listens) is waited for there, and the link comes back at once,
    /// holding nothing.
    pub fn open(dir: &Path, report: Option<OwnedFd>) -> Result<(Link, Vec<Adopted>), String> {
        crate::keeper::prepare_dir(dir)?;
        let path = dir.join(crate::keeper::SOCKET);
        match connect_to(&path) {
            Err(e) if is_absent(e) => {
                let dir = dir.to_path_buf();
                let starting = std::thread::Builder::new()
                    .name("keeper-start".into())
                    .spawn(move || {
                        let conn = match report {
                            Some(pipe) => started_by_client(&dir, pipe),
                            None => start_and_connect(&dir),
                        };
                        if let Err(e) = &conn {
                            log!("no keeper, sessions will not survive this server: {e}");
                        }
                        conn
                    })
                    .map_err(|e| format!("can't start the keeper: {e}"))?;
                Ok((Link::new(OnceLock::new(), Some(starting)), Vec::new()))
            }
            first => {
                let (conn, adopted) = connect(dir, first, false)?;
                Ok((Link::new(OnceLock::from(Ok(conn)), None), adopted))
            }
        }
    }

    /// Wraps a connection, or the start of one.
    fn new(
        conn: OnceLock<Result<Conn, String>>,
        starting: Option<JoinHandle<Result<Conn, String>>>,
    ) -> Link {
        let (tx, rx) = mpsc::channel();
        Link {
            conn,
            starting: Mutex::new(starting),
            answers: Mutex::new(rx),
            answer_tx: Mutex::new(Some(tx)),
            lost: Arc::new(AtomicBool::new(false)),
            programs: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// Returns the connection, waiting for a keeper being started; an error when it never
    /// answered.
    fn conn(&self) -> io::Result<&Conn> {
        self.conn
            .get_or_init(|| {
                let starting = self
                    .starting
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take();
                match starting.map(JoinHandle::join) {
                    Some(Ok(conn)) => conn,
                    Some(Err(_)) => Err("the keeper's start failed".into()),
                    None => Err("no keeper".into()),
                }
            })
            .as_ref()
            .map_err(|e| io::Error::other(e.clone()))
    }

    /// Returns the socket for requests.
    fn sock(&self) -> io::Result<&OwnedFd> {
        self.conn().map(|(sock, _)| sock)
    }

    /// Waits for a keeper being started; returns its pid, or why there is none.
    pub fn ready(&self) -> io::Result<i32> {
        self.conn().map(|(_, pid)| *pid)
    }

    /// Starts the thread that reads the keeper's messages: exits become events (and leave
    /// `children`), answers go to [`Link::spawn`]. The thread first waits for a keeper being
    /// started; if it never answers, the link is lost and programs start without it.
    pub fn start(self: &Arc<Self>, events: EventTx, children: Children) -> io::Result<()> {
        let Some(answers) = self
            .answer_tx
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        else {
            return Ok(());
        };
        let link = self.clone();
        let lost = self.lost.clone();
        let programs = self.programs.clone();
        std::thread::Builder::new()
            .name("keeper".into())
            .spawn(move || {
                let sock = link.sock().and_then(|s| s.try_clone());
                drop(link);
                match sock {
                    Ok(sock) => {
                        read_loop(&sock, &answers, &events, &children, &programs);
                        log!("the connection to the keeper was lost");
                    }
                    Err(e) => log!("no keeper: {e}"),
                }
                lost.store(true, Ordering::SeqCst);
            })?;
        Ok(())
    }

    /// Remembers a program adopted from the keeper, so that its exit becomes an event.
    pub fn track(&self, pane: PaneId, program: ProgramId, pid: i32) {
        self.lock().insert(program.0, (pane, pid));
    }

    /// Locks the program table.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, (PaneId, i32)>> {
        self.programs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Returns whether the connection to the keeper was lost (or a keeper being started
    /// never answered), after waiting for one being started.
    pub fn is_lost(&self) -> bool {
        self.conn().is_err() || self.lost.load(Ordering::SeqCst)
    }

    /// Asks the keeper to start `spec` on a new PTY of `size` and waits for its answer: the
    /// PTY master, the pid and the slave's path.
    pub fn spawn(
        &self,
        pane: PaneId,
        program: ProgramId,
        spec: &SpawnSpec,
        size: TermSize,
    ) -> io::Result<(OwnedFd, i32, String)> {
        use std::os::unix::ffi::OsStrExt;
        if self.is_lost() {
            return Err(io::Error::other("the keeper is gone"));
        }
        let request = Request::Spawn(wire::Spawn {
            pane: pane.0,
            program: program.0,
            path: spec.program.as_os_str().as_bytes().to_vec(),
            argv0: spec.argv0.as_bytes().to_vec(),
            args: spec.args.clone(),
            env: spec.env.clone(),
            cwd: spec.cwd.as_os_str().as_bytes().to_vec(),
            cols: size.cols,
            rows: size.rows,
        });
        // The reader files the program under its pane as the answer arrives, before any exit
        // report can follow it.
        self.lock().insert(program.0, (pane, 0));
        let answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        while answers.try_recv().is_ok() {}
        if let Err(e) = self
            .sock()
            .and_then(|sock| wire::send(sock.as_fd(), &request, None))
        {
            self.lock().remove(&program.0);
            return Err(e);
        }
        let answer = answers.recv_timeout(ANSWER_TIMEOUT);
        match answer {
            Ok((Reply::Spawned { pid, tty, .. }, Some(master))) => Ok((master, pid, tty)),
            // The program started but its PTY did not reach this process: it is out of
            // descriptors. The keeper lets the program go (it gets SIGHUP).
            Ok((Reply::Spawned { .. }, None)) => {
                self.release(program);
                Err(io::Error::from_raw_os_error(nix::libc::EMFILE))
            }
            Ok((Reply::SpawnFailed { errno, message, .. }, _)) => {
                self.lock().remove(&program.0);
                Err(if errno != 0 {
                    io::Error::from_raw_os_error(errno)
                } else {
                    io::Error::other(message)
                })
            }
            _ => {
                self.lock().remove(&program.0);
                Err(io::Error::other("the keeper did not answer"))
            }
        }
    }

    /// Tells the keeper that the server is done with a program.
    pub fn release(&self, program: ProgramId) {
        self.lock().remove(&program.0);
        if !self.is_lost() {
            if let Ok(sock) = self.sock() {
                let release = Request::Release { program: program.0 };
                let _ = wire::send(sock.as_fd(), &release, None);
            }
        }
    }

    /// Tells the keeper that the server is ending on purpose: when it goes, the keeper ends
    /// every program. Returns whether the keeper was told (it then takes over their ending).
    pub fn shutdown(&self) -> bool {
        let sent = self
            .sock()
            .and_then(|sock| wire::send(sock.as_fd(), &Request::Shutdown, None));
        match sent {
            Ok(_) => true,
            Err(e) => {
                log!("telling the keeper the server ends: {e}");
                false
            }
        }
    }
}

/// Reads the keeper's messages until the connection ends.
fn read_loop(
    sock: &OwnedFd,
    answers: &Sender<Answer>,
    events: &EventTx,
    children: &Children,
    programs: &Mutex<HashMap<u64, (PaneId, i32)>>,
) {
    let mut buf = vec![0u8; MAX_PACKET];
    let lock = || programs.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let (reply, fd) = match wire::recv::<Reply>(sock.as_fd(), &mut buf) {
            Ok(Some(m)) => m,
            Ok(None) => return,
            Err(e) => {
                log!("reading from the keeper: {e}");
                return;
            }
        };
        match reply {
            Reply::Exited { program, status } => {
                let Some((pane, pid)) = lock().remove(&program) else {
                    continue;
                };
                children.forget(pid);
                let event = Event::Exited(pane, ProgramId(program), status);
                if events.blocking_send(event).is_err() {
                    return;
                }
            }
            Reply::Spawned { program, pid, .. } => {
                if let Some(entry) = lock().get_mut(&program) {
                    entry.1 = pid;
                }
                children.add(pid);
                let _ = answers.send((reply, fd));
            }
            other => {
                let _ = answers.send((other, fd));
            }
        }
    }
}

/// Returns whether a connect failure means no keeper listens.
fn is_absent(e: nix::errno::Errno) -> bool {
    matches!(
        e,
        nix::errno::Errno::ENOENT | nix::errno::Errno::ECONNREFUSED
    )
}

/// Connects to the keeper's socket and checks that it is this user's.
fn connect_to(path: &Path) -> Result<OwnedFd, nix::errno::Errno> {
    let sock = crate::keeper::socket_for(path)?;
    let me = nix::unistd::getuid().as_raw();
    if getsockopt(&sock, sockopt::PeerCredentials)?.uid() != me {
        log!("{}: the keeper is another user's; refused", path.display());
        return Err(nix::errno::Errno::EACCES);
    }
    let _ = setsockopt(&sock, sockopt::SndBuf, &MAX_PACKET);
    Ok(sock)
}

/// Says hello; returns the keeper's pid and what it held, or `None` when another server
/// holds it.
fn hello(sock: &OwnedFd) -> Result<Option<(i32, Vec<Adopted>)>, String> {
    let timeout = nix::sys::time::TimeVal::new(ANSWER_TIMEOUT.as_secs() as _, 0);
    let _ = setsockopt(sock, sockopt::ReceiveTimeout, &timeout);
    let hello = Request::Hello {
        magic: MAGIC,
        version: VERSION,
    };
    wire::send(sock.as_fd(), &hello, None).map_err(|e| format!("keeper: {e}"))?;
    let mut buf = vec![0u8; MAX_PACKET];
    let recv = |buf: &mut Vec<u8>| match wire::recv::<Reply>(sock.as_fd(), buf) {
        Ok(Some(m)) => Ok(m),
        Ok(None) => Err("the keeper closed the connection".to_string()),
        Err(e) => Err(format!("keeper: {e}")),
    };
    let (pid, count) = match recv(&mut buf)? {
        (
            Reply::Welcome {
                magic,
                version,
                pid,
                children,
            },
            _,
        ) if magic == MAGIC && version == VERSION => (pid, children),
        (Reply::Welcome { version, .. }, _) => {
            return Err(format!(
                "the keeper speaks version {version}, not {VERSION}"
            ))
        }
        (Reply::Busy, _) => return Ok(None),
        (other, _) => return Err(format!("keeper: unexpected {other:?}")),
    };
    let mut adopted = Vec::new();
    for _ in 0..count {
        match recv(&mut buf)? {
            (Reply::Child(kept), Some(master)) => adopted.push(Adopted { kept, master }),
            (other, _) => return Err(format!("keeper: unexpected {other:?}")),
        }
    }
    let _ = setsockopt(
        sock,
        sockopt::ReceiveTimeout,
        &nix::sys::time::TimeVal::new(0, 0),
    );
    Ok(Some((pid, adopted)))
}

/// Connects to the keeper in `dir` after `attempt` (the first attempt's result), waiting
/// while another server still holds it and starting one (once, unless `started`) when none
/// listens; returns the connection and what the keeper held.
fn connect(
    dir: &Path,
    mut attempt: Result<OwnedFd, nix::errno::Errno>,
    mut started: bool,
) -> Result<(Conn, Vec<Adopted>), String> {
    let path = dir.join(crate::keeper::SOCKET);
    let deadline = std::time::Instant::now() + BUSY_WAIT;
    loop {
        match attempt {
            Ok(sock) => match hello(&sock)? {
                Some((pid, adopted)) => return Ok(((sock, pid), adopted)),
                None if std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                None => return Err("the keeper is held by another server".into()),
            },
            Err(e) if is_absent(e) && !started => {
                start_keeper(dir)?;
                started = true;
            }
            Err(e) if is_absent(e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => return Err(format!("can't connect to {}: {e}", path.display())),
        }
        attempt = connect_to(&path);
    }
}

/// Connects to the keeper the client started for `dir` once it reports on `pipe`; starts one
/// as [`start_and_connect`] does when it did not start.
fn started_by_client(dir: &Path, pipe: OwnedFd) -> Result<Conn, String> {
    match super::start::read_report(pipe) {
        Ok(()) => connect_new(dir, "started by the client"),
        Err(e) => {
            log!("{e}; starting another");
            start_and_connect(dir)
        }
    }
}

/// Starts a keeper for `dir` and connects to it.
fn start_and_connect(dir: &Path) -> Result<Conn, String> {
    start_keeper(dir)?;
    connect_new(dir, "started")
}

/// Connects to a keeper just started for `dir` (`how` says by whom, for the log). A new
/// keeper holds nothing; anything it says it holds is let go (it cannot be adopted this
/// late).
fn connect_new(dir: &Path, how: &str) -> Result<Conn, String> {
    let path = dir.join(crate::keeper::SOCKET);
    let ((sock, pid), adopted) = connect(dir, connect_to(&path), true)?;
    if !adopted.is_empty() {
        log!(
            "a new keeper held {} programs; they are let go",
            adopted.len()
        );
    }
    log!("keeper pid {pid} {how} ({})", dir.display());
    Ok((sock, pid))
}

/// Starts a keeper for `dir` (`mux __keeper DIR`, this binary) and waits until it listens.
fn start_keeper(dir: &Path) -> Result<(), String> {
    super::start::spawn(dir)?.wait()
}

/// Returns the keep directory's path for a socket path.
pub fn dir_for(socket: &Path) -> PathBuf {
    crate::keeper::keep_dir(socket)
}
