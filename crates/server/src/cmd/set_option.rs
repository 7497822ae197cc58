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
        Err(e) => match crate::config::options::unsupported(name) {
            Some(warning) => {
                ctx.warnings.push(warning);
                return Ok(Outcome::Done);
            }
            None => return Err(e),
        },
    };
    let where_ = option_target(state, ctx, args, scope)?;
    let expanded = match args.positional.get(1) {
        Some(v) if args.has('F') => {
            let scope = match super::target::current(state, ctx.client) {
                Some(f) => super::client_scope(state, ctx, f),
                None => Default::default(),
            };
            Some(crate::model::vars::expand(state, scope, v))
        }
        v => v.cloned(),
    };
    let value = expanded.as_deref();
    check_style(name, value)?;
    if args.has('o') && is_set(state, scope, where_, name) {
        if args.has('q') {
            return Ok(Outcome::Done);
        }
        return Err(format!("already set: {name}"));
    }
    let result = if args.has('U') {
        unset_with_panes(state, name, where_)
    } else if args.has('u') {
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

/// Unsets an option and, for a window, the same option on each of its panes (`-U`).
fn unset_with_panes(state: &mut State, name: &str, where_: OptionTarget) -> Result<(), String> {
    state.options.unset(name, where_)?;
    let window = match where_ {
        OptionTarget::Window(w) | OptionTarget::Pane(_, w) => w,
        _ => return Ok(()),
    };
    let panes: Vec<_> = state
        .panes
        .values()
        .filter(|p| p.window == window)
        .map(|p| p.id)
        .collect();
    for pane in panes {
        state
            .options
            .unset(name, OptionTarget::Pane(pane, window))?;
    }
    Ok(())
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
    // tmux words a target that is not found this way for the option commands.
    let missing = |kind: &str| {
        let t = t.unwrap_or_default().to_string();
        let kind = kind.to_string();
        move |e: String| {
            if t.is_empty() {
                e
            } else {
                format!("no such {kind}: {t}")
            }
        }
    };
    Ok(match scope {
        Scope::Server => OptionTarget::Global(scope),
        Scope::Session => OptionTarget::Session(
            target::session_or_current(state, ctx.client, t).map_err(missing("session"))?,
        ),
        Scope::Window => OptionTarget::Window(
            target::window(state, ctx.client, t)
                .map_err(missing("window"))?
                .window,
        ),
        Scope::Pane => {
            let f = target::pane(state, ctx.client, t).map_err(missing("pane"))?;
            OptionTarget::Pane(f.pane, f.window)
        }
    })
}

/// Returns whether an option has a value of its own where it would be set (`-o`): always for
/// a built-in global, only when overridden for a session, window or pane.
fn is_set(state: &State, scope: Scope, where_: OptionTarget, name: &str) -> bool {
    state
        .options
        .show(scope, where_, Some(name))
        .is_ok_and(|lines| !lines.is_empty())
}

/// Refuses a style option's value that is not a style (formats are checked when used), and
/// a default-size that is not `WIDTHxHEIGHT`.
fn check_style(name: &str, value: Option<&str>) -> Result<(), String> {
    if let (Some(v), "default-size") = (value, name) {
        let ok = v.split_once('x').is_some_and(|(w, h)| {
            [w, h]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
        if !ok {
            return Err(format!("value is invalid: {v}"));
        }
    }
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
    if name == "monitor-silence" {
        crate::model::silence::restart_all(state);
    }
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

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn global_and_session_values_are_kept_apart() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.ok("set-option -g status-left G");
        h.ok("set -t work status-left W");
        assert_eq!(h.ok("show -v -t work status-left"), "W\n");
        assert_eq!(h.ok("show -v -t other status-left"), "");
        assert_eq!(h.ok("show -gv status-left"), "G\n");
        assert_eq!(h.ok("display -p -t other '#{status-left}'"), "G\n");
        h.ok("set -u -t work status-left");
        assert_eq!(h.ok("display -p -t work '#{status-left}'"), "G\n");
        h.ok("set -ug status-left");
        assert_eq!(h.ok("show -gv status-left"), "[#{session_name}] \n");
    }

    #[test]
    fn append_joins_text_and_styles_as_tmux_does() {
        let mut h = Harness::with_session();
        h.ok("set -g status-left 'a'");
        h.ok("set -ag status-left 'b'");
        assert_eq!(h.ok("show -gv status-left"), "ab\n");
        h.ok("set -ag status-style 'bg=red'");
        assert_eq!(h.ok("show -gv status-style"), "bg=green,fg=black,bg=red\n");
    }

    #[test]
    fn only_if_unset_refuses_a_value_that_is_already_set() {
        // tmux 3.3a: a built-in global is always set; a session has no value of its own
        // until one is set on it.
        let mut h = Harness::with_session();
        assert_eq!(h.err("set -og status-left x"), "already set: status-left");
        h.ok("set -o status-left x");
        assert_eq!(h.err("set -o status-left y"), "already set: status-left");
        h.ok("set -oq status-left y");
        assert_eq!(h.ok("show -v status-left"), "x\n");
        h.ok("set -og @mine first");
        h.ok("set -oqg @mine second");
        assert_eq!(h.ok("show -gv @mine"), "first\n");
    }

    #[test]
    fn bad_names_and_values_are_refused_unless_quiet() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("set -g nosuch 1"), "invalid option: nosuch");
        assert_eq!(h.ok("set -gq nosuch 1"), "");
        assert_eq!(h.err("set -g status nope"), "unknown value: nope");
        assert_eq!(h.err("set -g base-index x"), "value is invalid: x");
        assert_eq!(
            h.err("set -g status-style bogus=1"),
            "invalid style: bogus=1"
        );
        assert_eq!(h.err("set -g @empty"), "empty value");
        assert_eq!(
            h.err("set -g"),
            "command set-option: too few arguments (need at least 1)\nusage: set-option [-aFgopqsUuw] [-t target-pane] option [value]"
        );
    }

    #[test]
    fn a_flag_without_a_value_is_toggled() {
        let mut h = Harness::with_session();
        h.ok("set -g renumber-windows");
        assert_eq!(h.ok("show -gv renumber-windows"), "on\n");
        h.ok("set -g renumber-windows");
        assert_eq!(h.ok("show -gv renumber-windows"), "off\n");
    }

    #[test]
    fn window_pane_and_server_options_go_where_their_flags_say() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-window -d");
        h.ok("set -w -t work:1 mode-keys vi");
        assert_eq!(h.ok("show -wv -t work:1 mode-keys"), "vi\n");
        assert_eq!(h.ok("show -wv -t work:0 mode-keys"), "");
        h.ok("set -p -t %0 remain-on-exit on");
        assert_eq!(h.ok("show -pv -t %0 remain-on-exit"), "on\n");
        assert_eq!(h.ok("show -pv -t %1 remain-on-exit"), "");
        h.ok("set -s escape-time 10");
        assert_eq!(h.ok("show -sv escape-time"), "10\n");
    }

    #[test]
    fn a_missing_target_is_worded_as_tmux_words_it() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("set -t nosuch status off"), "no such session: nosuch");
        assert_eq!(
            h.err("set -w -t nosuch mode-keys vi"),
            "no such window: nosuch"
        );
        assert_eq!(
            h.err("set -p -t %99 remain-on-exit on"),
            "no such pane: %99"
        );
    }

    #[test]
    fn array_options_take_indexes_append_and_replace() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.ok("show -s command-alias"),
            "command-alias[0] split-pane=split-window\n\
             command-alias[1] splitp=split-window\n\
             command-alias[2] \"server-info=show-messages -JT\"\n\
             command-alias[3] \"info=show-messages -JT\"\n\
             command-alias[4] \"choose-window=choose-tree -w\"\n\
             command-alias[5] \"choose-session=choose-tree -s\"\n"
        );
        assert_eq!(h.ok("show -s terminal-overrides"), "terminal-overrides\n");
        h.ok("set -ga terminal-overrides ',xterm*:Tc'");
        h.ok("set -as terminal-overrides ',screen*:RGB,'");
        assert_eq!(
            h.ok("show -s terminal-overrides"),
            "terminal-overrides[0] xterm*:Tc\nterminal-overrides[1] screen*:RGB\n"
        );
        h.ok("set -g update-environment 'DISPLAY  TERM_PROGRAM'");
        assert_eq!(
            h.ok("show -gv update-environment"),
            "DISPLAY\nTERM_PROGRAM\n"
        );
        h.ok("set -g update-environment[5] COLORTERM");
        assert_eq!(
            h.ok("show -g update-environment[5]"),
            "update-environment[5] COLORTERM\n"
        );
        h.ok("set -gu update-environment[0]");
        assert_eq!(
            h.ok("show -gv update-environment"),
            "TERM_PROGRAM\nCOLORTERM\n"
        );
        h.ok("set -gu update-environment");
        assert!(h
            .ok("show -gv update-environment")
            .starts_with("DISPLAY\nKRB5CCNAME\n"));
        assert_eq!(h.err("set -g status[1] on"), "not an array: status");
    }

    #[test]
    fn command_aliases_stand_for_their_commands_with_the_arguments_added() {
        let mut h = Harness::with_session();
        h.ok("splitp -h");
        assert_eq!(h.ok("display -p '#{window_panes}'"), "2\n");
        h.ok("set -as command-alias 'sw=select-window -t'");
        h.ok("new-window -d");
        h.ok("sw :1");
        assert_eq!(h.ok("display -p '#I'"), "1\n");
        h.ok("set -as command-alias 'two=display -p a ; display -p'");
        assert_eq!(h.ok("two b"), "a\nb\n");
        assert_eq!(h.err("nosuch"), "unknown command: nosuch");
    }

    #[test]
    fn options_tmux_has_and_mux_does_not_are_accepted_with_a_warning() {
        let mut h = Harness::with_session();
        let reply = h.run("set -g cursor-style bar");
        assert_eq!(reply.status, Some(0));
        assert_eq!(
            reply.stderr,
            "option not supported yet: cursor-style (ignored)\n"
        );
        let reply = h.run("set -gq status-format[0] x");
        assert_eq!(reply.status, Some(0));
        assert_eq!(h.err("set -g nosuch 1"), "invalid option: nosuch");
    }

    #[test]
    fn f_expands_the_value_and_capital_u_unsets_the_panes_too() {
        let mut h = Harness::with_session();
        h.ok("set -gF @where '#{session_name}:#{window_index}'");
        assert_eq!(h.ok("show -gv @where"), "work:0\n");
        h.ok("split-window");
        h.ok("set -w remain-on-exit on");
        h.ok("set -p -t %1 remain-on-exit failed");
        h.ok("set -U remain-on-exit");
        assert_eq!(h.ok("show -pv -t %1 remain-on-exit"), "");
        assert_eq!(h.ok("show -wv remain-on-exit"), "");
    }

    #[test]
    fn turning_the_status_line_off_gives_its_row_to_the_panes() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        let size = |h: &Harness| h.fake.pane(PaneId(0)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size(&h), Some((40, 9)));
        assert!(h.screen(c)[9].starts_with("[work]"));
        h.ok("set status off");
        assert_eq!(size(&h), Some((40, 10)));
        assert_eq!(h.screen(c)[9], "");
        h.ok("set status on");
        assert_eq!(size(&h), Some((40, 9)));
    }
}
