//! `run-shell` (`run`): run a shell command without blocking the server; the command line
//! that ran it waits for it unless `-b`. Its output appears in view mode over the target pane
//! (printed by a command client), with `'COMMAND' returned N` when it fails. `-C` runs a
//! mux command instead, `-d` waits that many seconds first, `-c` sets the directory.

use std::time::Duration;

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::jobs::{Deferred, JobFor, Sleep};
use crate::model::queue::{BatchId, Origin};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "run-shell",
    alias: Some("run"),
    flags: "bCc:d:t:",
    usage: "[-bC] [-c start-directory] [-d delay] [-t target-pane] [shell-command]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// The longest delay taken, a day.
const MAX_DELAY: f64 = 86_400.0;

/// Runs run-shell.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = match args.value('t') {
        Some(t) => Some(target::pane(state, ctx.client, Some(t))?),
        None => target::current(state, ctx.client),
    };
    let delay = match args.value('d') {
        Some(d) => Some(parse_delay(d)?),
        None => None,
    };
    let background = args.has('b');
    let batch = if background { None } else { ctx.batch };
    let then = match args.positional.first() {
        None => Deferred::Nothing,
        Some(line) if args.has('C') => {
            Deferred::Commands(super::context::parse_line(state, ctx.client, line)?)
        }
        Some(line) => {
            let scope = match found {
                Some(f) => super::client_scope(state, ctx, f),
                None => Default::default(),
            };
            let command = crate::model::vars::expand(state, scope, line);
            let print = origin(state, ctx.batch) == Some(Origin::Request) && !background;
            let pane = found.map(|f| f.pane);
            Deferred::Shell {
                purpose: JobFor::RunShell {
                    command: command.clone(),
                    batch,
                    pane,
                    print,
                },
                command,
                found,
                cwd: args.value('c').map(String::from),
            }
        }
    };
    match (delay, then) {
        (None, Deferred::Nothing) => Ok(Outcome::Done),
        (None, Deferred::Commands(commands)) if !background => {
            ctx.run_next(commands);
            Ok(Outcome::Done)
        }
        (delay, then) => {
            let until = state.os.now() + delay.unwrap_or_default();
            let sleep = Sleep {
                until,
                batch,
                client: ctx.client,
                then,
            };
            if delay.is_some() || !matches!(sleep.then, Deferred::Shell { .. }) {
                state.jobs.sleeps.push(sleep);
            } else {
                super::jobs::wake(state, sleep);
            }
            Ok(if background {
                Outcome::Done
            } else {
                Outcome::Wait
            })
        }
    }
}

/// Returns where the batch a command runs in came from.
fn origin(state: &State, batch: Option<BatchId>) -> Option<Origin> {
    Some(state.queue.batches.get(&batch?)?.origin)
}

/// Parses a delay in seconds, such as `2` or `0.5`.
fn parse_delay(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=MAX_DELAY).contains(&s) => Ok(Duration::from_secs_f64(s)),
        _ => Err(format!("invalid delay time: {text}")),
    }
}

/// Handles the end of a run-shell's command: the output and any failure go to the command
/// client, to the view over its pane, or (from the config file) the failure to its errors.
pub fn finished(state: &mut State, purpose: &JobFor, text: &str, status: i32) {
    let JobFor::RunShell {
        command,
        batch,
        pane,
        print,
    } = purpose
    else {
        return;
    };
    let failure = (status != 0).then(|| format!("'{command}' returned {status}"));
    let shown = pane.filter(|p| state.panes.contains_key(p));
    match (print, shown) {
        (true, _) => {
            if let Some(b) = batch {
                super::queue::resume(state, *b, text, failure);
            }
        }
        (false, Some(p)) => {
            let mut view = text.to_string();
            if let Some(f) = &failure {
                view.push_str(f);
                view.push('\n');
            }
            if !view.is_empty() {
                crate::model::viewmode::show(state, p, &view);
            }
            if let Some(b) = batch {
                super::queue::resume(state, *b, "", None);
            }
        }
        (false, None) => match batch {
            Some(b) => super::queue::resume(state, *b, "", failure),
            None => {
                if let Some(f) = failure {
                    state.log_message(&f);
                }
            }
        },
    }
}

#[cfg(test)]
mod tests;
