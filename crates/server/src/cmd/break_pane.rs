//! `break-pane` (`breakp`): move a pane into a window of its own.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "break-pane",
    alias: Some("breakp"),
    flags: "abdPF:n:s:t:",
    usage: "[-abdP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]",
    args: (0, 0),
    target: Target::None,
    source: Target::Pane,
    exec,
};

/// Runs break-pane: `-s` the pane, `-t` the session or `session:index` it goes to.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = ctx.source_or_current(state)?;
    let (dst, index) = match args.value('t') {
        Some(t) => {
            let (s, w) = t.split_once(':').unwrap_or((t, ""));
            let sid = target::session_or_current(state, ctx.client, (!s.is_empty()).then_some(s))?;
            (sid, w.parse::<u32>().ok())
        }
        None => (src.session, None),
    };
    let name = args.value('n').map(String::from);
    let wid = ops::break_pane(state, src.pane, dst, index, name, args.has('d'))?;
    if args.has('P') {
        let fmt = args
            .value('F')
            .unwrap_or("#{session_name}:#{window_index}.#{pane_index}");
        let f = target::Found {
            session: dst,
            window: wid,
            pane: src.pane,
        };
        ctx.out.push_str(&super::print_format(state, ctx, f, fmt));
    }
    Ok(Outcome::Done)
}
