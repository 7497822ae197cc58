//! `respawn-pane` (`respawnp`): start a program again in a dead pane (or a live one, `-k`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops::{self, Launch};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "respawn-pane",
    alias: Some("respawnp"),
    flags: "c:e:kt:",
    usage: "[-k] [-c start-directory] [-e environment] [-t target-pane] [shell-command]",
    args: (0, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs respawn-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let alive = state
        .panes
        .get(&f.pane)
        .is_some_and(|p| p.exit_status.is_none());
    if alive && !args.has('k') {
        return Err(format!("pane %{} still active", f.pane.0));
    }
    let launch = Launch {
        cwd: args.value('c'),
        command: &args.positional,
    };
    ops::respawn_pane(state, f.pane, &launch)?;
    Ok(Outcome::Done)
}
