use std::time::Duration;

use crate::ids::PaneId;
use crate::testing::files::TempDir;
use crate::testing::Harness;

/// Makes the fake report `argv` as the command line of a pane's foreground process and
/// `cwd` as its directory.
pub fn running(h: &Harness, pane: PaneId, argv: &[&str], cwd: &str) {
    let pid = h.state.panes[&pane].pid;
    let mut log = h.fake.log();
    log.argv
        .insert(pid, argv.iter().map(|a| a.to_string()).collect());
    log.panes.entry(pane).or_default().cwd = Some(cwd.to_string());
}

#[test]
fn every_session_is_written_with_its_layout_directories_and_commands() {
    let dir = TempDir::new();
    let mut h = Harness::new();
    h.fake.log().boot_id = Some("boot-1".into());
    h.ok("new-session -d -s work -x 120 -y 40");
    h.ok("split-window -h -t work");
    h.ok("new-window -d -t work -n logs");
    h.ok("set -t work status-style bg=red");
    h.ok("set -w -t work:1 @note 'two words'");
    h.ok("new-session -d -s other");
    running(&h, PaneId(0), &["-sh"], "/home/me");
    running(&h, PaneId(1), &["less", "my notes.txt"], "/tmp");
    let file = dir.path().join("all.save");
    h.ok(&format!("save -f {}", file.display()));
    let text = std::fs::read_to_string(&file).unwrap();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "mux-sessions 1",
            "boot boot-1",
            "session work size=120x40 cwd=/",
            "  option default-size 120x40",
            "  option status-style \"bg=red\"",
            "  window index=0 size=120x40 active",
            "    split h",
            "      pane 60 cwd=/home/me",
            "      pane 59 cwd=/tmp command=\"less 'my notes.txt'\" active",
            "  window index=1 name=logs size=120x40",
            "    option @note \"two words\"",
            "    option automatic-rename off",
            "    pane",
            "session other size=80x24 cwd=/",
            "  window index=0 size=80x24 active",
            "    pane",
        ],
        "{text}"
    );
}

#[test]
fn one_session_is_written_as_a_layout_file() {
    let dir = TempDir::new();
    let mut h = Harness::with_session();
    h.fake.log().boot_id = Some("boot-1".into());
    h.ok("split-window -v -l 30%");
    let file = dir.path().join("work.mux");
    h.ok(&format!(
        "save-sessions -t work --layout {}",
        file.display()
    ));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("boot"), "{text}");
    assert!(text.contains("session work size=80x24"), "{text}");
    assert!(
        text.contains("    split v\n      pane 16\n      pane 7 active\n"),
        "{text}"
    );
    assert!(h
        .err("save -L /dev/null/x.mux")
        .starts_with("/dev/null/x.mux: "));
}

#[test]
fn the_server_saves_by_itself_after_changes_at_most_each_interval_and_never_when_idle() {
    let dir = TempDir::new();
    let file = dir.path().join("auto.save");
    let mut h = Harness::new();
    h.ok(&format!("set -s save-file {}", file.display()));
    h.ok("new-session -d -s work");
    assert_eq!(h.state.next_timer(), None, "save-interval is 0: off");
    h.ok("set -s save-interval 1");
    assert!(h.state.autosave.due.is_some());
    h.pass_time(Duration::from_secs(3));
    let first = std::fs::read_to_string(&file).expect("saved");
    assert!(first.contains("session work"));
    assert_eq!(
        h.state.next_timer(),
        None,
        "nothing happened since: nothing wakes it"
    );
    h.ok("new-session -d -s later");
    let due = h.state.autosave.due.expect("a save is due");
    assert!(
        due >= h.state.os.now() + Duration::from_secs(50),
        "not before a minute"
    );
    h.pass_time(Duration::from_secs(61));
    let second = std::fs::read_to_string(&file).expect("saved");
    assert!(second.contains("session later"));
    // A change that changes nothing saved is not written again.
    std::fs::remove_file(&file).unwrap();
    h.ok("display -p x");
    h.pass_time(Duration::from_secs(61));
    assert!(!file.exists(), "the same text is not written twice");
}
