//! Nothing a client, a signal or a paste does can end the server or lose input (issue 14):
//! a client claiming a 65535x65535 terminal, every catchable signal, pastes larger than a
//! frame and pastes into a program that never reads, a pane that ignores SIGHUP at exit,
//! half-sent frames, resize storms, and the small things (log mode, lock files, running out
//! of descriptors).

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use mux_e2e::{deadline, rss_kib, wait_until, Env};
use mux_protocol::{
    read_frame, write_frame, ClientMsg, ClientTerminal, CommandRequest, Hello, HelloReply,
    HelloStatus, ServerMsg, Size,
};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

/// Returns whether process `pid` is gone (or a zombie nobody reaped).
fn gone(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|state| state == "Z" || state == "X"),
    }
}

/// Connects and completes the handshake.
fn handshake(env: &Env) -> UnixStream {
    let mut s = UnixStream::connect(&env.sock).expect("connect");
    s.set_read_timeout(Some(deadline())).expect("timeout");
    write_frame(&mut s, &Hello::current()).expect("hello");
    let reply: HelloReply = read_frame(&mut s)
        .unwrap_or_else(|e| panic!("waiting for the server's handshake reply: {e:?}"))
        .expect("a reply");
    assert_eq!(reply.status, HelloStatus::Accepted);
    s
}

/// Asks the server for a format in a session.
fn display(env: &Env, target: &str, format: &str) -> String {
    env.ok(&["display", "-p", "-t", target, format])
        .trim_end()
        .to_string()
}

#[test]
fn a_client_claiming_a_huge_terminal_is_clamped_and_ends_nothing() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "bystander"]);
    let server = env.server_pid().expect("a server");
    let before = rss_kib(server);
    let huge = Size {
        cols: u16::MAX,
        rows: u16::MAX,
    };
    let mut s = handshake(&env);
    let request = CommandRequest {
        argv: vec!["new-session".into(), "-s".into(), "huge".into()],
        cwd: "/".into(),
        terminal: Some(ClientTerminal {
            size: huge,
            term: "xterm".into(),
        }),
        env: vec![("SHELL".into(), "/bin/sh".into())],
    };
    write_frame(&mut s, &ClientMsg::Command(request)).expect("command");
    write_frame(&mut s, &ClientMsg::Resize(huge)).expect("resize");
    // The client is attached and sent its screen, whatever it claims.
    let mut attached = false;
    let mut screens = 0;
    while screens == 0 {
        match read_frame::<ServerMsg, _>(&mut s).expect("a message") {
            Some(ServerMsg::Attached { .. }) => attached = true,
            Some(ServerMsg::Screen(update)) => {
                screens += 1;
                assert!(update.size.cols <= 1000 && update.size.rows <= 500);
            }
            Some(_) => {}
            None => panic!("the server closed the connection"),
        }
    }
    assert!(attached);
    assert_eq!(
        display(&env, "huge", "#{window_width}x#{window_height}"),
        "1000x499",
        "the window is the clamped terminal less the status line"
    );
    assert_eq!(env.server_pid(), Some(server), "the server kept running");
    let sessions = env.ok(&["ls"]);
    assert!(
        sessions.starts_with("bystander:") && sessions.contains("\nhuge:"),
        "{sessions}"
    );
    let grown = rss_kib(server).saturating_sub(before);
    eprintln!("server RSS grew by {grown} KiB for a 65535x65535 client");
    assert!(grown < 256 * 1024, "server RSS grew by {grown} KiB");
}

#[test]
fn every_catchable_signal_but_term_and_int_leaves_the_server_running() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "sig"]);
    let server = env.server_pid().expect("a server");
    let pid = Pid::from_raw(server);
    let catchable = (1..=31)
        .chain(nix::libc::SIGRTMIN()..=nix::libc::SIGRTMAX())
        .filter(|&s| {
            ![
                nix::libc::SIGKILL,
                nix::libc::SIGSTOP,
                nix::libc::SIGTERM,
                nix::libc::SIGINT,
            ]
            .contains(&s)
        });
    for sig in catchable {
        let rc = send_signal(server, sig);
        assert_eq!(rc, 0, "kill -{sig}");
        assert!(
            env.run(&["ls"]).status.success(),
            "the server answers after signal {sig}"
        );
    }
    assert_eq!(env.server_pid(), Some(server), "the same server runs");
    // SIGTERM still ends it, removing the socket.
    kill(pid, Signal::SIGTERM).expect("kill -TERM");
    env.wait_server_gone();
}

/// Sends signal number `sig` to `pid` with `kill(1)`, which knows every number (nix names
/// no real-time signal).
fn send_signal(pid: i32, sig: i32) -> i32 {
    let status = std::process::Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    status.code().unwrap_or(-1)
}

#[test]
fn sigusr1_makes_a_deleted_socket_again_and_sigusr2_turns_the_log_on() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "keep"]);
    let server = env.server_pid().expect("a server");
    std::fs::remove_file(&env.sock).expect("delete the socket as a tmp cleaner would");
    assert!(!env.run(&["ls"]).status.success(), "unreachable without it");
    kill(Pid::from_raw(server), Signal::SIGUSR1).expect("kill -USR1");
    wait_until(
        "the server to answer on its socket again",
        || env.run(&["ls"]).status.success().then_some(()),
        || format!("socket exists: {}", env.sock.exists()),
    );
    assert_eq!(env.server_pid(), Some(server));
    let mode = std::fs::metadata(&env.sock)
        .expect("socket")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    let log = env.path("sock.log");
    assert!(!log.exists(), "no log without -v");
    kill(Pid::from_raw(server), Signal::SIGUSR2).expect("kill -USR2");
    env.wait_file(&log, "a line saying logging is on", |t| {
        t.contains("logging on")
    });
    let mode = std::fs::metadata(&log).expect("log").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the log is private");
}

#[test]
fn the_log_is_private_and_no_lock_file_is_left() {
    let env = Env::new();
    env.ok(&["-v", "new", "-d", "-s", "logged"]);
    let log = env.path("sock.log");
    env.wait_file(&log, "the server's first line", |t| {
        t.contains("server started")
    });
    let mode = std::fs::metadata(&log).expect("log").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(!env.path("sock.lock").exists(), "the lock file is removed");
    env.ok(&["kill-server"]);
    env.wait_server_gone();
    assert!(!env.path("sock.lock").exists());
}

#[test]
fn running_out_of_descriptors_says_so_and_recovers() {
    let env = Env::new();
    let mut start = std::process::Command::new("sh");
    start.arg("-c").arg(format!(
        "ulimit -n 64 && exec '{}' -S '{}' new -d -s few",
        mux_e2e::mux_bin().display(),
        env.sock.display()
    ));
    env.apply_env(&mut start);
    assert!(mux_e2e::run_to_end(&mut start).status.success());
    let mut refused = None;
    for _ in 0..64 {
        let out = env.run(&["new-window", "-d"]);
        if !out.status.success() {
            refused = Some(String::from_utf8_lossy(&out.stderr).trim().to_string());
            break;
        }
    }
    let refused = refused.expect("new-window fails before 64 windows with 64 descriptors");
    assert!(
        refused.ends_with(
            "too many open files in the server (limit 64): close some panes or raise ulimit -n"
        ),
        "{refused}"
    );
    env.ok(&["kill-window", "-t", "few:1"]);
    env.ok(&["kill-window", "-t", "few:2"]);
    env.ok(&["new-window", "-d"]);
}

#[test]
fn exit_does_not_wait_on_a_pane_that_ignores_sighup_and_never_reads() {
    let env = Env::new();
    env.ok(&[
        "new",
        "-d",
        "-s",
        "stuck",
        "trap '' HUP; echo ready; exec sleep 1000",
    ]);
    let pid: i32 = display(&env, "stuck", "#{pane_pid}").parse().expect("pid");
    wait_until(
        "the pane to start",
        || {
            env.ok(&["capture-pane", "-p", "-t", "stuck"])
                .contains("ready")
                .then_some(())
        },
        || env.ok(&["capture-pane", "-p", "-t", "stuck"]),
    );
    // More input than the terminal holds: it waits in the server, never read.
    let text = "x".repeat(50_000);
    for _ in 0..4 {
        env.ok(&["send-keys", "-t", "stuck", "-l", &text]);
    }
    let server = env.server_pid().expect("a server");
    env.ok(&["kill-server"]);
    env.wait_server_gone();
    wait_until(
        "the server process to exit",
        || gone(server).then_some(()),
        || mux_e2e::process_state(server as u32),
    );
    wait_until(
        "the program that ignored SIGHUP to be killed",
        || gone(pid).then_some(()),
        || mux_e2e::process_state(pid as u32),
    );
}

#[test]
fn half_sent_frames_are_bounded_timed_out_and_their_memory_given_back() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "frames"]);
    let server = env.server_pid().expect("a server");
    let before = rss_kib(server);
    let (tx, rx) = std::sync::mpsc::channel();
    for _ in 0..20 {
        let mut s = handshake(&env);
        let tx = tx.clone();
        std::thread::spawn(move || {
            let len = 16u32 << 20;
            let _ = s.set_write_timeout(Some(Duration::from_secs(30)));
            let _ = s.write_all(&len.to_le_bytes());
            let _ = s.write_all(&vec![7u8; 15 << 20]);
            // Never finish the frame: wait for the server to close the connection.
            let _ = s.set_read_timeout(Some(Duration::from_secs(60)));
            let mut buf = [0u8; 64];
            let closed = matches!(s.read(&mut buf), Ok(0) | Err(_));
            let _ = tx.send(closed);
        });
    }
    drop(tx);
    let mut peak = 0;
    let mut closed = 0;
    let limit = std::time::Instant::now() + deadline() * 2;
    while closed < 20 && std::time::Instant::now() < limit {
        peak = peak.max(rss_kib(server));
        if let Ok(c) = rx.recv_timeout(Duration::from_millis(20)) {
            assert!(c, "a connection was closed by the server");
            closed += 1;
        }
    }
    assert_eq!(closed, 20, "every half-sent frame timed out");
    let grown = peak.saturating_sub(before);
    eprintln!("half-sent frames: server RSS {before} KiB, peak +{grown} KiB");
    assert!(
        grown < 100 * 1024,
        "20 half-sent 16 MiB frames held {grown} KiB"
    );
    let after = wait_until(
        "the server to give the frames' memory back",
        || {
            let now = rss_kib(server);
            (now < before + 16 * 1024).then_some(now)
        },
        || format!("RSS {} KiB, {before} KiB before", rss_kib(server)),
    );
    eprintln!("half-sent frames: server RSS after {after} KiB");
    assert!(env.ok(&["ls"]).starts_with("frames:"));
}

/// A bracketed paste as the user's terminal sends it.
fn bracketed(text: &str) -> Vec<u8> {
    let mut out = b"\x1b[200~".to_vec();
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(b"\x1b[201~");
    out
}

#[test]
fn a_20_mb_paste_arrives_whole_and_in_order() {
    let env = Env::new();
    let c = env.attached("paste", 80, 24);
    let count = env.path("count");
    let sum = env.path("sum");
    c.line(&format!(
        "stty -echo; tee {} | wc -c > {}; echo counted",
        sum.display(),
        count.display()
    ));
    // 200,000 numbered lines of 100 bytes: 20,000,000 bytes.
    let text: String = (0..200_000).map(|i| format!("{i:099}\n")).collect();
    assert_eq!(text.len(), 20_000_000);
    c.send(bracketed(&text));
    // End of input for wc, after the paste.
    c.send(b"\x04");
    let counted = mux_testkit::wait_until(
        "wc to count the whole paste",
        deadline() * 4,
        || {
            std::fs::read_to_string(&count)
                .ok()
                .filter(|t| t.ends_with('\n'))
        },
        || format!("{:?}", std::fs::read_to_string(&count)),
    );
    assert_eq!(counted.trim(), "20000000");
    let got = std::fs::read_to_string(&sum).expect("the pasted text");
    assert!(got == text, "the paste arrived out of order or changed");
}

#[test]
fn a_paste_into_a_program_that_never_reads_is_cut_short_with_a_message() {
    let env = Env::new();
    let c = env.attached("deaf", 80, 24);
    c.line("stty -echo; echo deaf-$((6*7)); sleep 1000");
    c.wait_text("deaf-42");
    let server = env.server_pid().expect("a server");
    let before = rss_kib(server);
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let sampler = std::thread::spawn(move || {
        let mut peak = 0;
        while stopped.recv_timeout(Duration::from_millis(20)).is_err() {
            peak = peak.max(rss_kib(server));
        }
        peak
    });
    let text = "y".repeat(99) + "\n";
    let text = text.repeat(300_000); // 30 MB
                                     // Sending waits while the server holds the paste back (the pane does not read), until
                                     // the rest is refused.
    c.send(bracketed(&text));
    mux_testkit::wait_until(
        "the status line to say the paste was cut short",
        deadline() * 2,
        || {
            // The server answers meanwhile.
            assert!(env.run(&["ls"]).status.success());
            c.text()
                .contains("paste truncated: pane is not reading")
                .then_some(())
        },
        || c.describe(),
    );
    stop.send(()).expect("stop sampling");
    let peak = sampler.join().expect("sampler");
    let grown = peak.saturating_sub(before);
    eprintln!("paste into a pane that never reads: server RSS +{grown} KiB at most");
    assert!(grown < 64 * 1024, "server RSS grew by {grown} KiB");
    // The client is still attached and works in another window.
    env.ok(&["new-window", "-t", "deaf"]);
    c.wait_text("1:sh*");
    c.wait_screen("the new window's prompt", |s| s.contents().starts_with('$'));
    c.line("echo after-$((2*21))");
    c.wait_text("after-42");
}

#[test]
fn a_resize_storm_gives_the_program_a_few_sigwinch_and_the_exact_last_size() {
    let env = Env::new();
    let winch = env.path("winch");
    let script = env.write_home(
        "count-winch",
        &format!(
            "n=0\ntrap 'n=$((n+1)); echo \"$n $(stty size)\" > {w}.tmp; mv {w}.tmp {w}' WINCH\n\
             echo \"0 $(stty size)\" > {w}\nwhile :; do sleep 5 & wait $!; kill $! 2>/dev/null; done\n",
            w = winch.display()
        ),
    );
    env.write_home(".shrc", "PS1='$ '\n");
    let a = env.client(
        &["new", "-s", "storm", "bash", script.to_str().expect("path")],
        80,
        24,
    );
    a.wait_text("[storm]");
    env.wait_file(&winch, "the counter's first line", |t| t.starts_with("0 "));
    let b = env.client(&["attach", "-t", "storm"], 80, 24);
    b.wait_text("[storm]");
    let start = std::fs::read_to_string(&winch).expect("count");
    let first: u32 = start
        .split_whitespace()
        .next()
        .unwrap_or("0")
        .parse()
        .expect("n");
    let mut rng = mux_testkit::Rng::new(7);
    for i in 0..500 {
        let (cols, rows) = if i % 50 == 0 {
            (1, 1)
        } else {
            let mut n = |max: usize| u16::try_from(rng.index(max)).expect("small");
            (20 + n(150), 5 + n(50))
        };
        a.resize(cols, rows);
        b.resize(cols + 1, rows + 1);
    }
    // Both end at 97x31, so the window (less the status line) is 97x30 whichever client
    // the server hears from last.
    a.resize(97, 31);
    b.resize(97, 31);
    let last = env.wait_file(&winch, "the final size, 30 rows by 97 columns", |t| {
        t.split_once(' ')
            .is_some_and(|(_, size)| size.trim() == "30 97")
    });
    let n: u32 = last
        .split_whitespace()
        .next()
        .unwrap_or("0")
        .parse()
        .expect("n");
    let signals = n - first;
    eprintln!("resize storm: 1001 resizes from 2 clients gave {signals} SIGWINCH");
    assert!(signals <= 10, "{signals} SIGWINCH for one storm");
    assert_eq!(
        display(&env, "storm", "#{pane_width}x#{pane_height}"),
        "97x30"
    );
}

#[test]
fn a_client_stopped_during_a_flood_gets_the_current_screen_when_it_resumes() {
    let env = Env::new();
    let live = env.attached("flood", 200, 50);
    let stopped = env.client(&["attach", "-t", "flood"], 200, 50);
    stopped.wait_text("[flood]");
    stopped.signal(Signal::SIGSTOP);
    live.line(
        "i=0; while [ $i -lt 8 ]; do seq 1 100000; i=$((i+1)); done; echo flood-$((3*7))-done",
    );
    live.wait_text("flood-21-done");
    let resumed = std::time::Instant::now();
    stopped.signal(Signal::SIGCONT);
    wait_until(
        "the resumed client to show the current screen",
        || {
            let want: Vec<String> = (0..49).map(|r| live.row(r)).collect();
            let got: Vec<String> = (0..49).map(|r| stopped.row(r)).collect();
            (want == got && got.iter().any(|r| r.contains("flood-21-done"))).then_some(())
        },
        || stopped.describe(),
    );
    eprintln!(
        "a client stopped during a flood showed the current screen {} ms after SIGCONT",
        resumed.elapsed().as_millis()
    );
}

#[test]
fn every_frame_that_ever_broke_something_is_harmless() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/protocol");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the regression corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no frames in {}", dir.display());
    let env = Env::new();
    let c = env.attached("survivor", 80, 24);
    let server = env.server_pid().expect("a server");
    for file in files {
        let bytes = std::fs::read(&file).expect("read a frame");
        let mut s = handshake(&env);
        s.write_all(&bytes).expect("send the frame");
        c.line(&format!("echo alive-{}", bytes.len()));
        c.wait_text(&format!("alive-{}", bytes.len()));
        assert_eq!(
            env.server_pid(),
            Some(server),
            "{} ended the server",
            file.display()
        );
    }
}
