//! Sessions that come back, end to end: `mux save` and `mux restore` across a killed
//! server (layouts, directories, names, and `less` running again on the same file),
//! `restore-on-start` after a reboot, `save-interval`, and layout files written by
//! `mux save --layout` and by hand, opened with `mux new --layout`.

use std::path::{Path, PathBuf};

use mux_e2e::{wait_until, Env};

/// Waits until a format expands to `want` for a target.
fn wait_format(env: &Env, target: &str, format: &str, want: &str) {
    let value = || env.ok(&["display", "-p", "-t", target, format]);
    wait_until(
        &format!("{format} to be {want} for {target}"),
        || (value().trim_end() == want).then_some(()),
        || format!("it is {:?}", value()),
    );
}

/// Waits until the pane shows `needle`.
fn wait_capture(env: &Env, target: &str, needle: &str) -> String {
    let capture = || env.ok(&["capture-pane", "-p", "-t", target]);
    wait_until(
        &format!("{needle:?} in pane {target}"),
        || Some(capture()).filter(|t| t.contains(needle)),
        capture,
    )
}

/// Makes a directory in HOME and returns it.
fn home_dir(env: &Env, name: &str) -> PathBuf {
    let dir = env.home.join(name);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

/// Returns the save file of the test's server (`-S .../sock`): in the data directory.
fn save_file(env: &Env) -> PathBuf {
    env.home.join(".local/share/mux/sock.save")
}

/// Returns a path as text.
fn text(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// What a session looks like from outside: each window's index, name and tmux layout
/// string, then each pane's directory and command.
fn shape(env: &Env, session: &str) -> (String, String) {
    let windows = env.ok(&[
        "list-windows",
        "-t",
        session,
        "-F",
        "#{window_index} #{window_name} #{window_active} #{window_layout}",
    ]);
    let panes = env.ok(&[
        "list-panes",
        "-s",
        "-t",
        session,
        "-F",
        "#{window_index}.#{pane_index} #{pane_active} #{pane_current_path}",
    ]);
    (windows, panes)
}

/// Makes session `work`: three windows, splits of several sizes, two directories, a named
/// window, and `less` on a file in the last pane; returns once less shows the file.
fn make_work(env: &Env) {
    env.write_home(".shrc", "PS1='$ '\n");
    let (a, b) = (home_dir(env, "alpha"), home_dir(env, "beta"));
    let notes: String = (1..=200).map(|n| format!("note line {n}\n")).collect();
    std::fs::write(b.join("notes.txt"), notes).expect("write notes");
    env.ok(&[
        "new",
        "-d",
        "-s",
        "work",
        "-c",
        text(&a),
        "-x",
        "120",
        "-y",
        "40",
    ]);
    env.ok(&["split-window", "-h", "-t", "work:0", "-c", text(&b)]);
    env.ok(&[
        "split-window",
        "-v",
        "-t",
        "work:0.1",
        "-l",
        "12",
        "-c",
        text(&a),
    ]);
    env.ok(&["resize-pane", "-t", "work:0.0", "-R", "7"]);
    env.ok(&["new-window", "-t", "work", "-n", "logs", "-c", text(&b)]);
    env.ok(&["new-window", "-t", "work", "-c", text(&a)]);
    env.ok(&["split-window", "-h", "-t", "work:2", "-c", text(&b)]);
    wait_capture(env, "work:2.1", "$");
    env.ok(&["send-keys", "-t", "work:2.1", "less notes.txt", "Enter"]);
    wait_format(env, "work:2.1", "#{pane_current_command}", "less");
    wait_capture(env, "work:2.1", "note line 1\n");
    env.ok(&["select-window", "-t", "work:0"]);
}

#[test]
fn a_saved_session_comes_back_after_the_server_is_killed() {
    let env = Env::new();
    make_work(&env);
    // The window running less is named after it once it has been seen running.
    wait_format(&env, "work:2", "#{window_name}", "less");
    let before = shape(&env, "work");
    env.ok(&["save"]);
    let file = save_file(&env);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file)
        .expect("the save file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let saved = std::fs::read_to_string(&file).expect("read");
    assert!(saved.contains("command=\"less notes.txt\""), "{saved}");
    env.ok(&["kill-server"]);
    env.wait_server_gone();
    // `mux restore` starts a server when none runs.
    env.ok(&["restore"]);
    wait_format(&env, "work:2.1", "#{pane_current_command}", "less");
    wait_capture(&env, "work:2.1", "note line 1\n");
    wait_format(&env, "work:2", "#{window_name}", "less");
    let after = shape(&env, "work");
    assert_eq!(after.0, before.0, "windows and layouts");
    assert_eq!(after.1, before.1, "panes and their directories");
    // less is on the same file: its directory's notes.txt.
    let pid = env.ok(&["display", "-p", "-t", "work:2.1", "#{pane_pid}"]);
    let less_cwd = std::fs::read_link(format!("/proc/{}/cwd", child_of(pid.trim())))
        .expect("less's directory");
    assert_eq!(less_cwd, env.home.join("beta"));
}

/// Returns the pid of the first child of process `pid` (the shell's foreground program).
fn child_of(pid: &str) -> String {
    let children = wait_until(
        &format!("process {pid} to have a child"),
        || {
            let list = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).ok()?;
            let first = list.split_whitespace().next()?.to_string();
            Some(first)
        },
        || format!("process {pid} has no child"),
    );
    children
}

#[test]
fn the_first_server_after_a_reboot_restores_the_sessions_once() {
    let env = Env::new();
    env.write_home(".mux.conf", "set -g restore-on-start on\n");
    make_work(&env);
    env.ok(&["save"]);
    env.ok(&["kill-server"]);
    env.wait_server_gone();
    // Nothing is restored by a server started in the boot that saved the file.
    env.ok(&["new", "-d", "-s", "same-boot"]);
    assert!(!env.run(&["has-session", "-t", "work"]).status.success());
    env.ok(&["kill-server"]);
    env.wait_server_gone();
    // A boot id the machine does not have now stands for a reboot since the save.
    let file = save_file(&env);
    let saved = std::fs::read_to_string(&file).expect("read");
    let rebooted: String = saved
        .lines()
        .map(|l| match l.starts_with("boot ") {
            true => "boot 00000000-0000-0000-0000-000000000000\n".to_string(),
            false => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&file, rebooted).expect("write");
    env.ok(&["new", "-d", "-s", "after-reboot"]);
    env.ok(&["has-session", "-t", "work"]);
    wait_format(&env, "work:2.1", "#{pane_current_command}", "less");
    assert!(env
        .ok(&["show-messages"])
        .contains("restored 1 sessions from"));
    // The next server of this boot does not restore again.
    env.ok(&["kill-server"]);
    env.wait_server_gone();
    env.ok(&["new", "-d", "-s", "again"]);
    assert!(!env.run(&["has-session", "-t", "work"]).status.success());
}

#[test]
fn save_interval_writes_the_file_after_a_change() {
    let env = Env::new();
    env.write_home(".mux.conf", "set -g save-interval 1\n");
    env.ok(&["new", "-d", "-s", "auto", "-x", "90", "-y", "20"]);
    env.wait_file(&save_file(&env), "the session", |t| {
        t.contains("session auto size=90x20")
    });
}

#[test]
fn a_layout_file_saved_from_a_session_opens_it_again() {
    let env = Env::new();
    make_work(&env);
    let layout = env.path("work.mux");
    env.ok(&["save", "-t", "work", "--layout", text(&layout)]);
    let written = std::fs::read_to_string(&layout).expect("read");
    assert!(
        !written.contains("boot") && written.contains("session work"),
        "{written}"
    );
    let panes = |s: &str| {
        env.ok(&[
            "list-panes",
            "-s",
            "-t",
            s,
            "-F",
            "#{window_index}.#{pane_index} #{pane_width}x#{pane_height} #{pane_current_path}",
        ])
    };
    let before = panes("work");
    env.ok(&["new", "-d", "--layout", text(&layout)]);
    // The name is taken, so the copy is work-2.
    wait_format(&env, "work-2:2.1", "#{pane_current_command}", "less");
    assert_eq!(panes("work-2"), before);
}

#[test]
fn a_hand_written_layout_opens_at_the_clients_size_and_runs_its_commands() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let logs = home_dir(&env, "logs");
    let layout = env.write_home(
        "dev.mux",
        &format!(
            "# a project\n\
             session dev\n\
             \x20 window name=edit\n\
             \x20   split h\n\
             \x20     pane 70% command=\"echo editor-$((40+2))\"\n\
             \x20     pane cwd=~/logs command=\"echo in-$(basename $PWD)\" active\n\
             \x20 window name=shell\n\
             \x20   pane cwd={}\n",
            logs.display()
        ),
    );
    let c = env.client(&["new", "--layout", text(&layout)], 100, 30);
    c.wait_text("editor-42");
    wait_capture(&env, "dev:0.1", "\nin-logs");
    wait_format(&env, "dev:0.1", "#{pane_current_path}", text(&logs));
    c.wait_screen("the status line with both windows", |s| {
        s.contents().contains("0:edit* 1:shell")
    });
    let widths = env.ok(&[
        "list-panes",
        "-t",
        "dev:0",
        "-F",
        "#{pane_width}x#{pane_height}",
    ]);
    assert_eq!(widths, "69x29\n30x29\n", "70% of 99 columns, and the rest");
}
