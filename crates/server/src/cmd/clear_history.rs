//! `clear-history` (`clearhist`): drop a pane's scrollback.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "clear-history",
    alias: Some("clearhist"),
    flags: "Ht:",
    usage: "[-H] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs clear-history.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    if let Some(p) = state.panes.get_mut(&f.pane) {
        p.term.clear_history();
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns the history size of a pane.
    fn history(h: &mut Harness, pane: &str) -> String {
        h.ok(&format!("display-message -p -t {pane} '#{{history_size}}'"))
    }

    #[test]
    fn clear_history_drops_the_scrollback_and_keeps_the_screen() {
        let mut h = Harness::with_session();
        let text: String = (0..30).map(|i| format!("l{i}\r\n")).collect();
        h.output(PaneId(0), &text);
        assert_eq!(history(&mut h, "%0"), "7\n");
        assert_eq!(h.ok("clear-history"), "");
        assert_eq!(history(&mut h, "%0"), "0\n");
        assert_eq!(h.ok("capture-pane -p -S - -E 0"), "l7\n");
    }

    #[test]
    fn clear_history_t_clears_only_the_target_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        let text: String = (0..30).map(|i| format!("l{i}\r\n")).collect();
        h.output(PaneId(0), &text);
        h.output(PaneId(1), &text);
        h.ok("clearhist -t %0");
        assert_eq!(history(&mut h, "%0"), "0\n");
        assert_ne!(history(&mut h, "%1"), "0\n");
        assert_eq!(h.err("clear-history -t %5"), "can't find pane: %5");
    }
}
