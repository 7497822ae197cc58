//! `last-pane` (`lastp`): select the previously active pane of the window.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "last-pane",
    alias: Some("lastp"),
    flags: "det:Z",
    usage: "[-deZ] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs last-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let last = state
        .window(found.session, found.window)
        .and_then(|w| w.last_pane)
        .ok_or("no last pane")?;
    super::select_pane::select(state, found.session, found.window, last, args.has('Z'));
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    /// The active pane of the current window.
    fn active(h: &mut Harness) -> String {
        h.ok("display-message -p '#{pane_id}'")
    }

    #[test]
    fn last_pane_goes_back_to_the_previously_active_pane_and_again() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window");
        h.ok("select-pane -t %0");
        h.ok("last-pane");
        assert_eq!(active(&mut h), "%2\n");
        h.ok("lastp");
        assert_eq!(active(&mut h), "%0\n");
    }

    #[test]
    fn last_pane_t_works_in_another_window() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-window");
        h.ok("last-pane -t work:0");
        assert_eq!(h.ok("display-message -p -t work:0 '#{pane_id}'"), "%0\n");
        assert_eq!(h.ok("display-message -p -t work:1 '#{pane_id}'"), "%2\n");
    }

    #[test]
    fn last_pane_z_keeps_the_window_zoomed() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("select-pane -t %0");
        h.ok("resize-pane -Z");
        h.ok("last-pane -Z");
        assert_eq!(
            h.ok("display-message -p '#{pane_id} #{window_zoomed_flag}'"),
            "%1 1\n"
        );
    }

    #[test]
    fn last_pane_fails_in_a_window_with_no_previous_pane() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("last-pane"), "no last pane");
        h.ok("split-window");
        h.ok("kill-pane -t %0");
        assert_eq!(h.err("last-pane"), "no last pane");
    }
}
