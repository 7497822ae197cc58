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
