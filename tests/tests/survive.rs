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

/// Returns whether every thread of a process has ended (a killed process's first thread
/// is a zombie while the others still hold its descriptors).
fn ended(pid: i32) -> bool {
    let threads = std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |d| d.count());
    !alive(pid) && threads <= 1
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
        || ended(server).then_some(()),
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

/// Returns the processes (not zombies) whose command line mentions `needle`.
fn processes_with(needle: &str) -> Vec<i32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains(needle) && alive(pid) {
            found.push(pid);
        }
    }
    found
}

/// Returns how many descriptors a process has open.
fn fd_count(pid: i32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0)
}

/// Returns the names of the files in the keep directory.
fn keep_files(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path("sock.keep"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn twenty_crashes_in_a_row_leak_no_descriptor_process_or_keeper() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["new", "-d", "-s", "loop", "-x", "80", "-y", "24"]);
    env.ok(&[
        "split-window",
        "-t",
        "loop",
        "sh -c 'while :; do date +%s%N; sleep 0.05; done'",
    ]);
    env.ok(&["send-keys", "-t", "loop:0.0", "echo cycle-zero", "Enter"]);
    wait_pane(&env, "loop:0.0", "\ncycle-zero");
    let pids = pane_pids(&env);
    let keeper = env.keeper_pid().expect("a keeper");
    let sock = env.sock.display().to_string();
    let mut server_fds = None;
    let mut keeper_fds = None;
    for cycle in 1..=20 {
        let old = crash(&env);
        // Any command starts a server that adopts everything.
        let listed = env.ok(&["ls", "-F", "#{session_name} #{session_windows}"]);
        assert_eq!(listed, "loop 1\n", "cycle {cycle}");
        let server = env.server_pid().expect("a server");
        assert_ne!(server, old);
        assert_eq!(pane_pids(&env), pids, "cycle {cycle}");
        assert_eq!(
            env.keeper_pid(),
            Some(keeper),
            "the same keeper, cycle {cycle}"
        );
        env.ok(&[
            "send-keys",
            "-t",
            "loop:0.0",
            &format!("echo cycle-{cycle}"),
            "Enter",
        ]);
        wait_pane(&env, "loop:0.0", &format!("\ncycle-{cycle}"));
        // One server, one keeper, the two programs (and the sleep of the loop): nothing else
        // of this test runs; killed servers are not left running.
        let running = processes_with(&sock);
        assert_eq!(running.len(), 2, "cycle {cycle}: {running:?}");
        // Descriptors do not grow from one cycle to the next: each cycle comes back to at
        // most what the first had (a connection of the last command, or a checkpoint file
        // being written, may be open a moment longer; a leak would stay).
        let s = *server_fds.get_or_insert_with(|| fd_count(server));
        let k = *keeper_fds.get_or_insert_with(|| fd_count(keeper));
        wait_until(
            &format!("the server's descriptors to settle, cycle {cycle}"),
            || (fd_count(server) <= s).then_some(()),
            || format!("{} open, {s} after the first cycle", fd_count(server)),
        );
        wait_until(
            &format!("the keeper's descriptors to settle, cycle {cycle}"),
            || (fd_count(keeper) <= k).then_some(()),
            || format!("{} open, {k} after the first cycle", fd_count(keeper)),
        );
        for pid in pids.values() {
            assert!(alive(*pid));
        }
    }
    // The history of every cycle is there.
    let text = capture(&env, "loop:0.0");
    for cycle in 1..=20 {
        assert!(
            text.contains(&format!("\ncycle-{cycle}\n")),
            "cycle {cycle}: {text}"
        );
    }
    let files = keep_files(&env);
    assert!(files.len() <= 10, "{files:?}");
}

#[test]
fn deliberate_ends_still_end_every_program_and_the_keeper() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "a", "sleep 1000"]);
    env.ok(&["new", "-d", "-s", "b", "sleep 1001"]);
    env.ok(&["new", "-d", "-s", "c", "sleep 1002"]);
    let pids = pane_pids(&env);
    let keeper = env.keeper_pid().expect("a keeper");
    // kill-session hangs up its programs; the keeper stays with the server.
    env.ok(&["kill-session", "-t", "a"]);
    let gone = |pid: i32| (!alive(pid)).then_some(());
    wait_until(
        "session a's program to end",
        || gone(pids["%0"]),
        String::new,
    );
    assert!(alive(pids["%1"]) && alive(pids["%2"]) && alive(keeper));
    // SIGTERM ends the server, every program and the keeper, which removes its directory.
    kill(
        Pid::from_raw(env.server_pid().expect("a server")),
        Signal::SIGTERM,
    )
    .expect("kill");
    for pid in [pids["%1"], pids["%2"], keeper] {
        wait_until(&format!("pid {pid} to end"), || gone(pid), String::new);
    }
    env.wait_server_gone();
    wait_until(
        "the keep directory to go",
        || (!env.path("sock.keep").exists()).then_some(()),
        || format!("{:?}", keep_files(&env)),
    );
    // The same with kill-server.
    env.ok(&["new", "-d", "-s", "d", "sleep 1003"]);
    let pid = pane_pids(&env)["%0"];
    let keeper = env.keeper_pid().expect("a keeper");
    env.ok(&["kill-server"]);
    for pid in [pid, keeper] {
        wait_until(&format!("pid {pid} to end"), || gone(pid), String::new);
    }
    wait_until(
        "the keep directory to go",
        || (!env.path("sock.keep").exists()).then_some(()),
        || format!("{:?}", keep_files(&env)),
    );
}

#[test]
fn a_keeper_left_alone_exits_with_its_last_program() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "a", "sleep 1000"]);
    let pid = pane_pids(&env)["%0"];
    let keeper = env.keeper_pid().expect("a keeper");
    crash(&env);
    // Nobody adopts the program; when it ends, the keeper has nothing left to keep.
    kill(Pid::from_raw(pid), Signal::SIGKILL).expect("kill the program");
    wait_until(
        "the keeper to exit",
        || (!alive(keeper)).then_some(()),
        || mux_e2e::process_state(keeper as u32),
    );
    assert!(!env.path("sock.keep").exists());
    // With nothing to adopt, a command finds no server.
    let out = env.run(&["ls"]);
    assert!(!out.status.success());
}

/// Returns the highest `flood NNNNNNNNN` line number in `text`.
fn highest_flood_line(text: &str) -> u64 {
    text.lines()
        .filter_map(|l| l.strip_prefix("flood ")?.get(..9)?.parse().ok())
        .max()
        .unwrap_or(0)
}

/// Waits until the flood's pane shows line `line` (or, with `u64::MAX`, its end) for as long
/// as it keeps making progress; returns the line it showed.
fn flood_past(env: &Env, line: u64) -> u64 {
    let mut seen = 0;
    let mut since = std::time::Instant::now();
    loop {
        let text = env.ok(&["capture-pane", "-p", "-t", "flood:1"]);
        let now = highest_flood_line(&text);
        if now >= line || text.contains("FLOOD-DONE") {
            return now;
        }
        if now > seen {
            (seen, since) = (now, std::time::Instant::now());
        }
        assert!(
            since.elapsed() < mux_e2e::deadline(),
            "the flood stopped at line {seen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Returns the total size of the files in the keep directory, and the largest pane record.
fn keep_bytes(env: &Env) -> (u64, u64) {
    let files: Vec<(String, u64)> = std::fs::read_dir(env.path("sock.keep"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().into_string().ok()?, e.metadata().ok()?.len())))
        .collect();
    let total = files.iter().map(|(_, len)| len).sum();
    let record = files
        .iter()
        .filter(|(name, _)| name.starts_with("p-") && !name.ends_with(".tmp"))
        .map(|(_, len)| *len)
        .max()
        .unwrap_or(0);
    (total, record)
}

/// Asserts that what the keep directory holds is bounded by the pane's history, not by the
/// output that went through: a record, the next one being written, and a journal of at most
/// the record's size or 8 MiB, plus a segment.
fn assert_bounded((total, record): (u64, u64)) {
    let bound = 3 * record.max(8 << 20) + (1 << 20);
    assert!(
        total <= bound && total < 100 << 20,
        "the keep directory holds {total} bytes, its largest record {record}"
    );
}

#[test]
fn a_crash_during_a_100_mb_flood_loses_no_line() {
    const LINES: u64 = 1_000_000;
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "flood", "-x", "120", "-y", "30"]);
    env.ok(&["set", "-g", "history-limit", "100000"]);
    // 1,000,000 lines of 100 bytes: 100 MB.
    env.write_home(
        "flood.sh",
        "awk 'BEGIN { pad = sprintf(\"%83s\", \"\"); gsub(/ /, \"x\", pad); \
         for (i = 1; i <= 1000000; i++) printf \"flood %09d %s\\n\", i, pad; \
         print \"FLOOD-DONE\" }'\nexec sleep 1000\n",
    );
    env.ok(&["new-window", "-d", "-t", "flood:1", "sh ~/flood.sh"]);
    // Crash near the end, so that the history (100,000 rows) holds the moment of the crash.
    let at_crash = flood_past(&env, 950_000);
    let kept_before = keep_bytes(&env);
    crash(&env);
    assert_eq!(env.ok(&["ls", "-F", "#{session_name}"]), "flood\n");
    // The flood goes on into the new server.
    flood_past(&env, u64::MAX);
    let text = env.ok(&["capture-pane", "-p", "-S", "-", "-t", "flood:1"]);
    let numbers: Vec<u64> = text
        .lines()
        .filter_map(|l| l.strip_prefix("flood ")?.get(..9)?.parse().ok())
        .collect();
    let first = numbers.first().copied().unwrap_or(0);
    assert!(
        first <= at_crash,
        "the history starts at {first}, after the crash at {at_crash}"
    );
    let want: Vec<u64> = (first..=LINES).collect();
    let breaks: Vec<(u64, u64)> = numbers
        .windows(2)
        .filter(|w| w[1] != w[0] + 1)
        .map(|w| (w[0], w[1]))
        .take(10)
        .collect();
    assert!(
        numbers == want,
        "lines missing or repeated after line {first} (crash at {at_crash}): {breaks:?}, last {:?}",
        numbers.last()
    );
    // What is kept is bounded by the history, not by the 100 MB that went through.
    let kept = keep_bytes(&env);
    eprintln!("keep directory (total, largest record): {kept_before:?} at the crash, {kept:?} after the flood");
    assert_bounded(kept_before);
    assert_bounded(kept);
}
