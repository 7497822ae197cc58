use std::time::Duration;

use crate::ids::PaneId;
use crate::io::event::Event;
use crate::testing::Harness;

#[test]
fn a_line_already_on_the_screen_matches_at_once() {
    let mut h = Harness::with_session();
    h.output(PaneId(0), "$ make\r\nall done\r\n$ ");
    assert_eq!(h.ok("wait-output 'done$'"), "all done\n");
    assert_eq!(h.ok("wait-output -F 'll d'"), "all done\n");
}

#[test]
fn the_panes_output_wakes_the_wait_and_nothing_else_does() {
    let mut h = Harness::with_session();
    let c = h.start("wait-output -t %0 '^4[0-9]$' ; display -p after");
    assert_eq!(h.reply_of(c).status, None);
    assert_eq!(h.state.next_timer(), None, "no timer: nothing polls");
    h.output(PaneId(0), ">>> 6*7\r\n");
    assert_eq!(h.reply_of(c).status, None);
    h.output(PaneId(0), "42\r\n>>> ");
    let reply = h.reply_of(c);
    assert_eq!(reply.stdout, "42\nafter\n");
    assert_eq!(reply.status, Some(0));
    assert!(h.state.waits.list.is_empty());
}

#[test]
fn a_fixed_string_is_not_a_pattern() {
    let mut h = Harness::with_session();
    let c = h.start("wait-output -F a.c");
    h.output(PaneId(0), "abc\r\n");
    assert_eq!(h.reply_of(c).status, None);
    h.output(PaneId(0), "xa.cx\r\n");
    assert_eq!(h.reply_of(c).stdout, "xa.cx\n");
}

#[test]
fn a_line_that_scrolled_past_in_one_burst_still_matches() {
    let mut h = Harness::new();
    h.ok("new-session -d -s work -x 20 -y 3");
    h.ok("set -g history-limit 0");
    let c = h.start("wait-output 'needle [0-9]+'");
    let mut burst = String::from("needle 17\r\n");
    for n in 0..100 {
        burst.push_str(&format!("hay {n}\r\n"));
    }
    h.output(PaneId(0), &burst);
    assert_eq!(h.reply_of(c).stdout, "needle 17\n");
}

#[test]
fn a_timeout_fails_with_status_1() {
    let mut h = Harness::with_session();
    let c = h.start("wait-output -T 1.5 never");
    assert!(h.state.next_timer().is_some());
    h.pass_time(Duration::from_millis(1000));
    assert_eq!(h.reply_of(c).status, None);
    h.pass_time(Duration::from_millis(600));
    let reply = h.reply_of(c);
    assert_eq!(reply.status, Some(1));
    assert_eq!(
        reply.stderr,
        "timed out after 1.5s waiting for output matching \"never\"\n"
    );
    assert_eq!(h.state.next_timer(), None);
}

#[test]
fn a_pane_whose_program_ends_first_gives_status_2() {
    let mut h = Harness::with_session();
    h.ok("split-window");
    let c = h.start("wait-output -t %1 never");
    let program = h.state.panes[&PaneId(1)].program;
    // Its last output still counts, up to the end of its output.
    h.event(Event::Exited(PaneId(1), program, 0));
    assert_eq!(h.reply_of(c).status, None);
    h.event(Event::Closed(PaneId(1), program));
    let reply = h.reply_of(c);
    assert_eq!(reply.status, Some(2));
    assert_eq!(
        reply.stderr,
        "pane %1 exited before its output matched \"never\"\n"
    );
    // A pane kept dead by remain-on-exit gives 2 at once.
    h.ok("set -g remain-on-exit on");
    h.ok("split-window");
    h.exit(PaneId(2), 1);
    assert_eq!(h.run("wait-output -t %2 x").status, Some(2));
}

#[test]
fn a_wait_whose_client_goes_away_is_dropped() {
    let mut h = Harness::with_session();
    let c = h.start("wait-output never");
    assert!(h.state.waits.wants_tap(PaneId(0)));
    h.event(Event::Gone(c, None));
    h.output(PaneId(0), "x");
    assert!(h.state.waits.list.is_empty());
    assert!(!h.state.waits.wants_tap(PaneId(0)));
}

#[test]
fn bad_patterns_and_timeouts_are_refused() {
    let mut h = Harness::with_session();
    assert!(h.err("wait-output '('").starts_with("bad pattern:"));
    assert_eq!(h.err("wait-output -T 0 x"), "timeout invalid: 0");
    assert_eq!(h.err("wait-output -T abc x"), "timeout invalid: abc");
    assert!(h.err("wait-output -t %9 x").contains("%9"));
}
