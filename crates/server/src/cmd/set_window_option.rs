//! `set-window-option` (`setw`): `set-option -w`, kept for tmux configs that use it.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-window-option",
    alias: Some("setw"),
    flags: "aFgoqt:uU",
    usage: "[-aFgoqUu] [-t target-window] option [value]",
    args: (1, 2),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-window-option as set-option with `-w`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    super::set_option::run(state, ctx, &args.with_flag('w'))
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_window_option_is_set_on_the_current_or_target_window() {
        let mut h = Harness::with_session();
        h.ok("new-window -d");
        h.ok("set-window-option mode-keys vi");
        assert_eq!(h.ok("show-window-options -v -t work:0 mode-keys"), "vi\n");
        assert_eq!(h.ok("showw -v -t work:1 mode-keys"), "");
        h.ok("setw -t work:1 automatic-rename off");
        assert_eq!(h.ok("showw -t work:1"), "automatic-rename off\n");
    }

    #[test]
    fn global_and_unset_work_as_with_set_option() {
        let mut h = Harness::with_session();
        h.ok("setw -g mode-keys vi");
        assert_eq!(h.ok("showw -gv mode-keys"), "vi\n");
        h.ok("setw mode-keys emacs");
        h.ok("setw -u mode-keys");
        assert_eq!(h.ok("showw mode-keys"), "");
        h.ok("setw -gu mode-keys");
        assert_eq!(h.ok("showw -gv mode-keys"), "emacs\n");
    }

    #[test]
    fn bad_targets_and_names_are_errors_unless_quiet() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("setw -t nosuch mode-keys vi"),
            "no such window: nosuch"
        );
        assert_eq!(h.err("setw nosuch on"), "invalid option: nosuch");
        assert_eq!(h.ok("setw -q nosuch on"), "");
    }
}
