//! `show-options` (`show`): print options as `name value` lines (`-g` globals, `-s` server,
//! `-w` window, `-p` pane; `-v` values only; one option by name).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::options::Scope;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-options",
    alias: Some("show"),
    flags: "AgHpqst:vw",
    usage: "[-AgHpqsvw] [-t target-pane] [option]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-options.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    run(state, ctx, args)
}

/// Prints options as `args` say (shared with show-window-options).
pub fn run(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.positional.first().map(String::as_str);
    let scope = match name {
        Some(n) => {
            match crate::config::options::infer_scope(
                n,
                args.has('s'),
                args.has('w'),
                args.has('p'),
            ) {
                Ok(s) => s,
                Err(_) if args.has('q') => return Ok(Outcome::Done),
                Err(e) => return Err(e),
            }
        }
        None if args.has('s') => Scope::Server,
        None if args.has('w') => Scope::Window,
        None if args.has('p') => Scope::Pane,
        None => Scope::Session,
    };
    let where_ = super::set_option::option_target(state, ctx, args, scope)?;
    let shown = if args.has('v') {
        state.options.show_values(scope, where_, name)
    } else {
        state.options.show(scope, where_, name)
    };
    let lines = match shown {
        Ok(l) => l,
        Err(_) if args.has('q') => return Ok(Outcome::Done),
        Err(e) => return Err(e),
    };
    for line in lines {
        ctx.out.push_str(&line);
        ctx.out.push('\n');
    }
    Ok(Outcome::Done)
}
