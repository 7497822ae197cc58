//! `list-clients` (`lsc`): one line per attached client.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-clients",
    alias: Some("lsc"),
    flags: "F:f:t:",
    usage: "[-F format] [-f value] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line.
const FORMAT: &str =
    "#{client_name}: #{session_name} [#{client_width}x#{client_height} #{client_termname}]";

/// Runs list-clients: every attached client, or those of the `-t` session.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let only = match args.value('t') {
        Some(t) => Some(target::find_session(state, t)?),
        None => None,
    };
    let fmt = args.value('F').unwrap_or(FORMAT).to_string();
    let clients: Vec<_> = state
        .clients
        .values()
        .filter_map(|c| c.session.map(|s| (c.id, s)))
        .filter(|(_, s)| only.is_none_or(|o| o == *s))
        .collect();
    for (cid, sid) in clients {
        let Some(found) = target::in_session(state, sid) else {
            continue;
        };
        let scope = crate::model::vars::Scope {
            client: Some(cid),
            ..super::scope(ctx, found)
        };
        let mut line = crate::model::vars::expand(state, scope, &fmt);
        line.push('\n');
        ctx.out.push_str(&line);
    }
    Ok(Outcome::Done)
}
