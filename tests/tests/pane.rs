//! A pane's child is a proper terminal session: session leader with the PTY as controlling
//! terminal, only fds 0-2, default signals, tmux's TERM, MUX and MUX_PANE, job control.

use mux_e2e::Env;

#[test]
fn the_child_is_a_clean_session_leader_on_its_pty() {
    let env = Env::new();
    let out = env.path("child");
    // Several arguments: run directly, no shell in between.
    let script = format!(
        "exec > {0}; ls /proc/$$/fd > {0}.fds; echo pid $$; echo sid $(ps -o sid= -p $$); tty; \
         grep -E '^(SigBlk|SigIgn)' /proc/$$/status; echo \"term $TERM\"; echo \"mux $MUX\"; \
         echo \"pane $MUX_PANE\"; echo end; exec sleep 100",
        out.display()
    );
    env.ok(&["new", "-d", "-s", "kid", "sh", "-c", &script]);
    let text = env.wait_file(&out, |t| t.contains("end\n"));
    let line = |p: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(p))
            .unwrap_or_else(|| panic!("no {p} in {text}"))
            .trim()
            .to_string()
    };
    assert_eq!(line("pid "), line("sid "), "session leader:\n{text}");
    assert!(text.lines().any(|l| l.starts_with("/dev/pts/")), "{text}");
    // The shell's own fds while `ls` runs: 0, 1 (redirected), 2, and nothing inherited.
    let fds = std::fs::read_to_string(format!("{}.fds", out.display())).expect("fds");
    assert_eq!(fds.split_whitespace().collect::<Vec<_>>(), ["0", "1", "2"]);
    assert_eq!(line("SigBlk:"), "0000000000000000");
    assert_eq!(line("SigIgn:"), "0000000000000000");
    assert_eq!(line("term "), "tmux-256color");
    let server = env.server_pid().expect("server");
    assert_eq!(
        line("mux "),
        format!("{},{server},0", env.sock.display()),
        "{text}"
    );
    assert_eq!(line("pane "), "%0");
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
    c.line("cat");
    c.line("typed-line");
    c.wait_screen("cat echoing the line", |s| s.contents().matches("typed-line").count() == 2);
    c.send("\x03");
    c.line("echo after-int-$((1+2))");
    c.wait_text("after-int-3");
    c.line("sleep 1000");
    c.send("\x1a");
    c.wait_text("Stopped");
    c.line("fg");
    c.wait_text("sleep 1000");
    c.send("\x03");
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
