//! Copy mode through the real binary, with a client in a test-owned terminal: scrolling back
//! through thousands of lines, searching, selecting with vi and emacs keys, what the buffer
//! holds, the copy reaching the outer terminal as OSC 52, and pasting it back.

use mux_e2e::{wait_until, Client, Env};

/// A session `work` whose pane printed `line 1`..`line N` with a client attached at 80x24.
fn printed(env: &Env, n: u32) -> Client {
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["set", "-g", "history-limit", "10000"]);
    let c = env.client(
        &[
            "new",
            "-s",
            "work",
            &format!("seq -f 'line %g' 1 {n}; exec sleep 1000"),
        ],
        80,
        24,
    );
    c.wait_text(&format!("line {n}"));
    c
}

/// Waits for a buffer to hold exactly `want`.
fn wait_buffer(env: &Env, want: &str) {
    wait_until(
        &format!("the newest buffer to be {want:?}"),
        || (env.run(&["show-buffer"]).stdout == want.as_bytes()).then_some(()),
        || String::from_utf8_lossy(&env.run(&["show-buffer"]).stdout).into_owned(),
    );
}

#[test]
fn vi_keys_search_back_through_5000_lines_and_copy_three() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "first"]);
    env.ok(&["set", "-g", "mode-keys", "vi"]);
    let c = printed(&env, 5000);
    c.send("\x02[");
    c.wait_screen("the position indicator at the top right", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.ends_with("/4978]"))
    });
    c.send("?line 1234\r");
    c.wait_text("(1 results)");
    c.send("Vjj\r");
    wait_buffer(&env, "line 1234\nline 1235\nline 1236\n");
    c.wait_screen("copy mode to end with the copy", |s| {
        !s.contents().contains("results)")
    });
}

#[test]
fn emacs_keys_copy_and_the_copy_reaches_the_outer_terminal_as_osc_52() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "first"]);
    env.ok(&["set", "-g", "mode-keys", "emacs"]);
    let c = printed(&env, 40);
    c.send("\x02[");
    c.wait_text("[0/18]");
    // M-< goes to the top; C-Space, five C-f and M-w copy "line ".
    c.send("\x1b<\x00\x06\x06\x06\x06\x06\x1bw");
    wait_buffer(&env, "line ");
    // "line " in base64.
    wait_until(
        "the client to write the copy as OSC 52",
        || {
            let raw = String::from_utf8_lossy(&c.raw()).into_owned();
            raw.contains("\x1b]52;c;bGluZSA=\x07").then_some(())
        },
        || format!("{:?}", String::from_utf8_lossy(&c.raw())),
    );
}

#[test]
fn a_copied_selection_pastes_into_cat_with_prefix_bracket() {
    let env = Env::new();
    let c = env.attached("work", 80, 24);
    env.ok(&["set-buffer", "hello from the buffer"]);
    c.line("cat");
    c.send("\x02]");
    c.wait_text("hello from the buffer");
}

#[test]
fn the_view_stays_on_its_text_while_the_program_prints() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let go = env.path("go");
    let script = format!(
        "seq -f 'first %g' 1 100; while [ ! -e {} ]; do sleep 0.05; done; \
         seq -f 'later %g' 1 50; exec sleep 1000",
        go.display()
    );
    let c = env.client(&["new", "-s", "work", &script], 80, 24);
    c.wait_text("first 100");
    c.send("\x02[");
    c.send("\x1b[5~");
    c.wait_text("[21/78]");
    let top = c.row(0);
    std::fs::write(&go, "").unwrap();
    c.wait_text("[71/128]");
    let text = |row: String| row.split('[').next().unwrap_or("").trim_end().to_string();
    assert_eq!(text(c.row(0)), text(top.clone()), "the view moved");
    assert_eq!(text(top), "first 58");
}

#[test]
fn load_buffer_reads_a_pipe_and_save_buffer_writes_a_file() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "work"]);
    let mut cmd = env.cmd(&["load-buffer", "-b", "piped", "-"]);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn mux load-buffer -");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("its stdin");
        stdin.write_all(b"from a pipe\n").expect("write to it");
    }
    let out = mux_e2e::wait_child(&mut child, "mux load-buffer - to read its standard input");
    assert!(out.success(), "load-buffer -: {out:?}");
    assert_eq!(env.ok(&["show-buffer", "-b", "piped"]), "from a pipe\n");
    let file = env.path("saved.txt");
    env.ok(&["save-buffer", "-b", "piped", &file.display().to_string()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "from a pipe\n");
}

#[test]
fn prefix_equals_chooses_a_buffer_to_paste() {
    let env = Env::new();
    let c = env.attached("work", 80, 24);
    env.ok(&["set-buffer", "-b", "first", "pasted from the chooser"]);
    env.ok(&["set-buffer", "-b", "second", "not this one"]);
    c.line("cat");
    c.send("\x02=");
    c.wait_text("(1) first:");
    c.send("\x1b[B\r");
    c.wait_text("pasted from the chooser");
}
