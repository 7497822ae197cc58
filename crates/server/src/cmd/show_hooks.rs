//! `show-hooks`: list the hooks globally (`-g`: every hook, those without commands by name
//! alone) or set on a session, window (`-w`) or pane (`-p`), as `name[N] command` lines.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::options::{hooks_of, quote, split_index, OptionTarget, Scope, Value};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-hooks",
    alias: None,
    flags: "gpt:w",
    usage: "[-gpw] [-t target-pane] [hook]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-hooks.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let scope = if args.has('w') || args.has('p') {
        Scope::Pane
    } else {
        Scope::Session
    };
    let option_scope = match scope {
        Scope::Pane if !args.has('p') => Scope::Window,
        s => s,
    };
    let where_ = super::set_option::option_target(state, ctx, args, option_scope)?;
    let only = match args.positional.first() {
        Some(n) => Some(split_index(n)?.0.to_string()),
        None => None,
    };
    let table_scope = match where_ {
        OptionTarget::Global(_) => option_scope,
        _ => scope,
    };
    let hooks = hooks_of(&state.options, table_scope, where_);
    for (name, value) in hooks {
        let wanted = crate::config::options::HOOKS
            .iter()
            .any(|h| h.name == name && h.scope == scope);
        if !wanted || only.as_ref().is_some_and(|o| *o != name) {
            continue;
        }
        match value {
            Value::Array(items) if items.is_empty() => {
                ctx.out.push_str(&name);
                ctx.out.push('\n');
            }
            Value::Array(items) => {
                for (i, command) in items {
                    ctx.out
                        .push_str(&format!("{name}[{i}] {}\n", quote(&command)));
                }
            }
            _ => {}
        }
    }
    Ok(Outcome::Done)
}
