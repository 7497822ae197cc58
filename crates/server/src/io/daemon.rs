//! Becoming a daemon: fork, new session, bind the socket, report readiness; and removing
//! the socket at exit.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use nix::sys::stat::{umask, Mode};
use nix::unistd::{dup2_stderr, dup2_stdin, dup2_stdout, fork, setsid, ForkResult};

use crate::log::log;
use crate::ServerOptions;

/// The socket file a daemon bound, known by its device and inode so that only this
/// server's socket is removed at exit. Clones share the identity, which changes when SIGUSR1
/// binds the socket again.
#[derive(Clone)]
pub struct SocketFile {
    /// Where it is.
    path: PathBuf,
    /// Its device and inode.
    identity: Arc<Mutex<(u64, u64)>>,
}

/// The identity of a socket file this server removed: it owns no file any more.
const FORGOTTEN: (u64, u64) = (0, 0);

impl SocketFile {
    /// Returns the device and inode of the socket this server bound last.
    fn identity(&self) -> (u64, u64) {
        *self.identity.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Returns where the socket is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes the socket file, but only if it is still the one this server bound, and only
    /// once: the server removes it while it still listens, so no other server can have bound
    /// the path yet. A later call finds another server's socket there, and the file system
    /// may have given that one the same inode number, so it must not look at it at all.
    pub fn remove(&self) {
        let mut identity = self.identity.lock().unwrap_or_else(|e| e.into_inner());
        if *identity == FORGOTTEN {
            return;
        }
        if let Ok(meta) = std::fs::symlink_metadata(&self.path) {
            if (meta.dev(), meta.ino()) == *identity {
                let _ = std::fs::remove_file(&self.path);
            }
        }
        *identity = FORGOTTEN;
    }

    /// SIGUSR1, as tmux: when the socket file was deleted (tmp cleaners do delete live
    /// sockets), binds a new one at the same path and returns it, so clients find the server
    /// again. Returns `None` when the socket is still there, or when something else now
    /// occupies the path (it is left alone).
    pub fn recreate(&self) -> Option<UnixListener> {
        match std::fs::symlink_metadata(&self.path) {
            Ok(meta) if (meta.dev(), meta.ino()) == self.identity() => return None,
            Ok(_) => {
                log!(
                    "SIGUSR1: {} is not this server's socket; left alone",
                    self.path.display()
                );
                return None;
            }
            Err(_) => {}
        }
        match bind(&self.path) {
            Ok(listener) => {
                if let Ok(meta) = std::fs::metadata(&self.path) {
                    *self.identity.lock().unwrap_or_else(|e| e.into_inner()) =
                        (meta.dev(), meta.ino());
                }
                log!("SIGUSR1: socket {} created again", self.path.display());
                Some(listener)
            }
            Err(e) => {
                log!("SIGUSR1: {e}");
                None
            }
        }
    }
}

/// Becomes the server process: forks so the caller can reap the parent at once (the parent
/// gets `Err(0)`), binds the socket in the child, writes `ready` (or `error: ...`, and
/// `Err(1)`) on standard output, detaches standard I/O and opens the log.
pub fn daemonize(opts: &ServerOptions) -> Result<(UnixListener, SocketFile), i32> {
    // SAFETY: called from `main` before any thread or runtime exists.
    match unsafe { fork() } {
        Ok(ForkResult::Parent { .. }) => return Err(0),
        Ok(ForkResult::Child) => {}
        Err(e) => {
            println!("error: fork failed: {e}");
            return Err(1);
        }
    }
    let _ = setsid();
    close_inherited(opts.keeper_fd);
    ignore_signals();
    return_memory();
    let listener = match bind(&opts.socket) {
        Ok(l) => l,
        Err(e) => {
            println!("error: {e}");
            return Err(1);
        }
    };
    let identity = std::fs::metadata(&opts.socket)
        .map(|m| (m.dev(), m.ino()))
        .unwrap_or_default();
    println!("ready");
    let _ = std::io::stdout().flush();
    detach_stdio();
    crate::log::init(&opts.socket, opts.verbose);
    std::panic::set_hook(Box::new(|info| {
        crate::log::write(format_args!("panic: {info}"))
    }));
    log!("server started on {}", opts.socket.display());
    let file = SocketFile {
        path: opts.socket.clone(),
        identity: Arc::new(Mutex::new(identity)),
    };
    Ok((listener, file))
}

/// Becomes the server that another one handed over to (`server-upgrade`: it replaced itself
/// with this binary): already a daemon, with its listening socket open as `fd`. Opens the
/// log and takes the socket.
pub fn inherit(opts: &ServerOptions, fd: i32) -> Result<(UnixListener, SocketFile), i32> {
    use std::os::fd::FromRawFd;
    ignore_signals();
    return_memory();
    crate::log::init(&opts.socket, opts.verbose);
    std::panic::set_hook(Box::new(|info| {
        crate::log::write(format_args!("panic: {info}"))
    }));
    if fd < 3 {
        log!("--listen-fd {fd} is not a socket");
        return Err(1);
    }
    // SAFETY: the server that replaced itself with this binary left `fd` open for it (a
    // listening Unix socket, checked below) and nothing else in this process owns it.
    let listener = unsafe { UnixListener::from_raw_fd(fd) };
    let is_socket = nix::sys::stat::fstat(&listener)
        .is_ok_and(|st| st.st_mode & nix::libc::S_IFMT == nix::libc::S_IFSOCK);
    if !is_socket {
        log!("--listen-fd {fd} is not a socket");
        return Err(1);
    }
    let _ = nix::fcntl::fcntl(
        &listener,
        nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
    );
    let identity = std::fs::metadata(&opts.socket)
        .map(|m| (m.dev(), m.ino()))
        .unwrap_or_default();
    log!("server took over on {}", opts.socket.display());
    let file = SocketFile {
        path: opts.socket.clone(),
        identity: Arc::new(Mutex::new(identity)),
    };
    Ok((listener, file))
}

/// Binds the listening socket with mode 0600.
fn bind(path: &Path) -> Result<UnixListener, String> {
    let old = umask(Mode::from_bits_truncate(0o177));
    let result = UnixListener::bind(path);
    umask(old);
    result.map_err(|e| format!("can't create socket {}: {e}", path.display()))
}

/// Closes every descriptor above standard error that the starting process left open (a
/// terminal or a pipe someone waits on must not be held by a server that lives for days),
/// but `keep` (the keeper's report pipe, `--keeper-fd`).
fn close_inherited(keep: Option<i32>) {
    let keep = keep.and_then(|k| u32::try_from(k).ok()).filter(|k| *k >= 3);
    let ranges = match keep {
        Some(k) => [(3, k.saturating_sub(1)), (k.saturating_add(1), u32::MAX)],
        None => [(3, u32::MAX), (1, 0)],
    };
    for (first, last) in ranges.into_iter().filter(|(a, b)| a <= b) {
        // SAFETY: close_range has no memory effects; the process has no threads yet and owns
        // no descriptor above 2 that it still needs but `keep`.
        unsafe { nix::libc::syscall(nix::libc::SYS_close_range, first, last, 0u32) };
    }
}

/// Points standard input, output and error at /dev/null.
fn detach_stdio() {
    if let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        let _ = dup2_stdin(&null);
        let _ = dup2_stdout(&null);
        let _ = dup2_stderr(&null);
    }
}

/// Ignores every signal whose default would end or stop the server, except SIGTERM and SIGINT
/// (which shut it down) and those the server handles (SIGHUP, SIGUSR1, SIGUSR2, SIGCHLD; see
/// `io::signals`), whose handlers replace this. A stray `kill -QUIT`, `-ALRM`, `-TSTP` or a
/// real-time signal must not end every session. A real fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
/// SIGTRAP from the CPU) still ends the process: the kernel forces the default action of an
/// ignored fault signal, so a crash is never turned into a hang. Programs the server starts
/// get default dispositions back (`io::pty`).
fn ignore_signals() {
    use nix::libc;
    let named = [
        libc::SIGQUIT,
        libc::SIGILL,
        libc::SIGTRAP,
        libc::SIGABRT,
        libc::SIGBUS,
        libc::SIGFPE,
        libc::SIGSEGV,
        libc::SIGPIPE,
        libc::SIGALRM,
        libc::SIGSTKFLT,
        libc::SIGTSTP,
        libc::SIGTTIN,
        libc::SIGTTOU,
        libc::SIGXCPU,
        libc::SIGXFSZ,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGIO,
        libc::SIGPWR,
        libc::SIGSYS,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGHUP,
    ];
    let realtime = libc::SIGRTMIN()..=libc::SIGRTMAX();
    for sig in named.into_iter().chain(realtime) {
        // SAFETY: setting SIG_IGN installs no code; the process has no threads yet. The C
        // library refuses (harmlessly) the real-time signals it keeps for itself.
        unsafe { libc::signal(sig, libc::SIG_IGN) };
    }
}

/// Makes large allocations come from their own mappings, returned to the system when freed.
/// By default glibc raises that threshold after the first large free, so buffers of half-sent
/// 16 MiB frames would stay in the server's heap after their connections are gone.
fn return_memory() {
    #[cfg(target_env = "gnu")]
    {
        // SAFETY: mallopt only changes the allocator's tuning; no thread exists yet.
        unsafe { nix::libc::mallopt(nix::libc::M_MMAP_THRESHOLD, 256 * 1024) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_socket_file_is_removed_once_even_if_its_inode_number_comes_back() {
        let dir = std::env::temp_dir().join(format!("mux-sockfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s");
        let twin = dir.join("twin");
        std::fs::write(&path, b"").unwrap();
        // A second name for the same inode stands for a new socket that was given the old
        // one's inode number once the old one was gone.
        std::fs::hard_link(&path, &twin).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        let file = SocketFile {
            path: path.clone(),
            identity: Arc::new(Mutex::new((meta.dev(), meta.ino()))),
        };
        file.remove();
        assert!(!path.exists());
        std::fs::rename(&twin, &path).unwrap();
        file.remove();
        assert!(path.exists(), "another server's socket was removed");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
