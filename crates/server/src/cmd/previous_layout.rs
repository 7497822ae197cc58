//! `previous-layout` (`prevl`): apply the previous preset layout.

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "previous-layout",
    alias: Some("prevl"),
    flags: "t:",
    max_args: 0,
    exec,
};

/// Runs previous-layout.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = target::window(state, ctx.client, args.value('t'))?;
    let current = state.window(f.session, f.window).and_then(|w| w.preset);
    let preset = super::select_layout::previous(current);
    super::select_layout::apply(state, f.session, f.window, preset);
    Ok(Outcome::Done)
}
