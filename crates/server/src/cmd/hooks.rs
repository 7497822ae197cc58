//! Hooks (tmux's `set-hook`): command lines kept in hook options and run when something
//! happens. `after-COMMAND` hooks run right after that command, in its batch; the others
//! (`session-created`, `pane-exited`, `client-attached`, ...) are recorded by the model as
//! the event happens and run here, each in a batch of its own. Either way the commands run
//! on the object the hook fired for (their default target) and see `hook`, `hook_session`,
//! `hook_session_name`, `hook_window`, `hook_window_name`, `hook_pane`, `hook_client` and,
//! for `after-` hooks, `hook_arguments`. A hook's commands fire no hooks themselves.

use super::{queue, Ctx};
use crate::config::options::{Scope, HOOKS};
use crate::ids::ClientId;
use crate::model::queue::{Batch, HookEvent, Item, Origin};
use crate::model::state::State;
use crate::model::target::{self, Found};

/// Runs the hooks the model recorded as due.
pub fn run_due(state: &mut State) {
    let due = std::mem::take(&mut state.queue.due_hooks);
    for event in due {
        fire(state, &event);
    }
}

/// Runs the commands of a hook for an event in a batch of their own.
pub fn fire(state: &mut State, event: &HookEvent) {
    let found = found_for(state, event);
    let lines = commands(state, event.name, found, event);
    if lines.is_empty() {
        return;
    }
    let vars = vars(event);
    let mut items = Vec::new();
    for line in lines {
        match super::context::parse_line(state, ClientId::NONE, &line) {
            Ok(commands) => {
                let group = state.queue.group();
                items.extend(commands.into_iter().map(|words| Item {
                    words,
                    group,
                    place: None,
                    current: found,
                    vars: vars.clone(),
                }));
            }
            Err(e) => state.log_message(&format!("{}: {e}", event.name)),
        }
    }
    queue::start(state, Batch::new(ClientId::NONE, Origin::Detached, items));
}

/// Queues the `after-COMMAND` hook of a command that succeeded, right after it, on what the
/// command made (new-window's window, split-window's pane) or its target, as tmux's.
pub fn after_command(state: &mut State, ctx: &mut Ctx, words: &[String]) {
    if ctx.vars.iter().any(|(n, _)| n == "hook") {
        return;
    }
    let Some(spec) = words.first().and_then(|w| super::lookup(w).ok()) else {
        return;
    };
    let name = format!("after-{}", spec.name);
    let Some(hook) = HOOKS.iter().find(|h| h.name == name) else {
        return;
    };
    let found = ctx
        .made
        .or(ctx.target)
        .and_then(|f| target::still(state, f))
        .or_else(|| target::current(state, ctx.client));
    let event = HookEvent {
        name: hook.name,
        session: found.and_then(|f| Some((f.session, state.session(f.session)?.name.clone()))),
        window: found
            .and_then(|f| Some((f.window, state.window(f.session, f.window)?.name.clone()))),
        pane: found.map(|f| f.pane),
        client: None,
    };
    let lines = commands(state, hook.name, found, &event);
    let mut vars = vars(&event);
    vars.push(("hook_arguments".into(), words[1..].join(" ")));
    for line in lines {
        let Ok(commands) = super::context::parse_line(state, ctx.client, &line) else {
            continue;
        };
        let group = state.queue.group();
        ctx.next.extend(commands.into_iter().map(|words| Item {
            words,
            group,
            place: None,
            current: found,
            vars: vars.clone(),
        }));
    }
}

/// Returns the command lines of hook `name` for an event: the pane's, window's or
/// session's own when set, else the global ones.
fn commands(state: &State, name: &str, found: Option<Found>, event: &HookEvent) -> Vec<String> {
    let Some(spec) = HOOKS.iter().find(|h| h.name == name) else {
        return Vec::new();
    };
    let options = &state.options;
    let value = match (spec.scope, found) {
        (Scope::Pane, Some(f)) if state.panes.contains_key(&f.pane) => {
            options.pane(f.pane, f.window, name)
        }
        (Scope::Pane, _) => match event.window {
            Some((w, _)) => options.window(w, name),
            None => options.server(name),
        },
        (_, _) => match event
            .session
            .as_ref()
            .map(|s| s.0)
            .or(found.map(|f| f.session))
        {
            Some(s) if state.session(s).is_some() => options.session(s, name),
            _ => options.server(name),
        },
    };
    value.elements()
}

/// Returns the target a hook's commands run on: the event's pane where it is now, else its
/// window's active pane, else its session's; for a client's event, its session's.
fn found_for(state: &State, event: &HookEvent) -> Option<Found> {
    if let Some(p) = event.pane.and_then(|p| state.panes.get(&p)) {
        return Some(Found {
            session: p.session,
            window: p.window,
            pane: p.id,
        });
    }
    let sid = event.session.as_ref().map(|s| s.0);
    if let (Some(s), Some((w, _))) = (sid, &event.window) {
        if let Some(win) = state.window(s, *w) {
            return Some(Found {
                session: s,
                window: *w,
                pane: win.active,
            });
        }
    }
    sid.and_then(|s| target::in_session(state, s))
}

/// Returns the `hook_*` format variables of an event.
fn vars(event: &HookEvent) -> Vec<(String, String)> {
    let mut vars = vec![("hook".to_string(), event.name.to_string())];
    if let Some((id, name)) = &event.session {
        vars.push(("hook_session".into(), format!("${}", id.0)));
        vars.push(("hook_session_name".into(), name.clone()));
    }
    if let Some((id, name)) = &event.window {
        vars.push(("hook_window".into(), format!("@{}", id.0)));
        vars.push(("hook_window_name".into(), name.clone()));
    }
    if let Some(p) = event.pane {
        vars.push(("hook_pane".into(), format!("%{}", p.0)));
    }
    if let Some((_, name)) = &event.client {
        vars.push(("hook_client".into(), name.clone()));
    }
    vars
}
