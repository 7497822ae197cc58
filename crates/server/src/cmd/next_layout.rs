//! `next-layout` (`nextl`): apply the next preset layout (`C-b Space`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "next-layout",
    alias: Some("nextl"),
    flags: "t:",
    usage: "[-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs next-layout.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    super::select_layout::step(state, ctx.target()?, false);
    Ok(Outcome::Done)
}
