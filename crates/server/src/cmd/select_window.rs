//! `select-window` (`selectw`): make a window current (`-l` last, `-n` next, `-p` previous).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "select-window",
    alias: Some("selectw"),
    flags: "lnpTt:",
    usage: "[-lnpT] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs select-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let s = state.session(found.session).ok_or("no such session")?;
    let wid = if args.has('l') {
        s.last_window().ok_or("no last window")?
    } else if args.has('n') {
        s.neighbour_window(false).ok_or("no next window")?
    } else if args.has('p') {
        s.neighbour_window(true).ok_or("no previous window")?
    } else if args.has('T') && s.current == found.window {
        s.last_window().ok_or("no last window")?
    } else {
        found.window
    };
    select(state, found.session, wid);
    Ok(Outcome::Done)
}

/// Makes `wid` the current window of `sid` and redraws its clients.
pub fn select(state: &mut State, sid: crate::ids::SessionId, wid: crate::ids::WindowId) {
    if let Some(s) = state.session_mut(sid) {
        s.select(wid);
    }
    crate::model::resize::apply_window_size(state, sid);
    state.mark_session_dirty(sid);
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session with windows `0 sh`, `1 two` and `3 four`, the first current.
    fn three_windows() -> Harness {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n two");
        h.ok("new-window -d -t 3 -n four");
        h
    }

    #[test]
    fn a_window_is_selected_by_index_or_name() {
        let mut h = three_windows();
        h.ok("select-window -t 3");
        assert_eq!(h.window_list(""), ["0 sh -", "1 two", "3 four *"]);
        h.ok("selectw -t two");
        assert_eq!(h.window_list(""), ["0 sh", "1 two *", "3 four -"]);
    }

    #[test]
    fn last_next_and_previous_move_from_the_current_window() {
        let mut h = three_windows();
        assert_eq!(h.err("select-window -l"), "no last window");
        h.ok("select-window -n");
        assert_eq!(h.window_list(""), ["0 sh -", "1 two *", "3 four"]);
        h.ok("select-window -l");
        assert_eq!(h.window_list(""), ["0 sh *", "1 two -", "3 four"]);
        h.ok("select-window -p");
        assert_eq!(h.window_list(""), ["0 sh -", "1 two", "3 four *"]);
    }

    #[test]
    fn toggle_selects_the_last_window_when_the_target_is_already_current() {
        // tmux 3.3a: `select-window -T -t 0` twice goes to 0 and back.
        let mut h = three_windows();
        h.ok("select-window -t 3");
        h.ok("select-window -T -t 0");
        assert_eq!(h.window_list(""), ["0 sh *", "1 two", "3 four -"]);
        h.ok("select-window -T -t 0");
        assert_eq!(h.window_list(""), ["0 sh -", "1 two", "3 four *"]);
    }

    #[test]
    fn an_attached_client_shows_the_selected_window() {
        let mut h = three_windows();
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(2), "window four");
        h.keys(c, "C-b 3");
        assert_eq!(h.screen(c)[0], "window four");
        h.keys(c, "C-b l");
        assert_eq!(h.screen(c)[0], "");
        assert_eq!(h.window_list(""), ["0 sh *", "1 two", "3 four -"]);
    }

    #[test]
    fn a_missing_window_is_an_error() {
        let mut h = three_windows();
        assert_eq!(h.err("select-window -t 9"), "can't find window: 9");
        assert_eq!(h.window_list(""), ["0 sh *", "1 two", "3 four"]);
    }
}
