//! Sessions that survive the server (issue 15): `kill -9` of the server while a shell has a
//! half-typed line, vim edits a file, top runs and a job prints, and everything is back when
//! a client attaches (the same programs, the same screens, every line the job wrote); the
//! keeper ends with the last program; a deliberate exit still ends every program.

use std::collections::BTreeMap;

use mux_e2e::{wait_until, Env};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

/// Returns each pane's pid, by pane id.
fn pane_pids(env: &Env) -> BTreeMap<String, i32> {
    env.ok(&["list-panes", "-a", "-F", "#{pane_id} #{pane_pid}"])
        .lines()
        .filter_map(|l| {
            let (id, pid) = l.split_once(' ')?;
            Some((id.to_string(), pid.parse().ok()?))
        })
        .collect()
}

/// Returns whether a process exists and is not a zombie.
fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status")).is_ok_and(|s| {
        !s.lines()
            .any(|l| l.starts_with("State:") && l.contains('Z'))
    })
}

/// Returns a pane's whole history and screen as text.
fn capture(env: &Env, target: &str) -> String {
    env.ok(&["capture-pane", "-p", "-S", "-", "-t", target])
}

/// Waits until a pane's screen holds `needle`.
fn wait_pane(env: &Env, target: &str, needle: &str) -> String {
    wait_until(
        &format!("{needle:?} in pane {target}"),
        || {
            let text = env.run(&["capture-pane", "-p", "-t", target]);
            let text = String::from_utf8_lossy(&text.stdout).into_owned();
            text.contains(needle).then_some(text)
        },
        || capture(env, target),
    )
}

/// Kills the server with SIGKILL and waits until it is gone.
fn crash(env: &Env) -> i32 {
    let server = env.server_pid().expect("a server");
    kill(Pid::from_raw(server), Signal::SIGKILL).expect("kill -9 the server");
    wait_until(
        "the killed server to be gone",
        || (!alive(server)).then_some(()),
        || mux_e2e::process_state(server as u32),
    );
    server
}

#[test]
fn a_killed_server_loses_no_program_no_screen_and_no_output() {
    let env = Env::new();
    let c = env.attached("work", 100, 30);
    env.ok(&["set", "-g", "history-limit", "10000"]);
    // A job that prints numbered lines for a few seconds, then says it is done.
    env.write_home(
        "job.sh",
        "i=0\nwhile [ $i -lt 1500 ]; do i=$((i+1)); echo \"job line $i\"; \
         case $i in *0) sleep 0.02;; esac; done\necho JOB-DONE\nexec sleep 1000\n",
    );
    let file = env.write_home(
        "notes.txt",
        "first line of the file\nsecond line\nthird line\n",
    );
    let vim = format!("vim -u NONE -N -n {}", file.display());
    env.ok(&["new-window", "-d", "-n", "vim", "-t", "work:2", &vim]);
    env.ok(&["new-window", "-d", "-n", "top", "-t", "work:3", "top -d 1"]);
    wait_pane(&env, "work:2", "second line");
    wait_pane(&env, "work:3", "PID");
    // In vim, a change not yet written.
    env.ok(&[
        "send-keys",
        "-t",
        "work:2",
        "G",
        "o",
        "an unsaved line",
        "Escape",
    ]);
    let vim_before = wait_until(
        "vim back in normal mode with the new line",
        || {
            let text = env.ok(&["capture-pane", "-p", "-e", "-t", "work:2"]);
            (text.contains("an unsaved line") && !text.contains("INSERT")).then_some(text)
        },
        || capture(&env, "work:2"),
    );
    env.ok(&[
        "new-window",
        "-d",
        "-n",
        "job",
        "-t",
        "work:1",
        "sh ~/job.sh",
    ]);
    // In the shell, a line typed but not entered.
    c.send("echo half typed");
    c.wait_text("$ echo half typed");
    wait_pane(&env, "work:1", "job line 200");
    let pids = pane_pids(&env);
    assert_eq!(pids.len(), 4, "{pids:?}");

    let old = crash(&env);

    // The attached client says what happened and attaches again to a new server.
    c.wait_text("recovered 4 panes after a server crash");
    let raw = String::from_utf8_lossy(&c.raw()).into_owned();
    assert!(raw.contains("[server exited unexpectedly; reconnecting]"));
    let new = env.server_pid().expect("a new server");
    assert_ne!(new, old);
    // The same programs, alive, never hung up.
    assert_eq!(pane_pids(&env), pids);
    for pid in pids.values() {
        assert!(alive(*pid), "pid {pid} is gone");
    }
    // The half-typed line is still there, and the shell still takes it.
    c.wait_text("$ echo half typed");
    c.send(" and entered\r");
    c.wait_text("\nhalf typed and entered");
    // vim's buffer, with its unsaved change, is as it was.
    assert_eq!(
        env.ok(&["capture-pane", "-p", "-e", "-t", "work:2"]),
        vim_before
    );
    // top was told to repaint and goes on updating.
    wait_pane(&env, "work:3", "load average");
    // Every line the job wrote is in its pane's history, once, in order.
    wait_pane(&env, "work:1", "JOB-DONE");
    let lines: Vec<String> = capture(&env, "work:1")
        .lines()
        .filter(|l| l.starts_with("job line "))
        .map(str::to_string)
        .collect();
    let want: Vec<String> = (1..=1500).map(|i| format!("job line {i}")).collect();
    assert_eq!(lines, want);
}

/// Runs a command as a client of the newer build the test pretends to install.
fn newer(env: &Env, args: &[&str]) -> std::process::Output {
    mux_e2e::run_to_end(env.cmd(args).env("MUX_TEST_PROTOCOL_VERSION", NEWER))
}

/// Runs a command that must succeed as a client of the newer build; returns its output.
fn newer_ok(env: &Env, args: &[&str]) -> String {
    let out = newer(env, args);
    assert!(
        out.status.success(),
        "mux {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The protocol version the "new build" claims: the same binary, told by a test hook.
const NEWER: &str = "1009";

#[test]
fn server_upgrade_hands_everything_to_a_newer_build_without_a_difference() {
    let env = Env::new();
    let c = env.attached("up", 100, 30);
    env.ok(&["set", "-g", "history-limit", "10000"]);
    // A pane whose output is done: coloured lines, wrapped lines, more than a screen.
    env.write_home(
        "colours.sh",
        "i=0\nwhile [ $i -lt 400 ]; do i=$((i+1)); \
         printf '\\033[3%dm line %d \\033[1;4mbold\\033[0m %0150d\\n' $((i % 8)) $i $i; done\n\
         echo COLOURS-DONE\nexec sleep 1000\n",
    );
    env.ok(&["new-window", "-d", "-t", "up:1", "sh ~/colours.sh"]);
    let file = env.write_home("notes.txt", "one\ntwo\nthree\n");
    let vim = format!("vim -u NONE -N -n {}", file.display());
    env.ok(&["new-window", "-d", "-t", "up:2", &vim]);
    wait_pane(&env, "up:1", "COLOURS-DONE");
    wait_pane(&env, "up:2", "three");
    env.ok(&[
        "send-keys",
        "-t",
        "up:2",
        "gg",
        "dd",
        "ito be saved ",
        "Escape",
    ]);
    wait_until(
        "vim with its change, in normal mode",
        || {
            let t = env.ok(&["capture-pane", "-p", "-t", "up:2"]);
            (t.starts_with("to be saved two") && !t.contains("INSERT")).then_some(())
        },
        || capture(&env, "up:2"),
    );
    c.send("echo typed before the upgrade");
    c.wait_text("$ echo typed before the upgrade");
    // A job that keeps printing while the server changes hands.
    env.write_home(
        "job.sh",
        "i=0\nwhile [ $i -lt 1500 ]; do i=$((i+1)); echo \"job line $i\"; \
         case $i in *0) sleep 0.02;; esac; done\necho JOB-DONE\nexec sleep 1000\n",
    );
    env.ok(&["new-window", "-d", "-t", "up:3", "sh ~/job.sh"]);
    wait_pane(&env, "up:3", "job line 100");
    let targets = ["up:0", "up:1", "up:2"];
    let before: Vec<String> = targets
        .iter()
        .map(|t| env.ok(&["capture-pane", "-p", "-e", "-S", "-", "-t", t]))
        .collect();
    let pids = pane_pids(&env);
    let server = env.server_pid().expect("a server");

    // A binary that is not mux is refused, and nothing changes.
    let refused = newer(&env, &["server-upgrade", "/bin/true"]);
    assert!(!refused.status.success());
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr).trim(),
        "server-upgrade: /bin/true is not a mux binary"
    );
    assert_eq!(pane_pids(&env), pids);

    let out = newer(&env, &["server-upgrade"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exe = mux_e2e::mux_bin();
    assert_eq!(
        stdout,
        format!(
            "handing the server over to {0}\nserver upgraded: the server is {0} (pid {server})\n",
            exe.display()
        )
    );
    // The old client speaks the old protocol: the newer server refuses it, and names the way.
    let old = env.run(&["ls"]);
    assert!(String::from_utf8_lossy(&old.stderr).contains(&format!("server {NEWER}")));
    // The attached client comes back on its own, running the newer build.
    c.wait_text("recovered 4 panes after a server upgrade");
    let raw = String::from_utf8_lossy(&c.raw()).into_owned();
    assert!(
        raw.contains("[server upgrading; reconnecting]"),
        "{}",
        &raw[raw.len().saturating_sub(3000)..]
    );
    let ids = newer_ok(&env, &["list-panes", "-a", "-F", "#{pane_id} #{pane_pid}"]);
    let after: BTreeMap<String, i32> = ids
        .lines()
        .filter_map(|l| {
            let (id, pid) = l.split_once(' ')?;
            Some((id.to_string(), pid.parse().ok()?))
        })
        .collect();
    assert_eq!(after, pids);
    assert_eq!(
        env.server_pid(),
        Some(server),
        "the same process, a new binary"
    );
    for (t, was) in targets.iter().zip(&before) {
        let now = newer_ok(&env, &["capture-pane", "-p", "-e", "-S", "-", "-t", t]);
        assert_eq!(&now, was, "pane {t} changed");
    }
    c.send(" and after\r");
    c.wait_text("\ntyped before the upgrade and after");
    let job = wait_until(
        "the job to finish",
        || {
            let t = newer_ok(&env, &["capture-pane", "-p", "-S", "-", "-t", "up:3"]);
            t.contains("JOB-DONE").then_some(t)
        },
        || newer_ok(&env, &["capture-pane", "-p", "-t", "up:3"]),
    );
    let lines: Vec<&str> = job.lines().filter(|l| l.starts_with("job line ")).collect();
    let want: Vec<String> = (1..=1500).map(|i| format!("job line {i}")).collect();
    assert_eq!(lines, want);
}
