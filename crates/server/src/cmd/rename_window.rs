//! `rename-window` (`renamew`): name a window; its automatic-rename option goes off, as in
//! tmux, until it is set on again.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rename-window",
    alias: Some("renamew"),
    flags: "t:",
    usage: "[-t target-window] new-name",
    args: (1, 1),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs rename-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args
        .positional
        .first()
        .ok_or("command rename-window: too few arguments (need at least 1)")?;
    let found = ctx.target()?;
    let w = state
        .window_mut(found.session, found.window)
        .ok_or("no such window")?;
    w.name = name.clone();
    crate::model::ops::automatic_rename_off(state, found.window);
    state.mark_session_dirty(found.session);
    state.notify(
        "window-renamed",
        Some(found.session),
        Some(found.window),
        None,
    );
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn the_current_or_target_window_gets_the_name_on_the_status_line() {
        let mut h = Harness::with_session();
        h.ok("new-window -d");
        let c = h.attach("attach -t work", 80, 10);
        h.ok("rename-window editor");
        h.ok("renamew -t 1 logs");
        assert_eq!(h.window_list(""), ["0 editor *", "1 logs"]);
        let status = h.screen(c)[9].clone();
        assert!(
            status.contains("0:editor*") && status.contains("1:logs"),
            "{status}"
        );
    }

    #[test]
    fn a_renamed_window_turns_automatic_rename_off_until_it_is_set_again() {
        // tmux 3.3a shows the option off after rename-window, and renames the window after
        // its command again once it is set on.
        let mut h = Harness::with_session();
        h.ok("rename-window mine");
        assert_eq!(h.ok("showw automatic-rename"), "automatic-rename off\n");
        h.set_foreground(PaneId(0), "vim");
        h.output(PaneId(0), "x");
        assert_eq!(h.window_list(""), ["0 mine *"]);
        h.ok("setw automatic-rename on");
        h.output(PaneId(0), "y");
        h.pass_time(std::time::Duration::from_secs(1));
        assert_eq!(h.window_list(""), ["0 vim *"]);
    }

    #[test]
    fn a_missing_name_or_window_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("rename-window"),
            "command rename-window: too few arguments (need at least 1)\nusage: rename-window [-t target-window] new-name"
        );
        assert_eq!(h.err("rename-window -t 42 x"), "can't find window: 42");
        assert_eq!(h.window_list(""), ["0 sh *"]);
    }
}
