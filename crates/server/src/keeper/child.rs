//! The PTY and the child's set-up for a program started as a proper terminal session
//! (DESIGN 6), and finding the processes of a session: what the keeper uses (its start is in
//! `launch`), and what the server uses itself when it runs without a keeper.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;

use nix::fcntl::OFlag;
use nix::pty::{grantpt, posix_openpt, ptsname_r, unlockpt, Winsize};
use nix::sys::signal::{self, SigSet, SigmaskHow};

nix::ioctl_write_ptr_bad!(set_winsize, nix::libc::TIOCSWINSZ, Winsize);
nix::ioctl_read_bad!(get_winsize, nix::libc::TIOCGWINSZ, Winsize);

/// A program started on a PTY.
pub struct Started {
    /// The PTY master (close-on-exec).
    pub master: OwnedFd,
    /// The program's pid.
    pub pid: i32,
    /// The PTY slave's path.
    pub tty: String,
}

/// Opens a PTY of `cols`×`rows` and returns the master (close-on-exec) and the slave's path.
pub fn open_pty(cols: u16, rows: u16) -> io::Result<(OwnedFd, String)> {
    let master = posix_openpt(OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC)?;
    grantpt(&master)?;
    unlockpt(&master)?;
    let tty = ptsname_r(&master)?;
    let master: OwnedFd = master.into();
    resize(&master, cols, rows)?;
    Ok((master, tty))
}

/// Opens the slave side of a PTY for a child's standard descriptors.
pub fn open_slave(tty: &str) -> io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(nix::libc::O_NOCTTY)
        .open(tty)
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

/// Reads the PTY's window size into `ws`.
pub fn get_size(master: &impl AsFd, ws: &mut Winsize) -> io::Result<()> {
    // SAFETY: the pointer is to a live Winsize the kernel writes for the duration of the call.
    unsafe { get_winsize(master.as_fd().as_raw_fd(), ws) }?;
    Ok(())
}

/// Runs in the child between fork and exec: new session, controlling terminal, default
/// signal dispositions, an empty signal mask and no descriptors beyond 0–2.
pub fn child_setup() -> io::Result<()> {
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
/// exec, it undoes what the server and the keeper ignore or block, so a program they start
/// sees a clean slate. Only async-signal-safe calls.
pub fn default_signals() -> io::Result<()> {
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

/// Returns the processes whose session is one of `sessions`, from `/proc`.
pub fn pids_in_sessions(sessions: &[i32]) -> Vec<i32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|stat| {
                    // Fields after the command's closing parenthesis: state ppid pgrp session.
                    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
                    fields.get(3)?.parse::<i32>().ok()
                })
                .is_some_and(|sid| sessions.contains(&sid))
        })
        .collect()
}

/// Sends `sig` to every process of the sessions led by `leaders` and to their process groups:
/// what is left of programs that ignored a hangup.
pub fn kill_sessions(leaders: &[i32], sig: signal::Signal) {
    for pid in pids_in_sessions(leaders) {
        let _ = signal::kill(nix::unistd::Pid::from_raw(pid), sig);
    }
    for &pid in leaders.iter().filter(|p| **p > 0) {
        let _ = signal::killpg(nix::unistd::Pid::from_raw(pid), sig);
    }
}

/// Turns a wait status into tmux's number: the code, or 128 + the signal.
pub fn exit_code(status: nix::sys::wait::WaitStatus) -> Option<(i32, i32)> {
    use nix::sys::wait::WaitStatus;
    match status {
        WaitStatus::Exited(pid, code) => Some((pid.as_raw(), code)),
        WaitStatus::Signaled(pid, sig, _) => Some((pid.as_raw(), 128 + sig as i32)),
        _ => None,
    }
}
