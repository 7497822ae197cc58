//! Panes: splitting, moving between them, zoom, resize, layouts, swap, rotate, break, join,
//! kill, remain-on-exit, synchronize-panes, and the borders between them.

use mux_e2e::Env;

fn lines(env: &Env, args: &[&str]) -> Vec<String> {
    env.ok(args).lines().map(String::from).collect()
}

fn panes(env: &Env, fmt: &str) -> Vec<String> {
    lines(env, &["list-panes", "-F", fmt])
}

/// Waits until `list-panes -F fmt` gives `want`, a line a pane; a timeout names `what` and
/// shows what it gave instead.
fn wait_panes(env: &Env, what: &str, fmt: &str, want: &[&str]) {
    mux_e2e::wait_until(
        what,
        || (panes(env, fmt) == want).then_some(()),
        || format!("list-panes -F '{fmt}' gives {:?}", panes(env, fmt)),
    );
}

/// Waits until the current window has `n` panes.
fn wait_pane_count(env: &Env, n: usize) {
    mux_e2e::wait_until(
        &format!("{n} panes in the window"),
        || (panes(env, "#{pane_id}").len() == n).then_some(()),
        || format!("list-panes gives:\n{}", env.ok(&["lsp"])),
    );
}

#[test]
fn splits_borders_and_selecting_by_direction() {
    let env = Env::new();
    let c = env.attached("p", 81, 25);
    c.send("\x02%");
    c.wait_screen("a vertical border", |s| {
        s.contents()
            .lines()
            .take(5)
            .all(|l| l.chars().nth(40) == Some('│'))
    });
    assert_eq!(
        panes(
            &env,
            "#{pane_index} #{pane_width}x#{pane_height} #{pane_active}"
        ),
        ["0 40x24 0", "1 40x24 1"]
    );
    c.send("\x02\"");
    c.wait_screen("a horizontal border in the right pane", |s| {
        s.contents()
            .lines()
            .nth(12)
            .is_some_and(|l| l.contains("├") || l.contains("─"))
    });
    assert_eq!(
        panes(&env, "#{pane_index} #{pane_width}x#{pane_height}"),
        ["0 40x24", "1 40x12", "2 40x11"]
    );
    c.send("\x02\x1b[D");
    wait_panes(
        &env,
        "C-b Left to select the left pane",
        "#{pane_active}",
        &["1", "0", "0"],
    );
    c.send("\x02;");
    wait_panes(
        &env,
        "C-b ; to go back to the last pane",
        "#{pane_active}",
        &["0", "0", "1"],
    );
    c.send("\x02o");
    wait_panes(
        &env,
        "C-b o to go to the next pane",
        "#{pane_active}",
        &["1", "0", "0"],
    );
    // The active pane's border is green.
    c.wait_screen("the active (left) pane's border in green", |s| {
        s.cell(0, 40).map(|cell| cell.fgcolor()) == Some(vt100::Color::Idx(2))
    });
}

#[test]
fn split_sizes_and_no_space() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "p", "-x", "80", "-y", "24"]);
    env.ok(&["split-window", "-h", "-l", "20"]);
    env.ok(&["split-window", "-v", "-l", "25%", "-b"]);
    assert_eq!(
        panes(&env, "#{pane_width}x#{pane_height}"),
        ["59x24", "20x6", "20x17"]
    );
    // Halve %0 until it is too narrow: the split that does not fit is refused.
    let mut out = env.run(&["split-window", "-h", "-t", "%0"]);
    for _ in 0..10 {
        if !out.status.success() {
            break;
        }
        out = env.run(&["split-window", "-h", "-t", "%0"]);
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim(), "no space for new pane");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn zoom_toggles_and_shows_in_the_flags() {
    let env = Env::new();
    let c = env.attached("z", 80, 24);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    c.send("\x02z");
    c.wait_text("0:sh*Z");
    assert_eq!(
        env.ok(&["display", "-p", "#{window_zoomed_flag} #{pane_width}"])
            .trim(),
        "1 80"
    );
    c.send("\x02z");
    let zoomed = || env.ok(&["display", "-p", "#{window_zoomed_flag}"]);
    mux_e2e::wait_until(
        "a second C-b z to unzoom the window",
        || (zoomed().trim() == "0").then_some(()),
        || format!("window_zoomed_flag is {:?}", zoomed()),
    );
    env.ok(&["resize-pane", "-Z"]);
    assert_eq!(
        env.ok(&["display", "-p", "#{window_zoomed_flag}"]).trim(),
        "1"
    );
}

#[test]
fn resize_keys_and_commands() {
    let env = Env::new();
    let c = env.attached("r", 81, 25);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    // C-b C-Left moves the border one cell, C-b M-Left five, and repeats without the prefix.
    c.send("\x02\x1b[1;5D");
    wait_panes(
        &env,
        "C-b C-Left to move the border one cell",
        "#{pane_width}",
        &["39", "41"],
    );
    // Within repeat-time the same key works again without the prefix (a long repeat-time, so
    // a slow machine still types within it).
    env.ok(&["set", "-g", "repeat-time", "5000"]);
    c.send("\x02\x1b[1;5D");
    wait_panes(
        &env,
        "C-Left within repeat-time, after C-b, to move the border a second cell",
        "#{pane_width}",
        &["38", "42"],
    );
    c.send("\x1b[1;5D");
    wait_panes(
        &env,
        "a repeated C-Left without the prefix to move the border a third cell",
        "#{pane_width}",
        &["37", "43"],
    );
    c.send("\x02\x1b[1;3D");
    wait_panes(
        &env,
        "C-b M-Left to move the border five cells",
        "#{pane_width}",
        &["32", "48"],
    );
    env.ok(&["resize-pane", "-t", "%0", "-x", "20"]);
    assert_eq!(panes(&env, "#{pane_width}"), ["20", "60"]);
    env.ok(&["resize-pane", "-t", "%0", "-R", "10"]);
    assert_eq!(panes(&env, "#{pane_width}"), ["30", "50"]);
}

#[test]
fn layouts_swap_rotate_and_spread() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "l", "-x", "80", "-y", "24"]);
    env.ok(&["split-window"]);
    env.ok(&["split-window"]);
    env.ok(&["select-layout", "even-horizontal"]);
    assert_eq!(
        panes(&env, "#{pane_width}x#{pane_height}"),
        ["26x24", "26x24", "26x24"]
    );
    env.ok(&["select-layout", "main-vertical"]);
    let sizes = panes(&env, "#{pane_left},#{pane_top}");
    assert_eq!(sizes[0], "0,0");
    env.ok(&["select-layout", "tiled"]);
    assert_eq!(panes(&env, "#{pane_id}").len(), 3);
    let ids = panes(&env, "#{pane_id}");
    env.ok(&["swap-pane", "-s", &ids[0], "-t", &ids[2]]);
    assert_eq!(
        panes(&env, "#{pane_id}"),
        [ids[2].clone(), ids[1].clone(), ids[0].clone()]
    );
    env.ok(&["rotate-window"]);
    assert_eq!(panes(&env, "#{pane_id}").len(), 3);
    env.ok(&["select-layout", "-E"]);
    let bad = env.run(&["select-layout", "nope"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "invalid layout: nope"
    );
}

#[test]
fn break_join_and_kill_panes() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "b", "-x", "80", "-y", "24"]);
    env.ok(&["split-window", "-h"]);
    let moved = env.ok(&["display", "-p", "#{pane_id}"]).trim().to_string();
    env.ok(&["break-pane", "-d"]);
    assert_eq!(
        lines(&env, &["lsw", "-F", "#{window_index}:#{window_panes}"]),
        ["0:1", "1:1"]
    );
    env.ok(&["join-pane", "-h", "-s", &moved, "-t", "b:0"]);
    assert_eq!(
        lines(&env, &["lsw", "-F", "#{window_index}:#{window_panes}"]),
        ["0:2"]
    );
    env.ok(&["kill-pane", "-t", &moved]);
    assert_eq!(lines(&env, &["lsw", "-F", "#{window_panes}"]), ["1"]);
}

#[test]
fn kill_pane_key_asks_first() {
    let env = Env::new();
    let c = env.attached("k", 80, 24);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    c.send("\x02x");
    c.wait_text("kill-pane 1? (y/n)");
    c.send("y");
    wait_pane_count(&env, 1);
}

#[test]
fn display_panes_shows_numbers_and_a_digit_selects() {
    let env = Env::new();
    let c = env.attached("q", 80, 24);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    env.ok(&["set", "-g", "display-panes-time", "10000"]);
    c.send("\x02q");
    // tmux 3.3a's picture: each index in block digits in the middle of its pane, blue, the
    // active pane's red, and each pane's size in its top right corner.
    let bg = |s: &vt100::Screen, row: u16, col: u16| s.cell(row, col).map(|c| c.bgcolor());
    c.wait_screen("both numbers in block digits", |s| {
        let zero = [(9, 17), (9, 21), (11, 17), (11, 21), (13, 19)];
        let one = [(9, 61), (11, 61), (13, 61)];
        zero.iter()
            .all(|&(r, x)| bg(s, r, x) == Some(vt100::Color::Idx(4)))
            && bg(s, 11, 19) != Some(vt100::Color::Idx(4))
            && one
                .iter()
                .all(|&(r, x)| bg(s, r, x) == Some(vt100::Color::Idx(1)))
            && bg(s, 11, 60) != Some(vt100::Color::Idx(1))
            && s.contents()
                .lines()
                .next()
                .is_some_and(|l| l.trim_end().ends_with("39x23") && l.contains("40x23\u{2502}"))
    });
    c.send("0");
    wait_panes(
        &env,
        "the digit 0 to select pane 0",
        "#{pane_active}",
        &["1", "0"],
    );
}

#[test]
fn remain_on_exit_and_respawn() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "d"]);
    env.ok(&["set", "-g", "remain-on-exit", "on"]);
    env.ok(&["split-window", "exit 3"]);
    let dead = || panes(&env, "#{pane_dead}#{pane_dead_status}");
    mux_e2e::wait_until(
        "a pane left dead with exit status 3",
        || dead().contains(&"13".to_string()).then_some(()),
        || format!("pane_dead and pane_dead_status give {:?}", dead()),
    );
    let c = env.client(&["attach"], 80, 24);
    c.wait_text("Pane is dead (status 3)");
    let dead = panes(&env, "#{pane_dead} #{pane_id}");
    let id = dead
        .iter()
        .find_map(|l| l.strip_prefix("1 "))
        .expect("the dead pane")
        .to_string();
    let refused = env.run(&["respawn-pane", "-t", "%0"]);
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr).trim(),
        "respawn pane failed: pane d:0.0 still active"
    );
    let ids = panes(&env, "#{pane_id}");
    env.ok(&["respawn-pane", "-t", &id, "sleep 100"]);
    let dead = panes(&env, "#{pane_dead}");
    assert_eq!(dead, ["0", "0"]);
    assert_eq!(
        panes(&env, "#{pane_id}"),
        ids,
        "a respawned pane keeps its id, as in tmux"
    );
    // -k replaces a live program; the old one's exit does not mark the new one dead.
    env.ok(&[
        "respawn-pane",
        "-k",
        "-t",
        "%0",
        "echo respawned-$((2*21)); exec sleep 100",
    ]);
    let capture = || env.ok(&["capture-pane", "-p", "-t", "%0"]);
    mux_e2e::wait_until(
        "the new program's output in %0",
        || capture().contains("respawned-42").then_some(()),
        capture,
    );
    env.ok(&["send-keys", "-t", "%0", "x"]);
    assert_eq!(
        panes(&env, "#{pane_id} #{pane_dead}"),
        ["%0 0", &format!("{id} 0")]
    );
}

#[test]
fn synchronize_panes_types_into_every_pane() {
    let env = Env::new();
    let c = env.attached("s", 80, 24);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    env.ok(&["set", "-w", "synchronize-panes", "on"]);
    c.line("echo sync-$((20+3))");
    let both = || {
        let a = env.ok(&["capture-pane", "-p", "-t", ":.0"]);
        let b = env.ok(&["capture-pane", "-p", "-t", ":.1"]);
        (a, b)
    };
    mux_e2e::wait_until(
        "the typed line in both panes",
        || {
            let (a, b) = both();
            (a.contains("sync-23") && b.contains("sync-23")).then_some(())
        },
        || {
            let (a, b) = both();
            format!("pane 0:\n{a}\npane 1:\n{b}")
        },
    );
}

#[test]
fn pane_border_status_shows_titles() {
    let env = Env::new();
    let c = env.attached("t", 80, 24);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    env.ok(&["set", "-g", "pane-border-status", "top"]);
    env.ok(&["select-pane", "-t", ":.0", "-T", "left-title"]);
    c.wait_text("left-title");
    assert_eq!(panes(&env, "#{pane_height}"), ["22", "22"]);
}

#[test]
fn pane_moving_and_layout_keys() {
    let env = Env::new();
    let c = env.attached("keys", 80, 24);
    c.send("\x02%");
    wait_pane_count(&env, 2);
    let before = panes(&env, "#{pane_id}");
    c.send("\x02{");
    wait_panes(
        &env,
        "C-b { to swap the pane up",
        "#{pane_id}",
        &[&before[1], &before[0]],
    );
    c.send("\x02\x0f");
    wait_panes(
        &env,
        "C-b C-o to rotate the panes back",
        "#{pane_id}",
        &[&before[0], &before[1]],
    );
    c.send("\x02\x1b2");
    wait_panes(
        &env,
        "C-b M-2 to select even-vertical",
        "#{pane_width}",
        &["80", "80"],
    );
    c.send("\x02 ");
    mux_e2e::wait_until(
        "C-b Space to select the next layout (main-horizontal)",
        || {
            (panes(&env, "#{pane_top}") == ["0", "24"]
                || panes(&env, "#{pane_width}") == ["80", "80"])
            .then_some(())
        },
        || env.ok(&["lsp"]),
    );
    c.send("\x02\x1b1");
    wait_panes(
        &env,
        "C-b M-1 to select even-horizontal",
        "#{pane_height}",
        &["23", "23"],
    );
    env.ok(&["resize-pane", "-t", &before[0], "-x", "10"]);
    c.send("\x02E");
    // As tmux 3.3a, the cell left over goes to the last pane.
    wait_panes(
        &env,
        "C-b E to spread the panes evenly",
        "#{pane_width}",
        &["39", "40"],
    );
    c.send("\x02!");
    mux_e2e::wait_until(
        "C-b ! to break the pane out into a window of its own",
        || (env.ok(&["lsw", "-F", "#{window_panes}"]) == "1\n1\n").then_some(()),
        || env.ok(&["lsw"]),
    );
    c.send("\x02.9\r");
    mux_e2e::wait_until(
        "C-b . 9 to move the window to index 9",
        || {
            env.ok(&["lsw", "-F", "#{window_index}"])
                .contains("9\n")
                .then_some(())
        },
        || env.ok(&["lsw"]),
    );
}

#[test]
fn choose_client_detaches_the_chosen_one() {
    let env = Env::new();
    let mut other = env.attached("cc", 80, 24);
    let c = env.client(&["attach", "-t", "cc"], 80, 24);
    c.wait_text("[cc]");
    c.send("\x02D");
    c.wait_text("(0) - ");
    // The first client attached is listed first.
    c.send("\r");
    other.wait_exit();
    other.wait_text("[detached (from session cc)]");
}

#[test]
fn new_panes_start_in_the_current_path_when_asked() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["new", "-d", "-s", "cwd", "-c", "/"]);
    let dir = env.dir.join("work dir");
    std::fs::create_dir_all(&dir).expect("mkdir");
    env.ok(&[
        "send-keys",
        "-t",
        "cwd",
        &format!("cd '{}'", dir.display()),
        "Enter",
    ]);
    mux_e2e::wait_until(
        "the shell to cd into the new directory",
        || {
            (env.ok(&["display", "-p", "#{pane_current_path}"]).trim() == dir.display().to_string())
                .then_some(())
        },
        || env.ok(&["display", "-p", "#{pane_current_path}"]),
    );
    env.ok(&["split-window", "-c", "#{pane_current_path}"]);
    env.ok(&["new-window", "-c", "#{pane_current_path}"]);
    let paths = env.ok(&["list-panes", "-a", "-F", "#{pane_current_path}"]);
    let want = dir.display().to_string();
    assert_eq!(paths.lines().filter(|l| *l == want).count(), 3, "{paths}");
}

#[test]
fn selecting_by_direction_returns_to_the_most_recent_pane() {
    let env = Env::new();
    let c = env.attached("r", 80, 24);
    // %0 on the left, %1 above %2 on the right.
    env.ok(&["split-window", "-h"]);
    env.ok(&["split-window", "-v"]);
    let active = || env.ok(&["display", "-p", "#{pane_id}"]).trim().to_string();
    assert_eq!(active(), "%2");
    c.send("\x02\x1b[D");
    mux_e2e::wait_until(
        "C-b Left to make %0 active",
        || (active() == "%0").then_some(()),
        || format!("the active pane is {}", active()),
    );
    // Going right again lands on %2, the pane last used there, not the topmost %1.
    c.send("\x02\x1b[C");
    mux_e2e::wait_until(
        "C-b Right to make %2 active",
        || (active() == "%2").then_some(()),
        || format!("the active pane is {}", active()),
    );
    env.ok(&["select-pane", "-t", "%1"]);
    env.ok(&["select-pane", "-L"]);
    env.ok(&["select-pane", "-R"]);
    assert_eq!(active(), "%1");
}
