use crate::ids::PaneId;
use crate::testing::Harness;

#[test]
fn a_bindings_output_appears_in_view_mode_and_q_leaves_it() {
    let mut h = Harness::with_session();
    h.ok("bind -n F5 display-message -p 'hello from F5'");
    let c = h.attach("attach -t work", 40, 6);
    h.output(PaneId(0), "$ prompt");
    h.keys(c, "F5");
    let screen = h.screen(c);
    assert!(screen[0].starts_with("hello from F5"), "{screen:?}");
    assert!(screen[0].ends_with("[0/0]"), "{screen:?}");
    assert_eq!(h.ok("display -p '#{pane_mode}'"), "view-mode\n");
    h.keys(c, "q");
    assert_eq!(h.screen(c)[0], "$ prompt");
    assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
}

#[test]
fn more_output_adds_to_the_view_already_shown() {
    let mut h = Harness::with_session();
    h.ok("bind -n F5 display-message -p more");
    let c = h.attach("attach -t work", 40, 6);
    h.keys(c, "F5");
    h.keys(c, "C-b :");
    h.type_text(c, "display -p again");
    h.keys(c, "Enter");
    let screen = h.screen(c);
    assert!(screen[0].starts_with("more"), "{screen:?}");
    assert_eq!(screen[1], "again");
}

#[test]
fn a_view_is_scrolled_with_copy_mode_keys() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 40, 6);
    h.keys(c, "C-b ?");
    let first = h.screen(c);
    assert!(first[0].starts_with("C-b C-b"), "{first:?}");
    h.keys(c, "NPage");
    let paged = h.screen(c);
    assert_ne!(paged[0], first[0], "a page down moves the view");
    h.keys(c, "/");
    assert_eq!(
        h.status_line(c),
        "(search down)",
        "vi's / works in view mode"
    );
    h.type_text(c, "Detach");
    h.keys(c, "Enter");
    let found = h.screen(c);
    assert!(found[0].contains("(1 results)"), "{found:?}");
    assert!(found.iter().any(|l| l.starts_with("C-b d")), "{found:?}");
    h.keys(c, "q");
    assert!(!h.shows(c, "C-b C-b"));
}

#[test]
fn a_command_line_stops_at_its_first_error() {
    let mut h = Harness::with_session();
    let reply = h.run("display -p one ; nosuch ; display -p two");
    assert_eq!(reply.stdout, "one\n");
    assert_eq!(reply.stderr, "unknown command: nosuch\n");
    assert_eq!(reply.status, Some(1));
}

#[test]
fn if_shell_runs_its_branch_before_the_next_command() {
    let mut h = Harness::with_session();
    assert_eq!(
        h.ok("if -F 1 'display -p one ; display -p two' ; display -p three"),
        "one\ntwo\nthree\n"
    );
    let reply = h.run("if -F 1 'nosuch' ; display -p never");
    assert_eq!(reply.stderr, "unknown command: nosuch\n");
    assert_eq!(reply.stdout, "");
}

#[test]
fn an_error_from_a_binding_shows_on_the_status_line() {
    let mut h = Harness::with_session();
    h.ok("bind -n F6 select-window -t :9");
    let c = h.attach("attach -t work", 40, 6);
    h.keys(c, "F6");
    assert_eq!(h.status_line(c), "can't find window: 9");
}
