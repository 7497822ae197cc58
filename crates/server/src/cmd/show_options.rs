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

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn one_option_is_shown_with_its_value_quoted_as_tmux_does() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("show-options -g status"), "status on\n");
        assert_eq!(h.ok("show -gv status"), "on\n");
        h.ok("set -g status-right 'a b'");
        assert_eq!(h.ok("show -g status-right"), "status-right \"a b\"\n");
        h.ok("set -g status-left '#S: '");
        assert_eq!(h.ok("show -g status-left"), "status-left \"#S: \"\n");
    }

    #[test]
    fn a_session_shows_only_its_own_values() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("show-options"), "");
        h.ok("set base-index 1");
        h.ok("set @user yes");
        assert_eq!(h.ok("show-options"), "@user yes\nbase-index 1\n");
        let globals = h.ok("show-options -g");
        assert!(globals.lines().any(|l| l == "base-index 0"), "{globals}");
        assert!(globals.lines().any(|l| l == "prefix C-b"), "{globals}");
    }

    #[test]
    fn scopes_are_chosen_by_flag_or_by_the_options_name() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("show -s -g buffer-limit"), "buffer-limit 50\n");
        h.ok("set -s escape-time 25");
        assert_eq!(h.ok("show -sv escape-time"), "25\n");
        assert_eq!(h.ok("show -gw window-size"), "window-size latest\n");
        assert_eq!(h.ok("show -g window-size"), "window-size latest\n");
        h.ok("set -p remain-on-exit on");
        assert_eq!(h.ok("show -p"), "remain-on-exit on\n");
        assert_eq!(h.ok("show -g -p"), "");
    }

    #[test]
    fn unknown_options_and_targets_are_errors_unless_quiet() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("show -g nosuch"), "invalid option: nosuch");
        assert_eq!(h.ok("show -qg nosuch"), "");
        assert_eq!(h.err("show -g @unset"), "invalid option: @unset");
        assert_eq!(h.ok("show -gq @unset"), "");
        assert_eq!(h.err("show -t nosuch"), "no such session: nosuch");
        assert_eq!(h.err("show -w -t nosuch"), "no such window: nosuch");
    }
}
