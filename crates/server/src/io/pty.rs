//! The narrow OS interface for panes: start a child on a PTY in the server (when it runs
//! without a keeper; opening PTYs and setting up children is `keeper::child`'s), register a
//! master with the runtime, resize it, and read and write it without blocking.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;

use nix::fcntl::{fcntl, FcntlArg, FdFlag, OFlag};
use tokio::io::unix::AsyncFd;
use tokio::process::{Child, Command};
use tokio::runtime::Handle;

use crate::keeper::child;
use crate::model::os::SpawnSpec;

/// The master side of a pane's PTY, shared by its reader and writer tasks.
pub type Master = Arc<AsyncFd<OwnedFd>>;

/// Opens a PTY of `cols`×`rows` and starts `spec` on it as a session leader with the PTY as
/// its controlling terminal, in this process (a server without a keeper). Returns the master
/// (non-blocking, close-on-exec, registered as [`register`] does), the child and the slave's
/// path.
pub fn spawn(
    spec: &SpawnSpec,
    (cols, rows): (u16, u16),
    reactor: Option<&Handle>,
) -> io::Result<(Master, Child, String)> {
    // The crate's unit tests run on the fake OS; one that reaches a real PTY fails here.
    if cfg!(test) {
        panic!("a unit test tried to open /dev/ptmx: build its State on model::fake::FakeOs");
    }
    let (master, tty) = child::open_pty(cols, rows)?;
    let slave = child::open_slave(&tty)?;
    let mut cmd = Command::new(&spec.program);
    cmd.arg0(&spec.argv0)
        .args(&spec.args)
        .env_clear()
        .envs(spec.env.iter().map(|(k, v)| (k, v)))
        .current_dir(&spec.cwd)
        .stdin(slave.try_clone()?)
        .stdout(slave.try_clone()?)
        .stderr(slave)
        .kill_on_drop(false);
    // SAFETY: the closure only makes async-signal-safe system calls.
    unsafe { cmd.pre_exec(child::child_setup) };
    let child = cmd.spawn()?;
    Ok((register(master, reactor)?, child, tty))
}

/// Makes a PTY master non-blocking and close-on-exec and registers it with the runtime of
/// `reactor` (the pane readers'), or the current one.
pub fn register(master: OwnedFd, reactor: Option<&Handle>) -> io::Result<Master> {
    let _in_reactor = reactor.map(Handle::enter);
    let flags = OFlag::from_bits_truncate(fcntl(&master, FcntlArg::F_GETFL)?);
    fcntl(&master, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK))?;
    fcntl(&master, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC))?;
    // SAFETY: the OwnedFd stays open, and the same descriptor, for as long as the AsyncFd
    // owns it.
    let master = unsafe { AsyncFd::register(master) }.map_err(|e| e.into_parts().1)?;
    Ok(Arc::new(master))
}

/// Makes `cmd` start its program with default signal dispositions and an empty mask
/// (`copy-pipe` and other helpers the server runs).
pub fn with_default_signals(cmd: &mut Command) {
    // SAFETY: the closure only makes async-signal-safe system calls.
    unsafe { cmd.pre_exec(child::default_signals) };
}

/// Sets the PTY's window size; the kernel sends SIGWINCH to the foreground process group.
pub fn resize(master: &impl AsFd, cols: u16, rows: u16) -> io::Result<()> {
    child::resize(master, cols, rows)
}

/// Reads once from the master without blocking. `Ok(0)` means the slave side is closed
/// (Linux reports that as EIO).
pub fn read_nonblocking(master: &OwnedFd, buf: &mut [u8]) -> io::Result<usize> {
    match nix::unistd::read(master, buf) {
        Ok(n) => Ok(n),
        Err(nix::errno::Errno::EIO) => Ok(0),
        Err(e) => Err(e.into()),
    }
}

/// Writes once to the master without blocking.
pub fn write_nonblocking(master: &OwnedFd, buf: &[u8]) -> io::Result<usize> {
    nix::unistd::write(master, buf).map_err(io::Error::from)
}

/// Returns the pid of the PTY's foreground process group, if it has one.
pub fn foreground_pgrp(master: &OwnedFd) -> Option<i32> {
    nix::unistd::tcgetpgrp(master).ok().map(|p| p.as_raw())
}
