//! `clock-mode`: show the time in big digits over a pane (`-t`, else the current one) until
//! a key is pressed (`clock-mode-colour`, `clock-mode-style` 12 or 24 hours), as tmux does.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "clock-mode",
    alias: None,
    flags: "t:",
    usage: "[-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs clock-mode.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if let Some(p) = state.panes.get_mut(&found.pane) {
        p.clock = true;
    }
    state.mark_session_dirty(found.session);
    state.notify(
        "pane-mode-changed",
        Some(found.session),
        Some(found.window),
        Some(found.pane),
    );
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn the_clock_shows_until_a_key_and_the_key_goes_nowhere() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 9);
        h.output(PaneId(0), "$ prompt");
        h.keys(c, "C-b t");
        assert_eq!(h.ok("display -p '#{pane_mode}'"), "clock-mode\n");
        let screen = h.screen(c);
        assert!(!screen.iter().any(|l| l.contains("prompt")), "{screen:?}");
        let cells = &h.client_screen(c).rows[2];
        assert!(
            cells
                .iter()
                .any(|cell| cell.style.bg != mux_protocol::Color::Default),
            "block digits"
        );
        h.keys(c, "x");
        assert_eq!(h.screen(c)[0], "$ prompt");
        assert_eq!(
            h.fake.take_input(PaneId(0)),
            "",
            "the key only left the clock"
        );
    }

    #[test]
    fn a_small_pane_shows_the_time_as_text() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 20, 4);
        h.ok("clock-mode");
        assert!(h.shows(c, "02:31"), "{:?}", h.screen(c));
        h.ok("set -g clock-mode-style 12");
        assert!(h.shows(c, "2:31 AM"), "{:?}", h.screen(c));
    }
}
