//! Targets as tmux takes them, through the real binary: `attach -t work:2.1` attaches with
//! that window and pane selected, offsets and patterns work, and an error names the part of
//! the target that was not found.

use mux_e2e::Env;

#[test]
fn attach_to_a_window_and_pane_of_a_session() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "work", "-x", "80", "-y", "24"]);
    env.ok(&["new-window", "-d", "-t", "work:"]);
    env.ok(&["new-window", "-d", "-t", "work:", "-n", "third"]);
    env.ok(&["split-window", "-d", "-t", "work:2"]);
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.client(&["attach", "-t", "work:2.1"], 80, 24);
    c.wait_text("2:third*");
    assert_eq!(
        env.ok(&[
            "display",
            "-p",
            "-t",
            "work",
            "#{window_index}.#{pane_index}"
        ]),
        "2.1\n"
    );
}

#[test]
fn offsets_patterns_and_errors_that_name_the_failing_part() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "work"]);
    env.ok(&["new-window", "-d", "-t", "work:", "-n", "logs"]);
    env.ok(&["new", "-d", "-s", "web"]);
    let show = |t: &str| env.ok(&["display", "-p", "-t", t, "#{session_name}:#{window_index}"]);
    assert_eq!(show("work:+1"), "work:1\n");
    assert_eq!(show("work:-1"), "work:1\n", "offsets wrap around");
    assert_eq!(show("work:lo*"), "work:1\n");
    assert_eq!(show("wor"), "work:0\n");
    let err = |args: &[&str]| String::from_utf8_lossy(&env.run(args).stderr).into_owned();
    assert_eq!(
        err(&["select-window", "-t", "work:9"]),
        "can't find window: 9\n"
    );
    assert_eq!(
        err(&["select-window", "-t", "nosuch:1"]),
        "can't find session: nosuch\n"
    );
    assert_eq!(
        err(&["select-pane", "-t", "work:0.5"]),
        "can't find pane: 5\n"
    );
    assert_eq!(
        err(&["select-pane", "-t", "w"]),
        "can't find pane: w\n",
        "w is ambiguous"
    );
}
