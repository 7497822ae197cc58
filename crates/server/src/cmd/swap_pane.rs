//! `swap-pane` (`swapp`): swap two panes (`-s` and `-t`), or the target with the previous
//! (`-U`) or next (`-D`) pane; the panes may be in different windows.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::ids::PaneId;
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "swap-pane",
    alias: Some("swapp"),
    flags: "dDs:t:UZ",
    usage: "[-DdUZ] [-s src-pane] [-t dst-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::Pane,
    exec,
};

/// Runs swap-pane. As in tmux, the target pane (`-t`) becomes active in its new place unless
/// `-d`, so `swap-pane -U`/`-D` moves the active pane and keeps it active; with `-d` each
/// window keeps its active pane, or the pane that took its place when it left the window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let dst = ctx.target()?;
    let marked = target::marked(state).filter(|_| !args.has('U') && !args.has('D'));
    let src = match ctx.source().or(marked) {
        Some(s) => s,
        None => {
            let w = state
                .window(dst.session, dst.window)
                .ok_or("no such window")?;
            let panes = w.panes();
            let pos = w.pane_position(dst.pane).unwrap_or(0);
            let n = panes.len();
            let other = if args.has('D') {
                (pos + 1) % n
            } else {
                (pos + n - 1) % n
            };
            target::Found {
                pane: panes[other],
                ..dst
            }
        }
    };
    if src.pane == dst.pane {
        return Ok(Outcome::Done);
    }
    if (src.session, src.window) != (dst.session, dst.window) {
        return swap_between(state, src, dst, args);
    }
    let w = state
        .window_mut(dst.session, dst.window)
        .ok_or("no such window")?;
    w.layout.swap(src.pane, dst.pane);
    w.zoomed &= args.has('Z');
    if !args.has('d') {
        w.select_pane(dst.pane);
    }
    ops::sync_window(state, dst.session, dst.window);
    Ok(Outcome::Done)
}

/// Swaps two panes of different windows: each takes the other's place, size and window.
fn swap_between(
    state: &mut State,
    src: target::Found,
    dst: target::Found,
    args: &Args,
) -> Result<Outcome, String> {
    let sides = [(src, dst.pane), (dst, src.pane)];
    for (here, _) in sides {
        state
            .window(here.session, here.window)
            .ok_or("no such window")?;
    }
    for (here, incoming) in sides {
        let Some(w) = state.window_mut(here.session, here.window) else {
            continue;
        };
        let was_active = w.active == here.pane;
        w.layout.replace(here.pane, incoming);
        w.pane_removed(here.pane);
        if !args.has('d') || was_active {
            w.select_pane(incoming);
        }
        w.zoomed &= args.has('Z');
        set_place(state, incoming, here);
    }
    ops::sync_window(state, src.session, src.window);
    ops::sync_window(state, dst.session, dst.window);
    Ok(Outcome::Done)
}

/// Records that a pane now belongs to the session and window of `place`.
fn set_place(state: &mut State, pane: PaneId, place: target::Found) {
    if let Some(p) = state.panes.get_mut(&pane) {
        p.session = place.session;
        p.window = place.window;
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session whose window has panes %0 (left, 40x24), %1 (top right, 39x12) and
    /// %2 (bottom right, 39x11), with %0 active.
    fn three_panes() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window -v");
        h.ok("select-pane -t %0");
        h
    }

    /// Returns a window's panes in index order as `%id:WxH`, `*` marking the active one.
    fn panes(h: &mut Harness, target: &str) -> Vec<String> {
        let out = h.ok(&format!(
            "list-panes -t {target} -F '#{{pane_id}}:#{{pane_width}}x#{{pane_height}}#{{?pane_active,*,}}'"
        ));
        out.lines().map(String::from).collect()
    }

    /// Returns the size a pane's PTY was last given.
    fn pty(h: &Harness, pane: u32) -> Option<(u16, u16)> {
        h.fake.pane(PaneId(pane)).size.map(|s| (s.cols, s.rows))
    }

    #[test]
    fn two_panes_change_places_and_the_target_becomes_active() {
        let mut h = three_panes();
        h.ok("swap-pane -s %0 -t %2");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%2:40x24*", "%1:39x12", "%0:39x11"]
        );
        assert_eq!(pty(&h, 2), Some((40, 24)));
        assert_eq!(pty(&h, 0), Some((39, 11)));
    }

    #[test]
    fn up_and_down_move_the_active_pane_and_keep_it_active() {
        // tmux 3.3a: `swap-pane -U` with the first pane active moves it to the end.
        let mut h = three_panes();
        h.ok("swap-pane -U");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%2:40x24", "%1:39x12", "%0:39x11*"]
        );
        h.ok("swap-pane -U");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%2:40x24", "%0:39x12*", "%1:39x11"]
        );
        h.ok("swap-pane -D");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%2:40x24", "%1:39x12", "%0:39x11*"]
        );
        // The target of -D need not be the active pane; it becomes active.
        h.ok("swap-pane -D -t %2");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%1:40x24", "%2:39x12*", "%0:39x11"]
        );
    }

    #[test]
    fn detached_keeps_the_active_pane() {
        let mut h = three_panes();
        h.ok("swap-pane -d -s %0 -t %1");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%1:40x24", "%0:39x12*", "%2:39x11"]
        );
    }

    #[test]
    fn swapping_unzooms_the_window_unless_asked_to_keep_the_zoom() {
        let mut h = three_panes();
        h.ok("resize-pane -Z");
        h.ok("swap-pane -s %0 -t %1");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
        h.ok("resize-pane -Z");
        h.ok("swap-pane -Z -s %1 -t %0");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "1\n");
        assert_eq!(panes(&mut h, "work:0")[0], "%0:80x24*");
    }

    #[test]
    fn panes_of_two_windows_change_windows() {
        // tmux 3.3a: `swapp -s %1 -t %3` between two windows makes %3 active in the first
        // window and %1 active in the second; the current window stays.
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("new-window");
        h.ok("split-window -v");
        h.ok("select-pane -t %0");
        h.ok("select-pane -t %2");
        h.ok("select-window -t 0");
        h.ok("swap-pane -s %1 -t %2");
        assert_eq!(panes(&mut h, "work:0"), ["%0:40x24", "%2:39x24*"]);
        assert_eq!(panes(&mut h, "work:1"), ["%1:80x12*", "%3:80x11"]);
        assert_eq!(h.ok("display -p -t %1 '#{window_index}'"), "1\n");
        assert_eq!(h.ok("display -p '#{window_index}'"), "0\n");
        assert_eq!(pty(&h, 1), Some((80, 12)));
        assert_eq!(pty(&h, 2), Some((39, 24)));
        // With -d the window whose active pane left shows the pane that came in its place.
        h.ok("swap-pane -d -s %2 -t %3");
        assert_eq!(panes(&mut h, "work:0"), ["%0:40x24", "%3:39x24*"]);
        assert_eq!(panes(&mut h, "work:1"), ["%1:80x12*", "%2:80x11"]);
    }

    #[test]
    fn a_missing_pane_is_an_error() {
        let mut h = three_panes();
        assert_eq!(h.err("swap-pane -s %9 -t %0"), "can't find pane: %9");
        assert_eq!(h.err("swap-pane -t %9"), "can't find pane: %9");
        assert_eq!(
            panes(&mut h, "work:0"),
            ["%0:40x24*", "%1:39x12", "%2:39x11"]
        );
    }
}
