//! `break-pane` (`breakp`): move a pane into a window of its own; a pane alone in its window
//! moves with its window, as in tmux 3.3a.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::ops;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "break-pane",
    alias: Some("breakp"),
    flags: "abdPF:n:s:t:",
    usage: "[-abdP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]",
    args: (0, 0),
    target: Target::None,
    source: Target::Pane,
    exec,
};

/// Runs break-pane: `-s` the pane, `-t` the session or `session:index` it goes to. As in
/// tmux, a pane alone in its window takes its window along (and `-P` prints nothing then).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let src = ctx.source_or_current(state)?;
    let (dst, index) = match args.value('t') {
        Some(t) => {
            let (s, w) = t.split_once(':').unwrap_or((t, ""));
            let sid = target::session_or_current(state, ctx.client, (!s.is_empty()).then_some(s))?;
            (sid, w.parse::<u32>().ok())
        }
        None => (src.session, None),
    };
    let alone = state
        .window(src.session, src.window)
        .is_some_and(|w| w.layout.len() == 1);
    if alone {
        super::move_window::move_to(state, src, dst, index, false, args.has('d'))?;
        if let Some(name) = args.value('n') {
            if let Some(w) = state.window_mut(dst, src.window) {
                w.name = name.to_string();
            }
            crate::model::ops::automatic_rename_off(state, src.window);
            state.mark_session_dirty(dst);
        }
        return Ok(Outcome::Done);
    }
    if let Some(i) = index {
        if state.session(dst).and_then(|s| s.window_at(i)).is_some() {
            return Err(format!("index in use: {i}"));
        }
    }
    let name = args.value('n').map(String::from);
    let wid = ops::break_pane(state, src.pane, dst, index, name, args.has('d'))?;
    ctx.made = Some(target::Found {
        session: dst,
        window: wid,
        pane: src.pane,
    });
    if args.has('P') {
        let fmt = args
            .value('F')
            .unwrap_or("#{session_name}:#{window_index}.#{pane_index}");
        let f = target::Found {
            session: dst,
            window: wid,
            pane: src.pane,
        };
        ctx.out.push_str(&super::print_format(state, ctx, f, fmt));
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Makes the fake OS say pane `id` runs `command` in its foreground.
    fn runs(h: &mut Harness, id: u32, command: &str) {
        h.fake.log().panes.entry(PaneId(id)).or_default().command = Some(command.into());
    }

    /// The windows of every session as `session:index:name:flags:panes`, one per line.
    fn windows(h: &mut Harness) -> String {
        h.ok("list-windows -a -F '#{session_name}:#{window_index}:#{window_name}:#{window_flags}:#{window_panes}'")
    }

    #[test]
    fn break_pane_moves_the_active_pane_to_a_new_current_window() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        runs(&mut h, 1, "vim");
        assert_eq!(h.ok("break-pane"), "");
        assert_eq!(windows(&mut h), "work:0:sh:-:1\nwork:1:vim:*:1\n");
        assert_eq!(
            h.ok("display-message -p '#{pane_id} #{pane_width}x#{pane_height}'"),
            "%1 80x24\n"
        );
        assert_eq!(h.ok("display-message -p -t :0 '#{pane_width}'"), "80\n");
        assert!(!h.fake.pane(PaneId(1)).hung_up, "the program keeps running");
    }

    #[test]
    fn break_pane_d_n_and_p_keep_the_current_window_name_the_new_one_and_print_it() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        assert_eq!(h.ok("breakp -d -n named -P"), "work:1.0\n");
        assert_eq!(windows(&mut h), "work:0:sh:*:1\nwork:1:named::1\n");
        h.ok("split-window");
        assert_eq!(
            h.ok("break-pane -d -P -F '#{window_id} #{pane_id}'"),
            "@2 %2\n"
        );
    }

    #[test]
    fn break_pane_s_and_t_choose_the_pane_and_where_its_window_goes() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window");
        h.ok("new-session -d -s other");
        runs(&mut h, 0, "top");
        runs(&mut h, 1, "less");
        h.ok("break-pane -s %0 -t work:5");
        h.ok("break-pane -s %1 -t other");
        assert_eq!(
            windows(&mut h),
            "work:0:sh:-:1\nwork:5:top:*:1\nother:0:sh:-:1\nother:1:less:*:1\n"
        );
        assert_eq!(h.ok("display-message -p -t work:0 '#{pane_id}'"), "%2\n");
        assert_eq!(h.ok("display-message -p -t other:1 '#{pane_id}'"), "%1\n");
    }

    #[test]
    fn break_pane_redraws_an_attached_client_on_the_new_window() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 60, 10);
        h.ok("split-window -h");
        h.output(PaneId(1), "broken out");
        runs(&mut h, 1, "htop");
        h.keys(c, "C-b !");
        assert_eq!(h.screen(c)[0], "broken out");
        let status = h.status_line(c);
        assert!(status.starts_with("[work] 0:sh- 1:htop*"), "{status:?}");
    }

    #[test]
    fn break_pane_fails_for_a_missing_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        assert_eq!(h.err("break-pane -s %9"), "can't find pane: %9");
        assert_eq!(
            h.err("break-pane -t nosuch:1"),
            "can't find session: nosuch"
        );
        assert_eq!(windows(&mut h), "work:0:sh:*:2\n");
    }

    #[test]
    fn break_pane_of_a_pane_alone_moves_its_window_to_the_first_free_index() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("new-window");
        h.ok("select-window -t :0");
        assert_eq!(h.ok("break-pane -P"), "");
        assert_eq!(
            windows(&mut h),
            "work:1:sh::1\nwork:2:sh:-:1\nwork:3:sh:*:1\n"
        );
        assert_eq!(h.ok("display-message -p '#{pane_id}'"), "%0\n");
        assert!(!h.fake.pane(PaneId(0)).hung_up);
    }

    #[test]
    fn break_pane_of_a_pane_alone_takes_t_d_and_n() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("new-session -d -s other");
        h.ok("break-pane -d -s work:0 -t work:4 -n moved");
        assert_eq!(
            windows(&mut h),
            "work:1:sh:*:1\nwork:4:moved::1\nother:0:sh:*:1\n"
        );
        h.ok("break-pane -s work:4 -t other:2");
        assert_eq!(
            windows(&mut h),
            "work:1:sh:*:1\nother:0:sh:-:1\nother:2:moved:*:1\n"
        );
        assert_eq!(h.err("break-pane -s work:1 -t work:1"), "same index: 1");
    }

    #[test]
    fn break_pane_t_to_an_index_in_use_fails_as_in_tmux() {
        let mut h = Harness::with_session();
        h.ok("new-window");
        h.ok("split-window");
        assert_eq!(h.err("break-pane -t :0"), "index in use: 0");
        assert_eq!(windows(&mut h), "work:0:sh:-:1\nwork:1:sh:*:2\n");
    }
}
