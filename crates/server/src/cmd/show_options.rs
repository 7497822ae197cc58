//! `show-options` (`show`): print options as `name value` lines (`-g` globals, `-s` server,
//! `-w` window, `-p` pane; `-v` values only; `-A` inherited values too; one option by name).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::options::{OptionTarget, Scope};
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
    let inherit =
        args.has('A') && matches!(where_, OptionTarget::Session(_) | OptionTarget::Window(_));
    let shown = if inherit {
        with_inherited(state, scope, where_, name, args.has('v'))
    } else if args.has('v') {
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

/// Returns `-A` lines for a session or window: its own values, and the global values it
/// inherits with `*` after their names, in name order, as tmux shows them.
fn with_inherited(
    state: &State,
    scope: Scope,
    target: OptionTarget,
    name: Option<&str>,
    values_only: bool,
) -> Result<Vec<String>, String> {
    let named = |t: OptionTarget| -> Result<Vec<(String, String)>, String> {
        let lines = state.options.show(scope, t, name)?;
        let values = state.options.show_values(scope, t, name)?;
        Ok(lines
            .into_iter()
            .zip(values)
            .map(|(line, value)| {
                let name = line.split_once(' ').map_or(line.as_str(), |(n, _)| n);
                (name.to_string(), if values_only { value } else { line })
            })
            .collect())
    };
    let own = named(target);
    let global = named(OptionTarget::Global(scope));
    let (own, global) = match (own, global) {
        (Err(e), Err(_)) => return Err(e),
        (own, global) => (own.unwrap_or_default(), global.unwrap_or_default()),
    };
    let mut all: std::collections::BTreeMap<String, String> = global
        .into_iter()
        .map(|(n, line)| {
            let line = match (values_only, line.split_once(' ')) {
                (false, Some((n, v))) => format!("{n}* {v}"),
                _ => line,
            };
            (n, line)
        })
        .collect();
    all.extend(own);
    Ok(all.into_values().collect())
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
    fn all_shows_inherited_global_values_marked_with_a_star() {
        // tmux 3.3a: `show -A` lists the session's own values as they are and the global
        // values it inherits with `*` after the name.
        let mut h = Harness::with_session();
        h.ok("set base-index 1");
        h.ok("set @mine x");
        let all = h.ok("show-options -A");
        let lines: Vec<&str> = all.lines().collect();
        assert_eq!(lines[0], "@mine x");
        assert!(lines.contains(&"base-index 1"), "{all}");
        assert!(lines.contains(&"prefix* C-b"), "{all}");
        assert!(!lines.iter().any(|l| l.starts_with("base-index*")), "{all}");
        let mut sorted = lines.clone();
        sorted.sort_unstable();
        assert_eq!(lines, sorted);
        assert_eq!(h.ok("show -A prefix"), "prefix* C-b\n");
        assert_eq!(h.ok("show -Av prefix"), "C-b\n");
        assert_eq!(h.ok("show -A base-index"), "base-index 1\n");
        h.ok("setw mode-keys vi");
        let window = h.ok("show -wA");
        assert!(window.lines().any(|l| l == "mode-keys vi"), "{window}");
        assert!(
            window.lines().any(|l| l == "monitor-activity* off"),
            "{window}"
        );
        // Global values are not inherited from anywhere, so they have no stars.
        assert!(!h.ok("show -gA").contains('*'));
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
