//! What the event loop and the input layer hand the command layer: a command client's
//! command line, a binding's, the config file at startup, a job's end, timers, hooks due,
//! a client's standard input.

use super::{hooks, jobs, load_buffer, queue, restore_sessions, save_sessions, wait_output};
use crate::ids::ClientId;
use crate::model::state::State;

/// Forgets what a command client that went away was waiting for: its command line (a
/// `wait-for`, a `run-shell`) will not go on, and does not keep the server.
pub fn client_gone(state: &mut State, client: ClientId) {
    let gone: Vec<_> = state
        .queue
        .batches
        .iter()
        .filter(|(_, b)| b.client == client && b.origin == crate::model::queue::Origin::Request)
        .map(|(id, _)| *id)
        .collect();
    for id in &gone {
        state.queue.batches.remove(id);
    }
    state.queue.stdin_panes.remove(&client);
    for channel in state.queue.channels.values_mut() {
        channel.waiters.retain(|b| !gone.contains(b));
        channel.lockers.retain(|b| !gone.contains(b));
    }
    state
        .queue
        .channels
        .retain(|_, c| !c.waiters.is_empty() || !c.lockers.is_empty() || c.locked || c.woken);
}

/// Runs the command a client connected with and answers it: output and an exit status, or
/// attaching the client.
pub fn run_request(state: &mut State, client: ClientId, argv: &[String]) {
    queue::run_request(state, client, argv);
}

/// Loads the config files as the server starts (`-f`, else the default file when it
/// exists): their errors are kept for the first client that attaches, and command clients
/// that connect meanwhile wait until the files have loaded. Once they have, the sessions
/// saved before a reboot come back when `restore-on-start` is on.
pub fn load_config(state: &mut State, files: &[std::path::PathBuf]) {
    load_config_files(state, files);
    if state.queue.config.is_none() {
        restore_sessions::on_start(state);
    }
}

/// Starts loading the config files.
fn load_config_files(state: &mut State, files: &[std::path::PathBuf]) {
    if files.is_empty() {
        return;
    }
    let mut words = vec!["source-file".to_string(), "--".to_string()];
    words.extend(files.iter().map(|f| f.display().to_string()));
    let items = queue::items(state, vec![words]);
    let batch =
        crate::model::queue::Batch::new(ClientId::NONE, crate::model::queue::Origin::Config, items);
    let id = queue::start(state, batch);
    if state.queue.batches.contains_key(&id) {
        state.queue.config = Some(id);
    }
}

/// Hands the end of a job (its output and exit status) to what waits for it.
pub fn job_done(state: &mut State, id: crate::model::jobs::JobId, output: Vec<u8>, status: i32) {
    jobs::done(state, id, output, status);
    hooks::run_due(state);
}

/// After each event: lets the command lines whose `wait-output` ended go on, runs the hooks
/// whose events happened (recorded by the model), and schedules a save when `save-interval`
/// asks for one.
pub fn run_hooks(state: &mut State) {
    if !state.waits.list.is_empty() {
        let now = state.os.now();
        wait_output::settle(state, now);
    }
    hooks::run_due(state);
    save_sessions::schedule(state);
}

/// Does what the command layer's timers that are due are for (`run-shell -d`).
pub fn run_timers(state: &mut State, now: std::time::Instant) {
    jobs::run_timers(state, now);
    wait_output::settle(state, now);
    crate::model::waits::type_pending(state, None, Some(now));
    save_sessions::autosave(state, now);
    hooks::run_due(state);
}

/// Takes a piece (or, with `None`, the end) of a client's standard input for the command
/// that asked for it.
pub fn load_stdin(state: &mut State, client: ClientId, piece: Option<Vec<u8>>) {
    let Some(pane) = state.queue.stdin_panes.get(&client).copied() else {
        return load_buffer::stdin(state, client, piece);
    };
    match piece {
        Some(bytes) => state.on_output(pane, &bytes),
        None => {
            state.queue.stdin_panes.remove(&client);
            finish_waiting(state, client, None);
        }
    }
}

/// Lets a command client's command that waited (for its standard input) end, with its error
/// if any; the rest of its command line goes on.
pub fn finish_waiting(state: &mut State, client: ClientId, error: Option<String>) {
    if let Some(batch) = state.queue.waiting_for(client) {
        queue::resume(state, batch, "", error);
    }
}

/// Runs a command line for an attached client (a key binding, a prompt, a chooser): output
/// appears in view mode over its pane, an error on its status line.
pub fn run_binding(state: &mut State, client: ClientId, line: &str) {
    queue::run_binding(state, client, line, None);
}

/// Runs a command line for an attached client as [`run_binding`] does, on `target` when its
/// commands name none (a menu's `-t`).
pub fn run_binding_at(
    state: &mut State,
    client: ClientId,
    line: &str,
    target: Option<crate::model::target::Found>,
) {
    queue::run_binding(state, client, line, target);
}
