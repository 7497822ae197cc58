//! Starting a keeper (`mux __keeper DIR`, this binary) and hearing that it listens: by the
//! server itself, or by the client that starts the server.
//!
//! A keeper is a second run of the binary, which takes about as long as the server's own
//! start. The server can only start one once it runs; the client that starts the server can
//! start the keeper at the same moment, so that the two runs overlap, and hands the server
//! the pipe on which the keeper says `ready` (`__server --keeper-fd N`).

// Taking an inherited descriptor calls the OS directly; the unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io::{BufRead, BufReader};
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A keeper being started: the process that forks it (it exits at once) and the read end of
/// the pipe on which the keeper reports.
pub struct Starting {
    /// The keeper's first process, to reap.
    child: Child,
    /// Where `ready` (or `error: ...`) comes.
    report: OwnedFd,
}

impl Starting {
    /// Waits for the keeper's report: `Ok` once it listens.
    pub fn wait(mut self) -> Result<(), String> {
        let result = read_report(self.report);
        let _ = self.child.wait();
        result
    }
}

/// Starts a keeper for `dir` without waiting for it.
pub fn spawn(dir: &Path) -> Result<Starting, String> {
    let exe = crate::io::keeper::own_exe()?;
    let mut child = Command::new(&exe)
        .arg("__keeper")
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("can't start the keeper ({}): {e}", exe.display()))?;
    let report = child
        .stdout
        .take()
        .map(OwnedFd::from)
        .ok_or("can't start the keeper: no pipe")?;
    Ok(Starting { child, report })
}

/// Reads the keeper's report from `pipe`: `Ok` for `ready`, else what it said went wrong.
pub fn read_report(pipe: OwnedFd) -> Result<(), String> {
    let mut line = String::new();
    let _ = BufReader::new(std::fs::File::from(pipe)).read_line(&mut line);
    match line.trim_end() {
        "ready" => Ok(()),
        other => Err(format!(
            "the keeper did not start: {}",
            other.strip_prefix("error: ").unwrap_or("no answer")
        )),
    }
}

/// A keeper a client started beside the server it starts.
pub struct ForServer {
    /// The keeper being started.
    starting: Starting,
}

impl ForServer {
    /// Returns the descriptor the server inherits (`--keeper-fd`): the report pipe, left open
    /// across `exec`.
    pub fn fd(&self) -> RawFd {
        self.starting.report.as_raw_fd()
    }

    /// Lets go of the pipe once the server has it, and reaps the keeper's first process.
    pub fn release(self) {
        let Starting { mut child, report } = self.starting;
        drop(report);
        let _ = child.wait();
    }
}

/// Starts the keeper of the server about to start on `socket`, when no keeper listens there
/// (one that does holds a dead server's programs, or is ending: the server finds it itself).
/// `None` when it cannot: the server then starts one as before.
pub fn for_server(socket: &Path) -> Option<ForServer> {
    let dir = crate::keeper::keep_dir(socket);
    match crate::keeper::socket_for(&dir.join(crate::keeper::SOCKET)) {
        Err(nix::errno::Errno::ENOENT | nix::errno::Errno::ECONNREFUSED) => {}
        _ => return None,
    }
    let starting = spawn(&dir).ok()?;
    let inherit = nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::empty());
    nix::fcntl::fcntl(starting.report.as_fd(), inherit).ok()?;
    Some(ForServer { starting })
}

/// Takes the report pipe a client handed this server as `--keeper-fd fd`, if `fd` is one.
pub fn inherited(fd: RawFd) -> Option<OwnedFd> {
    use std::os::fd::FromRawFd;
    if fd < 3 {
        return None;
    }
    // SAFETY: the client that started this server left `fd` open for it (checked below to
    // be a pipe) and nothing else in this process owns it.
    let pipe = unsafe { OwnedFd::from_raw_fd(fd) };
    let is_pipe = nix::sys::stat::fstat(&pipe)
        .is_ok_and(|st| st.st_mode & nix::libc::S_IFMT == nix::libc::S_IFIFO);
    let cloexec = nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC);
    (is_pipe && nix::fcntl::fcntl(pipe.as_fd(), cloexec).is_ok()).then_some(pipe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::fd::IntoRawFd;

    /// Returns a pipe's read end after `text` was written and the write end closed.
    fn pipe_with(text: &str) -> OwnedFd {
        let (read, write) = nix::unistd::pipe().unwrap();
        std::fs::File::from(write)
            .write_all(text.as_bytes())
            .unwrap();
        read
    }

    #[test]
    fn a_report_is_ready_an_error_or_nothing() {
        assert_eq!(read_report(pipe_with("ready\n")), Ok(()));
        assert_eq!(
            read_report(pipe_with("error: can't lock /x/lock\n")),
            Err("the keeper did not start: can't lock /x/lock".into())
        );
        assert_eq!(
            read_report(pipe_with("")),
            Err("the keeper did not start: no answer".into())
        );
    }

    #[test]
    fn only_a_pipe_is_taken_as_the_report_and_it_is_closed_at_exec() {
        let pipe = inherited(pipe_with("ready\n").into_raw_fd()).unwrap();
        let flags = nix::fcntl::fcntl(pipe.as_fd(), nix::fcntl::FcntlArg::F_GETFD).unwrap();
        assert_ne!(flags & nix::libc::FD_CLOEXEC, 0);
        assert_eq!(read_report(pipe), Ok(()));
        let file = std::fs::File::open("/dev/null").unwrap();
        assert!(inherited(file.into_raw_fd()).is_none());
        assert!(inherited(2).is_none());
    }
}
