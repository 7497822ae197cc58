//! `set-window-option` (`setw`): `set-option -w`, kept for tmux configs that use it.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-window-option",
    alias: Some("setw"),
    flags: "aFgoqt:uU",
    usage: "[-aFgoqUu] [-t target-window] option [value]",
    args: (1, 2),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-window-option as set-option with `-w`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    super::set_option::run(state, ctx, &args.with_flag('w'))
}
