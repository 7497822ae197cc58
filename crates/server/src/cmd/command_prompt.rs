//! `command-prompt`: open a prompt on the client's status line; Enter runs the template with
//! `%%` replaced by what was typed (or the typed command line when there is no template).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{Mode, Prompt, Takes};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "command-prompt",
    alias: None,
    flags: "1bFkiI:Np:t:T:",
    usage: "[-1bFikN] [-I inputs] [-p prompts] [-T type] [-t target-client] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs command-prompt: `-p` the label, `-I` the initial text (a format).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = super::target::current(state, ctx.client).ok_or("no current client")?;
    let attached = state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_some());
    if !attached {
        return Err("no current client".into());
    }
    let template = args.positional.first().cloned().unwrap_or_default();
    let label = match args.value('p') {
        Some(p) => format!(
            "{} ",
            crate::model::vars::expand(state, super::scope(ctx, found), p).trim_end()
        ),
        None if template.is_empty() => ":".into(),
        None => format!("({}) ", template.split_whitespace().next().unwrap_or("")),
    };
    let initial = args
        .value('I')
        .map(|i| crate::model::vars::expand(state, super::scope(ctx, found), i))
        .unwrap_or_default();
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        let takes = if args.has('1') {
            Takes::OneKey
        } else if args.has('N') {
            Takes::Number
        } else if args.has('i') {
            Takes::Incremental
        } else {
            Takes::Line
        };
        let prompt = Prompt::new(label, initial, template, false).taking(takes);
        c.mode = Mode::Prompt(prompt.with_history(state.prompt_history.clone()));
        c.dirty = true;
    }
    Ok(Outcome::Done)
}
