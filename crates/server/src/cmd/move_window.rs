//! `move-window` (`movew`): give a window another index, possibly in another session
//! (`-r` renumbers the session's windows instead).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "move-window",
    alias: Some("movew"),
    flags: "abdkrs:t:",
    usage: "[-abdkr] [-s src-window] [-t dst-window]",
    args: (0, 0),
    target: Target::None,
    source: Target::Window,
    exec,
};

/// Runs move-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if args.has('r') {
        let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
        let base = state.options.session(sid, "base-index").as_index();
        if let Some(s) = state.session_mut(sid) {
            s.renumber(base);
        }
        state.mark_session_dirty(sid);
        return Ok(Outcome::Done);
    }
    let src = ctx.source_or_current(state)?;
    let t = args.value('t').unwrap_or("");
    let (s, w) = t.split_once(':').unwrap_or(if t.parse::<u32>().is_ok() {
        ("", t)
    } else {
        (t, "")
    });
    let dst = target::session_or_current(state, ctx.client, (!s.is_empty()).then_some(s))?;
    let index = match w.parse::<u32>() {
        Ok(i) => Some(i),
        Err(_) if w.is_empty() => None,
        Err(_) => return Err(format!("can't find window: {w}")),
    };
    move_to(state, src, dst, index, args.has('k'), args.has('d'))?;
    Ok(Outcome::Done)
}

/// Moves window `src` to `index` of session `dst`, or to its first free index from
/// base-index; `kill` kills a window in the way, `detached` leaves `dst`'s current window
/// current. A session left without windows ends.
pub fn move_to(
    state: &mut State,
    src: target::Found,
    dst: crate::ids::SessionId,
    index: Option<u32>,
    kill: bool,
    detached: bool,
) -> Result<(), String> {
    let base = state.options.session(dst, "base-index").as_index();
    let index = match index {
        Some(i) => i,
        None => state
            .session(dst)
            .map(|s| s.free_index(base))
            .unwrap_or(base),
    };
    let taken = state
        .session(dst)
        .and_then(|s| s.window_at(index))
        .map(|w| w.id);
    match taken {
        Some(id) if id == src.window => return Err(format!("same index: {index}")),
        Some(id) if kill => crate::model::ops::kill_window(state, dst, id),
        Some(_) => return Err(format!("index in use: {index}")),
        None => {}
    }
    let mut window = state
        .session_mut(src.session)
        .and_then(|s| s.remove(src.window))
        .ok_or("no such window")?;
    window.index = index;
    let panes = window.panes();
    let wid = window.id;
    let s = state.session_mut(dst).ok_or("no such session")?;
    s.insert(window);
    if !detached {
        s.select(wid);
    }
    for p in panes {
        if let Some(p) = state.panes.get_mut(&p) {
            p.session = dst;
        }
    }
    if state
        .session(src.session)
        .is_some_and(|s| s.windows.is_empty())
    {
        state.destroy_session(src.session, "[exited]");
    }
    crate::model::resize::apply_window_size(state, dst);
    state.mark_session_dirty(src.session);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Session `work` with windows 0 `sh`, 1 `one` and 2 `two` (current).
    fn three_windows() -> Harness {
        let mut h = Harness::with_session();
        h.ok("new-window -n one");
        h.ok("new-window -n two");
        h
    }

    /// The windows of every session as `session:index:name:flags`, one per line.
    fn windows(h: &mut Harness) -> String {
        h.ok("list-windows -a -F '#{session_name}:#{window_index}:#{window_name}:#{window_flags}'")
    }

    #[test]
    fn move_window_t_gives_the_current_window_another_index() {
        let mut h = three_windows();
        assert_eq!(h.ok("move-window -t 5"), "");
        assert_eq!(windows(&mut h), "work:0:sh:\nwork:1:one:-\nwork:5:two:*\n");
        assert!(!h.fake.pane(PaneId(2)).hung_up);
    }

    #[test]
    fn move_window_s_moves_another_window_and_makes_it_current() {
        let mut h = three_windows();
        h.ok("movew -s :0 -t :3");
        assert_eq!(windows(&mut h), "work:1:one:\nwork:2:two:-\nwork:3:sh:*\n");
    }

    #[test]
    fn move_window_d_leaves_the_current_window_current() {
        let mut h = three_windows();
        h.ok("move-window -d -s :0 -t :7");
        assert_eq!(windows(&mut h), "work:1:one:-\nwork:2:two:*\nwork:7:sh:\n");
    }

    #[test]
    fn move_window_k_kills_the_window_at_the_target_index() {
        let mut h = three_windows();
        h.ok("move-window -k -s :0 -t :1");
        assert_eq!(windows(&mut h), "work:1:sh:*\nwork:2:two:-\n");
        assert!(h.fake.pane(PaneId(1)).hung_up);
        assert!(!h.fake.pane(PaneId(0)).hung_up);
    }

    #[test]
    fn move_window_r_renumbers_the_sessions_windows_from_base_index() {
        let mut h = three_windows();
        h.ok("move-window -s :0 -t :4");
        h.ok("move-window -s :1 -t :9");
        assert_eq!(windows(&mut h), "work:2:two:\nwork:4:sh:-\nwork:9:one:*\n");
        h.ok("move-window -r");
        assert_eq!(windows(&mut h), "work:0:two:\nwork:1:sh:-\nwork:2:one:*\n");
        h.ok("set-option -g base-index 1");
        h.ok("move-window -r -t work");
        assert_eq!(windows(&mut h), "work:1:two:\nwork:2:sh:-\nwork:3:one:*\n");
    }

    #[test]
    fn move_window_to_another_session_takes_its_first_free_index() {
        let mut h = three_windows();
        h.ok("new-session -d -s other");
        h.ok("move-window -s work:1 -t other");
        assert_eq!(
            windows(&mut h),
            "work:0:sh:-\nwork:2:two:*\nother:0:sh:-\nother:1:one:*\n"
        );
        assert_eq!(
            h.ok("display-message -p -t %1 '#{session_name}:#{window_index}'"),
            "other:1\n"
        );
    }

    #[test]
    fn move_window_of_a_sessions_last_window_ends_that_session() {
        let mut h = three_windows();
        h.ok("new-session -d -s other");
        let c = h.attach("attach -t other", 80, 24);
        h.ok("move-window -s other:0 -t work:7");
        assert_eq!(h.ok("list-sessions -F '#S'"), "work\n");
        assert_eq!(h.detaches(c), [("[exited]".to_string(), 0)]);
        assert!(!h.fake.pane(PaneId(3)).hung_up, "the moved pane lives on");
    }

    #[test]
    fn move_window_fails_when_the_index_is_taken_or_the_window_is_missing() {
        let mut h = three_windows();
        assert_eq!(h.err("move-window -s :0 -t :1"), "index in use: 1");
        assert_eq!(h.err("move-window -s @9 -t :5"), "can't find window: @9");
        assert_eq!(
            h.err("move-window -t nosuch:1"),
            "can't find session: nosuch"
        );
        assert_eq!(windows(&mut h), "work:0:sh:\nwork:1:one:-\nwork:2:two:*\n");
    }

    #[test]
    fn move_window_to_its_own_index_fails_as_in_tmux() {
        let mut h = three_windows();
        assert_eq!(h.err("move-window -s :1 -t :1"), "same index: 1");
        assert_eq!(h.err("move-window -t 2"), "same index: 2");
        assert_eq!(windows(&mut h), "work:0:sh:\nwork:1:one:-\nwork:2:two:*\n");
    }

    #[test]
    fn move_window_to_an_index_that_is_not_a_number_names_it() {
        let mut h = three_windows();
        assert_eq!(h.err("move-window -t work:zz"), "can't find window: zz");
    }
}
