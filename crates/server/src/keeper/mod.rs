//! The keeper: a small process per server that holds what must outlive the server, so that
//! a crash (a panic, the OOM killer, `kill -9`) or an upgrade loses no program.
//!
//! It is the parent of every pane's program: the server asks it to start one
//! ([`wire::Request::Spawn`]), it opens the PTY, forks the program as a session leader on
//! it, keeps a copy of the PTY master and passes another to the server with `SCM_RIGHTS`.
//! The server reads and writes the PTY itself: the keeper is not in the output or the key
//! echo path, reads nothing from a PTY and allocates nothing per byte. It reaps its children
//! and reports their exit statuses. When the server goes away without saying it is ending,
//! the keeper keeps every PTY open (no program gets SIGHUP; output waits in the PTY) and
//! remembers exit statuses until a new server adopts it: that server gets every master again
//! and the statuses. When the server says it is ending ([`wire::Request::Shutdown`]) and
//! goes, the keeper hangs up every program, kills those that ignore it a second later, and
//! exits. It exits too when it holds no running program and no server holds it.
//!
//! It lives in the private keep directory beside the server's socket (`<socket>.keep/`,
//! mode 0700): its socket `keeper.sock` (0600, peers of another user refused), and `lock`,
//! which it holds locked for its whole life, so a second keeper for the same directory
//! waits until the first has gone. A keeper starting wipes what a dead one left (the
//! server's checkpoints and journals are worth nothing without the programs); a keeper
//! ending removes the directory.
//!
//! The server runs it as `mux __keeper DIR`; it forks at once (so the server reaps only the
//! short-lived parent), starts a new session, ignores the signals a terminal or a stray
//! `kill` could send, and says `ready` on its standard output once it listens.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

pub mod child;
mod launch;
mod serve;
pub mod wire;

use std::fs::File;
use std::io::Write;
use std::os::fd::OwnedFd;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use nix::fcntl::{Flock, FlockArg};
use nix::sys::socket::{
    bind, listen, socket, AddressFamily, Backlog, SockFlag, SockType, UnixAddr,
};
use nix::sys::stat::{umask, Mode};

/// The keeper's socket, in the keep directory.
pub const SOCKET: &str = "keeper.sock";

/// The file a keeper holds locked for its whole life, in the keep directory.
const LOCK: &str = "lock";

/// Returns the keep directory of the server on `socket`: `<socket>.keep`.
pub fn keep_dir(socket: &Path) -> PathBuf {
    let mut name = socket.as_os_str().to_owned();
    name.push(".keep");
    PathBuf::from(name)
}

/// Returns whether a keeper beside `socket` keeps programs that no server holds: a server
/// died, and starting one adopts them. Asks the keeper (within a second); `false` when there
/// is none, it is another user's, or a server holds it.
pub fn keeper_waiting(socket: &Path) -> bool {
    use std::os::fd::AsFd;
    let path = keep_dir(socket).join(SOCKET);
    let Ok(sock) = socket_for(&path) else {
        return false;
    };
    let me = nix::unistd::getuid().as_raw();
    let ours = nix::sys::socket::getsockopt(&sock, nix::sys::socket::sockopt::PeerCredentials)
        .is_ok_and(|c| c.uid() == me);
    let timeout = nix::sys::time::TimeVal::new(1, 0);
    let _ =
        nix::sys::socket::setsockopt(&sock, nix::sys::socket::sockopt::ReceiveTimeout, &timeout);
    if !ours || wire::send(sock.as_fd(), &wire::Request::Ask, None).is_err() {
        return false;
    }
    let mut buf = vec![0u8; wire::MAX_PACKET];
    matches!(
        wire::recv::<wire::Reply>(sock.as_fd(), &mut buf),
        Ok(Some((wire::Reply::State { held: false, programs }, _))) if programs > 0
    )
}

/// Returns a new Unix SEQPACKET socket (close-on-exec), the keeper's kind.
fn seqpacket() -> nix::Result<OwnedFd> {
    socket(
        AddressFamily::Unix,
        SockType::SeqPacket,
        SockFlag::SOCK_CLOEXEC,
        None,
    )
}

/// Connects a SEQPACKET socket to `path`.
pub(crate) fn socket_for(path: &Path) -> nix::Result<OwnedFd> {
    let sock = seqpacket()?;
    nix::sys::socket::connect(
        std::os::fd::AsRawFd::as_raw_fd(&sock),
        &UnixAddr::new(path)?,
    )?;
    Ok(sock)
}

/// Makes the keep directory (mode 0700) or checks the one there: a directory, not a link,
/// owned by this user and closed to everyone else. Anything else is refused, as a foreign
/// socket directory is, and nothing is changed.
pub fn prepare_dir(dir: &Path) -> Result<(), String> {
    let me = nix::unistd::getuid().as_raw();
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(format!("can't create {}: {e}", dir.display())),
    }
    let meta = std::fs::symlink_metadata(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if !meta.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    if meta.uid() != me {
        return Err(format!("{} is owned by another user", dir.display()));
    }
    if meta.mode() & 0o077 != 0 {
        return Err(format!("{} has unsafe permissions", dir.display()));
    }
    Ok(())
}

/// Runs `mux __keeper DIR`; returns the exit status.
pub fn run_keeper(dir: PathBuf) -> i32 {
    // SAFETY: called from `main` before any thread exists.
    match unsafe { nix::unistd::fork() } {
        Ok(nix::unistd::ForkResult::Parent { .. }) => return 0,
        Ok(nix::unistd::ForkResult::Child) => {}
        Err(e) => {
            println!("error: fork failed: {e}");
            return 1;
        }
    }
    let _ = nix::unistd::setsid();
    // SAFETY: close_range has no memory effects; nothing above 2 is needed.
    unsafe { nix::libc::syscall(nix::libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
    ignore_signals();
    if let Err(e) = prepare_dir(&dir) {
        println!("error: {e}");
        return 1;
    }
    let Some(lock) = lock_dir(&dir) else {
        println!("error: can't lock {}", dir.join(LOCK).display());
        return 1;
    };
    wipe(&dir, false);
    let listener = match listen_on(&dir.join(SOCKET)) {
        Ok(l) => l,
        Err(e) => {
            println!("error: can't listen on {}: {e}", dir.join(SOCKET).display());
            return 1;
        }
    };
    println!("ready");
    let _ = std::io::stdout().flush();
    detach_stdio();
    let mut keeper = match serve::Keeper::new(dir.clone(), listener) {
        Ok(k) => k,
        Err(_) => {
            wipe(&dir, true);
            return 1;
        }
    };
    keeper.run();
    wipe(&dir, true);
    drop(lock);
    0
}

/// Takes the directory's lock, waiting for a keeper that still holds it.
fn lock_dir(dir: &Path) -> Option<Flock<File>> {
    let path = dir.join(LOCK);
    for _ in 0..100 {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&path)
            .ok()?;
        let lock = Flock::lock(file, FlockArg::LockExclusive).ok()?;
        // The keeper before us removed the file we waited on: lock the one there now.
        let same = match (std::fs::symlink_metadata(&path), lock.metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        };
        if same {
            return Some(lock);
        }
    }
    None
}

/// Removes what is in the keep directory: everything but the lock, or (`all`) everything and
/// the directory itself.
fn wipe(dir: &Path, all: bool) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if all || entry.file_name() != LOCK {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    if all {
        let _ = std::fs::remove_dir(dir);
    }
}

/// Binds the keeper's socket (mode 0600), replacing a stale one (the lock says no keeper
/// owns it), and listens.
fn listen_on(path: &Path) -> nix::Result<OwnedFd> {
    let _ = std::fs::remove_file(path);
    let sock = seqpacket()?;
    let addr = UnixAddr::new(path)?;
    let old = umask(Mode::from_bits_truncate(0o177));
    let bound = bind(std::os::fd::AsRawFd::as_raw_fd(&sock), &addr);
    umask(old);
    bound?;
    listen(&sock, Backlog::new(16)?)?;
    Ok(sock)
}

/// Points standard input, output and error at /dev/null.
fn detach_stdio() {
    if let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        let _ = nix::unistd::dup2_stdin(&null);
        let _ = nix::unistd::dup2_stdout(&null);
        let _ = nix::unistd::dup2_stderr(&null);
    }
}

/// Ignores the signals a terminal, a hangup or a stray `kill` would end the keeper with; its
/// children get default dispositions back (`child::child_setup`). SIGTERM and SIGKILL still
/// end it (its programs then live on while the server holds their PTYs).
fn ignore_signals() {
    use nix::libc;
    for sig in [
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGPIPE,
        libc::SIGALRM,
        libc::SIGTSTP,
        libc::SIGTTIN,
        libc::SIGTTOU,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGXFSZ,
    ] {
        // SAFETY: setting SIG_IGN installs no code; the process has no threads.
        unsafe { libc::signal(sig, libc::SIG_IGN) };
    }
}
