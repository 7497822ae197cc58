//! `list-sessions` (`ls`): one line per session, as tmux prints them.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::session::Session;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-sessions",
    alias: Some("ls"),
    flags: "",
    usage: "",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs list-sessions, sorted by name.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let mut sessions: Vec<&Session> = state.sessions.iter().collect();
    sessions.sort_by(|a, b| a.name.cmp(&b.name));
    for s in sessions {
        let attached = state.clients.values().any(|c| c.session == Some(s.id));
        ctx.out.push_str(&line(s, attached));
    }
    Ok(Outcome::Done)
}

/// Formats one session: `work: 1 windows (created Tue Nov 24 02:31:46 2026) (attached)`.
fn line(s: &Session, attached: bool) -> String {
    format!(
        "{}: {} windows (created {}){}\n",
        s.name,
        s.windows.len(),
        crate::config::time::ctime(s.created),
        if attached { " (attached)" } else { "" }
    )
}
