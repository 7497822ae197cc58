//! `rename-window` (`renamew`): name a window; automatic-rename stops for it.

use super::{target, Args, Ctx, Outcome, Spec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rename-window",
    alias: Some("renamew"),
    flags: "t:",
    max_args: 1,
    exec,
};

/// Runs rename-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args
        .positional
        .first()
        .ok_or("command rename-window: too few arguments (need at least 1)")?;
    let found = target::window(state, ctx.client, args.value('t'))?;
    let w = state
        .window_mut(found.session, found.window)
        .ok_or("no such window")?;
    w.name = name.clone();
    w.auto_name = false;
    state.mark_session_dirty(found.session);
    Ok(Outcome::Done)
}
