//! `join-pane` (`joinp`): move a pane (`-s`) into another pane's window by splitting that
//! pane (`-t`), side by side with `-h`.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops::{self};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "join-pane",
    alias: Some("joinp"),
    flags: "bdfhvl:p:s:t:",
    usage: "[-bdfhv] [-l size] [-p percentage] [-s src-pane] [-t dst-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::Pane,
    exec,
};

/// Runs join-pane: `-s` is the pane to move (the current one by default), `-t` the pane to
/// split for it.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = ctx.source_or_marked(state)?;
    let dst = ctx.target()?;
    let split = super::split_window::split_spec(args)?;
    ops::join_pane(state, src.pane, dst.pane, &split)?;
    if !args.has('d') {
        if let Some(s) = state.session_mut(dst.session) {
            s.select(dst.window);
        }
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// The panes of window 0 of `work` as `id:active:WxH:left,top`, one per line.
    fn layout(h: &mut Harness) -> String {
        h.ok("list-panes -t work:0 -F '#{pane_id}:#{pane_active}:#{pane_width}x#{pane_height}:#{pane_left},#{pane_top}'")
    }

    #[test]
    fn join_pane_moves_a_pane_below_the_target_and_makes_it_active() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        assert_eq!(h.ok("join-pane -s :1 -t :0"), "");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}:#{window_panes}:#{window_flags}'"),
            "0:2:*\n",
            "the emptied window goes"
        );
        assert_eq!(layout(&mut h), "%0:0:80x12:0,0\n%1:1:80x11:0,13\n");
        assert_eq!(
            h.fake.pane(PaneId(1)).size.map(|s| (s.cols, s.rows)),
            Some((80, 11))
        );
        assert!(!h.fake.pane(PaneId(1)).hung_up);
    }

    #[test]
    fn join_pane_h_b_and_l_put_it_left_of_the_target_with_that_width() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("joinp -h -b -l 20 -s :1 -t %0");
        assert_eq!(layout(&mut h), "%1:1:20x24:0,0\n%0:0:59x24:21,0\n");
    }

    #[test]
    fn join_pane_d_keeps_the_active_pane_and_the_current_window() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("new-window");
        h.ok("join-pane -d -s :2 -t work:0");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}:#{window_panes}:#{window_flags}'"),
            "0:2:-\n1:1:*\n"
        );
        assert_eq!(h.ok("display-message -p -t work:0 '#{pane_id}'"), "%0\n");
    }

    #[test]
    fn join_pane_without_s_moves_the_current_pane_and_follows_it() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("join-pane -t %0");
        assert_eq!(
            h.ok("display-message -p '#{window_index} #{pane_id} #{window_panes}'"),
            "0 %1 2\n"
        );
    }

    #[test]
    fn join_pane_of_the_last_pane_of_a_session_ends_that_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.ok("join-pane -s other:0 -t work:0.0");
        assert_eq!(h.ok("list-sessions -F '#S'"), "work\n");
        assert_eq!(layout(&mut h), "%0:0:80x12:0,0\n%1:1:80x11:0,13\n");
    }

    #[test]
    fn join_pane_fails_for_the_same_pane_or_a_missing_one() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        assert_eq!(
            h.err("join-pane -s %0 -t %0"),
            "source and target panes must be different"
        );
        assert_eq!(h.err("join-pane -s %0 -t %9"), "can't find pane: %9");
        assert_eq!(h.err("join-pane -s %9 -t %0"), "can't find pane: %9");
        assert_eq!(layout(&mut h), "%0:0:80x12:0,0\n%1:1:80x11:0,13\n");
    }
}
