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

/// Runs send-keys; `-N` repeats the whole sequence; `-X` runs a copy-mode command (with
/// `-F`, its arguments are formats).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if args.has('M') {
        return super::mouse::forward(state, ctx);
    }
    let f = ctx.target()?;
    let repeat = match args.value('N') {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=10000).contains(n))
            .ok_or_else(|| format!("repeat count invalid: {n}"))?,
        None => 1,
    };
    let in_copy_mode = state.panes.get(&f.pane).is_some_and(|p| p.copy.is_some());
    if in_copy_mode && args.positional.is_empty() && args.has('N') {
        // A count with no key repeats the next copy-mode command (vi's `3j`).
        if let Some(c) = state.panes.get_mut(&f.pane).and_then(|p| p.copy.as_mut()) {
            c.prefix = Some(repeat);
        }
        return Ok(Outcome::Done);
    }
    if args.has('X') {
        let (name, rest) = args
            .positional
            .split_first()
            .ok_or("no copy-mode command given")?;
        let rest: Vec<String> = if args.has('F') {
            let scope = super::scope(ctx, f);
            rest.iter()
                .map(|a| crate::model::vars::expand(state, scope, a))
                .collect()
        } else {
            rest.to_vec()
        };
        super::mouse::before_copy_command(state, ctx, f.pane, name);
        crate::model::copy::commands::run(state, f.pane, name, &rest, repeat)?;
        return Ok(Outcome::Done);
    }
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
