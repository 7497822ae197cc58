//! `set-hook`: set a hook's command (`-a` adds one more) globally (`-g`) or on a session,
//! window (`-w`) or pane (`-p`); `-u` removes it, `-R` runs it now. Hooks are tmux's names
//! (`after-new-window`, `session-created`, `pane-exited`, ...).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::config::options::{infer_scope, split_index, HOOKS};
use crate::model::queue::HookEvent;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-hook",
    alias: None,
    flags: "agpRt:uw",
    usage: "[-agpRuw] [-t target-pane] hook [command]",
    args: (1, 2),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-hook.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.positional.first().map(String::as_str).unwrap_or("");
    let (base, _) = split_index(name)?;
    let hook = HOOKS
        .iter()
        .find(|h| h.name == base)
        .ok_or_else(|| format!("invalid option: {name}"))?;
    if args.has('R') {
        let found = match args.value('t') {
            Some(t) => Some(target::pane(state, ctx.client, Some(t))?),
            None => target::current(state, ctx.client),
        };
        let event = HookEvent {
            name: hook.name,
            session: found.and_then(|f| Some((f.session, state.session(f.session)?.name.clone()))),
            window: found
                .and_then(|f| Some((f.window, state.window(f.session, f.window)?.name.clone()))),
            pane: found.map(|f| f.pane),
            client: None,
        };
        super::hooks::fire(state, &event);
        return Ok(Outcome::Done);
    }
    let scope = infer_scope(base, false, args.has('w'), args.has('p'))?;
    let where_ = super::set_option::option_target(state, ctx, args, scope)?;
    if args.has('u') {
        return state.options.unset(name, where_).map(|_| Outcome::Done);
    }
    let command = args.positional.get(1).ok_or("no command specified")?;
    let commands = super::context::parse_line(state, ctx.client, command)?;
    super::check_names(state, &commands)?;
    state
        .options
        .set(name, Some(command), where_, args.has('a'))
        .map(|_| Outcome::Done)
}

#[cfg(test)]
mod tests;
