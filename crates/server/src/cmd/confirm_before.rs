//! `confirm-before` (`confirm`): ask `y/n` on the status line before running a command.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{Mode, Prompt};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "confirm-before",
    alias: Some("confirm"),
    flags: "bp:t:y",
    usage: "[-by] [-p prompt] [-t target-client] command",
    args: (1, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs confirm-before: `-p` the question (a format), default `Confirm 'COMMAND'? (y/n)`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let command = args
        .positional
        .first()
        .ok_or("command confirm-before: too few arguments (need at least 1)")?;
    let found = super::target::current(state, ctx.client).ok_or("no current client")?;
    if state
        .clients
        .get(&ctx.client)
        .is_none_or(|c| c.session.is_none())
    {
        return Err("no current client".into());
    }
    let question = match args.value('p') {
        Some(p) => crate::model::vars::expand(state, super::scope(ctx, found), p),
        None => format!("Confirm '{command}'? (y/n)"),
    };
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        c.mode = Mode::Prompt(Prompt::new(
            format!("{} ", question.trim_end()),
            String::new(),
            command.clone(),
            true,
        ));
        c.dirty = true;
    }
    Ok(Outcome::Done)
}
