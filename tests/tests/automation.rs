//! Logging a pane and waiting for what it prints, end to end: `mux log` (raw and `--plain`),
//! `pipe-pane` (`-O`, `-I`, `#{pane_pipe}`, a consumer too slow for a burst), and
//! `wait-output` driving an interactive program the way `expect` does, with its exit
//! statuses for a timeout and a pane that dies.

use std::io::Read;
use std::process::{Child, Stdio};

use mux_e2e::{run_to_end, wait_child, wait_until, Env};

/// Returns what `mux capture-pane -p -t target` prints.
fn capture(env: &Env, target: &str) -> String {
    env.ok(&["capture-pane", "-p", "-t", target])
}

/// Waits until the pane shows `needle`.
fn wait_capture(env: &Env, target: &str, needle: &str) -> String {
    wait_until(
        &format!("{needle:?} in pane {target}"),
        || Some(capture(env, target)).filter(|t| t.contains(needle)),
        || capture(env, target),
    )
}

/// Waits until a format expands to `want` for a target.
fn wait_format(env: &Env, target: &str, format: &str, want: &str) {
    let value = || env.ok(&["display", "-p", "-t", target, format]);
    wait_until(
        &format!("{format} to be {want} for {target}"),
        || (value().trim_end() == want).then_some(()),
        || format!("it is {:?}", value()),
    );
}

/// Starts `mux args...` in the background with its output piped.
fn start(env: &Env, args: &[&str]) -> Child {
    env.cmd(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mux")
}

/// Waits for a background `mux` to end; returns its status code, output and errors.
fn finish(mut child: Child, what: &str) -> (i32, String, String) {
    let status = wait_child(&mut child, what);
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read stdout");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    (status.code().unwrap_or(-1), out, err)
}

/// Ten megabytes of numbered lines, each different, so order and loss both show.
fn burst(lines: usize) -> Vec<u8> {
    let mut data = Vec::with_capacity(lines * 10);
    for n in 0..lines {
        data.extend_from_slice(format!("{n:09}\n").as_bytes());
    }
    data
}

/// A session whose program prints `file` raw (no `\r` added) once it reads a line, then
/// prints `END` and waits; `limit`, when given, is how many bytes may wait for a pipe's
/// consumer in the server it starts (a test hook).
fn session_printing(env: &Env, name: &str, file: &std::path::Path, limit: Option<usize>) {
    let script = format!(
        "stty -echo -opost; read go; cat {}; printf END; exec sleep 100000",
        file.display()
    );
    let mut cmd = env.cmd(&["new", "-d", "-s", name, "-x", "80", "-y", "24", &script]);
    if let Some(limit) = limit {
        cmd.env("MUX_TEST_SINK_LIMIT", limit.to_string());
    }
    let out = run_to_end(&mut cmd);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_ten_megabyte_burst_reaches_the_log_complete_and_in_order() {
    let env = Env::new();
    let data = burst(1 << 20);
    let source = env.path("burst.txt");
    std::fs::write(&source, &data).expect("write burst");
    session_printing(&env, "b", &source, None);
    let log = env.path("pane.log");
    env.ok(&["log", "-t", "b", log.to_str().expect("utf-8 path")]);
    wait_format(&env, "b", "#{pane_pipe}", "1");
    env.ok(&["send-keys", "-t", "b", "Enter"]);
    let want = data.len() + "END".len();
    let got = wait_until(
        "the log to hold the whole burst",
        || {
            let bytes = std::fs::read(&log).ok()?;
            (bytes.len() >= want).then_some(bytes)
        },
        || {
            format!(
                "it holds {:?} bytes",
                std::fs::metadata(&log).map(|m| m.len())
            )
        },
    );
    assert_eq!(got.len(), want);
    assert!(
        got[..data.len()] == data[..],
        "the bytes differ from the burst"
    );
    assert_eq!(&got[data.len()..], b"END");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&log).expect("log").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "a new log is private");
}

#[test]
fn a_plain_log_is_text_line_by_line_and_ends_with_the_screen() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["new", "-d", "-s", "p", "-x", "40", "-y", "5"]);
    wait_capture(&env, "p", "$");
    let log = env.path("plain.log");
    env.ok(&[
        "log",
        "--plain",
        "-t",
        "p",
        log.to_str().expect("utf-8 path"),
    ]);
    env.ok(&[
        "send-keys",
        "-t",
        "p",
        "for i in 1 2 3 4 5 6; do printf '\\033[1;31mline %s\\033[m\\n' $i; done",
        "Enter",
    ]);
    wait_capture(&env, "p", "line 6");
    // Lines 1 and 2 have scrolled off a 5-row pane by now, the rest still show.
    let text = env.wait_file(&log, "line 1 and line 2", |t| t.contains("line 2\n"));
    assert!(!text.contains('\x1b'), "no escape sequences: {text:?}");
    env.ok(&["log", "-t", "p"]);
    wait_format(&env, "p", "#{pane_pipe}", "0");
    let text = env.wait_file(&log, "the screen at the end", |t| t.contains("line 6\n"));
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("line")).collect();
    assert_eq!(
        lines,
        ["line 1", "line 2", "line 3", "line 4", "line 5", "line 6"],
        "{text:?}"
    );
}

#[test]
fn pipe_pane_sends_output_to_a_command_and_dash_i_types_into_the_pane() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["new", "-d", "-s", "q", "-x", "80", "-y", "24"]);
    wait_capture(&env, "q", "$");
    let out = env.path("piped.txt");
    env.ok(&["pipe-pane", "-t", "q", &format!("cat >> {}", out.display())]);
    wait_format(&env, "q", "#{pane_pipe}", "1");
    env.ok(&["send-keys", "-t", "q", "echo piped-$((40+2))", "Enter"]);
    env.wait_file(&out, "the command's output", |t| t.contains("piped-42"));
    // -o on an open pipe closes it: a key can toggle it.
    env.ok(&["pipe-pane", "-o", "-t", "q", "cat > /dev/null"]);
    wait_format(&env, "q", "#{pane_pipe}", "0");
    // -I: what the command prints is typed into the pane, and its end closes the pipe.
    env.ok(&[
        "pipe-pane",
        "-I",
        "-t",
        "q",
        "printf 'echo typed-by-pipe-$((6*7))\\n'",
    ]);
    wait_capture(&env, "q", "\ntyped-by-pipe-42\n");
    wait_format(&env, "q", "#{pane_pipe}", "0");
}

#[test]
fn a_consumer_too_slow_for_a_burst_gets_what_fits_and_a_note_of_what_was_skipped() {
    let env = Env::new();
    // 3 MB: more than the 1 MiB this server lets wait for the consumer (16 MiB without the
    // test hook) and the pipe's buffer.
    let limit = 1 << 20;
    let data = burst(300_000);
    let source = env.path("burst.txt");
    std::fs::write(&source, &data).expect("write burst");
    session_printing(&env, "s", &source, Some(limit));
    let gate = env.path("gate");
    nix::unistd::mkfifo(&gate, nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("mkfifo");
    let out = env.path("slow.txt");
    // The consumer reads nothing until the test opens the gate.
    let consumer = format!(
        "cat {} > /dev/null; cat > {}",
        gate.display(),
        out.display()
    );
    env.ok(&["pipe-pane", "-t", "s", &consumer]);
    wait_format(&env, "s", "#{pane_pipe}", "1");
    env.ok(&["send-keys", "-t", "s", "Enter"]);
    let ended = start(&env, &["wait-output", "-t", "s", "END$"]);
    let (status, line, _) = finish(ended, "the whole burst to reach the pane");
    assert_eq!(
        (status, line.as_str().trim_end().ends_with("END")),
        (0, true)
    );
    // The burst has been read: open the gate, then close the pipe.
    drop(
        std::fs::OpenOptions::new()
            .write(true)
            .open(&gate)
            .expect("open gate"),
    );
    env.ok(&["pipe-pane", "-t", "s"]);
    let text = env.wait_file(&out, "the note of skipped bytes", |t| {
        t.contains("bytes skipped: the log could not keep up]")
    });
    let bytes = text.as_bytes();
    let note_at = text.find("\r\n[mux: ").expect("the note");
    assert!(
        note_at > limit,
        "a consumer may fall 1 MiB behind: {note_at}"
    );
    assert!(
        bytes[..note_at] == data[..note_at],
        "what arrived is the burst's start, in order"
    );
    let skipped: usize = text[note_at + 8..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert_eq!(
        note_at + skipped,
        data.len() + "END".len(),
        "{}",
        &text[note_at..]
    );
}

#[test]
fn wait_output_drives_an_interactive_program_through_three_prompts() {
    let env = Env::new();
    env.ok(&[
        "new",
        "-d",
        "-s",
        "py",
        "-x",
        "80",
        "-y",
        "24",
        "python3 -q -i",
    ]);
    env.ok(&["set", "-t", "py", "remain-on-exit", "on"]);
    let first = env.ok(&["wait-output", "-T", "15", "-t", "py", "^>>>$"]);
    assert_eq!(first, ">>>\n");
    env.ok(&["send-keys", "-t", "py", "print('answer', 6*7)", "Enter"]);
    let answer = env.ok(&["wait-output", "-t", "py", "^answer [0-9]+$"]);
    assert_eq!(answer, "answer 42\n");
    env.ok(&["send-keys", "-t", "py", "name = input('name? ')", "Enter"]);
    let asked = env.ok(&["wait-output", "-t", "py", "^name\\?$"]);
    assert_eq!(asked, "name?\n");
    env.ok(&["send-keys", "-t", "py", "mux", "Enter"]);
    env.ok(&[
        "send-keys",
        "-t",
        "py",
        "print('hello', name.upper())",
        "Enter",
    ]);
    let hello = env.ok(&["wait-output", "-t", "py", "^hello (.*)$"]);
    assert_eq!(hello, "hello MUX\n");
    // A wait already running is woken by the output it waits for.
    let waiting = start(&env, &["wait-output", "-t", "py", "^bye [0-9]+$"]);
    env.ok(&["send-keys", "-t", "py", "print('bye', 1+2)", "Enter"]);
    let (status, out, err) = finish(waiting, "wait-output to see bye");
    assert_eq!((status, out.as_str(), err.as_str()), (0, "bye 3\n", ""));
    // A wait that nothing answers times out with status 1.
    let (status, out, err) = finish(
        start(
            &env,
            &["wait-output", "-T", "0.3", "-t", "py", "never printed"],
        ),
        "wait-output to time out",
    );
    assert_eq!((status, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "timed out after 0.3s waiting for output matching \"never printed\"\n"
    );
    // The program ending first gives status 2.
    let waiting = start(&env, &["wait-output", "-t", "py", "never printed"]);
    env.ok(&["send-keys", "-t", "py", "exit()", "Enter"]);
    let (status, _, err) = finish(waiting, "wait-output to see python exit");
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("exited before its output matched"), "{err}");
    wait_format(&env, "py", "#{pane_dead}", "1");
    // Waiting on a pane that is already dead ends at once, with status 2 too.
    let (status, _, _) = finish(
        start(&env, &["wait-output", "-t", "py", "never printed"]),
        "wait-output on a dead pane",
    );
    assert_eq!(status, 2);
}
