//! Running batches of commands in order (tmux's command queue): a command may ask for more
//! commands to run right after it (`if-shell`'s branch, `source-file`'s file, a hook), may
//! wait (a shell command, a channel, standard input) and be resumed, and an error skips the
//! rest of its group. When a batch ends its output and errors go where its origin says.

use mux_protocol::ServerMsg;

use super::{Ctx, Outcome};
use crate::ids::ClientId;
use crate::model::queue::{Batch, BatchId, Item, Origin, Place, Running, Waiting};
use crate::model::state::State;

/// Starts a batch and runs it as far as it goes. A command client's batch waits while the
/// config file is still loading at startup.
pub fn start(state: &mut State, mut batch: Batch) -> BatchId {
    batch.held = state.queue.config.is_some() && batch.origin == Origin::Request;
    let id = state.queue.add(batch);
    pump(state, id);
    id
}

/// Runs a batch's commands until one waits or none is left.
pub fn pump(state: &mut State, id: BatchId) {
    loop {
        let Some(b) = state.queue.batches.get_mut(&id) else {
            return;
        };
        if b.waiting.is_some() || b.held {
            return;
        }
        let Some(item) = b.items.pop_front() else {
            return finish(state, id);
        };
        let from_hook = item.vars.iter().any(|(n, _)| n == "hook");
        run_item(state, id, item);
        if from_hook {
            // A hook's commands fire no hooks, so that a hook cannot call itself forever.
            state.queue.due_hooks.clear();
        }
        super::hooks::run_due(state);
    }
}

/// Lets a batch whose command waited go on; `error` ends that command with an error, and
/// `out` is added to the batch's output.
pub fn resume(state: &mut State, id: BatchId, out: &str, error: Option<String>) {
    resume_with(state, id, out, error, Vec::new());
}

/// Like [`resume`], with commands to run first in the waiting command's group and context
/// (the branch `if-shell` picked).
pub fn resume_with(
    state: &mut State,
    id: BatchId,
    out: &str,
    error: Option<String>,
    next: Vec<Vec<String>>,
) {
    let Some(b) = state.queue.batches.get_mut(&id) else {
        return;
    };
    let Some(waiting) = b.waiting.take() else {
        return;
    };
    b.out.push_str(out);
    for words in next.into_iter().rev() {
        b.items.push_front(Item {
            words,
            group: waiting.group,
            place: waiting.place.clone(),
            current: waiting.current,
            vars: waiting.vars.clone(),
        });
    }
    if let Some(message) = error {
        fail(b, waiting.group, waiting.place.as_ref(), message);
    }
    pump(state, id);
}

/// Runs one command of a batch.
fn run_item(state: &mut State, id: BatchId, item: Item) {
    let Some(client) = state.queue.batches.get(&id).map(|b| b.client) else {
        return;
    };
    let mut ctx = Ctx::new(client);
    ctx.batch = Some(id);
    ctx.group = item.group;
    ctx.place = item.place.clone();
    ctx.current = item.current;
    ctx.vars = item.vars.clone();
    state.queue.running = Running {
        current: item.current,
        vars: item.vars.clone(),
    };
    let result = super::execute(state, &mut ctx, &item.words);
    if result.is_ok() {
        super::hooks::after_command(state, &mut ctx, &item.words);
    }
    state.queue.running = Running::default();
    let Some(b) = state.queue.batches.get_mut(&id) else {
        return;
    };
    b.out.push_str(&ctx.out);
    b.placed |= !ctx.errors.is_empty() || (item.place.is_some() && !ctx.warnings.is_empty());
    b.errors.append(&mut ctx.errors);
    for w in ctx.warnings.drain(..) {
        b.warnings.push(match &item.place {
            Some(p) => format!("{}:{}: {w}", p.file, p.line),
            None => w,
        });
    }
    let waiting_current = ctx.current;
    for next in ctx.next.into_iter().rev() {
        b.items.push_front(next);
    }
    match result {
        Ok(Outcome::Done) => {}
        Ok(Outcome::Attach(session)) => b.attach = Some(session),
        Ok(Outcome::Wait) => {
            b.waiting = Some(Waiting {
                group: item.group,
                place: item.place,
                current: waiting_current,
                vars: item.vars,
            })
        }
        Err(message) => fail(b, item.group, item.place.as_ref(), message),
    }
}

/// Records an error and skips the rest of its group.
fn fail(b: &mut Batch, group: u64, place: Option<&Place>, message: String) {
    match place {
        Some(p) => {
            b.placed = true;
            b.errors.push(format!("{}:{}: {message}", p.file, p.line));
        }
        None => {
            b.failed = true;
            b.errors.push(message);
        }
    }
    b.items.retain(|i| i.group != group);
}

/// Ends a batch: its output and errors go where its origin says.
fn finish(state: &mut State, id: BatchId) {
    let Some(b) = state.queue.batches.remove(&id) else {
        return;
    };
    match b.origin {
        Origin::Request => answer(state, b),
        Origin::Binding => {
            if !b.out.is_empty() {
                crate::model::viewmode::show_for_client(state, b.client, &b.out);
            }
            let mut problems = b.errors;
            problems.extend(b.warnings);
            match problems.as_slice() {
                [] => {}
                [one] if !b.placed => super::show_message(state, b.client, one),
                all => {
                    for e in all {
                        state.log_message(e);
                    }
                    let text = all.join("\n") + "\n";
                    crate::model::viewmode::show_for_client(state, b.client, &text);
                }
            }
        }
        Origin::Config => {
            let mut problems = b.errors;
            problems.extend(b.warnings);
            for e in &problems {
                state.log_message(e);
            }
            state.config_errors.extend(problems);
            if state.queue.config == Some(id) {
                state.queue.config = None;
                super::restore_sessions::on_start(state);
                release_held(state);
            }
        }
        Origin::Detached => {
            for e in b.errors.iter().chain(&b.warnings) {
                state.log_message(e);
            }
        }
    }
}

/// Starts the command clients' batches that waited for the config file.
fn release_held(state: &mut State) {
    let held: Vec<BatchId> = state
        .queue
        .batches
        .iter()
        .filter(|(_, b)| b.held)
        .map(|(id, _)| *id)
        .collect();
    for id in held {
        if let Some(b) = state.queue.batches.get_mut(&id) {
            b.held = false;
        }
        pump(state, id);
    }
}

/// Answers a command client: its output, its errors, and attaching or an exit status.
fn answer(state: &mut State, b: Batch) {
    let Some(c) = state.clients.get(&b.client) else {
        return;
    };
    if !b.out.is_empty() {
        c.send(ServerMsg::Stdout(b.out));
    }
    let problems: Vec<&String> = b.errors.iter().chain(&b.warnings).collect();
    if !problems.is_empty() {
        let text: Vec<&str> = problems.iter().map(|s| s.as_str()).collect();
        c.send(ServerMsg::Stderr(text.join("\n") + "\n"));
    }
    match b.attach {
        Some(session) if b.errors.is_empty() => super::attach(state, b.client, session),
        _ => {
            let status = b.exit_status.unwrap_or(i32::from(!b.errors.is_empty()));
            super::finish(state, b.client, status)
        }
    }
}

/// Returns the items for commands (each a list of words) in one new group.
pub fn items(state: &mut State, commands: Vec<Vec<String>>) -> Vec<Item> {
    let group = state.queue.group();
    commands
        .into_iter()
        .map(|words| Item::new(words, group))
        .collect()
}

/// Runs a command line from an attached client (a key binding, a prompt, a chooser).
pub fn run_binding(
    state: &mut State,
    client: ClientId,
    line: &str,
    target: Option<crate::model::target::Found>,
) {
    let commands = match super::context::parse_line(state, client, line) {
        Ok(c) => c,
        Err(e) => return super::show_message(state, client, &e),
    };
    let split: Vec<Vec<String>> = commands
        .iter()
        .flat_map(|words| crate::cmd::parse::split_arguments(words))
        .collect();
    let mut items = items(state, split);
    for item in &mut items {
        item.current = target;
    }
    start(state, Batch::new(client, Origin::Binding, items));
}

/// Runs the command line a command client connected with.
pub fn run_request(state: &mut State, client: ClientId, argv: &[String]) {
    let commands = crate::cmd::parse::split_arguments(argv);
    let items = items(state, commands);
    start(state, Batch::new(client, Origin::Request, items));
}

#[cfg(test)]
mod tests;
