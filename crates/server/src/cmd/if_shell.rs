//! `if-shell` (`if`): run one command line or another as a condition holds. The condition is
//! a shell command, true when it exits with status 0, run without blocking the server (the
//! command line waits for it unless `-b`); with `-F` it is a format, true when it expands to
//! something other than empty or `0`. The shell command is expanded as a format first.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::jobs::JobFor;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "if-shell",
    alias: Some("if"),
    flags: "bFt:",
    usage: "[-bF] [-t target-pane] shell-command command [command]",
    args: (2, 3),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs if-shell.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = match args.value('t') {
        Some(t) => Some(target::pane(state, ctx.client, Some(t))?),
        None => target::current(state, ctx.client),
    };
    let [condition, then, otherwise @ ..] = args.positional.as_slice() else {
        return Err("command if-shell: too few arguments (need at least 2)".into());
    };
    if args.value('t').is_some() {
        ctx.current = found;
    }
    let scope = match found {
        Some(f) => super::client_scope(state, ctx, f),
        None => Default::default(),
    };
    let value = crate::model::vars::expand(state, scope, condition);
    if args.has('F') {
        match (crate::config::format::is_true(&value), otherwise.first()) {
            (true, _) => ctx.run_line_next(state, then)?,
            (false, Some(line)) => ctx.run_line_next(state, line)?,
            (false, None) => {}
        }
        return Ok(Outcome::Done);
    }
    let background = args.has('b');
    let purpose = JobFor::IfShell {
        batch: if background { None } else { ctx.batch },
        client: ctx.client,
        then: then.clone(),
        otherwise: otherwise.first().cloned(),
    };
    super::jobs::start(state, purpose, &value, found, None);
    Ok(if background {
        Outcome::Done
    } else {
        Outcome::Wait
    })
}

#[cfg(test)]
mod tests;
