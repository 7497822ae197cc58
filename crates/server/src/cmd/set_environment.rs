//! `set-environment` (`setenv`): set a variable in a session's environment (`-t`, else the
//! current session) or the global one (`-g`), which new panes, `run-shell` and `if-shell`
//! get; `-u` forgets it, `-r` marks it removed from programs' environments, `-h` hides it
//! from them (kept for `$NAME` in the config), `-F` expands the value as a format.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::environ::Environ;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-environment",
    alias: Some("setenv"),
    flags: "Fhgrt:u",
    usage: "[-Fhgru] [-t target-session] name [value]",
    args: (1, 2),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-environment.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.positional.first().map(String::as_str).unwrap_or("");
    if name.is_empty() {
        return Err("empty variable name".into());
    }
    if name.contains('=') {
        return Err("variable name contains =".into());
    }
    let value = args.positional.get(1);
    if value.is_some() && (args.has('u') || args.has('r')) {
        let flag = if args.has('u') { 'u' } else { 'r' };
        return Err(format!("can't specify a value with -{flag}"));
    }
    let value = match value {
        Some(v) if args.has('F') => {
            let scope = match target::current(state, ctx.client) {
                Some(f) => super::client_scope(state, ctx, f),
                None => Default::default(),
            };
            Some(crate::model::vars::expand(state, scope, v))
        }
        v => v.cloned(),
    };
    let env = environment(state, ctx, args)?;
    if args.has('u') {
        env.unset(name);
    } else if args.has('r') {
        env.mark_removed(name);
    } else {
        let value = value.ok_or("no value specified")?;
        env.set(name, &value, args.has('h'));
    }
    Ok(Outcome::Done)
}

/// Returns the environment `-g` or `-t` names.
pub fn environment<'a>(
    state: &'a mut State,
    ctx: &Ctx,
    args: &Args,
) -> Result<&'a mut Environ, String> {
    if args.has('g') {
        return Ok(&mut state.environ);
    }
    let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
    state
        .session_mut(sid)
        .map(|s| &mut s.environ)
        .ok_or_else(|| "no such session".to_string())
}

/// Copies the variables named by the session's `update-environment` from a client's
/// environment into the session's, marking those the client does not have as removed (as
/// tmux does when a session is made or a client attaches).
pub fn update_environment(
    state: &mut State,
    client: crate::ids::ClientId,
    sid: crate::ids::SessionId,
) {
    let names = state.options.session(sid, "update-environment").elements();
    let values: Vec<(String, Option<String>)> = match state.clients.get(&client) {
        Some(c) => names
            .into_iter()
            .map(|n| {
                let v = c.env_var(&n).map(String::from);
                (n, v)
            })
            .collect(),
        None => names
            .into_iter()
            .map(|n| {
                let v = std::env::var(&n).ok();
                (n, v)
            })
            .collect(),
    };
    let Some(session) = state.session_mut(sid) else {
        return;
    };
    for (name, value) in values {
        match value {
            Some(v) => session.environ.set(&name, &v, false),
            None => session.environ.mark_removed(&name),
        }
    }
}

#[cfg(test)]
mod tests;
