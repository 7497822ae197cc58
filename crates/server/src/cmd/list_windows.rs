//! `list-windows` (`lsw`): one line per window of a session, or of every session (`-a`).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-windows",
    alias: Some("lsw"),
    flags: "aF:f:t:",
    usage: "[-a] [-F format] [-f filter] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line, less the layout string.
const FORMAT: &str = "#{window_index}: #{window_name}#{window_flags} (#{window_panes} panes) \
[#{window_width}x#{window_height}] #{window_id}#{?window_active, (active),}";

/// Runs list-windows.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let sessions = if args.has('a') {
        state.sessions.iter().map(|s| s.id).collect()
    } else {
        vec![target::session_or_current(
            state,
            ctx.client,
            args.value('t'),
        )?]
    };
    let default = if args.has('a') {
        format!("#{{session_name}}:{FORMAT}")
    } else {
        FORMAT.to_string()
    };
    let fmt = args.value('F').unwrap_or(&default);
    let mut items = Vec::new();
    for sid in sessions {
        if let Some(s) = state.session(sid) {
            items.extend(s.windows.iter().map(|w| target::Found {
                session: sid,
                window: w.id,
                pane: w.active,
            }));
        }
    }
    super::print_list(state, ctx, &items, fmt, args.value('f'));
    Ok(Outcome::Done)
}
