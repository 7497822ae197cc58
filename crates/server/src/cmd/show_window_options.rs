//! `show-window-options` (`showw`): `show-options -w`, kept for tmux habits.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-window-options",
    alias: Some("showw"),
    flags: "gvt:",
    usage: "[-gv] [-t target-window] [option]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-window-options as show-options with `-w`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    super::show_options::run(state, ctx, &args.with_flag('w'))
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn window_options_are_shown_for_a_window_or_globally() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("show-window-options"), "");
        assert_eq!(h.ok("showw -g mode-keys"), "mode-keys emacs\n");
        assert_eq!(h.ok("showw -gv pane-base-index"), "0\n");
        h.ok("setw pane-base-index 1");
        assert_eq!(h.ok("showw"), "pane-base-index 1\n");
        assert_eq!(h.ok("showw -v pane-base-index"), "1\n");
        let globals = h.ok("showw -g");
        assert!(
            globals.lines().any(|l| l == "pane-base-index 0"),
            "{globals}"
        );
        assert!(
            !globals.lines().any(|l| l.starts_with("status ")),
            "{globals}"
        );
    }

    #[test]
    fn a_missing_window_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("showw -t nosuch"), "no such window: nosuch");
        assert_eq!(h.err("showw -g nosuch"), "invalid option: nosuch");
    }
}
