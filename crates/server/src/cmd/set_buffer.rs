//! `set-buffer` (`setb`): put text in a paste buffer (`-b` name, `-a` append, `-n` rename).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-buffer",
    alias: Some("setb"),
    flags: "ab:n:w",
    usage: "[-aw] [-b buffer-name] [-n new-buffer-name] data",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-buffer.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.value('b');
    if let Some(new) = args.value('n') {
        let old = state.buffers.get(name).cloned().ok_or("no buffer")?;
        state.buffers.delete(Some(&old.name));
        let limit = state.options.server("buffer-limit").as_count().max(1);
        state.buffers.add(Some(new), old.data, limit);
        return Ok(Outcome::Done);
    }
    let data = args.positional.first().ok_or("no data specified")?;
    if args.has('a') && state.buffers.append(name, data) {
        return Ok(Outcome::Done);
    }
    let limit = state.options.server("buffer-limit").as_count().max(1);
    state.buffers.add(name, data.clone(), limit);
    Ok(Outcome::Done)
}
