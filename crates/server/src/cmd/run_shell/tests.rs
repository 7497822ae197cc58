use std::time::Duration;

use crate::ids::PaneId;
use crate::testing::Harness;

#[test]
fn from_a_shell_the_output_is_printed_once_the_command_ends() {
    let mut h = Harness::with_session();
    let client = h.start("run 'echo #{session_name}' ; display -p next");
    assert_eq!(h.last_job().command, "echo work", "the command is a format");
    assert_eq!(h.reply_of(client).status, None, "the command line waits");
    h.finish_job("work\n", 0);
    let reply = h.reply_of(client);
    assert_eq!(reply.stdout, "work\nnext\n");
    assert_eq!(reply.status, Some(0));
}

#[test]
fn a_failing_command_says_what_it_returned() {
    let mut h = Harness::with_session();
    let client = h.start("run 'exit 3'");
    h.finish_job("", 3);
    let reply = h.reply_of(client);
    assert_eq!(reply.stderr, "'exit 3' returned 3\n");
    assert_eq!(reply.status, Some(1));
}

#[test]
fn from_a_binding_the_output_appears_in_view_mode_over_the_pane() {
    let mut h = Harness::with_session();
    h.ok("bind -n F5 run 'make'");
    let c = h.attach("attach -t work", 40, 6);
    h.keys(c, "F5");
    assert!(!h.shows(c, "built"), "nothing until it ends");
    h.finish_job("built\nall\n", 2);
    let screen = h.screen(c);
    assert!(screen[0].starts_with("built"), "{screen:?}");
    assert_eq!(screen[1], "all");
    assert_eq!(screen[2], "'make' returned 2");
    h.keys(c, "q");
    assert!(!h.shows(c, "built"));
}

#[test]
fn in_the_background_nothing_waits_and_the_output_shows_later() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 40, 6);
    assert_eq!(
        h.ok("run -b 'sleep 1; echo done' ; display -p now"),
        "now\n"
    );
    h.finish_job("done\n", 0);
    assert!(h.screen(c)[0].starts_with("done"), "{:?}", h.screen(c));
}

#[test]
fn a_delay_comes_first() {
    let mut h = Harness::with_session();
    let client = h.start("run -d 1 'echo late'");
    assert!(h.running_jobs().is_empty(), "nothing runs before the delay");
    h.pass_time(Duration::from_millis(1200));
    assert_eq!(h.running_jobs(), ["echo late"]);
    h.finish_job("late\n", 0);
    assert_eq!(h.reply_of(client).stdout, "late\n");
    let client = h.start("run -d 0.5 ; display -p woke");
    assert_eq!(h.reply_of(client).status, None);
    h.pass_time(Duration::from_millis(600));
    assert_eq!(h.reply_of(client).stdout, "woke\n");
    assert_eq!(h.err("run -d soon"), "invalid delay time: soon");
}

#[test]
fn c_runs_a_mux_command() {
    let mut h = Harness::with_session();
    assert_eq!(h.ok("run -C 'display -p hi'"), "hi\n");
    assert_eq!(h.err("run -C nosuch"), "unknown command: nosuch");
}

#[test]
fn the_command_gets_the_sessions_environment_and_the_panes_directory() {
    let mut h = Harness::with_session();
    h.ok("setenv -g FROM_CONFIG yes");
    h.start("run -t %0 true");
    let job = h.last_job();
    let var = |name: &str| {
        job.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(var("HOME").as_deref(), Some("/"));
    assert_eq!(var("FROM_CONFIG").as_deref(), Some("yes"));
    assert!(var("MUX").is_some_and(|m| m.ends_with(",0")));
    assert_eq!(var("MUX_PANE"), None);
    let _ = PaneId(0);
}
