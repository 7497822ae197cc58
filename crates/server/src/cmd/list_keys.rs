//! `list-keys` (`lsk`): print the key bindings as `bind-key` commands.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-keys",
    alias: Some("lsk"),
    flags: "1aNP:T:",
    usage: "[-1aN] [-P prefix-string] [-T key-table] [key]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs list-keys (`-T` one table; `-N` the notes instead of the commands).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if let Some(t) = args.value('T') {
        if !state.keys.has_table(t) {
            return Err(format!("table {t} doesn't exist"));
        }
    }
    let lines = if args.has('N') {
        state.keys.notes(args.value('T').unwrap_or("prefix"))
    } else {
        state.keys.list(args.value('T'))
    };
    for line in lines {
        ctx.out.push_str(&line);
        ctx.out.push('\n');
    }
    Ok(Outcome::Done)
}
