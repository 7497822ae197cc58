//! Tests of the structural operations, on the harness's state: set up with commands, changed
//! with the operations themselves, and looked at as a user would.

use mux_protocol::ServerMsg;

use super::*;
use crate::model::layout::Split;
use crate::testing::Harness;

/// Returns a split spec for `dir`, with the default size, after the target and selected.
fn split(dir: Split) -> SplitSpec {
    SplitSpec {
        dir,
        size: None,
        before: false,
        detached: false,
    }
}

/// Returns the id of the session named `name`.
fn sid(h: &Harness, name: &str) -> SessionId {
    h.state
        .sessions
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no session {name}"))
}

/// Returns the id of the window at `index` of session `name`.
fn wid(h: &Harness, name: &str, index: u32) -> WindowId {
    let s = h.state.session(sid(h, name)).expect("session");
    s.window_at(index).map(|w| w.id).expect("window")
}

/// Returns the size a pane's PTY was last given.
fn pty(h: &Harness, pane: u32) -> Option<(u16, u16)> {
    h.fake.pane(PaneId(pane)).size.map(|s| (s.cols, s.rows))
}

#[test]
fn a_new_window_takes_the_first_free_index_and_the_sessions_size() {
    let mut h = Harness::new();
    h.ok("new-session -d -s work -x 100 -y 30");
    let s = sid(&h, "work");
    let w = new_window(&mut h.state, s, None, None, &Launch::default(), true).unwrap();
    assert_eq!(h.state.window(s, w).map(|w| w.index), Some(1));
    assert_eq!(pty(&h, 1), Some((100, 30)));
    // Detached: the first window stays current.
    assert_eq!(h.window_list("work"), ["0 sh *", "1 sh"]);
    let taken = new_window(&mut h.state, s, Some(1), None, &Launch::default(), false);
    assert_eq!(taken.unwrap_err(), "create window failed: index 1 in use");
    assert!(h.fake.pane(PaneId(2)).spawned.is_empty());
}

#[test]
fn a_window_is_named_after_its_command_unless_named() {
    let mut h = Harness::with_session();
    let s = sid(&h, "work");
    let command = vec!["/usr/bin/top -d 1".to_string()];
    let launch = Launch {
        command: &command,
        ..Launch::default()
    };
    new_window(&mut h.state, s, None, None, &launch, true).unwrap();
    new_window(&mut h.state, s, None, Some("mine".into()), &launch, true).unwrap();
    assert_eq!(h.window_list("work"), ["0 sh *", "1 top", "2 mine"]);
    assert_eq!(h.ok("showw -v -t 2 automatic-rename"), "off\n");
}

#[test]
fn a_split_that_does_not_fit_starts_no_program() {
    let mut h = Harness::new();
    h.ok("new-session -d -s work -x 2 -y 2");
    let (s, w) = (sid(&h, "work"), wid(&h, "work", 0));
    let refused = split_pane(
        &mut h.state,
        s,
        w,
        PaneId(0),
        &split(Split::Vertical),
        &Launch::default(),
    );
    assert_eq!(refused.unwrap_err(), "no space for new pane");
    assert_eq!(h.panes(), [PaneId(0)]);
    assert!(h.fake.pane(PaneId(1)).spawned.is_empty());
}

#[test]
fn a_split_resizes_the_old_pane_and_ends_zoom_and_preset() {
    let mut h = Harness::with_session();
    h.ok("split-window -h");
    h.ok("select-layout even-horizontal");
    h.ok("resize-pane -Z");
    let (s, w) = (sid(&h, "work"), wid(&h, "work", 0));
    let new = split_pane(
        &mut h.state,
        s,
        w,
        PaneId(0),
        &split(Split::Vertical),
        &Launch::default(),
    )
    .unwrap();
    assert_eq!(new, PaneId(2));
    let window = h.state.window(s, w).unwrap();
    assert!(!window.zoomed);
    assert_eq!(window.preset, None);
    assert_eq!(window.active, PaneId(2));
    assert_eq!(pty(&h, 0), Some((39, 12)));
    assert_eq!(pty(&h, 2), Some((39, 11)));
    assert_eq!(pty(&h, 1), Some((40, 24)));
}

#[test]
fn killing_a_pane_hangs_it_up_and_gives_its_space_to_a_neighbour() {
    let mut h = Harness::with_session();
    h.ok("split-window -h");
    h.ok("split-window -v");
    h.ok("select-pane -t %1");
    h.ok("select-pane -t %2");
    kill_pane(&mut h.state, PaneId(2));
    assert!(h.fake.pane(PaneId(2)).hung_up);
    assert_eq!(h.panes(), [PaneId(0), PaneId(1)]);
    assert_eq!(pty(&h, 1), Some((39, 24)));
    // The pane active before it becomes active again.
    assert_eq!(h.ok("display -p '#{pane_id}'"), "%1\n");
    // Killing a pane that is gone does nothing.
    kill_pane(&mut h.state, PaneId(2));
    assert_eq!(h.panes(), [PaneId(0), PaneId(1)]);
}

#[test]
fn killing_the_last_pane_of_a_window_kills_the_window() {
    let mut h = Harness::with_session();
    h.ok("new-window");
    kill_pane(&mut h.state, PaneId(1));
    assert_eq!(h.window_list("work"), ["0 sh *"]);
    assert!(h.fake.pane(PaneId(1)).hung_up);
}

#[test]
fn killing_a_window_hangs_up_its_panes_and_renumbers_when_asked() {
    let mut h = Harness::with_session();
    h.ok("new-window -d");
    h.ok("split-window -t 1");
    h.ok("new-window -d");
    let (s, w) = (sid(&h, "work"), wid(&h, "work", 1));
    kill_window(&mut h.state, s, w);
    assert!(h.fake.pane(PaneId(1)).hung_up && h.fake.pane(PaneId(2)).hung_up);
    assert!(!h.fake.pane(PaneId(0)).hung_up);
    assert_eq!(h.window_list("work"), ["0 sh *", "2 sh"]);
    h.ok("set renumber-windows on");
    h.ok("new-window -d -t 5");
    let (s, w) = (sid(&h, "work"), wid(&h, "work", 2));
    kill_window(&mut h.state, s, w);
    assert_eq!(h.window_list("work"), ["0 sh *", "1 sh"]);
}

#[test]
fn killing_the_last_window_ends_the_session_and_detaches_its_clients() {
    let mut h = Harness::with_session();
    h.ok("new-session -d -s other");
    let c = h.attach("attach -t work", 80, 24);
    h.take_messages(c);
    let (s, w) = (sid(&h, "work"), wid(&h, "work", 0));
    kill_window(&mut h.state, s, w);
    h.settle();
    let detached = h.take_messages(c).into_iter().any(
        |m| matches!(m, ServerMsg::Detach { ref message, status: 0 } if message == "[exited]"),
    );
    assert!(detached);
    assert!(h
        .err("has-session -t work")
        .starts_with("can't find session"));
    assert_eq!(h.state.exit, None);
}

#[test]
fn breaking_a_pane_moves_it_to_a_new_window_of_the_sessions_size() {
    let mut h = Harness::with_session();
    h.ok("split-window -h");
    h.set_foreground(PaneId(1), "vim");
    let s = sid(&h, "work");
    let new = break_pane(&mut h.state, PaneId(1), s, None, None, false).unwrap();
    assert_eq!(h.window_list("work"), ["0 sh -", "1 vim *"]);
    assert_eq!(h.state.panes[&PaneId(1)].window, new);
    assert_eq!(pty(&h, 1), Some((80, 24)));
    assert_eq!(pty(&h, 0), Some((80, 24)));
    assert!(!h.fake.pane(PaneId(1)).hung_up);
    // A window's only pane cannot be broken out into the same session.
    let only = break_pane(&mut h.state, PaneId(1), s, None, None, false);
    assert_eq!(only.unwrap_err(), "can't break with only one pane");
    h.ok("split-window -t work:0");
    let taken = break_pane(&mut h.state, PaneId(0), s, Some(1), None, false);
    assert_eq!(taken.unwrap_err(), "index 1 in use");
}

#[test]
fn breaking_a_windows_only_pane_into_another_session_closes_the_window() {
    let mut h = Harness::with_session();
    h.ok("new-session -d -s other -x 100 -y 30");
    h.ok("new-window -d -t work -n lone");
    let other = sid(&h, "other");
    break_pane(
        &mut h.state,
        PaneId(2),
        other,
        Some(4),
        Some("moved".into()),
        true,
    )
    .unwrap();
    assert_eq!(h.window_list("work"), ["0 sh *"]);
    assert_eq!(h.window_list("other"), ["0 sh *", "4 moved"]);
    assert_eq!(pty(&h, 2), Some((100, 30)));
    assert_eq!(h.ok("display -p -t %2 '#{session_name}'"), "other\n");
}

#[test]
fn joining_moves_a_pane_into_the_target_window_and_closes_an_empty_one() {
    let mut h = Harness::with_session();
    h.ok("new-window -d -n source");
    join_pane(
        &mut h.state,
        PaneId(1),
        PaneId(0),
        &split(Split::Horizontal),
    )
    .unwrap();
    assert_eq!(h.window_list("work"), ["0 sh *"]);
    assert_eq!(h.pane_sizes("work:0"), ["0 40x24", "1 39x24*"]);
    assert_eq!(pty(&h, 1), Some((39, 24)));
    assert_eq!(
        join_pane(&mut h.state, PaneId(1), PaneId(1), &split(Split::Vertical)).unwrap_err(),
        "source and target panes must be different"
    );
}

#[test]
fn a_window_closed_by_moving_its_only_pane_away_renumbers_when_asked() {
    // tmux 3.3a: with renumber-windows on, joining window 1's pane into window 0 leaves
    // windows 0 and 1.
    let mut h = Harness::with_session();
    h.ok("set renumber-windows on");
    h.ok("new-window -d");
    h.ok("new-window -d");
    join_pane(&mut h.state, PaneId(1), PaneId(0), &split(Split::Vertical)).unwrap();
    assert_eq!(h.window_list("work"), ["0 sh *", "1 sh"]);
}

#[test]
fn a_pane_broken_out_under_a_name_keeps_it() {
    let mut h = Harness::with_session();
    h.ok("split-window");
    let s = sid(&h, "work");
    break_pane(&mut h.state, PaneId(1), s, None, Some("named".into()), true).unwrap();
    assert_eq!(h.ok("showw -v -t 1 automatic-rename"), "off\n");
    h.set_foreground(PaneId(1), "vim");
    h.output(PaneId(1), "x");
    h.pass_time(std::time::Duration::from_secs(1));
    assert_eq!(h.window_list("work"), ["0 sh *", "1 named"]);
}

#[test]
fn joining_within_a_window_moves_the_pane_to_its_new_place() {
    // tmux 3.3a gives the same places, and the same active pane for `join-pane -d`.
    let mut h = Harness::with_session();
    h.ok("split-window -h");
    h.ok("split-window -v");
    let detached = SplitSpec {
        detached: true,
        ..split(Split::Vertical)
    };
    join_pane(&mut h.state, PaneId(2), PaneId(0), &detached).unwrap();
    assert_eq!(
        h.ok("list-panes -F '#{pane_id}:#{pane_width}x#{pane_height}#{?pane_active,*,}'"),
        "%0:40x12\n%2:40x11\n%1:39x24*\n"
    );
}

#[test]
fn a_join_that_does_not_fit_leaves_the_source_where_it_was() {
    let mut h = Harness::new();
    h.ok("new-session -d -s tiny -x 10 -y 2");
    h.ok("new-window -d");
    let refused = join_pane(&mut h.state, PaneId(1), PaneId(0), &split(Split::Vertical));
    assert_eq!(refused.unwrap_err(), "no space for new pane");
    assert_eq!(h.window_list("tiny"), ["0 sh *", "1 sh"]);
}

#[test]
fn respawning_keeps_the_pane_and_hangs_up_the_old_program() {
    let mut h = Harness::with_session();
    h.ok("split-window");
    let old = h.state.panes[&PaneId(1)].program;
    respawn_pane(&mut h.state, PaneId(1), &Launch::default()).unwrap();
    let pane = &h.state.panes[&PaneId(1)];
    assert_ne!(pane.program, old);
    assert_eq!(pane.exit_status, None);
    assert!(h.fake.pane(PaneId(1)).hung_up);
    assert_eq!(h.fake.pane(PaneId(1)).spawned.len(), 2);
    assert_eq!(pty(&h, 1), Some((80, 11)));
    assert_eq!(
        respawn_pane(&mut h.state, PaneId(7), &Launch::default()).unwrap_err(),
        "no such pane"
    );
}

#[test]
fn renumbering_happens_only_when_the_option_is_on() {
    let mut h = Harness::with_session();
    h.ok("new-window -d -t 3");
    h.ok("new-window -d -t 7");
    let s = sid(&h, "work");
    renumber_if_asked(&mut h.state, s);
    assert_eq!(h.window_list("work"), ["0 sh *", "3 sh", "7 sh"]);
    h.ok("set renumber-windows on");
    h.ok("set base-index 1");
    renumber_if_asked(&mut h.state, s);
    assert_eq!(h.window_list("work"), ["1 sh *", "2 sh", "3 sh"]);
}

#[test]
fn the_short_host_name_stops_at_the_first_dot() {
    assert_eq!(short_hostname("testhost.example"), "testhost");
    assert_eq!(short_hostname("plain"), "plain");
    assert_eq!(short_hostname(""), "");
}
