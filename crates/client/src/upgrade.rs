//! `mux server-upgrade [BINARY]` from the command line: asks the running server to hand its
//! sessions over to this binary (or `BINARY`), through the upgrade handshake that every
//! server since protocol 10 understands whatever its version, then waits until the server
//! that took over answers and says which it is.

use std::io::Read;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mux_protocol::{
    read_frame, write_frame, FrozenReply, Hello, HelloReply, HelloStatus, UpgradeRequest,
    UPGRADE_MAGIC,
};

use crate::command::emit;

/// How long the hand-over may take.
const HAND_OVER: Duration = Duration::from_secs(15);

/// Runs `server-upgrade` with `args` (at most a binary) on `socket`; returns the exit status.
pub fn run(socket: &Path, args: &[String]) -> i32 {
    match hand_over(socket, args) {
        Ok(()) => 0,
        Err(message) => {
            emit(&mut std::io::stderr(), &format!("{message}\n"));
            1
        }
    }
}

/// Asks for the hand-over and waits for the new server.
fn hand_over(socket: &Path, args: &[String]) -> Result<(), String> {
    if args.len() > 1 {
        return Err("usage: server-upgrade [binary]".into());
    }
    let exe = match args.first() {
        Some(path) => absolute(Path::new(path)),
        None => {
            std::env::current_exe().map_err(|e| format!("mux: can't find this binary ({e})"))?
        }
    };
    let mut stream = UnixStream::connect(socket)
        .map_err(|_| format!("no server running on {}", socket.display()))?;
    let _ = stream.set_read_timeout(Some(HAND_OVER));
    let hello = Hello {
        magic: UPGRADE_MAGIC,
        version: Hello::current().version,
    };
    write_frame(&mut stream, &hello).map_err(|e| format!("mux: {e}"))?;
    let reply: HelloReply = match read_frame(&mut stream) {
        Ok(Some(reply)) => reply,
        _ => {
            return Err(format!(
                "the server is too old to hand over its sessions (it has no server-upgrade): {}",
                crate::connect::describe_server(&stream)
            ))
        }
    };
    if reply.status != HelloStatus::Accepted {
        return Err("access denied".into());
    }
    let request = UpgradeRequest {
        exe: exe.to_string_lossy().into_owned(),
        env: crate::command::request(Vec::new()).env,
    };
    write_frame(&mut stream, &request).map_err(|e| format!("mux: {e}"))?;
    let mut status = None;
    let mut failed = String::new();
    loop {
        match read_frame::<FrozenReply, _>(&mut stream) {
            Ok(Some(FrozenReply::Stdout(text))) => emit(&mut std::io::stdout(), &text),
            Ok(Some(FrozenReply::Stderr(text))) => failed.push_str(&text),
            Ok(Some(FrozenReply::Exit(code))) if code != 0 => {
                return Err(failed.trim_end().to_string());
            }
            Ok(Some(FrozenReply::Exit(_))) => status = Some(0),
            // The server replaced itself: its end of this connection closed.
            Ok(None) => break,
            Err(e) => {
                if status.is_some() && failed.is_empty() && lost(&e) {
                    break;
                }
                return Err(if failed.is_empty() {
                    format!("mux: the server did not hand over ({e})")
                } else {
                    failed.trim_end().to_string()
                });
            }
        }
        if !failed.is_empty() && status.is_some() {
            return Err(failed.trim_end().to_string());
        }
    }
    if status.is_none() {
        return Err("mux: the server went away without an answer".into());
    }
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    wait_for_new_server(socket)
}

/// Returns whether a read error means the connection closed.
fn lost(e: &mux_protocol::FrameError) -> bool {
    matches!(e, mux_protocol::FrameError::Truncated)
        || matches!(e, mux_protocol::FrameError::Io(io) if io.kind() != std::io::ErrorKind::WouldBlock)
}

/// Waits until a server answers on `socket` again and says which one it is.
fn wait_for_new_server(socket: &Path) -> Result<(), String> {
    let deadline = Instant::now() + HAND_OVER;
    loop {
        let last = match crate::connect::open_typed(socket, false, false, &[], &[]) {
            Ok(stream) => {
                let line = format!(
                    "server upgraded: {}\n",
                    crate::connect::describe_server(&stream)
                );
                emit(&mut std::io::stdout(), &line);
                return Ok(());
            }
            Err(crate::connect::Failure::Mismatch { message, .. }) => {
                let line = format!("server upgraded, but {message}\n");
                emit(&mut std::io::stdout(), &line);
                return Ok(());
            }
            Err(f) => f.into_message(),
        };
        if Instant::now() >= deadline {
            return Err(format!(
                "mux: no server answers after the hand-over: {last}"
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Makes a relative path absolute.
fn absolute(path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    }
}
