//! `select-pane` (`selectp`): make a pane active, by target, by direction (`-L -R -U -D`) or
//! the last one (`-l`); `-T` sets its title; `-m` marks it (or clears the mark it has) and
//! `-M` clears the mark.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::layout::Direction;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "select-pane",
    alias: Some("selectp"),
    flags: "DdegLlMmP:RT:t:UZ",
    usage: "[-DdegLlMmRUZ] [-P value] [-T title] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs select-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if args.has('m') || args.has('M') {
        let was = state.marked_pane();
        state.marked = match args.has('m') && was != Some(found.pane) {
            true => Some(found.pane),
            false => None,
        };
        for sid in [
            Some(found.session),
            was.and_then(|p| state.panes.get(&p).map(|p| p.session)),
        ]
        .into_iter()
        .flatten()
        {
            state.mark_session_dirty(sid);
        }
        return Ok(Outcome::Done);
    }
    if let Some(title) = args.value('T') {
        if let Some(p) = state.panes.get_mut(&found.pane) {
            p.term.process(format!("\x1b]2;{title}\x07").as_bytes());
        }
        state.mark_session_dirty(found.session);
        return Ok(Outcome::Done);
    }
    let direction = [
        ('L', Direction::Left),
        ('R', Direction::Right),
        ('U', Direction::Up),
        ('D', Direction::Down),
    ]
    .into_iter()
    .find(|(c, _)| args.has(*c))
    .map(|(_, d)| d);
    let window = state
        .window(found.session, found.window)
        .ok_or("no such window")?;
    let pane = if args.has('l') {
        window.last_pane.ok_or("no last pane")?
    } else if let Some(d) = direction {
        match window
            .layout
            .neighbour(found.pane, d, &|p| window.recency(p))
        {
            Some(p) => p,
            None => return Ok(Outcome::Done),
        }
    } else {
        found.pane
    };
    select(state, found.session, found.window, pane, args.has('Z'));
    Ok(Outcome::Done)
}

/// Makes `pane` the active pane of its window; unzooms unless `keep_zoom`.
pub fn select(
    state: &mut State,
    sid: crate::ids::SessionId,
    wid: crate::ids::WindowId,
    pane: crate::ids::PaneId,
    keep_zoom: bool,
) {
    let mut resync = false;
    if let Some(w) = state.window_mut(sid, wid) {
        if w.zoomed && pane != w.active {
            // Unzoomed, or zoomed on another pane: either way the panes change size.
            w.zoomed = keep_zoom;
            resync = true;
        }
        w.select_pane(pane);
    }
    // As tmux, the pane becomes its window's active pane; which window the session shows
    // does not change.
    if resync {
        crate::model::ops::sync_window(state, sid, wid);
    }
    state.mark_session_dirty(sid);
}

#[cfg(test)]
mod tests {
    #[test]
    fn m_marks_a_pane_that_join_pane_swap_pane_and_targets_then_use() {
        let mut h = crate::testing::Harness::with_session();
        h.ok("split-window");
        h.ok("new-window");
        h.ok("select-pane -m -t :0.0");
        assert_eq!(
            h.ok("display -p '#{pane_marked_set}#{pane_marked}'"),
            "10\n"
        );
        assert_eq!(
            h.ok("display -p -t '{marked}' '#{pane_id}#{pane_marked}'"),
            "%01\n"
        );
        assert_eq!(
            h.ok("list-windows -F '#{window_index}#{window_flags}#{window_marked_flag}'"),
            "0-M1\n1*0\n"
        );
        // join-pane takes the marked pane when no -s is given.
        h.ok("join-pane");
        assert_eq!(h.ok("list-panes -F '#{pane_id}'"), "%2\n%0\n");
        h.ok("select-pane -m -t %0");
        assert_eq!(
            h.ok("display -p '#{pane_marked_set}'"),
            "0\n",
            "-m again clears it"
        );
        h.ok("select-pane -m -t %1");
        h.ok("select-pane -M");
        assert_eq!(h.ok("display -p '#{pane_marked_set}'"), "0\n");
        assert_eq!(h.err("display -p -t '{marked}' x"), "no marked target");
    }

    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session whose window has %0 (left), %1 (top right) and %2 (bottom right),
    /// with %0 active and %2 the pane active before it.
    fn three_panes() -> Harness {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window -v");
        h.ok("select-pane -t 0");
        h
    }

    /// Returns the active pane's index.
    fn active(h: &mut Harness) -> String {
        h.ok("display -p '#{pane_index}'").trim_end().to_string()
    }

    #[test]
    fn a_target_becomes_active_and_the_old_pane_last() {
        let mut h = three_panes();
        assert_eq!(
            h.ok("list-panes -F '#{pane_index}:#{pane_active}#{pane_last}'"),
            "0:10\n1:00\n2:01\n"
        );
        h.ok("selectp -t %1");
        assert_eq!(active(&mut h), "1");
        assert_eq!(h.ok("display -p -t %0 '#{pane_last}'"), "1\n");
    }

    #[test]
    fn directions_move_to_the_neighbour_most_recently_active_and_wrap() {
        // tmux 3.3a goes through the same panes for the same keys.
        let mut h = three_panes();
        let mut seen = Vec::new();
        for flag in ["R", "D", "U", "L", "L"] {
            h.ok(&format!("select-pane -{flag}"));
            seen.push(active(&mut h));
        }
        assert_eq!(seen, ["2", "1", "2", "0", "2"]);
    }

    #[test]
    fn last_goes_back_to_the_previous_pane() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("select-pane -l"), "no last pane");
        h.ok("split-window");
        h.ok("select-pane -l");
        assert_eq!(active(&mut h), "0");
        h.ok("select-pane -l");
        assert_eq!(active(&mut h), "1");
    }

    #[test]
    fn title_sets_the_panes_title_without_selecting_it() {
        let mut h = three_panes();
        assert_eq!(h.ok("display -p -t 1 '#{pane_title}'"), "testhost\n");
        h.ok("select-pane -t 1 -T 'my title'");
        assert_eq!(h.ok("display -p -t 1 '#{pane_title}'"), "my title\n");
        assert_eq!(active(&mut h), "0");
    }

    #[test]
    fn selecting_another_pane_unzooms_unless_asked_to_keep_the_zoom() {
        let mut h = three_panes();
        h.ok("resize-pane -Z");
        h.ok("select-pane -t 1");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
        h.ok("resize-pane -Z");
        h.ok("select-pane -Z -t 2");
        assert_eq!(
            h.ok("display -p '#{window_zoomed_flag} #{pane_index}'"),
            "1 2\n"
        );
        // The newly zoomed pane's program gets the whole window, the other its place back.
        let size = |h: &Harness, p: u32| h.fake.pane(PaneId(p)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size(&h, 2), Some((80, 24)));
        assert_eq!(size(&h, 1), Some((39, 12)));
    }

    #[test]
    fn typing_goes_to_the_pane_selected_with_the_keys() {
        let mut h = three_panes();
        let c = h.attach("attach -t work", 80, 25);
        h.keys(c, "C-b Right");
        h.type_text(c, "x");
        assert_eq!(h.take_bytes(PaneId(2)), b"x");
        h.keys(c, "C-b o");
        h.type_text(c, "y");
        assert_eq!(h.take_bytes(PaneId(0)), b"y");
    }

    #[test]
    fn a_missing_pane_is_an_error() {
        let mut h = three_panes();
        assert_eq!(h.err("select-pane -t 9"), "can't find pane: 9");
        assert_eq!(active(&mut h), "0");
    }
}
