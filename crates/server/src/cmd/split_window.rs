//! `split-window` (`splitw`): split a pane in two and start a program in the new one.

use super::{parse_size, target, Args, Ctx, Outcome, Spec, Target};
use crate::model::layout::{Split, SplitSize};
use crate::model::ops::{self, Launch, SplitSpec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "split-window",
    alias: Some("splitw"),
    flags: "bc:dfF:hl:p:Pt:vZ",
    usage: "[-bdfhPvZ] [-c start-directory] [-F format] [-l size] [-p percentage] [-t target-pane] [shell-command]",
    args: (0, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs split-window: `-h` side by side, `-v` (default) stacked; `-l N` or `-l N%` (or the
/// older `-p N`) sizes the new pane; `-b` puts it before; `-d` keeps the old pane active.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let split = split_spec(args)?;
    let cwd = args
        .value('c')
        .map(|c| crate::model::vars::expand(state, super::scope(ctx, found), c));
    let launch = Launch {
        cwd: cwd.as_deref(),
        command: &args.positional,
        env: &[],
    };
    let pane = ops::split_pane(
        state,
        found.session,
        found.window,
        found.pane,
        &split,
        &launch,
    )?;
    if args.has('P') {
        let fmt = args
            .value('F')
            .unwrap_or("#{session_name}:#{window_index}.#{pane_index}");
        let f = target::Found { pane, ..found };
        ctx.out.push_str(&super::print_format(state, ctx, f, fmt));
    }
    Ok(Outcome::Done)
}

/// Reads how to split from the flags split-window and join-pane share: `-h` side by side,
/// `-v` (the default) stacked, `-l N`/`-l N%` or the older `-p N` for the new pane's size,
/// `-b` to put it before, `-d` to keep the old pane active.
pub fn split_spec(args: &Args) -> Result<SplitSpec, String> {
    let size = match (args.value('l'), args.value('p')) {
        (Some(l), _) => Some(parse_size(l)?),
        (None, Some(p)) => Some(SplitSize::Percent(
            p.parse()
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| format!("percentage is invalid: {p}"))?,
        )),
        _ => None,
    };
    Ok(SplitSpec {
        dir: if args.has('h') {
            Split::Horizontal
        } else {
            Split::Vertical
        },
        size,
        before: args.has('b'),
        detached: args.has('d'),
    })
}
