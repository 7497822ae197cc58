//! Becoming a daemon: fork, new session, bind the socket, report readiness; and removing
//! the socket at exit.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};

use nix::sys::stat::{umask, Mode};
use nix::unistd::{dup2_stderr, dup2_stdin, dup2_stdout, fork, setsid, ForkResult};

use crate::log::log;
use crate::ServerOptions;

/// The socket file a daemon bound, known by its device and inode so that only this
/// server's socket is removed at exit.
pub struct SocketFile {
    /// Where it is.
    path: PathBuf,
    /// Its device and inode.
    identity: (u64, u64),
}

impl SocketFile {
    /// Removes the socket file, but only if it is still the one this server bound.
    pub fn remove(&self) {
        if let Ok(meta) = std::fs::symlink_metadata(&self.path) {
            if (meta.dev(), meta.ino()) == self.identity {
                let _ = std::fs::remove_file(&self.path);
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
    close_inherited();
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
        identity,
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
/// terminal or a pipe someone waits on must not be held by a server that lives for days).
fn close_inherited() {
    // SAFETY: close_range has no memory effects; the process has no threads yet and owns no
    // descriptor above 2 that it still needs.
    unsafe { nix::libc::syscall(nix::libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
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
