//! `previous-window` (`prev`): select the previous window, wrapping (`-a`: with an alert).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "previous-window",
    alias: Some("prev"),
    flags: "at:",
    usage: "[-a] [-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs previous-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    super::next_window::step(state, ctx, args, true)
}
