//! `command-alias`: names that stand for commands (`splitp` for `split-window`), expanded
//! before a command is looked up, and the check that a binding or hook names commands that
//! exist.

use super::{context, lookup, Ctx};
use crate::model::state::State;

/// Checks that each command (a list of words) names a command or an alias, as tmux does
/// when a binding or a hook is set: `unknown command: NAME` or `ambiguous command: NAME`.
pub fn check_names(state: &State, commands: &[Vec<String>]) -> Result<(), String> {
    let aliases = state.options.server("command-alias").elements();
    for words in commands {
        let Some(word) = words.first() else {
            continue;
        };
        let alias = aliases.iter().any(|a| {
            a.strip_prefix(word.as_str())
                .is_some_and(|r| r.starts_with('='))
        });
        if !alias {
            lookup(word)?;
        }
    }
    Ok(())
}

/// Returns the commands an alias from `command-alias` (`NAME=COMMAND`) stands for, if `word`
/// is one. An alias may not name another alias.
pub fn expand_alias(
    state: &mut State,
    ctx: &Ctx,
    word: &str,
) -> Result<Option<Vec<Vec<String>>>, String> {
    let aliases = state.options.server("command-alias").elements();
    let Some(text) = aliases
        .iter()
        .find_map(|a| a.strip_prefix(word)?.strip_prefix('='))
    else {
        return Ok(None);
    };
    let commands = context::parse_line(state, ctx.client, text)?;
    Ok((!commands.is_empty()).then_some(commands))
}
