//! The command line: tmux's names, aliases and flags, its messages, and exit statuses.

use mux_e2e::Env;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn version_flag_prints_the_version() {
    let env = Env::new();
    let out = env.ok(&["-V"]);
    assert_eq!(out.trim(), format!("mux {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn commands_without_a_server_say_so() {
    let env = Env::new();
    for cmd in [
        &["ls"][..],
        &["attach"],
        &["has", "-t", "x"],
        &["kill-server"],
    ] {
        let out = env.run(cmd);
        assert_eq!(out.status.code(), Some(1), "{cmd:?}");
        assert_eq!(
            stderr(&out).trim(),
            format!("no server running on {}", env.sock.display()),
            "{cmd:?}"
        );
    }
}

#[test]
fn bad_commands_flags_and_sessions_get_their_message_and_status_1() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "a"]);
    let cases: &[(&[&str], &str)] = &[
        (&["foo"], "unknown command: foo"),
        (
            &["new", "-z"],
            "command new-session: unknown flag -z\nusage: new-session [-AdEP] [-c start-directory] \
             [-F format] [-L layout-file] [-n window-name] [-s session-name] [-x width] \
             [-y height] [shell-command]",
        ),
        (
            &["has", "x"],
            "command has-session: too many arguments (need at most 0)\n\
             usage: has-session [-t target-session]",
        ),
        (&["has", "-t", "zz"], "can't find session: zz"),
        (&["kill-session", "-t", "zz"], "can't find session: zz"),
        (&["attach", "-t", "zz"], "can't find session: zz"),
        (&["new", "-d", "-s", "a"], "duplicate session: a"),
        (&["kill"], "ambiguous command: kill"),
    ];
    for (args, message) in cases {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), format!("{message}\n"), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn sessions_are_named_listed_checked_and_killed() {
    let env = Env::new();
    env.ok(&["new", "-d"]);
    env.ok(&["new-session", "-d"]);
    env.ok(&["new", "-d", "-s", "work.1:x"]);
    let ls = env.ok(&["ls"]);
    let names: Vec<&str> = ls
        .lines()
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(names, ["0", "1", "work_1_x"], "{ls}");
    for line in ls.lines() {
        assert!(line.contains(": 1 windows (created "), "{line}");
        assert!(!line.contains("(attached)"), "{line}");
    }
    assert!(env.run(&["has-session", "-t", "1"]).status.success());
    assert!(env.run(&["has", "-t", "work_1_x"]).status.success());
    env.ok(&["kill-session", "-t", "1"]);
    assert_eq!(env.run(&["has", "-t", "1"]).status.code(), Some(1));
    assert_eq!(env.ok(&["list-sessions"]).lines().count(), 2);
    env.ok(&["kill-server"]);
    env.wait_server_gone();
}

#[test]
fn new_with_a_command_and_a_size_runs_it_at_that_size() {
    let env = Env::new();
    let out = env.path("size");
    let script = format!("stty size > {}; exec sleep 100", out.display());
    env.ok(&["new", "-d", "-s", "sized", "-x", "100", "-y", "30", &script]);
    assert_eq!(
        env.wait_file(&out, "a whole line from stty", |t| t.ends_with('\n'))
            .trim(),
        "30 100"
    );
}

#[test]
fn new_dash_a_attaches_to_an_existing_session_instead_of_failing() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "w"]);
    let out = env.run(&["new", "-A", "-d", "-s", "w"]);
    // Without a terminal, attaching fails the way tmux does; the point is no duplicate error.
    assert!(!stderr(&out).contains("duplicate"), "{}", stderr(&out));
    assert_eq!(env.ok(&["ls"]).lines().count(), 1);
}

#[test]
fn attaching_without_a_terminal_is_refused() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "w"]);
    let out = env.run(&["attach"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "open terminal failed: not a terminal\n");
}

#[test]
fn socket_name_goes_under_the_runtime_directory() {
    let env = Env::new();
    let mut cmd = std::process::Command::new(mux_e2e::mux_bin());
    env.apply_env(&mut cmd);
    let out = mux_e2e::run_to_end(cmd.args(["-L", "named", "new", "-d"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let sock = env.dir.join("run/mux/named");
    assert!(sock.exists(), "{} missing", sock.display());
    let mut kill = std::process::Command::new(mux_e2e::mux_bin());
    env.apply_env(&mut kill);
    assert!(
        mux_e2e::run_to_end(kill.args(["-L", "named", "kill-server"]))
            .status
            .success()
    );
}
