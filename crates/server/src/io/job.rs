//! Jobs on the real OS: a shell command run with `/bin/sh -c` in its own process group, its
//! standard output and error collected (bounded) while the server goes on, and an event with
//! both and the exit status when it ends.

use std::process::Stdio;

use tokio::io::{AsyncRead, AsyncReadExt};

use crate::io::event::{Event, EventTx};
use crate::log::log;
use crate::model::jobs::{JobId, JobSpec, OUTPUT_LIMIT};

/// Starts `spec`; [`Event::JobDone`] reports its end. A command that cannot start ends at
/// once with status 127 and the reason as its output.
pub fn start(events: EventTx, id: JobId, spec: &JobSpec) {
    let cwd = if std::path::Path::new(&spec.cwd).is_dir() {
        spec.cwd.as_str()
    } else {
        "/"
    };
    let mut cmd = tokio::process::Command::new("/bin/sh");
    cmd.arg("-c")
        .arg(&spec.command)
        .env_clear()
        .envs(spec.env.iter().map(|(k, v)| (k, v)))
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(false);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            log!("job {}: cannot run {}: {e}", id.0, spec.command);
            let message = format!("{}: {e}\n", spec.command).into_bytes();
            tokio::spawn(async move {
                let _ = events.send(Event::JobDone(id, message, 127)).await;
            });
            return;
        }
    };
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    tokio::spawn(async move {
        let (mut out, err) = tokio::join!(read_bounded(stdout), read_bounded(stderr));
        out.extend(err);
        out.truncate(OUTPUT_LIMIT);
        let status = match child.wait().await {
            Ok(s) => exit_code(s),
            Err(_) => 1,
        };
        let _ = events.send(Event::JobDone(id, out, status)).await;
    });
}

/// Reads a pipe to its end, keeping at most [`OUTPUT_LIMIT`] bytes.
async fn read_bounded<R: AsyncRead + Unpin>(pipe: Option<R>) -> Vec<u8> {
    let mut kept = Vec::new();
    let Some(mut pipe) = pipe else {
        return kept;
    };
    let mut buf = [0u8; 8192];
    loop {
        match pipe.read(&mut buf).await {
            Ok(0) | Err(_) => return kept,
            Ok(n) => {
                let room = OUTPUT_LIMIT.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
        }
    }
}

/// Turns an exit status into tmux's number: the code, or 128 + the signal.
fn exit_code(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(1)
}
