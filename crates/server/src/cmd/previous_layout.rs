//! `previous-layout` (`prevl`): apply the previous preset layout.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "previous-layout",
    alias: Some("prevl"),
    flags: "t:",
    usage: "[-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs previous-layout.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    super::select_layout::step(state, ctx.target()?, true);
    Ok(Outcome::Done)
}
