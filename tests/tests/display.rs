//! What the attached client draws: the pane with its colours, attributes, wide characters and
//! cursor, and tmux's status line; and what reaches the pane: keys encoded for its modes,
//! bracketed pastes and the terminal size.

use mux_e2e::{Client, Env};

/// Runs a script in the pane through a file, so the typed line stays short.
fn run_script(env: &Env, c: &Client, name: &str, body: &str) {
    let path = env.write_home(name, body);
    c.line(&format!("sh {}", path.display()));
}

#[test]
fn the_status_line_shows_session_window_title_and_time() {
    let env = Env::new();
    let c = env.attached("work", 80, 24);
    c.wait_screen("the status line on the last row", |s| {
        let (rows, cols) = s.size();
        let last = s
            .rows(0, cols.get())
            .nth(usize::from(rows.get() - 1))
            .unwrap_or_default();
        last.starts_with("[work] 0:sh*")
    });
    let status = c.with_screen(|s| {
        let cell = s.cell(23, 0).expect("cell").clone();
        (cell.fgcolor(), cell.bgcolor())
    });
    assert_eq!(status, (vt100::Color::Idx(0), vt100::Color::Idx(2)));
    c.line("printf '\\033]2;my title\\007'");
    c.wait_screen("the pane title on the right", |s| {
        s.contents()
            .lines()
            .last()
            .unwrap_or("")
            .contains("\"my title\" ")
    });
    // The window is named after the foreground command.
    c.line("sleep 100");
    c.wait_text("0:sleep*");
    c.send("\x03");
    c.wait_text("0:sh*");
}

#[test]
fn colours_attributes_and_wide_characters_are_drawn() {
    let env = Env::new();
    let c = env.attached("colours", 80, 24);
    run_script(
        &env,
        &c,
        "colours.sh",
        "printf '\\033[H\\033[2J\\033[31mR\\033[0m\\033[38;5;200mI\\033[0m\\033[38;2;1;2;3mG\\033[0m'\n\
         printf '\\033[1mB\\033[0m\\033[3mI\\033[0m\\033[4mU\\033[0m\\033[7mV\\033[0m'\n\
         printf '\\033[44m \\033[0m漢字!\\n'\n\
         sleep 100\n",
    );
    c.wait_text("RIGBIUV 漢字!");
    c.with_screen(|s| {
        let cell = |col| s.cell(0, col).expect("cell").clone();
        assert_eq!(cell(0).fgcolor(), vt100::Color::Idx(1));
        assert_eq!(cell(1).fgcolor(), vt100::Color::Idx(200));
        // Without COLORTERM the client maps 24-bit colour to the nearest of 256.
        assert_eq!(cell(2).fgcolor(), vt100::Color::Idx(16));
        assert!(cell(3).bold());
        assert!(cell(4).italic());
        assert!(cell(5).underline());
        assert!(cell(6).inverse());
        assert_eq!(cell(7).bgcolor(), vt100::Color::Idx(4));
        assert_eq!(cell(8).contents(), "漢");
        assert!(cell(8).is_wide());
        assert_eq!(cell(10).contents(), "字");
        assert_eq!(cell(12).contents(), "!");
        assert!(!cell(12).bold());
    });
    // A terminal that says it takes 24-bit colour gets it as is.
    let mut cmd = env.cmd(&["attach", "-t", "colours"]);
    cmd.env("COLORTERM", "truecolor");
    let rgb = mux_e2e::Client::spawn(cmd, 80, 24);
    rgb.wait_screen("the 24-bit colour", |s| {
        s.cell(0, 2).map(|c| c.fgcolor()) == Some(vt100::Color::Rgb(1, 2, 3))
    });
}

#[test]
fn the_cursor_follows_the_pane_and_hides_with_it() {
    let env = Env::new();
    let c = env.attached("cursor", 80, 24);
    run_script(
        &env,
        &c,
        "cursor.sh",
        "printf '\\033[H\\033[2J\\033[5;10Hmark'; sleep 100\n",
    );
    c.wait_screen("the cursor after the mark", |s| {
        s.contents().contains("mark") && s.cursor_position() == (4, 13) && !s.hide_cursor()
    });
    c.send("\x03");
    run_script(
        &env,
        &c,
        "hide.sh",
        "printf '\\033[?25lhidden'; sleep 100\n",
    );
    c.wait_screen("the cursor hidden", |s| {
        s.contents().contains("hidden") && s.hide_cursor()
    });
}

#[test]
fn keys_are_encoded_for_the_pane_modes() {
    let env = Env::new();
    let c = env.attached("keys", 80, 24);
    let out = env.path("keys.out");
    run_script(
        &env,
        &c,
        "keys.sh",
        &format!(
            "printf '\\033[?1hready\\n'; stty raw -echo; head -c 17 | od -An -c > {}; \
             stty sane; printf '\\033[?1l'; echo done\n",
            out.display()
        ),
    );
    c.wait_text("ready");
    // Up in application cursor mode, F5, Alt-x, Ctrl-a, Ctrl-Right.
    c.send("\x1b[A\x1b[15~\x1bx\x01\x1b[1;5C");
    c.wait_text("done");
    let text = std::fs::read_to_string(&out).expect("od output");
    let words: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(
        words,
        [
            "033", "O", "A", "033", "[", "1", "5", "~", "033", "x", "001", "033", "[", "1", ";",
            "5", "C"
        ],
        "{text}"
    );
}

#[test]
fn pastes_arrive_bracketed_when_the_pane_asks() {
    let env = Env::new();
    let c = env.attached("paste", 80, 24);
    let out = env.path("paste.out");
    run_script(
        &env,
        &c,
        "paste.sh",
        &format!(
            "printf '\\033[?2004hready\\n'; stty raw -echo; head -c 17 > {}; \
             stty sane; printf '\\033[?2004l'; echo done\n",
            out.display()
        ),
    );
    c.wait_text("ready");
    c.send("\x1b[200~hello\x1b[201~");
    c.wait_text("done");
    let got = std::fs::read(&out).expect("paste output");
    assert_eq!(got, b"\x1b[200~hello\x1b[201~");
}

#[test]
fn a_resize_reaches_the_pane_and_sigwinch_is_delivered() {
    let env = Env::new();
    let c = env.attached("size", 80, 24);
    c.line("stty size");
    c.wait_text("23 80");
    let out = env.path("winch");
    run_script(
        &env,
        &c,
        "winch.sh",
        &format!(
            "trap 'stty size > {}' WINCH; echo waiting; while :; do sleep 0.1; done\n",
            out.display()
        ),
    );
    c.wait_text("waiting");
    c.resize(100, 30);
    assert_eq!(
        env.wait_file(&out, "a whole line from stty", |t| t.ends_with('\n'))
            .trim(),
        "29 100"
    );
    c.send("\x03");
    c.line("stty size");
    c.wait_text("29 100");
    c.wait_screen("the status line on the new last row", |s| {
        s.contents()
            .lines()
            .nth(29)
            .unwrap_or("")
            .starts_with("[size]")
    });
}

#[test]
fn terminal_queries_from_the_pane_are_answered() {
    let env = Env::new();
    let c = env.attached("query", 80, 24);
    let out = env.path("replies");
    // DA1, then a cursor position report after moving to row 3, column 5.
    run_script(
        &env,
        &c,
        "query.sh",
        &format!(
            "stty raw -echo; printf '\\033[c\\033[3;5H\\033[6n'; head -c 13 > {}; stty sane; \
             echo; echo answered\n",
            out.display()
        ),
    );
    c.wait_text("answered");
    assert_eq!(
        std::fs::read(&out).expect("replies"),
        b"\x1b[?1;2c\x1b[3;5R"
    );
}

#[test]
fn set_titles_sets_the_outer_terminal_title() {
    let env = Env::new();
    let c = env.attached("titled", 80, 24);
    env.ok(&["set", "-g", "set-titles-string", "mux:#S:#W"]);
    env.ok(&["set", "-g", "set-titles", "on"]);
    mux_e2e::wait_until(
        "the title sequence",
        || {
            String::from_utf8_lossy(&c.raw())
                .contains("\x1b]2;mux:titled:sh\x07")
                .then_some(())
        },
        || c.describe(),
    );
}

#[test]
fn panes_asking_for_focus_reports_get_them() {
    let env = Env::new();
    let c = env.attached("focus", 80, 24);
    // As tmux 3.3a, panes hear of focus changes only with focus-events on.
    env.ok(&["set", "-s", "focus-events", "on"]);
    let out = env.path("focus.out");
    run_script(
        &env,
        &c,
        "focus.sh",
        &format!(
            "printf '\\033[?1004hready\\n'; stty raw -echo; head -c 6 > {}; stty sane; echo done\n",
            out.display()
        ),
    );
    c.wait_text("ready");
    env.ok(&["split-window", "-d"]);
    env.ok(&["select-pane", "-t", ":.1"]);
    env.ok(&["select-pane", "-t", ":.0"]);
    c.wait_text("done");
    assert_eq!(std::fs::read(&out).expect("reports"), b"\x1b[O\x1b[I");
}
