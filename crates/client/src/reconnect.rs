//! Attaching again when the server goes away without telling the client to leave: it crashed
//! (a new server adopts its programs from the keeper; this client starts it if no other
//! command has) or it is handing over to a new binary (`server-upgrade`). When the server
//! that answers speaks another protocol version (the new binary), this client runs that
//! binary to attach in its place.

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mux_protocol::{read_frame, write_frame, ClientMsg, ServerMsg};

use crate::connect::Failure;

/// How long an attached client keeps trying to attach again.
const RECONNECT_FOR: Duration = Duration::from_secs(10);

/// How long it waits between tries.
const RETRY: Duration = Duration::from_millis(50);

/// How reattaching went.
pub enum Reattach {
    /// Attached again, on this connection.
    Attached(UnixStream),
    /// A server of another version answered: its binary should attach instead.
    Exec {
        /// The server's binary.
        exe: PathBuf,
        /// Its protocol version.
        version: u32,
    },
    /// It did not work, with the reason.
    Failed(String),
}

/// Why one try failed.
enum Try {
    /// Worth trying again (the server is not up yet).
    Again(String),
    /// Not worth it (the session is gone).
    Stop(String),
}

/// Attaches again to session `$id` on `socket`, for up to [`RECONNECT_FOR`].
pub fn reattach(socket: &Path, id: u32) -> Reattach {
    let deadline = Instant::now() + RECONNECT_FOR;
    loop {
        let why = match crate::connect::open_typed(socket, false, false, &[], &[]) {
            Ok(stream) => match attach(stream, id) {
                Ok(stream) => return Reattach::Attached(stream),
                Err(Try::Stop(why)) => return Reattach::Failed(why),
                Err(Try::Again(why)) => why,
            },
            Err(Failure::Mismatch {
                version,
                pid,
                message,
            }) => {
                return match pid.and_then(binary_of) {
                    Some(exe) => Reattach::Exec { exe, version },
                    None => Reattach::Failed(message),
                }
            }
            // No server and no keeper waiting: nothing survived to attach to.
            Err(Failure::NoServer(why)) => return Reattach::Failed(why),
            Err(f @ (Failure::Other(_) | Failure::Gone)) => f.into_message(),
        };
        if Instant::now() >= deadline {
            return Reattach::Failed(why);
        }
        std::thread::sleep(RETRY);
    }
}

/// Asks to attach to session `$id` and waits until the server says it is attached.
fn attach(mut stream: UnixStream, id: u32) -> Result<UnixStream, Try> {
    let argv = vec!["attach-session".into(), "-t".into(), format!("${id}")];
    let request = crate::command::request(argv);
    if write_frame(&mut stream, &ClientMsg::Command(request)).is_err() {
        return Err(Try::Again("lost server".into()));
    }
    let mut errors = String::new();
    loop {
        match read_frame::<ServerMsg, _>(&mut stream) {
            Ok(Some(ServerMsg::Attached { .. })) => return Ok(stream),
            Ok(Some(ServerMsg::Stderr(text))) => errors.push_str(&text),
            Ok(Some(ServerMsg::Exit(_) | ServerMsg::Detach { .. })) => {
                let why = errors.trim_end();
                return Err(Try::Stop(if why.is_empty() {
                    "the session is gone".into()
                } else {
                    why.into()
                }));
            }
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => return Err(Try::Again("lost server".into())),
        }
    }
}

/// Returns the binary a process runs.
fn binary_of(pid: i32) -> Option<PathBuf> {
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
    let text = exe.to_string_lossy();
    Some(match text.strip_suffix(" (deleted)") {
        Some(path) => PathBuf::from(path),
        None => exe,
    })
}

/// Replaces this client with `exe` attaching to session `$id` on `socket` (the terminal is
/// restored first; the new client sets it up again). Returns only if that fails.
pub fn exec(exe: &Path, version: u32, socket: &Path, id: u32) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    crate::tty::restore();
    // The attached client blocks SIGTERM and SIGHUP for its signal thread; the new one
    // must start without that.
    let _ = nix::sys::signal::SigSet::empty().thread_set_mask();
    let mut command = Command::new(exe);
    command
        .arg("-S")
        .arg(socket)
        .arg("attach-session")
        .arg("-t")
        .arg(format!("${id}"));
    if let Some((name, value)) = mux_server::hooks::claim_version(version) {
        command.env(name, value);
    }
    command.exec()
}
