//! A pane's child is a proper terminal session: session leader with the PTY as controlling
//! terminal, only fds 0-2, default signals, tmux's TERM, MUX and MUX_PANE, job control.

use mux_e2e::Env;

/// Returns the pids of the direct children of `parent`.
fn children_of(parent: i32) -> Vec<i32> {
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("proc").flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if fields.get(1) == Some(&parent.to_string().as_str()) {
            pids.push(pid);
        }
    }
    pids
}

#[test]
fn the_child_is_a_clean_session_leader_on_its_pty() {
    let env = Env::new();
    // Several arguments: run directly, with no shell in between.
    env.ok(&["new", "-d", "-s", "kid", "sleep", "1000"]);
    let server = env.server_pid().expect("server");
    // The server's keeper starts programs and is their parent, so they outlive the server.
    let keeper = env.keeper_pid().expect("keeper");
    let kids = children_of(keeper);
    assert_eq!(kids.len(), 1, "the keeper has one child: {kids:?}");
    let pid = kids[0];
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let f: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    // Fields after the name: state ppid pgrp session tty_nr tpgid.
    assert_eq!(f[3], pid.to_string(), "session leader");
    assert_ne!(f[4], "0", "has a controlling terminal");
    assert_eq!(f[5], pid.to_string(), "in the foreground of its terminal");
    let mut fds: Vec<(String, String)> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("fds")
        .flatten()
        .map(|e| {
            let link = std::fs::read_link(e.path()).unwrap_or_default();
            (
                e.file_name().to_string_lossy().into_owned(),
                link.to_string_lossy().into_owned(),
            )
        })
        .collect();
    fds.sort();
    let names: Vec<&str> = fds.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["0", "1", "2"], "{fds:?}");
    assert!(
        fds.iter().all(|(_, l)| l.starts_with("/dev/pts/")),
        "{fds:?}"
    );
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    for field in ["SigBlk:", "SigIgn:"] {
        let line = status.lines().find(|l| l.starts_with(field)).expect(field);
        assert!(line.ends_with("0000000000000000"), "{line}");
    }
    let environ = std::fs::read(format!("/proc/{pid}/environ")).expect("environ");
    let vars: Vec<String> = environ
        .split(|b| *b == 0)
        .map(|v| String::from_utf8_lossy(v).into_owned())
        .collect();
    let has = |v: String| assert!(vars.contains(&v), "{v} missing from {vars:?}");
    has("TERM=tmux-256color".into());
    has(format!("MUX={},{server},0", env.sock.display()));
    has("MUX_PANE=%0".into());
}

#[test]
fn tty_in_a_pane_prints_its_terminal() {
    let env = Env::new();
    let c = env.attached("tty", 80, 24);
    c.line("tty");
    c.wait_text("/dev/pts/");
}

#[test]
fn the_default_command_is_a_login_shell() {
    let env = Env::new();
    let c = env.attached("login", 80, 24);
    c.line("echo \"argv0=$0\"");
    c.wait_text("argv0=-sh");
}

#[test]
fn job_control_works_in_the_pane() {
    let env = Env::new();
    let c = env.attached("jobs", 80, 24);
    // Each control key waits for the right program to have the foreground (the window is
    // named after it): the terminal flushes typed-ahead input on ^C and ^Z, as any does.
    c.line("cat");
    c.wait_text("0:cat*");
    c.line("typed-line");
    c.wait_screen("cat echoing the line", |s| {
        s.contents().matches("typed-line").count() == 2
    });
    c.send("\x03");
    c.wait_text("0:sh*");
    c.line("echo after-int-$((1+2))");
    c.wait_text("after-int-3");
    c.line("sleep 1000");
    c.wait_text("0:sleep*");
    c.send("\x1a");
    c.wait_text("Stopped");
    c.wait_text("0:sh*");
    c.line("fg");
    c.wait_text("0:sleep*");
    c.send("\x03");
    c.wait_text("0:sh*");
    c.line("echo after-fg-$((2+2))");
    c.wait_text("after-fg-4");
}

#[test]
fn mux_inside_a_pane_refuses_to_nest() {
    let env = Env::new();
    let c = env.attached("outer", 100, 24);
    let bin = mux_e2e::mux_bin();
    c.line(&format!("{} -S {} new", bin.display(), env.sock.display()));
    c.wait_text("sessions should be nested with care, unset $MUX to force");
}
