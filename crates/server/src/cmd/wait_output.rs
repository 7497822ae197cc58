//! `wait-output` (new in mux; `expect` in one command): wait until a pane's screen, or what
//! it printed since the command started, has a line matching a regular expression (`-F`: a
//! fixed string), and print that line. `-T` gives up after that many seconds (exit status
//! 1); a pane whose program ends first gives exit status 2. The pane's output wakes the wait
//! as it arrives: nothing polls.

use std::time::{Duration, Instant};

use mux_term_emu::Scrolled;

use super::{queue, Args, Ctx, Outcome, Spec, Target};
use crate::model::queue::BatchId;
use crate::model::state::State;
use crate::model::waits::{OutputWait, WaitEnd};

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "wait-output",
    alias: None,
    flags: "FT:t:",
    usage: "[-F] [-T timeout] [-t target-pane] pattern",
    args: (1, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// The longest timeout taken, a year.
const MAX_SECONDS: f64 = 365.0 * 86_400.0;

/// The exit status of a wait whose pane's program ended first.
const DIED: i32 = 2;

/// Runs wait-output.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let text = args.positional.first().cloned().unwrap_or_default();
    let seconds = match args.value('T') {
        Some(t) => Some(parse_seconds(t)?),
        None => None,
    };
    let source = if args.has('F') {
        regex::escape(&text)
    } else {
        text.clone()
    };
    let pattern = regex::RegexBuilder::new(&source)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| {
            format!(
                "bad pattern: {}",
                e.to_string().lines().last().unwrap_or("")
            )
        })?;
    let batch = ctx.batch.ok_or("no queue")?;
    let pane = state.panes.get(&found.pane).ok_or("no such pane")?;
    let mut wait = OutputWait::new(batch, found.pane, pattern, text);
    if let Some(line) = wait.look(&pane.term, &Scrolled::default()) {
        ctx.out.push_str(&line);
        ctx.out.push('\n');
        return Ok(Outcome::Done);
    }
    if pane.exit_status.is_some() {
        set_status(state, batch, DIED);
        return Err(died(&wait));
    }
    wait.seconds = seconds;
    wait.deadline = seconds.map(|s| state.os.now() + Duration::from_secs_f64(s));
    state.waits.list.push(wait);
    crate::model::pipes::update_tap(state, found.pane);
    Ok(Outcome::Wait)
}

/// Parses `-T`: seconds, fractions allowed.
fn parse_seconds(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= MAX_SECONDS)
        .ok_or_else(|| format!("timeout invalid: {text}"))
}

/// Returns the message for a wait whose pane's program ended first.
fn died(wait: &OutputWait) -> String {
    format!(
        "pane %{} exited before its output matched {:?}",
        wait.pane.0, wait.text
    )
}

/// Sets the exit status a batch's command client gets.
fn set_status(state: &mut State, batch: BatchId, status: i32) {
    if let Some(b) = state.queue.batches.get_mut(&batch) {
        b.exit_status = Some(status);
    }
}

/// Lets the command lines whose waits ended go on: a match prints its line; a wait past its
/// deadline fails with status 1, one whose pane's program ended with status 2. A wait whose
/// command line went away is dropped.
pub fn settle(state: &mut State, now: Instant) {
    if state.waits.list.is_empty() {
        return;
    }
    let (done, waiting): (Vec<OutputWait>, Vec<OutputWait>) = std::mem::take(&mut state.waits.list)
        .into_iter()
        .partition(|w| ended(state, w, now));
    state.waits.list = waiting;
    for w in done {
        crate::model::pipes::update_tap(state, w.pane);
        if !state.queue.batches.contains_key(&w.batch) {
            continue;
        }
        match &w.end {
            Some(WaitEnd::Matched(line)) => {
                queue::resume(state, w.batch, &format!("{line}\n"), None)
            }
            None if pane_gone(state, &w) => {
                set_status(state, w.batch, DIED);
                queue::resume(state, w.batch, "", Some(died(&w)));
            }
            None => {
                let seconds = w.seconds.unwrap_or_default();
                let message = format!(
                    "timed out after {seconds}s waiting for output matching {:?}",
                    w.text
                );
                queue::resume(state, w.batch, "", Some(message));
            }
        }
    }
}

/// Returns whether a wait is over: matched, its pane's program gone, its deadline passed, or
/// its command line gone.
fn ended(state: &State, w: &OutputWait, now: Instant) -> bool {
    w.end.is_some()
        || pane_gone(state, w)
        || w.deadline.is_some_and(|t| t <= now)
        || !state.queue.batches.contains_key(&w.batch)
}

/// Returns whether the wait's pane is gone or its program has ended and its last output has
/// been read (so nothing more can match).
fn pane_gone(state: &State, w: &OutputWait) -> bool {
    state
        .panes
        .get(&w.pane)
        .is_none_or(|p| p.exit_status.is_some() && p.closed)
}

#[cfg(test)]
mod tests;
