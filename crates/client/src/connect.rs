//! Connecting to the server: the handshake, and starting a server when a command needs one.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use mux_protocol::{encode, read_frame, Hello, HelloReply, HelloStatus};
use nix::fcntl::{Flock, FlockArg};

use crate::socket::strerror;

/// How long the client waits for the server's handshake reply.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

/// Commands that start a server when none is running (tmux's `new-session` and `start-server`
/// with their aliases and unambiguous prefixes, and mux's `restore-sessions`).
pub fn starts_server(argv: &[String]) -> bool {
    let Some(name) = argv.first() else {
        return true;
    };
    let prefix_of = |full: &str, min: usize| name.len() >= min && full.starts_with(name.as_str());
    name == "new"
        || name == "start"
        || name == "restore"
        || prefix_of("new-session", 5)
        || prefix_of("start-server", 7)
        || prefix_of("restore-sessions", 4)
}

/// Connects to the server on `socket` and completes the handshake, starting a server first
/// when there is none and `argv` is a command that starts one. `first` (an encoded frame, or
/// nothing) is sent right behind the hello. Errors are the line to print.
pub fn open(
    socket: &Path,
    argv: &[String],
    verbose: bool,
    config: &[PathBuf],
    first: &[u8],
) -> Result<UnixStream, String> {
    open_typed(socket, starts_server(argv), verbose, config, first).map_err(Failure::into_message)
}

/// Why connecting failed.
pub enum Failure {
    /// No server runs and none was to be started.
    NoServer(String),
    /// The server speaks another protocol version.
    Mismatch {
        /// The server's version.
        version: u32,
        /// The server's pid, when known.
        pid: Option<i32>,
        /// The line to print.
        message: String,
    },
    /// The server closed the connection before answering: it was dying.
    Gone,
    /// Anything else, as the line to print.
    Other(String),
}

impl Failure {
    /// Returns the line to print.
    pub fn into_message(self) -> String {
        match self {
            Failure::NoServer(m) | Failure::Other(m) | Failure::Mismatch { message: m, .. } => m,
            Failure::Gone => "mux: server not responding".to_string(),
        }
    }
}

/// Connects as [`open`] does; `start` says whether to start a server when none runs (one is
/// started anyway when a keeper waits with the programs of a server that died: see
/// [`keeper_waiting`]). `first` goes right behind the hello, as in [`open`].
pub fn open_typed(
    socket: &Path,
    start: bool,
    verbose: bool,
    config: &[PathBuf],
    first: &[u8],
) -> Result<UnixStream, Failure> {
    // A server killed a moment ago may still hold its socket: what connects to it hears
    // nothing. Once it is gone, connecting is refused and a new one starts.
    for _ in 0..DYING_TRIES {
        match open_once(socket, start, verbose, config, first) {
            Err(Failure::Gone) => std::thread::sleep(Duration::from_millis(20)),
            other => return other,
        }
    }
    Err(Failure::Gone)
}

/// How many times a client connects again to a server that closed without answering.
const DYING_TRIES: usize = 50;

/// One try of [`open_typed`].
fn open_once(
    socket: &Path,
    start: bool,
    verbose: bool,
    config: &[PathBuf],
    first: &[u8],
) -> Result<UnixStream, Failure> {
    let other = Failure::Other;
    match UnixStream::connect(socket) {
        Ok(stream) => return handshake(stream, first),
        Err(e) if is_absent(&e) => {}
        Err(e) => return Err(other(connect_error(socket, &e))),
    }
    if !start && !keeper_waiting(socket) {
        return Err(Failure::NoServer(format!(
            "no server running on {}",
            socket.display()
        )));
    }
    let _lock = lock(socket).map_err(other)?;
    match UnixStream::connect(socket) {
        Ok(stream) => return handshake(stream, first),
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => remove_stale(socket),
        Err(e) if is_absent(&e) => {}
        Err(e) => return Err(other(connect_error(socket, &e))),
    }
    start_server(socket, verbose, config).map_err(other)?;
    let stream = UnixStream::connect(socket).map_err(|e| other(connect_error(socket, &e)))?;
    handshake(stream, first)
}

/// Returns whether a keeper beside `socket` keeps programs that no server holds (a server
/// died): then any command starts a server, which adopts them.
pub fn keeper_waiting(socket: &Path) -> bool {
    mux_server::keeper_waiting(socket)
}

/// Returns whether a failed connect means that no server is listening.
fn is_absent(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
    )
}

/// Formats a connect failure as tmux does.
fn connect_error(socket: &Path, e: &io::Error) -> String {
    format!("error connecting to {} ({})", socket.display(), strerror(e))
}

/// An exclusive lock on `<socket>.lock`, held while a client starts a server so that
/// concurrent clients start one. Whoever holds it removes the file before letting go, so no
/// lock file is left behind; a client that was waiting then finds its lock on a removed file
/// and locks a new one (see [`lock`]).
struct LockFile {
    /// The lock.
    lock: Option<Flock<File>>,
    /// The lock file's path.
    path: PathBuf,
}

impl Drop for LockFile {
    fn drop(&mut self) {
        if let Some(lock) = self.lock.take() {
            if same_file(&self.path, &lock) {
                let _ = std::fs::remove_file(&self.path);
            }
            drop(lock);
        }
    }
}

/// Returns whether `path` still names the file open as `file`.
fn same_file(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::symlink_metadata(path), file.metadata()) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Takes an exclusive lock on `<socket>.lock` so that concurrent clients start one server.
fn lock(socket: &Path) -> Result<LockFile, String> {
    let mut path = socket.as_os_str().to_owned();
    path.push(".lock");
    let path = PathBuf::from(path);
    loop {
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&path)
            .map_err(|e| format!("mux: can't open {} ({})", path.display(), strerror(&e)))?;
        let lock = Flock::lock(file, FlockArg::LockExclusive).map_err(|(_, errno)| {
            format!("mux: can't lock {} ({})", path.display(), errno.desc())
        })?;
        // The holder before us removed the file we waited on: lock the one there now.
        if same_file(&path, &lock) {
            return Ok(LockFile {
                lock: Some(lock),
                path,
            });
        }
    }
}

/// Removes a socket file nobody listens on (connecting was refused), and nothing else.
fn remove_stale(socket: &Path) {
    if let Ok(meta) = std::fs::symlink_metadata(socket) {
        if meta.file_type().is_socket() {
            let _ = std::fs::remove_file(socket);
        }
    }
}

/// Starts a server by running this binary as `__server -S <socket> [-v] [-f FILE]...`, and
/// waits until it reports `ready` (or an error) on its standard output. Its keeper is started
/// at the same moment (two runs of the binary that overlap, where the server would start it
/// only once it runs), and the server waits for it (`--keeper-fd`).
fn start_server(socket: &Path, verbose: bool, config: &[PathBuf]) -> Result<(), String> {
    let exe = std::env::current_exe()
        .map_err(|e| format!("mux: can't find the mux binary ({})", strerror(&e)))?;
    let socket = absolute(socket);
    let keeper = mux_server::start_keeper_for(&socket);
    let mut command = Command::new(exe);
    command.arg("__server").arg("-S").arg(&socket);
    if let Some(k) = &keeper {
        command.arg("--keeper-fd").arg(k.fd().to_string());
    }
    if verbose {
        command.arg("-v");
    }
    for file in config {
        command.arg("-f").arg(absolute(file));
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let spawned = command.spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            if let Some(k) = keeper {
                k.release();
            }
            return Err(format!("mux: can't start the server ({})", strerror(&e)));
        }
    };
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let _ = child.wait();
    // The server has its copy of the keeper's pipe.
    if let Some(k) = keeper {
        k.release();
    }
    let line = line.trim_end();
    match line.strip_prefix("error: ") {
        _ if line == "ready" => Ok(()),
        Some(message) => Err(format!("mux: {message}")),
        None => Err("mux: the server failed to start".to_string()),
    }
}

/// Makes a relative socket path absolute, so the daemon does not depend on its directory.
fn absolute(socket: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) if socket.is_relative() => cwd.join(socket),
        _ => socket.to_path_buf(),
    }
}

/// Returns the hello to send: this build's, or another version when a test hook asks.
fn hello() -> Hello {
    let mut hello = Hello::current();
    if let Some(v) = mux_server::hooks::protocol_version() {
        hello.version = v;
    }
    hello
}

/// Returns the pid of the server at the other end of `stream`.
pub fn peer_pid(stream: &UnixStream) -> Option<i32> {
    use nix::sys::socket::{getsockopt, sockopt::PeerCredentials};
    getsockopt(stream, PeerCredentials).ok().map(|c| c.pid())
}

/// Says which server answered on `stream`: its binary and pid, so a user with two builds
/// knows which one is running (`the server is /usr/bin/mux (pid 4242)`).
pub fn describe_server(stream: &UnixStream) -> String {
    use nix::sys::socket::{getsockopt, sockopt::PeerCredentials};
    let Ok(cred) = getsockopt(stream, PeerCredentials) else {
        return "the server's binary is unknown".to_string();
    };
    let pid = cred.pid();
    match std::fs::read_link(format!("/proc/{pid}/exe")) {
        Ok(exe) => format!("the server is {} (pid {pid})", exe.display()),
        Err(_) => format!("the server is pid {pid}"),
    }
}

/// Sends the hello with `first` behind it and checks the server's reply, waiting at most
/// [`HANDSHAKE_TIMEOUT`]. Sending both at once saves a round trip on every command; a server
/// that refuses the hello closes without reading `first`, and its answer is read all the same.
fn handshake(mut stream: UnixStream, first: &[u8]) -> Result<UnixStream, Failure> {
    let not_responding = || Failure::Other("mux: server not responding".to_string());
    let hello = hello();
    let io_error = |e: io::Error| Failure::Other(format!("mux: {}", strerror(&e)));
    stream
        .set_read_timeout(Some(HANDSHAKE_TIMEOUT))
        .map_err(io_error)?;
    let mut bytes = encode(&hello).map_err(|e| Failure::Other(format!("mux: {e}")))?;
    bytes.extend_from_slice(first);
    // A server that refuses this user answers before reading the hello and closes, so the
    // write may fail while the refusal is already waiting to be read: read it either way.
    let _ = stream.write_all(&bytes);
    let reply: HelloReply = match read_frame(&mut stream) {
        Ok(Some(reply)) => reply,
        // Closed without a word: a server that is dying (killed, its socket not yet closed).
        Ok(None) => return Err(Failure::Gone),
        Err(mux_protocol::FrameError::Io(e)) if e.kind() == io::ErrorKind::ConnectionReset => {
            return Err(Failure::Gone)
        }
        Err(_) => return Err(not_responding()),
    };
    match reply.status {
        HelloStatus::Accepted => {}
        HelloStatus::VersionMismatch => {
            // An older server can hand its sessions over to this build.
            let upgrade = if reply.version < hello.version {
                "; `mux server-upgrade` hands its sessions over to this build"
            } else {
                ""
            };
            return Err(Failure::Mismatch {
                version: reply.version,
                pid: peer_pid(&stream),
                message: format!(
                    "protocol version mismatch (client {}, server {}): {}{upgrade}",
                    hello.version,
                    reply.version,
                    describe_server(&stream)
                ),
            });
        }
        HelloStatus::AccessDenied => return Err(Failure::Other("access denied".to_string())),
    }
    stream.set_read_timeout(None).map_err(io_error)?;
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn which_commands_start_a_server() {
        for yes in [
            &[][..],
            &["new"],
            &["new-session", "-d"],
            &["new-s"],
            &["start"],
            &["restore"],
            &["restore-sessions", "-f", "x"],
        ] {
            assert!(starts_server(&argv(yes)), "{yes:?}");
        }
        assert!(starts_server(&argv(&["start-server"])));
        for no in [
            "ls",
            "attach",
            "kill-server",
            "has-session",
            "new-w",
            "news",
            "st",
            "resp",
            "save",
        ] {
            assert!(!starts_server(&argv(&[no])), "{no}");
        }
    }

    #[test]
    fn relative_socket_paths_become_absolute() {
        assert!(absolute(Path::new("sock")).is_absolute());
        assert_eq!(absolute(Path::new("/a/b")), PathBuf::from("/a/b"));
    }
}
