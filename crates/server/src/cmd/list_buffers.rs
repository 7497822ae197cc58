//! `list-buffers` (`lsb`): one line per paste buffer, newest first.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-buffers",
    alias: Some("lsb"),
    flags: "F:f:",
    usage: "[-F format] [-f filter]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs list-buffers: `NAME: SIZE bytes: "SAMPLE"` as tmux (the sample cut at 50 characters).
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    for b in state.buffers.all() {
        let sample: String = b
            .data
            .chars()
            .take(50)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        ctx.out.push_str(&format!(
            "{}: {} bytes: \"{sample}\"\n",
            b.name,
            b.data.len()
        ));
    }
    Ok(Outcome::Done)
}
