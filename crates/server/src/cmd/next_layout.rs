//! `next-layout` (`nextl`): apply the next preset layout (`C-b Space`).

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::layout::Preset;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "next-layout",
    alias: Some("nextl"),
    flags: "t:",
    max_args: 0,
    exec,
};

/// Runs next-layout.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = target::window(state, ctx.client, args.value('t'))?;
    let current = state.window(f.session, f.window).and_then(|w| w.preset);
    let next = current.map(Preset::next).unwrap_or(Preset::ALL[0]);
    super::select_layout::apply(state, f.session, f.window, next);
    Ok(Outcome::Done)
}
