//! Hostile output through the real binary: a pane that prints the known-bad corpus (malformed
//! and oversized sequences, invalid UTF-8, a megabyte of unterminated OSC) leaves the server
//! running, its own pane usable, and the other pane and client unaffected.

use mux_e2e::{wait_until, Env};

/// Writes the corpus to a file in the test's home and returns its path.
fn corpus_file(env: &Env) -> std::path::PathBuf {
    let mut bytes: Vec<u8> = Vec::new();
    for case in [
        b"\x1b[38::::::::::::::::::::::m".as_slice(),
        b"\x1b[99999999T\x1b[99999999L\x1b[65535;65535H\x1b[4294967296;1r",
        b"x\x1b[99999999b\xf0\x80\x80\x80\xed\xa0\x80",
        "\x1b[999C漢\u{301}\u{301}".as_bytes(),
    ] {
        bytes.extend_from_slice(case);
    }
    bytes.extend_from_slice(b"\x1b]0;");
    bytes.extend(std::iter::repeat_n(b'A', 1_100_000));
    bytes.extend_from_slice(b"\x1bP");
    bytes.extend(std::iter::repeat_n(b'B', 1_100_000));
    // End the unterminated string and reset what the corpus set.
    bytes.extend_from_slice(b"\x1b\\\x18\x1b[0m\x1b[r\x1b[H\x1b[2J");
    let path = env.path("corpus.bin");
    std::fs::write(&path, bytes).expect("write the corpus");
    path
}

#[test]
fn the_known_bad_corpus_harms_nothing() {
    let env = Env::new();
    let c = env.attached("bad", 80, 24);
    let server = env.server_pid().expect("a server");
    env.ok(&["split-window", "-h"]);
    let corpus = corpus_file(&env);
    env.ok(&[
        "send-keys",
        "-t",
        "%0",
        &format!("cat {}; echo corpus-done", corpus.display()),
        "Enter",
    ]);
    let pane0 = || env.ok(&["capture-pane", "-p", "-t", "%0"]);
    wait_until(
        "the first pane to finish the corpus and still print",
        || pane0().contains("corpus-done").then_some(()),
        pane0,
    );
    env.ok(&["send-keys", "-t", "%0", "echo still-$((6*7))", "Enter"]);
    env.ok(&["send-keys", "-t", "%1", "echo other-$((6*7))", "Enter"]);
    c.wait_text("other-42");
    c.wait_text("still-42");
    assert_eq!(env.server_pid(), Some(server), "the server kept running");
    let title = env.ok(&["display", "-p", "-t", "%0", "#{pane_title}"]);
    assert!(
        title.len() <= 4097,
        "the title is capped: {} bytes",
        title.len()
    );
}

#[test]
fn a_panic_in_one_pane_s_emulator_is_contained() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    // The server panics in a pane's emulator when its output holds this marker.
    let mut start = env.cmd(&["new", "-d", "-s", "p", "-x", "80", "-y", "23"]);
    start.env("MUX_FAULT_PANIC_ON", "fault-xyzzy-42");
    assert!(mux_e2e::run_to_end(&mut start).status.success());
    let server = env.server_pid().expect("a server");
    env.ok(&["split-window", "-h"]);
    let c = env.client(&["attach", "-t", "p"], 80, 24);
    c.wait_text("$ ");
    env.ok(&[
        "send-keys",
        "-t",
        "%0",
        "echo fault-xyzzy-$((40+2))",
        "Enter",
    ]);
    let pane0 = || env.ok(&["capture-pane", "-p", "-t", "%0"]);
    wait_until(
        "the reset notice in the pane whose emulator panicked",
        || pane0().contains("terminal was reset").then_some(()),
        pane0,
    );
    assert_eq!(env.server_pid(), Some(server), "the server kept running");
    env.ok(&["send-keys", "-t", "%0", "echo after-$((1+1))", "Enter"]);
    env.ok(&["send-keys", "-t", "%1", "echo other-$((2+2))", "Enter"]);
    c.wait_text("after-2");
    c.wait_text("other-4");
}

#[test]
fn random_bytes_with_resizes_leave_every_pane_working() {
    let env = Env::new();
    let c = env.attached("rnd", 100, 30);
    let server = env.server_pid().expect("a server");
    let script = "head -c 3000000 /dev/urandom; printf '\\033c'; echo rnd-done; exec sleep 100";
    env.ok(&["split-window", "-h", script]);
    env.ok(&["split-window", "-v", "-l", "3", script]);
    env.ok(&["split-window", "-h", "-l", "2", script]);
    // Resize while the panes are flooded: down to a column or a row, and back.
    for (pane, flag, n) in [("%1", "-x", "1"), ("%2", "-y", "1"), ("%3", "-x", "70")] {
        env.ok(&["resize-pane", "-t", pane, flag, n]);
    }
    c.resize(40, 12);
    c.resize(120, 40);
    for pane in ["%1", "%2", "%3"] {
        env.ok(&["resize-pane", "-t", pane, "-x", "20", "-y", "8"]);
        // Joined, so that a pane left one column wide still shows the marker whole.
        let capture = || env.ok(&["capture-pane", "-p", "-J", "-S", "-", "-t", pane]);
        wait_until(
            &format!("{pane} to finish its random bytes"),
            || capture().contains("rnd-done").then_some(()),
            capture,
        );
    }
    assert_eq!(env.server_pid(), Some(server), "the server kept running");
    env.ok(&["send-keys", "-t", "%0", "echo fine-$((3*3))", "Enter"]);
    c.wait_text("fine-9");
}
