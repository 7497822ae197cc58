//! `set-option` (`set`): set an option globally (`-g`) or on a session, window (`-w`) or pane
//! (`-p`); `-s` server options; `-u` unsets; `-a` appends; `-o` only if unset; `-q` quiet.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::config::options::{infer_scope, OptionTarget, Scope};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-option",
    alias: Some("set"),
    flags: "aFgopqst:uUw",
    usage: "[-aFgopqsUuw] [-t target-pane] option [value]",
    args: (1, 2),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-option.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    run(state, ctx, args)
}

/// Sets or unsets an option as `args` say (shared with set-window-option).
pub fn run(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let Some(name) = args.positional.first() else {
        return Err("command set-option: too few arguments (need at least 1)".into());
    };
    let scope = match infer_scope(name, args.has('s'), args.has('w'), args.has('p')) {
        Ok(s) => s,
        Err(_) if args.has('q') => return Ok(Outcome::Done),
        Err(e) => return Err(e),
    };
    let where_ = option_target(state, ctx, args, scope)?;
    let value = args.positional.get(1).map(String::as_str);
    check_style(name, value)?;
    let result = if args.has('u') || args.has('U') {
        state.options.unset(name, where_)
    } else {
        state.options.set(name, value, where_, args.has('a'))
    };
    match result {
        Err(_) if args.has('q') => {}
        Err(e) => return Err(e),
        Ok(()) => apply_effects(state, name),
    }
    Ok(Outcome::Done)
}

/// Resolves which object an option is set on: global with `-g`, else the target's session,
/// window or pane.
pub fn option_target(
    state: &State,
    ctx: &Ctx,
    args: &Args,
    scope: Scope,
) -> Result<OptionTarget, String> {
    if args.has('g') || scope == Scope::Server {
        return Ok(OptionTarget::Global(scope));
    }
    let t = args.value('t');
    Ok(match scope {
        Scope::Server => OptionTarget::Global(scope),
        Scope::Session => OptionTarget::Session(target::session_or_current(state, ctx.client, t)?),
        Scope::Window => OptionTarget::Window(target::window(state, ctx.client, t)?.window),
        Scope::Pane => {
            let f = target::pane(state, ctx.client, t)?;
            OptionTarget::Pane(f.pane, f.window)
        }
    })
}

/// Refuses a style option's value that is not a style (formats are checked when used).
fn check_style(name: &str, value: Option<&str>) -> Result<(), String> {
    let is_style = crate::config::options::lookup(name)
        .is_some_and(|s| matches!(s.kind, crate::config::options::Kind::Style));
    match value {
        Some(v) if is_style && !v.contains("#{") => {
            crate::config::style::parse_style(v, mux_protocol::Style::default()).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// Redraws and resizes what an option change can affect.
fn apply_effects(state: &mut State, name: &str) {
    let sessions: Vec<_> = state.sessions.iter().map(|s| s.id).collect();
    let resizes = matches!(
        name,
        "status" | "status-position" | "pane-border-status" | "window-size"
    );
    for sid in sessions {
        if resizes {
            crate::model::resize::apply_window_size(state, sid);
        }
        state.mark_session_dirty(sid);
    }
}
