//! Starting shell commands for commands and formats, and what happens when one ends: the
//! batch that waits goes on with the output (`run-shell`) or the branch the exit status
//! picked (`if-shell`); a job in the background shows its output or runs its branch on its
//! own; a format's command updates what the status line shows.

use super::queue;
use crate::ids::ClientId;
use crate::model::jobs::{Deferred, JobFor, JobId, JobSpec, Sleep};
use crate::model::queue::{Batch, Origin};
use crate::model::state::State;
use crate::model::target::Found;

/// Starts `command` for `purpose` with the environment of `found`'s session and the
/// working directory `cwd` (else the pane's, else the session's).
pub fn start(
    state: &mut State,
    purpose: JobFor,
    command: &str,
    found: Option<Found>,
    cwd: Option<String>,
) -> JobId {
    let env = crate::model::environ::for_job(state, found.map(|f| f.session));
    let cwd = cwd
        .or_else(|| {
            let f = found?;
            let path = state.panes.get(&f.pane)?.current_path();
            (!path.is_empty()).then_some(path)
        })
        .or_else(|| Some(state.session(found?.session)?.cwd.clone()))
        .or_else(|| std::env::var("HOME").ok())
        .unwrap_or_else(|| "/".to_string());
    let spec = JobSpec {
        command: command.to_string(),
        env,
        cwd,
    };
    let id = state.jobs.add(purpose);
    state.os.run_job(id, &spec);
    id
}

/// Handles the end of a job.
pub fn done(state: &mut State, id: JobId, output: Vec<u8>, status: i32) {
    let Some(purpose) = state.jobs.running.remove(&id) else {
        return;
    };
    let text = String::from_utf8_lossy(&output).into_owned();
    match purpose {
        JobFor::RunShell { .. } => super::run_shell::finished(state, &purpose, &text, status),
        JobFor::IfShell {
            batch,
            client,
            then,
            otherwise,
        } => {
            let line = if status == 0 { Some(then) } else { otherwise };
            branch(state, batch, client, line);
        }
        JobFor::Format(command) => state.format_job_done(&command, &text),
    }
}

/// Does what a delay that is over was for.
pub fn wake(state: &mut State, sleep: Sleep) {
    match sleep.then {
        Deferred::Nothing => {
            if let Some(b) = sleep.batch {
                queue::resume(state, b, "", None);
            }
        }
        Deferred::Shell {
            purpose,
            command,
            found,
            cwd,
        } => {
            start(state, purpose, &command, found, cwd);
        }
        Deferred::Commands(commands) => match sleep.batch {
            Some(b) => queue::resume_with(state, b, "", None, commands),
            None => on_its_own(state, sleep.client, commands),
        },
    }
}

/// Wakes the delays that are over.
pub fn run_timers(state: &mut State, now: std::time::Instant) {
    let (due, rest): (Vec<Sleep>, Vec<Sleep>) = std::mem::take(&mut state.jobs.sleeps)
        .into_iter()
        .partition(|s| s.until <= now);
    state.jobs.sleeps = rest;
    for sleep in due {
        wake(state, sleep);
    }
}

/// Runs commands in a batch of their own, for a client's view when it is attached.
fn on_its_own(state: &mut State, client: ClientId, commands: Vec<Vec<String>>) {
    if commands.is_empty() {
        return;
    }
    let attached = state
        .clients
        .get(&client)
        .is_some_and(|c| c.session.is_some());
    let origin = if attached {
        Origin::Binding
    } else {
        Origin::Detached
    };
    let items = queue::items(state, commands);
    queue::start(state, Batch::new(client, origin, items));
}

/// Runs the branch an `if-shell` condition picked: in the batch that waits, or on its own
/// for one that ran in the background.
fn branch(
    state: &mut State,
    batch: Option<crate::model::queue::BatchId>,
    client: ClientId,
    line: Option<String>,
) {
    let parsed = match line.as_deref() {
        Some(l) => super::context::parse_line(state, client, l),
        None => Ok(Vec::new()),
    };
    match (batch, parsed) {
        (Some(b), Ok(commands)) => queue::resume_with(state, b, "", None, commands),
        (Some(b), Err(e)) => queue::resume(state, b, "", Some(e)),
        (None, Ok(commands)) => on_its_own(state, client, commands),
        (None, Err(e)) => state.log_message(&e),
    }
}
