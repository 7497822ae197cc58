//! `show-window-options` (`showw`): `show-options -w`, kept for tmux habits.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-window-options",
    alias: Some("showw"),
    flags: "gvt:",
    usage: "[-gv] [-t target-window] [option]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-window-options as show-options with `-w`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    super::show_options::run(state, ctx, &args.with_flag('w'))
}
