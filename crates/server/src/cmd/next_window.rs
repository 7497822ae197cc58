//! `next-window` (`next`): select the next window, wrapping (`-a`: the next with an alert).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "next-window",
    alias: Some("next"),
    flags: "at:",
    usage: "[-a] [-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs next-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    step(state, ctx, args, false)
}

/// Moves to the next (or previous, with `back`) window, wrapping, only to ones with alerts
/// under `-a`. As in tmux, there being no other window to move to is an error.
pub fn step(state: &mut State, ctx: &mut Ctx, args: &Args, back: bool) -> Result<Outcome, String> {
    let sid = ctx.target()?.session;
    let s = state.session(sid).ok_or("no such session")?;
    let pos = s
        .windows
        .iter()
        .position(|w| w.id == s.current)
        .unwrap_or(0);
    let n = s.windows.len();
    let order = (1..n).map(|k| {
        if back {
            (pos + n * 2 - k) % n
        } else {
            (pos + k) % n
        }
    });
    let wid = order
        .map(|i| &s.windows[i])
        .find(|w| !args.has('a') || w.bell || w.activity)
        .map(|w| w.id);
    match wid {
        Some(w) => {
            super::select_window::select(state, sid, w);
            Ok(Outcome::Done)
        }
        None if back => Err("no previous window".into()),
        None => Err("no next window".into()),
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn next_window_moves_on_and_wraps_to_the_first() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n b");
        h.ok("new-window -d -t 4 -n c");
        h.ok("next-window");
        assert_eq!(h.window_list(""), ["0 sh -", "1 b *", "4 c"]);
        h.ok("next");
        assert_eq!(h.window_list(""), ["0 sh", "1 b -", "4 c *"]);
        h.ok("next-window");
        assert_eq!(h.window_list(""), ["0 sh *", "1 b", "4 c -"]);
    }

    #[test]
    fn with_a_single_window_there_is_no_next_window() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("next-window"), "no next window");
        assert_eq!(h.window_list(""), ["0 sh *"]);
    }

    #[test]
    fn alert_skips_quiet_windows_clears_the_flag_and_fails_when_none_has_one() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n quiet");
        h.ok("new-window -d -n loud");
        assert_eq!(h.err("next-window -a"), "no next window");
        h.output(PaneId(2), "\x07");
        assert_eq!(h.window_list(""), ["0 sh *", "1 quiet", "2 loud !"]);
        h.ok("next-window -a");
        assert_eq!(h.window_list(""), ["0 sh -", "1 quiet", "2 loud *"]);
        assert_eq!(h.err("next-window -a"), "no next window");
    }

    #[test]
    fn target_moves_another_sessions_window() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.ok("new-window -d -t other -n second");
        h.ok("next-window -t other");
        assert_eq!(h.window_list("other"), ["0 sh -", "1 second *"]);
        assert_eq!(h.window_list("work"), ["0 sh *"]);
        assert_eq!(h.err("next-window -t nosuch"), "can't find session: nosuch");
    }

    #[test]
    fn an_attached_client_is_shown_the_next_window() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n two");
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(1), "in two");
        assert!(!h.shows(c, "in two"));
        h.keys(c, "C-b n");
        assert_eq!(h.screen(c)[0], "in two");
        assert!(h.screen(c)[9].contains("1:two*"), "{:?}", h.screen(c)[9]);
    }
}
