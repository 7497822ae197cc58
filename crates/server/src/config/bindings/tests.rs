//! Tests for the key tables and the list-keys text, compared with tmux 3.3a's output.

use super::*;
use mux_protocol::{KeyCode, Mods};

fn k(name: &str) -> Key {
    parse_key(name).expect(name)
}

fn command(t: &KeyTables, key: &str) -> Option<String> {
    t.get("prefix", k(key)).map(|b| b.command.clone())
}

#[test]
fn defaults_are_present() {
    let t = KeyTables::with_defaults();
    assert_eq!(command(&t, "d").as_deref(), Some("detach-client"));
    assert_eq!(command(&t, "C-b").as_deref(), Some("send-prefix"));
    assert_eq!(command(&t, "\"").as_deref(), Some("split-window"));
    assert_eq!(command(&t, "%").as_deref(), Some("split-window -h"));
    assert_eq!(command(&t, "7").as_deref(), Some("select-window -t :=7"));
    assert_eq!(
        command(&t, "M-3").as_deref(),
        Some("select-layout main-horizontal")
    );
    assert_eq!(command(&t, "o").as_deref(), Some("select-pane -t :.+"));
    assert!(t.get("prefix", k("Up")).unwrap().repeat);
    assert!(t.get("prefix", k("C-Left")).unwrap().repeat);
    assert!(!t.get("prefix", k("c")).unwrap().repeat);
    assert_eq!(
        t.get("prefix", k("c")).unwrap().note.as_deref(),
        Some("Create a new window")
    );
    assert_eq!(command(&t, "]").as_deref(), Some("paste-buffer -p"));
    assert_eq!(command(&t, "#").as_deref(), Some("list-buffers"));
    assert_eq!(command(&t, "[").as_deref(), Some("copy-mode"));
    assert_eq!(command(&t, "PPage").as_deref(), Some("copy-mode -u"));
    assert_eq!(command(&t, "t").as_deref(), Some("clock-mode"));
    assert_eq!(command(&t, "~").as_deref(), Some("show-messages"));
    assert_eq!(command(&t, "r").as_deref(), Some("refresh-client"));
    assert_eq!(command(&t, "C-z").as_deref(), Some("suspend-client"));
    assert_eq!(command(&t, "S-Up").as_deref(), Some("refresh-client -U 10"));
    let menus = |table| {
        super::menus::menu_bindings()
            .iter()
            .filter(|b| b.0 == table)
            .count()
    };
    assert_eq!(
        t.list(Some("prefix")).len(),
        DEFAULTS.len() + menus("prefix")
    );
    assert_eq!(
        t.get("root", k("MouseDrag1Border"))
            .map(|b| b.command.as_str()),
        Some("resize-pane -M")
    );
    // A key from the terminal in another form finds the same binding.
    let raw = Key {
        code: KeyCode::Char('\x02'),
        mods: Mods::NONE,
    };
    assert_eq!(
        t.get("prefix", raw).map(|b| b.command.as_str()),
        Some("send-prefix")
    );
}

/// `tmux -L x -f /dev/null list-keys -T prefix` from tmux 3.3a, line for line.
const TMUX_PREFIX: &str = include_str!("tmux_prefix.txt");

#[test]
fn the_prefix_table_lists_exactly_as_tmuxs_does() {
    let t = KeyTables::with_defaults();
    let lines = t.list(Some("prefix"));
    let want: Vec<&str> = TMUX_PREFIX.lines().collect();
    for (ours, theirs) in lines.iter().zip(&want) {
        assert_eq!(ours, theirs);
    }
    assert_eq!(
        lines.len(),
        want.len(),
        "every one of tmux's prefix keys, no more"
    );
}

#[test]
fn list_pads_across_tables_and_drops_the_repeat_column() {
    let mut t = KeyTables::default();
    t.bind("mytab", k("\""), "split-window", false);
    t.bind("mytab", k("b"), "display-message \"a b\"", true);
    t.bind("mytab", k("C-M-x"), "new-window", false);
    // From tmux 3.3a after the same three bind-key commands.
    let want = [
        "bind-key    -T mytab \\\"    split-window",
        "bind-key -r -T mytab b     display-message \"a b\"",
        "bind-key    -T mytab M-C-x new-window",
    ];
    assert_eq!(t.list(Some("mytab")), want);
    t.bind("mytab", k("b"), "display-message", false);
    assert_eq!(
        t.list(Some("mytab"))[1],
        "bind-key -T mytab b     display-message"
    );
    t.bind("root", k("F1"), "new-window", false);
    let all = t.list(None);
    assert_eq!(all.len(), 4);
    assert_eq!(all[3], "bind-key -T root  F1    new-window");
    assert_eq!(t.list(Some("nope")), Vec::<String>::new());
}

#[test]
fn bind_and_unbind() {
    let mut t = KeyTables::with_defaults();
    t.bind("prefix", k("d"), "display-message hi", false);
    let d = t.get("prefix", k("d")).unwrap();
    assert_eq!(d.command, "display-message hi");
    // tmux 3.3a drops the note of a key that is bound again.
    assert_eq!(d.note, None);
    assert!(t.unbind("prefix", k("d")));
    assert!(!t.unbind("prefix", k("d")));
    assert!(!t.unbind("nope", k("d")));
    assert!(t.get("prefix", k("d")).is_none());
    t.bind("copy", k("q"), "cancel", false);
    assert!(t.unbind("copy", k("q")));
    assert!(!t.has_table("copy"));
    for table in ["prefix", "copy-mode", "copy-mode-vi", "root"] {
        t.unbind_all(table);
        assert!(!t.has_table(table));
    }
    assert!(t.list(None).is_empty());
}

#[test]
fn noted_keys_are_named_as_list_keys_n_names_them() {
    let t = KeyTables::with_defaults();
    let noted = t.noted("prefix", None);
    // From `tmux list-keys -N -T prefix`.
    assert_eq!(noted[0], ("C-b".to_string(), "Send the prefix key"));
    assert!(noted.contains(&("\"".to_string(), "Split window vertically")));
    assert_eq!(
        t.noted("prefix", Some(k("M-Right"))),
        [("M-Right".to_string(), "Resize the pane right by 5")]
    );
    let mut custom = KeyTables::default();
    custom.bind("kt", k("a"), "new-window", false);
    assert!(custom.noted("kt", None).is_empty());
}

#[test]
fn the_copy_mode_tables_are_tmuxs() {
    let t = KeyTables::with_defaults();
    let vi = |key: &str| t.get("copy-mode-vi", k(key)).map(|b| b.command.clone());
    let emacs = |key: &str| t.get("copy-mode", k(key)).map(|b| b.command.clone());
    assert_eq!(vi("v").as_deref(), Some("send-keys -X rectangle-toggle"));
    assert_eq!(
        vi("Enter").as_deref(),
        Some("send-keys -X copy-pipe-and-cancel")
    );
    assert_eq!(
        emacs("M-w").as_deref(),
        Some("send-keys -X copy-pipe-and-cancel")
    );
    assert_eq!(
        emacs("C-Space").as_deref(),
        Some("send-keys -X begin-selection")
    );
    // Every default key parsed: the tables are as long as the lists they come from.
    let mouse = copy::COPY_MOUSE.len();
    assert_eq!(
        t.list(Some("copy-mode-vi")).len(),
        copy::COPY_MODE_VI.len() + mouse
    );
    assert_eq!(
        t.list(Some("copy-mode")).len(),
        copy::COPY_MODE.len() + mouse
    );
    let menus = super::menus::menu_bindings()
        .iter()
        .filter(|b| b.0 == "root")
        .count();
    assert_eq!(t.list(Some("root")).len(), copy::root_mouse().len() + menus);
}
