//! `list-panes` (`lsp`): one line per pane of a window, of a session (`-s`) or of every
//! session (`-a`).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-panes",
    alias: Some("lsp"),
    flags: "asF:f:t:",
    usage: "[-as] [-F format] [-f filter] [-t target-window]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line after the pane's position.
const FORMAT: &str = "[#{pane_width}x#{pane_height}] [history #{history_size}/#{history_limit}] \
#{pane_id}#{?pane_active, (active),}#{?pane_dead, (dead),}";

/// Runs list-panes.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let (windows, prefix) = if args.has('a') {
        let all = state
            .sessions
            .iter()
            .flat_map(|s| s.windows.iter().map(move |w| (s.id, w.id)))
            .collect();
        (all, "#{session_name}:#{window_index}.#{pane_index}: ")
    } else if args.has('s') {
        let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
        let all = state
            .session(sid)
            .map(|s| s.windows.iter().map(|w| (sid, w.id)).collect())
            .unwrap_or_default();
        (all, "#{window_index}.#{pane_index}: ")
    } else {
        let f = target::window(state, ctx.client, args.value('t'))?;
        (vec![(f.session, f.window)], "#{pane_index}: ")
    };
    let default = format!("{prefix}{FORMAT}");
    let fmt = args.value('F').unwrap_or(&default);
    let mut items = Vec::new();
    for (sid, wid) in windows {
        for pane in state
            .window(sid, wid)
            .map(|w| w.panes())
            .unwrap_or_default()
        {
            items.push(target::Found {
                session: sid,
                window: wid,
                pane,
            });
        }
    }
    super::print_list(state, ctx, &items, fmt, args.value('f'));
    Ok(Outcome::Done)
}
