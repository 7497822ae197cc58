//! `attach-session` (`attach`, `a`): attach this client to a session.

use super::{need_terminal, refuse_nested, target, Args, Ctx, Outcome, Spec, Target};
use crate::ids::SessionId;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "attach-session",
    alias: Some("attach"),
    flags: "dt:",
    usage: "[-d] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs attach-session: `-t` or the most recently used session; `-d` detaches the others.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let id = match args.value('t') {
        Some(t) => target::find_session(state, t)?,
        None => target::most_recent_session(state).ok_or("no sessions")?,
    };
    if args.has('d') {
        let others: Vec<_> = state
            .clients
            .values()
            .filter(|c| c.session == Some(id) && c.id != ctx.client)
            .map(|c| c.id)
            .collect();
        let name = state
            .session(id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        for other in others {
            state.detach_client(other, &format!("[detached (from session {name})]"), 0);
        }
    }
    attach_to(state, ctx, id)
}

/// Checks that this client may attach, then asks for it.
pub fn attach_to(state: &mut State, ctx: &Ctx, id: SessionId) -> Result<Outcome, String> {
    refuse_nested(state, ctx.client)?;
    need_terminal(state, ctx.client)?;
    Ok(Outcome::Attach(id))
}
