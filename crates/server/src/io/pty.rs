//! The narrow OS interface for panes: open a PTY, start a child on it, resize it, and the
//! async reader and writer tasks around its master side.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::sync::Arc;

use nix::fcntl::{fcntl, FcntlArg, FdFlag, OFlag};
use nix::pty::{grantpt, posix_openpt, ptsname_r, unlockpt, Winsize};
use nix::sys::signal::{self, SigSet, SigmaskHow};
use tokio::io::unix::AsyncFd;
use tokio::process::{Child, Command};

use crate::model::os::SpawnSpec;

nix::ioctl_write_ptr_bad!(set_winsize, nix::libc::TIOCSWINSZ, Winsize);

/// The master side of a pane's PTY, shared by its reader and writer tasks.
pub type Master = Arc<AsyncFd<OwnedFd>>;

/// Opens a PTY of `cols`×`rows` and starts `spec` on it as a session leader with the PTY as
/// its controlling terminal. Returns the master (non-blocking, close-on-exec), the child and
/// the slave's path.
pub fn spawn(spec: &SpawnSpec, cols: u16, rows: u16) -> io::Result<(Master, Child, String)> {
    // The crate's unit tests run on the fake OS; one that reaches a real PTY fails here.
    if cfg!(test) {
        panic!("a unit test tried to open /dev/ptmx: build its State on model::fake::FakeOs");
    }
    let master = posix_openpt(OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC)?;
    grantpt(&master)?;
    unlockpt(&master)?;
    let tty = ptsname_r(&master)?;
    let master: OwnedFd = master.into();
    resize(&master, cols, rows)?;
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(nix::libc::O_NOCTTY)
        .open(&tty)?;
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
    unsafe { cmd.pre_exec(child_setup) };
    let child = cmd.spawn()?;
    let flags = OFlag::from_bits_truncate(fcntl(&master, FcntlArg::F_GETFL)?);
    fcntl(&master, FcntlArg::F_SETFL(flags | OFlag::O_NONBLOCK))?;
    fcntl(&master, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC))?;
    // SAFETY: the OwnedFd stays open, and the same descriptor, for as long as the AsyncFd
    // owns it.
    let master = unsafe { AsyncFd::register(master) }.map_err(|e| e.into_parts().1)?;
    Ok((Arc::new(master), child, tty))
}

use std::os::unix::fs::OpenOptionsExt;

/// Runs in the child between fork and exec: new session, controlling terminal, default
/// signal dispositions, an empty signal mask and no descriptors beyond 0–2.
fn child_setup() -> io::Result<()> {
    nix::unistd::setsid()?;
    // SAFETY: TIOCSCTTY on fd 0, the PTY slave, with argument 0.
    if unsafe { nix::libc::ioctl(0, nix::libc::TIOCSCTTY as _, 0) } < 0 {
        return Err(io::Error::last_os_error());
    }
    default_signals()?;
    // Every descriptor above 2 is marked close-on-exec rather than closed, so that the pipe
    // through which the standard library reports a failed exec stays open until the exec.
    const CLOSE_RANGE_CLOEXEC: u32 = 1 << 2;
    // SAFETY: close_range has no memory effects; fds 0–2 are kept.
    unsafe {
        nix::libc::syscall(
            nix::libc::SYS_close_range,
            3u32,
            u32::MAX,
            CLOSE_RANGE_CLOEXEC,
        )
    };
    Ok(())
}

/// Gives every signal its default disposition and unblocks them all: run between fork and
/// exec, it undoes what the server ignores (see `io::daemon`) so a program it starts sees a
/// clean slate. Only async-signal-safe calls.
fn default_signals() -> io::Result<()> {
    // Every signal, real-time ones included (an ignored signal stays ignored across exec).
    for sig in 1..=nix::libc::SIGRTMAX() {
        if sig != nix::libc::SIGKILL && sig != nix::libc::SIGSTOP {
            // The C library refuses to touch the real-time signals it reserves for itself, and
            // one of them may arrive ignored from whoever started the server; so this asks
            // the kernel directly. An all-zero kernel sigaction is SIG_DFL, no flags, no mask.
            let act = [0u64; 4];
            // SAFETY: rt_sigaction reads `act` (large enough for the kernel's struct) and
            // writes nothing; it is async-signal-safe.
            unsafe {
                nix::libc::syscall(
                    nix::libc::SYS_rt_sigaction,
                    sig,
                    act.as_ptr(),
                    std::ptr::null_mut::<u64>(),
                    8usize,
                )
            };
        }
    }
    signal::sigprocmask(SigmaskHow::SIG_SETMASK, Some(&SigSet::empty()), None)?;
    Ok(())
}

/// Makes `cmd` start its program with default signal dispositions and an empty mask
/// (`copy-pipe` and other helpers the server runs).
pub fn with_default_signals(cmd: &mut Command) {
    // SAFETY: the closure only makes async-signal-safe system calls.
    unsafe { cmd.pre_exec(default_signals) };
}

/// Sets the PTY's window size; the kernel sends SIGWINCH to the foreground process group.
pub fn resize(master: &impl AsFd, cols: u16, rows: u16) -> io::Result<()> {
    let ws = Winsize {
        ws_row: rows.max(1),
        ws_col: cols.max(1),
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: the pointer is to a live Winsize for the duration of the call.
    unsafe { set_winsize(master.as_fd().as_raw_fd(), &ws) }?;
    Ok(())
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
