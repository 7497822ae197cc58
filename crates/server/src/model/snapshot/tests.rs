use super::*;
use crate::model::os::SpawnSpec;
use crate::testing::Harness;

/// Returns a harness with two sessions, splits, options, a binding, a buffer, environment
/// and output in every pane.
fn busy() -> Harness {
    let mut h = Harness::with_session();
    h.ok("split-window -h -t work");
    h.ok("new-window -d -n logs -t work");
    h.ok("new-session -d -s other -x 100 -y 30");
    h.ok("rename-window -t other:0 editor");
    h.ok("set -g status-left '[#S] '");
    h.ok("set -t other base-index 1");
    h.ok("setw -t work:0 mode-keys vi");
    h.ok("bind-key M-x split-window -v");
    h.ok("set-buffer -b named 'some text'");
    h.ok("setenv -g FOO bar");
    h.ok("select-pane -t work:0.0");
    let panes: Vec<PaneId> = h.state.panes.keys().copied().collect();
    for p in panes {
        let mut text = String::new();
        for i in 0..60 {
            text.push_str(&format!("\x1b[3{}mpane {} line {i}\x1b[0m\r\n", i % 8, p.0));
        }
        text.push_str("$ half typed");
        h.output(p, &text);
    }
    h
}

/// What a user can see of a server's state, command by command.
fn view(h: &mut Harness) -> Vec<String> {
    let mut out = vec![
        h.ok("list-sessions -F '#{session_name} #{session_windows}'"),
        h.ok("list-windows -a -F '#{session_name}:#{window_index} #{window_name} #{window_layout} #{window_active}'"),
        h.ok("list-panes -a -F '#{pane_id} #{pane_width}x#{pane_height} #{pane_active} #{pane_pid}'"),
        h.ok("show -g"),
        h.ok("show -t other"),
        h.ok("showw -t work:0"),
        h.ok("list-keys"),
        h.ok("list-buffers -F '#{buffer_name} #{buffer_sample}'"),
        h.ok("showenv -g"),
    ];
    let mut panes: Vec<PaneId> = h.state.panes.keys().copied().collect();
    panes.sort();
    for p in panes {
        out.push(h.ok(&format!("capture-pane -p -e -S - -t %{}", p.0)));
    }
    out
}

/// Rebuilds `h`'s state from its records in a new harness, as a new server would, with
/// programs for the panes `keep` allows.
fn rebuild(h: &mut Harness, keep: impl Fn(PaneId) -> bool) -> (Harness, usize) {
    let tree = encode_tree(&h.state).unwrap();
    let records: Vec<Vec<u8>> = h
        .state
        .panes
        .values()
        .map(|p| encode_pane(p, 7).unwrap())
        .collect();
    let mut back = Harness::new();
    let mut revived = Vec::new();
    for bytes in records {
        let record = decode_pane(&bytes).unwrap();
        assert_eq!(record.processed, 7);
        if !keep(record.id) {
            continue;
        }
        let spec = SpawnSpec {
            program: "/bin/sh".into(),
            args: Vec::new(),
            argv0: "sh".into(),
            env: Vec::new(),
            cwd: "/".into(),
        };
        let started = back
            .state
            .os
            .spawn(record.id, record.program, &spec, record.term.size())
            .unwrap();
        revived.push(Revived {
            id: record.id,
            program: record.program,
            term: record.term,
            started,
            exit_status: None,
        });
    }
    let orphans = restore(&mut back.state, decode_tree(&tree).unwrap(), revived);
    let n = orphans.len();
    adopt_orphans(&mut back.state, orphans, "/");
    (back, n)
}

#[test]
fn the_whole_tree_and_every_screen_come_back() {
    let mut h = busy();
    let before = view(&mut h);
    let (mut back, orphans) = rebuild(&mut h, |_| true);
    assert_eq!(orphans, 0);
    let after = view(&mut back);
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a, b);
    }
    assert!(before[4].contains("base-index 1"), "{}", before[4]);
    assert!(before[6].contains("M-x"), "{}", before[6]);
    // New things get new ids.
    back.ok("new-window -t work");
    let ids = back.ok("list-panes -a -F '#{pane_id}'");
    assert_eq!(ids.lines().count(), h.state.panes.len() + 1);
    let mut sorted: Vec<&str> = ids.lines().collect();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.lines().count());
}

#[test]
fn panes_whose_program_is_gone_leave_and_unknown_programs_get_a_session() {
    let mut h = busy();
    // work:0 has panes %0 and %1; drop %1's program, and the whole window work:1 (%2).
    let (mut back, _) = rebuild(&mut h, |p| p != PaneId(1) && p != PaneId(2));
    assert_eq!(
        back.ok("list-windows -a -F '#{session_name}:#{window_index} #{window_panes}'"),
        "work:0 1\nother:0 1\n"
    );
    // Records of programs the tree does not know become windows of `recovered`.
    let mut h = busy();
    let tree = encode_tree(&h.state).unwrap();
    h.ok("new-window -t work -n late");
    let late = h.state.panes.keys().copied().max().unwrap();
    let mut back = Harness::new();
    let spec = SpawnSpec {
        program: "/bin/sh".into(),
        args: Vec::new(),
        argv0: "sh".into(),
        env: Vec::new(),
        cwd: "/".into(),
    };
    let mut revived = Vec::new();
    for p in h.state.panes.values() {
        let started = back
            .state
            .os
            .spawn(p.id, p.program, &spec, p.term.size())
            .unwrap();
        let term = decode_pane(&encode_pane(p, 0).unwrap()).unwrap().term;
        revived.push(Revived {
            id: p.id,
            program: p.program,
            term,
            started,
            exit_status: None,
        });
    }
    let orphans = restore(&mut back.state, decode_tree(&tree).unwrap(), revived);
    assert_eq!(orphans.len(), 1);
    adopt_orphans(&mut back.state, orphans, "/");
    assert_eq!(
        back.ok("list-panes -s -t recovered -F '#{pane_id}'"),
        format!("%{}\n", late.0)
    );
}
