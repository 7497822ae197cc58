//! Attach, detach and reattach: the programs go on and the screen is the same.

use mux_e2e::{wait_until, Env};
use nix::sys::signal::Signal;

/// Reads the shell's pid through the pane: `echo pid-$$`.
fn shell_pid(c: &mux_e2e::Client) -> String {
    c.line("echo pid-$$");
    c.wait_screen("the shell's pid", |s| {
        s.contents().matches("pid-").count() >= 2
    });
    let text = c.text();
    text.lines()
        .filter_map(|l| l.strip_prefix("pid-"))
        .next_back()
        .expect("pid line")
        .trim()
        .to_string()
}

#[test]
fn new_type_detach_ls_attach_shows_the_same_screen_and_shell() {
    let env = Env::new();
    let mut c = env.attached("work", 80, 24);
    c.line("echo hello-$((40+2))");
    c.wait_text("hello-42");
    let pid = shell_pid(&c);
    let before: Vec<String> = (0..23).map(|r| c.row(r)).collect();
    c.send("\x02d");
    assert!(c.wait_exit().success());
    c.wait_text("[detached (from session work)]");
    assert!(c.cooked(), "the terminal is back in cooked mode");
    let ls = env.ok(&["ls"]);
    assert!(ls.starts_with("work: 1 windows (created "), "{ls}");
    assert!(!ls.contains("(attached)"), "{ls}");

    let c2 = env.client(&["attach", "-t", "work"], 80, 24);
    c2.wait_text("hello-42");
    wait_until(
        "the reattached client to show the rows seen before detaching",
        || {
            let now: Vec<String> = (0..23).map(|r| c2.row(r)).collect();
            (now == before).then_some(())
        },
        || c2.describe(),
    );
    assert!(env.ok(&["ls"]).contains("(attached)"));
    assert_eq!(shell_pid(&c2), pid);
}

#[test]
fn attach_without_target_picks_the_most_recent_session() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "old"]);
    env.ok(&["new", "-d", "-s", "newer"]);
    let c = env.client(&["a"], 80, 24);
    c.wait_text("[newer]");
}

#[test]
fn mux_with_no_arguments_is_new_session() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.client(&[], 80, 24);
    c.wait_text("[0] 0:");
    assert!(env.ok(&["ls"]).starts_with("0: 1 windows"));
}

#[test]
fn a_killed_client_leaves_the_program_running() {
    let env = Env::new();
    let c = env.attached("work", 80, 24);
    c.line("echo before-kill");
    c.wait_text("before-kill");
    let pid = shell_pid(&c);
    c.signal(Signal::SIGKILL);
    drop(c);
    wait_until(
        "the session to show as detached",
        || (!env.ok(&["ls"]).contains("(attached)")).then_some(()),
        || env.ok(&["ls"]),
    );
    assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
    let c2 = env.client(&["attach"], 80, 24);
    c2.wait_text("before-kill");
    assert_eq!(shell_pid(&c2), pid);
}

#[test]
fn prefix_prefix_sends_a_literal_ctrl_b_and_other_keys_are_dropped() {
    let env = Env::new();
    let c = env.attached("keys", 80, 24);
    c.line("od -An -c");
    // C-b C-b sends one C-b; C-b Y (not bound) is dropped; then a plain y.
    c.send("\x02\x02");
    c.send("\x02Y");
    c.send("y\r\x04");
    c.wait_text("002   y  \\n");
}

#[test]
fn detach_client_command_and_kill_session_end_attached_clients() {
    let env = Env::new();
    let mut c = env.attached("w", 80, 24);
    env.ok(&["detach-client", "-s", "w"]);
    assert!(c.wait_exit().success());
    c.wait_text("[detached (from session w)]");

    let mut c = env.client(&["attach", "-t", "w"], 80, 24);
    c.wait_text("[w]");
    env.ok(&["kill-session", "-t", "w"]);
    c.wait_exit();
    c.wait_text("[exited]");
    assert!(c.cooked());
    env.wait_server_gone();
}

#[test]
fn the_program_exiting_ends_the_session_and_the_client_says_exited() {
    let env = Env::new();
    let mut c = env.attached("short", 80, 24);
    c.line("exit");
    assert!(c.wait_exit().success());
    c.wait_text("[exited]");
    assert!(c.cooked());
    env.wait_server_gone();
}

#[test]
fn a_second_attach_shows_the_same_screen_live() {
    let env = Env::new();
    let a = env.attached("both", 80, 24);
    let b = env.client(&["attach", "-t", "both"], 80, 24);
    b.wait_text("[both]");
    a.line("echo from-a-$((1+1))");
    b.wait_text("from-a-2");
    b.line("echo from-b-$((2+2))");
    a.wait_text("from-b-4");
}

#[test]
fn the_terminal_is_restored_when_the_server_dies_with_its_keeper() {
    let env = Env::new();
    let mut c = env.attached("gone", 80, 24);
    let server = env.server_pid().expect("server");
    // With its keeper gone first nothing survives the server, and the client cannot attach
    // again (a server dying alone is in survive.rs).
    let keeper = env.keeper_pid().expect("keeper");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(keeper), Signal::SIGKILL).expect("kill");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(server), Signal::SIGKILL).expect("kill");
    c.wait_exit();
    c.wait_text("[lost server]");
    assert!(c.cooked());
    c.with_screen(|s| assert!(!s.alternate_screen()));
}

#[test]
fn the_terminal_is_restored_on_sigterm_and_sighup() {
    let env = Env::new();
    let mut c = env.attached("sig", 80, 24);
    c.signal(Signal::SIGTERM);
    assert!(!c.wait_exit().success());
    c.wait_text("[terminated]");
    assert!(c.cooked());
    c.with_screen(|s| assert!(!s.alternate_screen()));

    let mut c = env.client(&["attach", "-t", "sig"], 80, 24);
    c.wait_text("[sig]");
    c.signal(Signal::SIGHUP);
    assert!(!c.wait_exit().success());
    assert!(c.cooked());
    // The session is still there for the next attach.
    assert!(env.ok(&["ls"]).starts_with("sig:"));
}

#[test]
fn the_terminal_is_restored_after_a_panic_in_the_client() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "p"]);
    let mut cmd = env.cmd(&["attach", "-t", "p"]);
    cmd.env("MUX_TEST_PANIC", "1");
    let mut c = mux_e2e::Client::spawn(cmd, 80, 24);
    assert!(!c.wait_exit().success());
    assert!(c.cooked());
    c.with_screen(|s| assert!(!s.alternate_screen()));
    c.wait_text("MUX_TEST_PANIC is set");
    assert!(
        env.ok(&["ls"]).starts_with("p:"),
        "the server is unaffected"
    );
}

/// Keys typed while the client waits at attach for a terminal that never answers its colour
/// queries (as a serial console or `script` would) reach the pane after the wait, in order.
#[test]
fn keys_typed_while_the_client_waits_for_its_terminal_reach_the_pane_in_order() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.client(&["new", "-s", "ahead"], 80, 24);
    // The client is in raw mode and has asked its colours: it now waits for answers the
    // test's terminal never gives.
    wait_until(
        "the client to ask its terminal for colours",
        || (!c.cooked() && c.raw().windows(6).any(|w| w == b"\x1b]10;?")).then_some(()),
        || c.describe(),
    );
    c.send("echo $((6");
    c.send("*7))ahe");
    c.send("ad\r");
    c.wait_screen("the typed-ahead command's output", |s| {
        s.contents().lines().any(|l| l.trim_end() == "42ahead")
    });
}

/// A terminal that reports no size (`script`, an `expect` driver) gets tmux's 80×24: the
/// client draws the session at that size, where it used to draw nothing at all.
#[test]
fn a_terminal_without_a_size_is_drawn_at_80_by_24() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.client_without_size(&["new", "-s", "work"]);
    c.wait_screen("the prompt and the status line on the 24th row", |s| {
        let rows: Vec<String> = s.rows(0, 80).collect();
        s.contents().contains("$ ") && rows.get(23).is_some_and(|r| r.contains("[work]"))
    });
    c.line("echo drawn-$((6*7))");
    c.wait_text("drawn-42");
    let size = env.ok(&[
        "display",
        "-p",
        "-t",
        "work",
        "#{window_width}x#{window_height}",
    ]);
    assert_eq!(size, "80x23\n");
}
