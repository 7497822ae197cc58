//! `swap-window` (`swapw`): exchange two windows' places, in one session or between two.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::ids::{SessionId, WindowId};
use crate::model::session::Session;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "swap-window",
    alias: Some("swapw"),
    flags: "ds:t:",
    usage: "[-d] [-s src-window] [-t dst-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::Window,
    exec,
};

/// Runs swap-window. As in tmux, the windows change places and the places stay: the current
/// and last window of each session are still the same indexes, now showing the other window.
/// `-d` makes the source window current at its new place (and the target window at its new
/// place in the source's session), as tmux 3.3a does.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = ctx.source_or_marked(state)?;
    let dst = ctx.target()?;
    if src.window == dst.window {
        return Ok(Outcome::Done);
    }
    let a = take(state, src.session, src.window)?;
    let b = match take(state, dst.session, dst.window) {
        Ok(b) => b,
        Err(e) => {
            put(state, src.session, a);
            return Err(e);
        }
    };
    let (a_index, b_index) = (a.index, b.index);
    put(state, src.session, with_index(b, a_index));
    put(state, dst.session, with_index(a, b_index));
    let sessions = if src.session == dst.session {
        vec![src.session]
    } else {
        vec![src.session, dst.session]
    };
    for &sid in &sessions {
        if let Some(s) = state.session_mut(sid) {
            swap_references(s, src.window, dst.window);
            let current = s.current;
            if let Some(w) = s.window_mut(current) {
                w.bell = false;
                w.activity = false;
            }
        }
    }
    if args.has('d') {
        if let Some(s) = state.session_mut(dst.session) {
            s.select(src.window);
        }
        if src.session != dst.session {
            if let Some(s) = state.session_mut(src.session) {
                s.select(dst.window);
            }
        }
    }
    if src.session != dst.session {
        moved(state, src.session, dst.window);
        moved(state, dst.session, src.window);
    }
    for sid in sessions {
        state.mark_session_dirty(sid);
    }
    Ok(Outcome::Done)
}

/// Takes a window out of a session without touching its current window or history.
fn take(
    state: &mut State,
    sid: SessionId,
    wid: WindowId,
) -> Result<crate::model::window::Window, String> {
    let s = state.session_mut(sid).ok_or("no such session")?;
    let pos = s
        .windows
        .iter()
        .position(|w| w.id == wid)
        .ok_or("no such window")?;
    Ok(s.windows.remove(pos))
}

/// Puts a window into a session at its index.
fn put(state: &mut State, sid: SessionId, window: crate::model::window::Window) {
    if let Some(s) = state.session_mut(sid) {
        s.insert(window);
    }
}

/// Returns the window with another index.
fn with_index(
    mut window: crate::model::window::Window,
    index: u32,
) -> crate::model::window::Window {
    window.index = index;
    window
}

/// Makes a session's current window and history name `b` where they named `a` and the other
/// way round, so that they keep naming the same places.
fn swap_references(s: &mut Session, a: WindowId, b: WindowId) {
    let other = |w: WindowId| {
        if w == a {
            b
        } else if w == b {
            a
        } else {
            w
        }
    };
    s.current = other(s.current);
    for w in &mut s.history {
        *w = other(*w);
    }
}

/// Makes a window that came from another session belong to `sid`: its panes follow it and it
/// takes the session's size.
fn moved(state: &mut State, sid: SessionId, wid: WindowId) {
    let Some(size) = state.session(sid).map(|s| s.size) else {
        return;
    };
    let Some(w) = state.window_mut(sid, wid) else {
        return;
    };
    if w.layout.size() != size {
        w.layout.resize(size.0, size.1);
    }
    for pane in w.panes() {
        if let Some(p) = state.panes.get_mut(&pane) {
            p.session = sid;
        }
    }
    crate::model::ops::sync_window(state, sid, wid);
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session `work` with windows `0 a`, `1 b` and `2 c`, the first current.
    fn three_windows() -> Harness {
        let mut h = Harness::new();
        h.ok("new-session -d -s work -n a");
        h.ok("new-window -d -n b");
        h.ok("new-window -d -n c");
        h
    }

    #[test]
    fn the_windows_change_places_and_the_current_place_stays_current() {
        // tmux 3.3a: `swapw -s 0 -t 1` while 0 is current leaves index 0 current, now b.
        let mut h = three_windows();
        h.ok("swap-window -s 0 -t 1");
        assert_eq!(h.window_list(""), ["0 b *", "1 a", "2 c"]);
        assert_eq!(h.ok("display -p '#{pane_id}'"), "%1\n");
    }

    #[test]
    fn detached_makes_the_source_window_current_at_its_new_place() {
        // tmux 3.3a: `swapw -d -s 0 -t 2` leaves index 2 current, now holding a.
        let mut h = three_windows();
        h.ok("swap-window -d -s 0 -t 2");
        assert_eq!(h.window_list(""), ["0 c -", "1 b", "2 a *"]);
    }

    #[test]
    fn the_source_defaults_to_the_current_window_and_the_last_place_stays_last() {
        let mut h = three_windows();
        h.ok("select-window -t 2");
        h.ok("swap-window -t 0");
        assert_eq!(h.window_list(""), ["0 c -", "1 b", "2 a *"]);
        // Swapping a window with itself changes nothing.
        h.ok("swap-window -t 2");
        assert_eq!(h.window_list(""), ["0 c -", "1 b", "2 a *"]);
    }

    #[test]
    fn windows_of_two_sessions_change_sessions_and_sizes() {
        let mut h = three_windows();
        h.ok("new-session -d -s other -n x -x 100 -y 30");
        h.ok("swap-window -s other:0 -t work:1");
        assert_eq!(h.window_list("work"), ["0 a *", "1 x", "2 c"]);
        assert_eq!(h.window_list("other"), ["0 b *"]);
        assert_eq!(
            h.ok("display -p -t work:1 '#{session_name} #{pane_id}'"),
            "work %3\n"
        );
        assert_eq!(
            h.ok("display -p -t %1 '#{session_name}:#{window_index}'"),
            "other:0\n"
        );
        // Each window takes its new session's size, and so do its panes' terminals.
        assert_eq!(h.pane_sizes("other:0"), ["0 100x30*"]);
        assert_eq!(h.pane_sizes("work:1"), ["0 80x24*"]);
        let size = h.fake.pane(PaneId(3)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size, Some((80, 24)));
    }

    #[test]
    fn a_missing_window_is_an_error_and_changes_nothing() {
        let mut h = three_windows();
        assert_eq!(h.err("swap-window -s 0 -t 7"), "can't find window: 7");
        assert_eq!(h.err("swap-window -s 7 -t 0"), "can't find window: 7");
        assert_eq!(h.window_list(""), ["0 a *", "1 b", "2 c"]);
    }

    #[test]
    fn an_attached_client_sees_the_window_now_at_the_current_place() {
        let mut h = three_windows();
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(1), "this is b");
        h.ok("swap-window -s 0 -t 1");
        assert_eq!(h.screen(c)[0], "this is b");
        assert!(h.screen(c)[9].contains("0:b*"), "{:?}", h.screen(c)[9]);
    }
}
