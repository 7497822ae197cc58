use crate::cmd::save_sessions::tests::running;
use crate::ids::PaneId;
use crate::testing::files::TempDir;
use crate::testing::Harness;

/// Returns each window's index, name and tmux layout string in a session.
fn layouts(h: &mut Harness, session: &str) -> String {
    h.ok(&format!(
        "list-windows -t {session} -F '#{{window_index}} #{{window_active}} #{{window_layout}}'"
    ))
}

/// A server with a session of three windows, splits, a named window and options, saved.
fn saved(dir: &TempDir) -> (Harness, String) {
    let mut h = Harness::new();
    h.ok("new-session -d -s work -x 120 -y 40");
    h.ok("split-window -h -t work:0");
    h.ok("split-window -v -t work:0.1 -l 10");
    h.ok("resize-pane -t work:0.0 -R 7");
    h.ok("new-window -t work -n logs");
    h.ok("new-window -t work");
    h.ok("split-window -t work:2");
    h.ok("select-pane -t work:0.0");
    h.ok("select-window -t work:1");
    h.ok("set -p -t work:2.1 remain-on-exit on");
    running(&h, PaneId(2), &["less", "notes.txt"], "/tmp");
    running(&h, PaneId(5), &["make", "-j2"], "/");
    let file = dir.path().join("s.save");
    h.ok(&format!("save -f {}", file.display()));
    (h, file.display().to_string())
}

#[test]
fn a_saved_server_comes_back_with_the_same_layouts_names_and_options() {
    let dir = TempDir::new();
    let (mut old, file) = saved(&dir);
    let want = layouts(&mut old, "work");
    let mut h = Harness::new();
    h.ok(&format!("restore -f {file}"));
    assert_eq!(layouts(&mut h, "work"), want);
    assert_eq!(h.window_list("work"), ["0 sh", "1 logs *", "2 sh"]);
    assert_eq!(
        h.ok("display -p -t work:0 '#{pane_index} #{session_width}x#{session_height}'"),
        "0 120x40\n"
    );
    assert_eq!(h.ok("show -p -t work:2.1 -v remain-on-exit"), "on\n");
    // Panes start in their saved directories, and allowed programs are typed again.
    assert_eq!(
        h.fake.pane(PaneId(2)).spawned[0].cwd,
        std::path::PathBuf::from("/tmp")
    );
    assert_eq!(
        h.take_bytes(PaneId(2)),
        b"",
        "typed once the shell shows its prompt"
    );
    h.output(PaneId(2), "$ ");
    assert_eq!(h.take_bytes(PaneId(2)), b"less notes.txt\r");
    h.output(PaneId(5), "$ ");
    assert_eq!(
        h.take_bytes(PaneId(5)),
        b"",
        "make is not in restore-programs"
    );
    h.ok("set -s restore-programs 'make less'");
    h.ok("kill-server");
    let mut h = Harness::new();
    h.ok("set -s restore-programs 'make'");
    h.ok(&format!("restore -f {file}"));
    // A shell that prints nothing gets it after a while.
    h.pass_time(std::time::Duration::from_secs(4));
    assert_eq!(h.take_bytes(PaneId(5)), b"make -j2\r");
}

#[test]
fn a_session_whose_name_is_taken_is_left_alone() {
    let dir = TempDir::new();
    let (_, file) = saved(&dir);
    let mut h = Harness::new();
    h.ok("new-session -d -s work");
    let reply = h.run(&format!("restore -f {file}"));
    assert_eq!(reply.status, Some(0));
    assert_eq!(reply.stderr, "session work exists: not restored\n");
    assert_eq!(h.window_list("work"), ["0 sh *"]);
    let missing = h.run("restore -f /nonexistent/file.save");
    assert_eq!(missing.status, Some(1));
    assert_eq!(
        missing.stderr,
        "/nonexistent/file.save: No such file or directory\n"
    );
}

#[test]
fn history_comes_back_on_the_screen_when_asked() {
    let dir = TempDir::new();
    let mut old = Harness::new();
    old.ok("new-session -d -s h -x 40 -y 5");
    for n in 0..8 {
        old.output(PaneId(0), &format!("\x1b[32mold line {n}\x1b[m\r\n"));
    }
    old.ok("set -s restore-history on");
    let file = dir.path().join("h.save");
    old.ok(&format!("save -f {}", file.display()));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("| \\e[0;32mold line 0\\e[0m\n"), "{text}");
    let mut h = Harness::new();
    h.ok("set -s restore-history on");
    h.ok(&format!("restore -f {}", file.display()));
    let screen = h.ok("capture-pane -p -t h -S -10");
    assert!(
        screen.contains("old line 0\n") && screen.contains("old line 7\n"),
        "{screen}"
    );
    // Without restore-history, the same file restores no history.
    let mut bare = Harness::new();
    bare.ok(&format!("restore -f {}", file.display()));
    assert!(!bare.ok("capture-pane -p -t h").contains("old line"));
}

#[test]
fn the_first_server_after_a_reboot_restores_by_itself_once() {
    let dir = TempDir::new();
    let (_, file) = saved(&dir);
    let config = dir.write(
        "mux.conf",
        &format!("set -s save-file {file}\nset -s restore-on-start on\n"),
    );
    // The file was saved in another boot (the fake had none).
    let mut h = Harness::new();
    h.fake.log().boot_id = Some("boot-2".into());
    h.load_config(&[&config]);
    assert_eq!(h.window_list("work").len(), 3);
    assert!(h.ok("show-messages").contains("restored 1 sessions from"));
    // The next server in the same boot does not restore again.
    let mut again = Harness::new();
    again.fake.log().boot_id = Some("boot-2".into());
    again.load_config(&[&config]);
    assert!(again.state.sessions.is_empty());
    // Nor does one whose save file was written in this boot.
    let mut same = Harness::new();
    same.fake.log().boot_id = Some("boot-3".into());
    same.ok(&format!("set -s save-file {file}"));
    same.ok("new-session -d -s fresh");
    same.ok("save");
    let mut after = Harness::new();
    after.fake.log().boot_id = Some("boot-3".into());
    after.load_config(&[&config]);
    assert!(after.state.sessions.is_empty());
}

#[test]
fn a_layout_file_opens_as_a_new_session_with_its_commands() {
    let dir = TempDir::new();
    let layout = dir.write(
        "dev.mux",
        "session dev size=100x30\n\
         \x20 window name=edit\n\
         \x20   split h\n\
         \x20     pane 70% command=\"vim .\" active\n\
         \x20     split v\n\
         \x20       pane cwd=/tmp command=\"make watch\"\n\
         \x20       pane\n\
         \x20 window\n\
         \x20   pane cwd=/\n",
    );
    let mut h = Harness::new();
    h.ok(&format!("new -d --layout {layout}"));
    assert_eq!(h.window_list("dev"), ["0 edit *", "1 sh"]);
    assert_eq!(h.pane_sizes("dev:0"), ["0 69x30*", "1 30x14", "2 30x15"]);
    h.output(PaneId(0), "$ ");
    h.output(PaneId(1), "$ ");
    assert_eq!(h.take_bytes(PaneId(0)), b"vim .\r");
    assert_eq!(
        h.take_bytes(PaneId(1)),
        b"make watch\r",
        "a layout runs every command"
    );
    // Opened again, its name is made unique; -s and -x/-y win over the file's.
    h.ok(&format!("new -d -L {layout}"));
    h.ok(&format!("new -d -s mine -x 60 -y 20 -L {layout}"));
    assert_eq!(
        h.ok("ls -F '#S #{session_width}'"),
        "dev 100\ndev-2 100\nmine 60\n"
    );
    assert_eq!(
        h.err(&format!("new -d -L {layout} top")),
        "a layout file gives the commands: no shell-command with -L"
    );
    let bad = dir.write("bad.mux", "session x\n  window\n    split q\n");
    assert_eq!(
        h.err(&format!("new -d -L {bad}")),
        format!("{bad}: line 3: a split is h or v, not Some(\"q\")")
    );
}
