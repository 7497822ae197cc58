//! The server's life: started on demand and detached, one server however many start it,
//! stale sockets replaced and live ones kept, SIGTERM and SIGHUP, exit with the last session.

use std::os::unix::fs::FileTypeExt;

use mux_e2e::Env;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

fn server(env: &Env) -> i32 {
    env.server_pid().expect("a server listens on the socket")
}

#[test]
fn the_server_is_detached_with_stdio_on_dev_null() {
    let env = Env::new();
    env.ok(&["new", "-d"]);
    let pid = server(&env);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    // Fields after the name: state ppid pgrp session tty_nr ...
    assert_eq!(
        fields[3],
        pid.to_string(),
        "server is its own session leader"
    );
    assert_eq!(fields[4], "0", "server has no controlling terminal");
    for fd in 0..3 {
        let link = std::fs::read_link(format!("/proc/{pid}/fd/{fd}")).expect("fd");
        assert_eq!(link.to_string_lossy(), "/dev/null", "fd {fd}");
    }
    let meta = std::fs::symlink_metadata(&env.sock).expect("socket");
    assert!(meta.file_type().is_socket());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    // No log file without -v.
    assert!(!env.dir.join("sock.log").exists());
}

#[test]
fn the_server_exits_with_its_last_session_and_removes_the_socket() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "a"]);
    env.ok(&["new", "-d", "-s", "b"]);
    env.ok(&["kill-session", "-t", "a"]);
    assert!(env.sock.exists());
    env.ok(&["kill-session", "-t", "b"]);
    env.wait_server_gone();
}

#[test]
fn the_server_exits_when_the_last_program_exits() {
    let env = Env::new();
    env.ok(&["new", "-d", "true"]);
    env.wait_server_gone();
}

#[test]
fn verbose_writes_a_log_beside_the_socket() {
    let env = Env::new();
    env.ok(&["-v", "new", "-d"]);
    let log = env.dir.join("sock.log");
    env.wait_file(&log, "a line saying the server started", |t| {
        t.contains("server started")
    });
}

#[test]
fn a_stale_socket_is_replaced_and_a_live_one_kept() {
    let env = Env::new();
    {
        // Bound and closed: a socket file nobody listens on, as after a crash.
        let _l = std::os::unix::net::UnixListener::bind(&env.sock).expect("bind");
    }
    assert!(env.sock.exists());
    let out = env.run(&["ls"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(env.sock.exists(), "ls must not remove a socket");
    env.ok(&["new", "-d", "-s", "one"]);
    let pid = server(&env);
    env.ok(&["new", "-d", "-s", "two"]);
    assert_eq!(server(&env), pid, "a live server is reused");
    assert_eq!(env.ok(&["ls"]).lines().count(), 2);
}

#[test]
fn concurrent_starts_end_with_one_server() {
    let env = Env::new();
    let children: Vec<_> = (0..6)
        .map(|i| {
            env.cmd(&["new", "-d", "-s", &format!("s{i}")])
                .stdin(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for (i, mut c) in children.into_iter().enumerate() {
        let what = format!("`mux new -d -s s{i}` to exit");
        assert!(mux_e2e::wait_child(&mut c, &what).success());
    }
    let ls = env.ok(&["ls"]);
    assert_eq!(ls.lines().count(), 6, "{ls}");
    let pid = server(&env);
    let servers = count_servers(&env);
    assert_eq!(servers, 1, "server pid {pid}");
}

/// Counts processes whose command line is `mux __server -S <this socket>`.
fn count_servers(env: &Env) -> usize {
    let want = format!("__server\0-S\0{}", env.sock.display());
    std::fs::read_dir("/proc")
        .expect("proc")
        .flatten()
        .filter(|e| {
            std::fs::read(e.path().join("cmdline"))
                .map(|c| String::from_utf8_lossy(&c).contains(&want))
                .unwrap_or(false)
        })
        .count()
}

#[test]
fn sighup_to_the_server_changes_nothing() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "keep"]);
    let pid = server(&env);
    kill(Pid::from_raw(pid), Signal::SIGHUP).expect("kill");
    // A command after the signal is answered by the same server.
    assert!(env.ok(&["ls"]).starts_with("keep:"));
    assert_eq!(server(&env), pid);
}

#[test]
fn sigterm_hangs_up_children_tells_clients_and_removes_the_socket() {
    let env = Env::new();
    let hup = env.path("hup");
    let script = format!(
        "trap 'echo hup > {}; exit 0' HUP; while :; do sleep 1; done",
        hup.display()
    );
    env.ok(&["new", "-d", "-s", "bg", &script]);
    let mut c = env.attached("fg", 80, 24);
    let pid = server(&env);
    kill(Pid::from_raw(pid), Signal::SIGTERM).expect("kill");
    c.wait_exit();
    c.wait_text("[server exited]");
    assert!(c.cooked(), "terminal restored");
    env.wait_file(&hup, "the word the SIGHUP trap writes", |t| {
        t.contains("hup")
    });
    env.wait_server_gone();
}
