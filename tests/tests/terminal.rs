//! What programs ask of the terminal, seen through the real binary: OSC 52 clipboard writes,
//! OSC 7 working directories, titles, DEC line drawing and synchronized output.

use mux_e2e::{wait_until, Env};

/// Starts a session named `t` whose first pane runs `script`, attaches an 80x24 client and
/// returns it once `needle` shows.
fn session_running(env: &Env, script: &str, needle: &str) -> mux_e2e::Client {
    env.ok(&["new", "-d", "-s", "t", "-x", "80", "-y", "23", script]);
    let c = env.client(&["attach", "-t", "t"], 80, 24);
    c.wait_text(needle);
    c
}

/// Returns whether `haystack` contains `needle`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Returns the rows of the client's screen with trailing blanks dropped, joined by newlines.
fn trimmed(c: &mux_e2e::Client) -> String {
    c.with_screen(|s| {
        let cols = s.size().1.get();
        s.rows(0, cols)
            .map(|r| r.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Waits until the client's trimmed screen contains `needle`.
fn wait_trimmed(c: &mux_e2e::Client, needle: &str) {
    wait_until(
        &format!("{needle:?} on the screen"),
        || trimmed(c).contains(needle).then_some(()),
        || trimmed(c),
    );
}

#[test]
fn osc52_reaches_the_client_and_fills_a_buffer() {
    let env = Env::new();
    let c = env.attached("t", 80, 24);
    c.line("printf '\\033]52;c;aGVsbG8gY2xpcA==\\007'; echo copied");
    wait_trimmed(&c, "\ncopied");
    wait_until(
        "the OSC 52 sequence in the client's output",
        || contains(&c.raw(), b"\x1b]52;c;aGVsbG8gY2xpcA==\x07").then_some(()),
        || String::from_utf8_lossy(&c.raw()).into_owned(),
    );
    assert_eq!(env.ok(&["show-buffer"]), "hello clip");
}

#[test]
fn set_clipboard_external_and_off() {
    let env = Env::new();
    let c = env.attached("t", 80, 24);
    env.ok(&["set", "-s", "set-clipboard", "external"]);
    c.line("printf '\\033]52;c;ZXh0\\007'; echo ext-done");
    wait_trimmed(&c, "\next-done");
    wait_until(
        "the external OSC 52 write in the client's output",
        || contains(&c.raw(), b"\x1b]52;c;ZXh0\x07").then_some(()),
        || String::from_utf8_lossy(&c.raw()).into_owned(),
    );
    let listed = env.ok(&["list-buffers"]);
    assert_eq!(listed, "", "external makes no buffer");
    env.ok(&["set", "-s", "set-clipboard", "off"]);
    c.line("printf '\\033]52;c;b2Zm\\007'; echo off-done");
    wait_trimmed(&c, "\noff-done");
    // The marker line and the OSC travel in order: once the marker shows, an OSC 52 sent
    // before it would have arrived too.
    assert!(!contains(&c.raw(), b"\x1b]52;c;b2Zm"), "off sends nothing");
    assert_eq!(env.ok(&["list-buffers"]), "");
}

#[test]
fn invalid_clipboard_data_is_dropped() {
    let env = Env::new();
    let c = env.attached("t", 80, 24);
    c.line("printf '\\033]52;c;not*base64\\007'; echo sent");
    wait_trimmed(&c, "\nsent");
    assert!(!contains(&c.raw(), b"\x1b]52;c;not"));
    assert_eq!(env.ok(&["list-buffers"]), "");
}

#[test]
fn osc7_sets_the_pane_current_path() {
    let env = Env::new();
    let _c = session_running(
        &env,
        "printf '\\033]7;file://somehost/srv/my%%20project\\007'; echo told; exec sleep 100",
        "told",
    );
    wait_until(
        "pane_current_path from OSC 7",
        || {
            let path = env.ok(&["display", "-p", "-t", "t", "#{pane_current_path}"]);
            (path.trim_end() == "/srv/my project").then_some(())
        },
        || env.ok(&["display", "-p", "-t", "t", "#{pane_current_path}"]),
    );
}

#[test]
fn a_title_with_semicolons_is_kept_whole() {
    let env = Env::new();
    let _c = session_running(
        &env,
        "printf '\\033]2;build; test; deploy\\007'; echo titled; exec sleep 100",
        "titled",
    );
    wait_until(
        "the pane title",
        || {
            let t = env.ok(&["display", "-p", "-t", "t", "#{pane_title}"]);
            (t.trim_end() == "build; test; deploy").then_some(())
        },
        || env.ok(&["display", "-p", "-t", "t", "#{pane_title}"]),
    );
}

#[test]
fn dec_special_graphics_draw_boxes() {
    let env = Env::new();
    let c = session_running(
        &env,
        "printf '\\033(0lqqk\\033(B\\n\\033(0x\\033(B  \\033(0x\\033(B\\n\\033)0\\016mqqj\\017 done\\n'; exec sleep 100",
        "done",
    );
    wait_trimmed(&c, "┌──┐\n│  │\n└──┘ done");
}

#[test]
fn a_synchronized_update_that_never_ends_still_shows() {
    let env = Env::new();
    // The program opens a synchronized update and never closes it: the safety timeout lets
    // its output through anyway.
    let c = session_running(
        &env,
        "printf '\\033[?2026hinside-the-update'; exec sleep 100",
        "inside-the-update",
    );
    c.wait_text("inside-the-update");
}

#[test]
fn a_pane_asking_for_the_background_gets_the_outer_terminal_colour() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.client(&["new", "-s", "t"], 80, 24);
    // The test plays the outer terminal: it answers the client's colour queries, then the
    // device attributes query that ends the client's wait.
    wait_until(
        "the client asking its terminal for the cursor colour",
        || contains(&c.raw(), b"\x1b]12;?").then_some(()),
        || String::from_utf8_lossy(&c.raw()).into_owned(),
    );
    c.send(
        "\x1b]10;rgb:eeee/dddd/cccc\x1b\\\x1b]11;rgb:1234/5678/9abc\x1b\\\
         \x1b]12;rgb:aaaa/bbbb/cccc\x1b\\\x1b[?62;22c",
    );
    c.wait_text("$ ");
    let out = env.path("reply.out");
    // Two replies of 25 bytes each: head waits for both.
    c.line(&format!(
        "stty raw -echo; printf '\\033]11;?\\033\\\\\\033]12;?\\033\\\\'; \
         head -c 50 | od -An -c | tr -d ' \\n' > {}; stty sane; echo done",
        out.display()
    ));
    wait_trimmed(&c, "\ndone");
    let reply = std::fs::read_to_string(&out).expect("the reply file");
    assert_eq!(
        reply,
        "033]11;rgb:1212/5656/9a9a033\\033]12;rgb:aaaa/bbbb/cccc033\\"
    );
}

#[test]
fn reverse_video_inverts_the_pane() {
    let env = Env::new();
    let c = env.attached("t", 80, 24);
    c.line("printf '\\033[?5h'; echo inverted");
    wait_trimmed(&c, "\ninverted");
    c.wait_screen("the pane's cells drawn in inverse", |s| {
        s.cell(0, 0).is_some_and(|cell| cell.inverse())
    });
    c.line("printf '\\033[?5l'; echo normal");
    wait_trimmed(&c, "\nnormal");
    c.wait_screen("the pane's cells drawn normally again", |s| {
        s.cell(0, 0).is_some_and(|cell| !cell.inverse())
    });
}

#[test]
fn curly_underline_colour_and_hyperlinks_reach_the_client() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let script = env.write_home(
        "styled.sh",
        "printf '\\033[4:3;58:2::255:0:0mwavy\\033[m \\033]8;;https://example.com/x\\033\\\\here\\033]8;;\\033\\\\\\n'\n",
    );
    env.ok(&["new", "-d", "-s", "t", "-x", "80", "-y", "23"]);
    // A terminal that names itself as one drawing styled underlines gets them as written.
    let mut cmd = env.cmd(&["attach", "-t", "t"]);
    cmd.env("TERM_PROGRAM", "WezTerm")
        .env("COLORTERM", "truecolor");
    let c = mux_e2e::Client::spawn(cmd, 80, 24);
    c.wait_text("$ ");
    c.line(&format!("sh {}", script.display()));
    wait_trimmed(&c, "\nwavy here");
    wait_until(
        "a curly red underline and the hyperlink in the client's output",
        || {
            let raw = c.raw();
            (contains(&raw, b"\x1b[0;4:3;58:2::255:0:0mw")
                && contains(&raw, b"\x1b]8;;https://example.com/x\x1b\\h"))
            .then_some(())
        },
        || String::from_utf8_lossy(&c.raw()).into_owned(),
    );
    // One whose terminfo and name say nothing of them gets a plain underline, no colour.
    let plain = env.client(&["attach", "-t", "t"], 80, 24);
    wait_trimmed(&plain, "\nwavy here");
    let raw = plain.raw();
    assert!(
        contains(&raw, b"\x1b[0;4mw"),
        "{}",
        String::from_utf8_lossy(&raw)
    );
    assert!(!contains(&raw, b"58:"), "{}", String::from_utf8_lossy(&raw));
}

#[test]
fn the_client_terminal_losing_and_gaining_focus_reaches_the_pane() {
    let env = Env::new();
    // As tmux, focus reaches panes only with focus-events on (the server's first session
    // is made so that the option can be set before the pane starts).
    env.ok(&["new", "-d", "-s", "first"]);
    env.ok(&["set", "-s", "focus-events", "on"]);
    let out = env.path("focus.out");
    let script = env.write_home(
        "focus.sh",
        &format!(
            "printf '\\033[?1004hready\\n'; stty raw -echo; head -c 6 > {}; stty sane; echo done\n",
            out.display()
        ),
    );
    let c = session_running(
        &env,
        &format!("sh {}; exec sleep 100", script.display()),
        "ready",
    );
    // The test plays the client's terminal reporting focus out, then in.
    c.send("\x1b[O");
    c.send("\x1b[I");
    wait_trimmed(&c, "done");
    assert_eq!(std::fs::read(&out).expect("reports"), b"\x1b[O\x1b[I");
}

#[test]
fn a_long_line_stays_one_line_in_the_outer_terminal() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let long: String = (0..130u8).map(|i| char::from(b'a' + i % 26)).collect();
    let c = session_running(&env, &format!("echo {long}; echo short; exec cat"), "short");
    // The terminal saw row 0 run into row 1: its own selection copies one line.
    c.wait_screen("row 0 wrapped in the outer terminal", |s| s.row_wrapped(0));
    assert!(c.with_screen(|s| !s.row_wrapped(1) && !s.row_wrapped(2)));
    // Side by side, no pane is as wide as the screen: nothing wraps in the outer terminal,
    // and the wrap the terminal had is ended.
    env.ok(&["split-window", "-h", "-t", "t", "cat"]);
    c.wait_screen("no row wrapped", |s| (0..24).all(|r| !s.row_wrapped(r)));
    // Back to one pane: the line wraps again.
    env.ok(&["kill-pane", "-t", "t.1"]);
    c.wait_screen("row 0 wrapped again", |s| s.row_wrapped(0));
}
