//! `list-keys` (`lsk`): print the key bindings as `bind-key` commands.

use super::{Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-keys",
    alias: Some("lsk"),
    flags: "1aNP:T:",
    max_args: 1,
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
