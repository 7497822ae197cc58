//! `delete-buffer` (`deleteb`): delete a paste buffer (the newest, or `-b NAME`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "delete-buffer",
    alias: Some("deleteb"),
    flags: "b:",
    usage: "[-b buffer-name]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs delete-buffer.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if state.buffers.delete(args.value('b')) {
        Ok(Outcome::Done)
    } else {
        Err(match args.value('b') {
            Some(n) => format!("unknown buffer: {n}"),
            None => "no buffer".into(),
        })
    }
}
