//! `display-message` (`display`): expand a format for a target and print it (`-p`) or show
//! it on the client's status line.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "display-message",
    alias: Some("display"),
    flags: "aCc:d:F:INpt:v",
    usage: "[-aCINpv] [-c target-client] [-d delay] [-F format] [-t target-pane] [message]",
    args: (0, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// tmux's default message.
const DEFAULT: &str =
    "[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - (%H:%M %d-%b-%y)";

/// Runs display-message.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let fmt = args
        .value('F')
        .or(args.positional.first().map(String::as_str))
        .unwrap_or(DEFAULT);
    let timed = crate::config::time::format(state.os.wall_clock(), fmt);
    let text = crate::model::vars::expand(state, super::client_scope(state, ctx, f), &timed);
    let attached = state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_some());
    if args.has('p') || !attached {
        ctx.out.push_str(&text);
        ctx.out.push('\n');
    } else {
        super::show_message(state, ctx.client, &text);
    }
    Ok(Outcome::Done)
}
