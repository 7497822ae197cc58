//! `kill-window` (`killw`): kill a window and its panes (`-a`: every other window).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "kill-window",
    alias: Some("killw"),
    flags: "at:",
    usage: "[-a] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs kill-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if args.has('a') {
        let others: Vec<_> = state
            .session(found.session)
            .map(|s| {
                s.windows
                    .iter()
                    .map(|w| w.id)
                    .filter(|w| *w != found.window)
                    .collect()
            })
            .unwrap_or_default();
        for w in others {
            ops::kill_window(state, found.session, w);
        }
    } else {
        ops::kill_window(state, found.session, found.window);
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// The windows of session `work` as `index:name:flags`, one per line.
    fn windows(h: &mut Harness) -> String {
        h.ok("list-windows -t work -F '#{window_index}:#{window_name}:#{window_flags}'")
    }

    #[test]
    fn kill_window_of_the_current_window_makes_a_never_selected_window_current() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("new-window -d -n two");
        h.ok("kill-window -t :0");
        assert_eq!(windows(&mut h), "1:two:*\n");
        assert_eq!(h.ok("display-message -p '#{pane_id}'"), "%1\n");
        h.output(PaneId(1), "still here");
        assert!(h.shows(c, "still here"));
    }
}
