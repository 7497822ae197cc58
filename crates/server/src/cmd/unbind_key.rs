//! `unbind-key` (`unbind`): remove a key binding (`-a`: every binding of the table).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "unbind-key",
    alias: Some("unbind"),
    flags: "anqT:",
    usage: "[-anq] [-T key-table] key",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs unbind-key.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let table = if args.has('n') {
        "root"
    } else {
        args.value('T').unwrap_or("prefix")
    };
    if args.has('a') {
        state.keys.unbind_all(table);
        return Ok(Outcome::Done);
    }
    let name = args.positional.first().ok_or("missing key")?;
    let key =
        crate::config::keyname::parse_key(name).ok_or_else(|| format!("unknown key: {name}"))?;
    // tmux is silent when the key was not bound.
    state.keys.unbind(table, key);
    Ok(Outcome::Done)
}
