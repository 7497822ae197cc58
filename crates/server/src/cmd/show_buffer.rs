//! `show-buffer` (`showb`): print a paste buffer (the newest, or `-b NAME`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-buffer",
    alias: Some("showb"),
    flags: "b:",
    usage: "[-b buffer-name]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-buffer.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let b = state
        .buffers
        .get(args.value('b'))
        .ok_or_else(|| match args.value('b') {
            Some(n) => format!("unknown buffer: {n}"),
            None => "no buffers".to_string(),
        })?;
    ctx.out.push_str(&b.data);
    Ok(Outcome::Done)
}
