//! `send-keys` (`send`): type keys into a pane: key names (`Enter`, `C-c`, `M-x`, `Up`, `F1`)
//! are encoded for the pane's modes, other words are sent as text; `-l` sends all as text.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::keyname::{send_keys_items, SendItem};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "send-keys",
    alias: Some("send"),
    flags: "FHlMN:Rt:X",
    usage: "[-FHlMRX] [-N repeat-count] [-t target-pane] key ...",
    args: (0, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs send-keys; `-N` repeats the whole sequence.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let repeat = match args.value('N') {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=10000).contains(n))
            .ok_or_else(|| format!("repeat count invalid: {n}"))?,
        None => 1,
    };
    let pane = state.panes.get(&f.pane).ok_or("no such pane")?;
    let mut bytes = Vec::new();
    for item in send_keys_items(&args.positional, args.has('l')) {
        match item {
            SendItem::Key(key) => bytes.extend(pane.term.encode_key(key)),
            SendItem::Text(text) => bytes.extend_from_slice(text.as_bytes()),
        }
    }
    pane.write(bytes.repeat(repeat));
    Ok(Outcome::Done)
}
