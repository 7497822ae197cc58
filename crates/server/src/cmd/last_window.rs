//! `last-window` (`last`): select the previously current window.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "last-window",
    alias: Some("last"),
    flags: "t:",
    usage: "[-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs last-window.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let sid = ctx.target()?.session;
    let last = state
        .session(sid)
        .and_then(|s| s.last_window())
        .ok_or("no last window")?;
    super::select_window::select(state, sid, last);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn last_window_goes_back_to_the_previously_current_window_and_again() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("new-window");
        h.ok("select-window -t :0");
        h.ok("last-window");
        let flags = "list-windows -F '#{window_index}#{window_flags}'";
        assert_eq!(h.ok(flags), "0-\n1\n2*\n");
        h.ok("last");
        assert_eq!(h.ok(flags), "0*\n1\n2-\n");
    }

    #[test]
    fn last_window_t_switches_the_named_session() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("new-session -d -s other");
        h.ok("last-window -t work");
        assert_eq!(h.ok("display-message -p -t work: '#{window_index}'"), "0\n");
    }

    #[test]
    fn last_window_redraws_an_attached_client_on_the_other_window() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.output(crate::ids::PaneId(0), "first window");
        h.ok("new-window");
        assert!(!h.shows(c, "first window"));
        h.keys(c, "C-b l");
        assert!(h.shows(c, "first window"));
    }

    #[test]
    fn last_window_fails_in_a_new_session() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("last-window"), "no last window");
        h.ok("new-window -d");
        assert_eq!(h.err("last-window"), "no last window");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}#{window_flags}'"),
            "0*\n1\n"
        );
    }

    #[test]
    fn last_window_fails_when_there_is_no_previous_window() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("kill-window -t :0");
        assert_eq!(h.err("last-window"), "no last window");
        assert_eq!(h.err("last-window -t nosuch"), "can't find session: nosuch");
    }
}
