use crate::ids::{ClientId, PaneId};
use crate::testing::Harness;

#[test]
fn variables_are_set_removed_hidden_and_forgotten() {
    let mut h = Harness::with_session();
    h.ok("setenv -g EDITOR vim");
    h.ok("setenv -t work PROJECT mux");
    h.ok("setenv -r GONE");
    h.ok("setenv -h SECRET x");
    h.ok("setenv -F NAMED '#{session_name}'");
    assert_eq!(h.ok("showenv -g EDITOR"), "EDITOR=vim\n");
    let shown = h.ok("showenv");
    assert!(shown.contains("\nPROJECT=mux\n"), "{shown}");
    assert!(shown.contains("-GONE\n"), "{shown}");
    assert!(shown.contains("NAMED=work\n"), "{shown}");
    assert!(!shown.contains("SECRET"), "{shown}");
    assert_eq!(h.ok("showenv -h"), "SECRET=x\n");
    h.ok("setenv -u PROJECT");
    assert_eq!(h.err("showenv PROJECT"), "unknown variable: PROJECT");
}

#[test]
fn new_panes_get_the_global_and_the_sessions_variables() {
    let mut h = Harness::with_session();
    h.ok("setenv -g EDITOR vim");
    h.ok("setenv -g PAGER less");
    h.ok("setenv PAGER most");
    h.ok("setenv -r HOME");
    h.ok("setenv -h SECRET x");
    h.ok("new-window");
    let env = h.fake.pane(PaneId(1)).spawned[0].env.clone();
    let var = |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!(var("EDITOR"), Some("vim"));
    assert_eq!(var("PAGER"), Some("most"));
    assert_eq!(var("HOME"), None);
    assert_eq!(var("SECRET"), None);
}

#[test]
fn mistakes_are_worded_as_tmux_words_them() {
    let mut h = Harness::with_session();
    assert_eq!(h.err("setenv FOO"), "no value specified");
    assert_eq!(h.err("setenv -u FOO bar"), "can't specify a value with -u");
    assert_eq!(h.err("setenv '' x"), "empty variable name");
    assert_eq!(h.err("setenv A=B x"), "variable name contains =");
    assert_eq!(h.err("setenv -t nosuch A x"), "can't find session: nosuch");
}

/// Returns a variable of the environment the last program started in `pane` got.
fn var(h: &Harness, pane: u32, name: &str) -> Option<String> {
    let spawned = h.fake.pane(PaneId(pane)).spawned;
    let env = spawned.last().map(|s| s.env.clone()).unwrap_or_default();
    env.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// Runs `line` from a client that has `vars` besides a shell and a home; returns it.
fn with_env(h: &mut Harness, line: &str, vars: &[(&str, &str)], terminal: bool) -> ClientId {
    let extra = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let id = h.connect_with_env(line, terminal.then_some((80, 24)), extra);
    if terminal {
        assert!(h.is_attached(id), "`{line}` did not attach");
    } else {
        assert_eq!(h.reply_of(id).status, Some(0), "`{line}` failed");
    }
    id
}

#[test]
fn attaching_refreshes_the_listed_variables_for_new_panes() {
    let mut h = Harness::new();
    with_env(
        &mut h,
        "new-session -d -s work",
        &[("SSH_AUTH_SOCK", "/tmp/one")],
        false,
    );
    assert_eq!(var(&h, 0, "SSH_AUTH_SOCK").as_deref(), Some("/tmp/one"));
    assert!(h.ok("showenv -t work").contains("SSH_AUTH_SOCK=/tmp/one\n"));
    with_env(
        &mut h,
        "attach -t work",
        &[("SSH_AUTH_SOCK", "/tmp/two")],
        true,
    );
    h.ok("new-window -t work");
    assert_eq!(var(&h, 1, "SSH_AUTH_SOCK").as_deref(), Some("/tmp/two"));
    with_env(&mut h, "attach -t work", &[], true);
    h.ok("new-window -t work");
    assert_eq!(
        var(&h, 2, "SSH_AUTH_SOCK"),
        None,
        "a client without it removes it"
    );
    assert!(h.ok("showenv -t work").contains("-SSH_AUTH_SOCK\n"));
}

#[test]
fn e_keeps_the_sessions_variables_and_unlisted_variables_never_change() {
    let mut h = Harness::new();
    let vars = [("SSH_AUTH_SOCK", "/tmp/one"), ("EDITOR", "vi")];
    with_env(&mut h, "new-session -d -s work", &vars, false);
    let vars = [("SSH_AUTH_SOCK", "/tmp/two"), ("EDITOR", "emacs")];
    with_env(&mut h, "attach -E -t work", &vars, true);
    h.ok("new-window -t work");
    assert_eq!(var(&h, 1, "SSH_AUTH_SOCK").as_deref(), Some("/tmp/one"));
    assert_eq!(var(&h, 1, "EDITOR").as_deref(), Some("vi"));
}
