//! `bind-key` (`bind`): bind a key in a key table (`-T`, default `prefix`; `-n` root;
//! `-r` repeatable) to a command line.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "bind-key",
    alias: Some("bind"),
    flags: "nrN:T:",
    usage: "[-nr] [-N note] [-T key-table] key [command [arguments]]",
    args: (2, usize::MAX),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs bind-key; the command words are joined back into one command line.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let (key_name, command) = args
        .positional
        .split_first()
        .ok_or("command bind-key: too few arguments (need at least 1)")?;
    let key = crate::config::keyname::parse_key(key_name)
        .ok_or_else(|| format!("unknown key: {key_name}"))?;
    if command.is_empty() {
        return Err("command bind-key: too few arguments (need at least 2)".into());
    }
    let line = command
        .iter()
        .map(|w| quote(w))
        .collect::<Vec<_>>()
        .join(" ");
    let table = if args.has('n') {
        "root"
    } else {
        args.value('T').unwrap_or("prefix")
    };
    state.keys.bind(table, key, &line, args.has('r'));
    Ok(Outcome::Done)
}

/// Quotes a word for a command line when it needs it.
pub fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:/%@#{}=+,!^~".contains(c))
    {
        word.to_string()
    } else if word == ";" {
        "\\;".to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
