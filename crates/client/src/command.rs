//! Running one command: send the request, print what the server answers, exit with its status.

use std::io::{IsTerminal, Write};
use std::os::unix::net::UnixStream;

use mux_protocol::{
    read_frame, write_frame, ClientMsg, ClientTerminal, CommandRequest, ServerMsg, Size,
};

/// The size reported when the terminal's size cannot be read.
const FALLBACK_SIZE: Size = Size { cols: 80, rows: 24 };

/// Builds the request for `argv` from this process's directory, environment and terminal.
pub fn request(argv: Vec<String>) -> CommandRequest {
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let env = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let terminal = std::io::stdin().is_terminal().then(|| ClientTerminal {
        size: terminal_size(),
        term: std::env::var("TERM")
            .ok()
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "xterm".to_string()),
    });
    CommandRequest {
        argv,
        cwd,
        terminal,
        env,
    }
}

/// Returns the size of the client's terminal.
pub fn terminal_size() -> Size {
    match crossterm::terminal::size() {
        Ok((cols, rows)) if cols > 0 && rows > 0 => Size { cols, rows },
        _ => FALLBACK_SIZE,
    }
}

/// Handles the replies to a command already sent on `stream` (its terminal's size was
/// `reported`) until the server says how to exit. Returns the exit status.
pub fn run(mut stream: UnixStream, reported: Option<Size>, socket: &std::path::Path) -> i32 {
    loop {
        match read_frame::<ServerMsg, _>(&mut stream) {
            Ok(Some(ServerMsg::Stdout(text))) => emit(&mut std::io::stdout(), &text),
            Ok(Some(ServerMsg::Stderr(text))) => emit(&mut std::io::stderr(), &text),
            Ok(Some(ServerMsg::Exit(code))) => return code,
            Ok(Some(ServerMsg::Attached { id, .. })) => {
                let place = crate::attach::Place {
                    socket: socket.to_path_buf(),
                    id,
                };
                return crate::attach::run(stream, reported, place);
            }
            Ok(Some(ServerMsg::Detach { message, status })) => {
                emit(&mut std::io::stdout(), &format!("{message}\n"));
                return status;
            }
            Ok(Some(ServerMsg::ReadStdin)) => {
                if let Err(e) = send_stdin(&mut stream) {
                    emit(&mut std::io::stderr(), &format!("mux: {e}\n"));
                    return 1;
                }
            }
            Ok(Some(
                ServerMsg::Bell
                | ServerMsg::Screen(_)
                | ServerMsg::Clipboard(_)
                | ServerMsg::Title(_)
                | ServerMsg::Mouse(_)
                | ServerMsg::Passthrough(_)
                | ServerMsg::EscapeTime(_)
                | ServerMsg::Suspend
                | ServerMsg::Reconnect { .. },
            )) => {}
            Ok(None) | Err(_) => return lost_server(),
        }
    }
}

/// Sends standard input to the server in pieces well under the frame limit, then its end.
fn send_stdin(stream: &mut UnixStream) -> std::io::Result<()> {
    use std::io::Read;
    let mut stdin = std::io::stdin().lock();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = match stdin.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        write_frame(stream, &ClientMsg::Stdin(buf[..n].to_vec()))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    write_frame(stream, &ClientMsg::StdinEnd).map_err(|e| std::io::Error::other(e.to_string()))
}

/// Writes text and flushes it, ignoring a closed output (as a pipe to `head` would be).
pub fn emit(out: &mut dyn Write, text: &str) {
    emit_bytes(out, text.as_bytes());
}

/// Writes bytes and flushes, ignoring errors (the terminal may be gone).
pub fn emit_bytes(out: &mut dyn Write, bytes: &[u8]) {
    let _ = out.write_all(bytes);
    let _ = out.flush();
}

/// Reports a connection that ended before the command finished.
fn lost_server() -> i32 {
    emit(&mut std::io::stderr(), "[lost server]\n");
    1
}
