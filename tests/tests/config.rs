//! The config file and the command language end to end: a config changes the prefix,
//! base-index, a binding and the status style and the attached client shows all four; an
//! error is shown at attach with its line; source-file reloads; C-b ? lists the keys and q
//! leaves; a hook fires; run-shell runs a real shell command; update-environment refreshes a
//! variable for new panes; mux help; the prefix hint.

use mux_e2e::{Client, Env};

/// Starts `mux -f CONFIG new -s main` attached in an 80x24 terminal, with a `$ ` prompt.
fn with_config(env: &Env, config: &str) -> Client {
    env.write_home(".shrc", "PS1='$ '\n");
    let file = env.write_home("test.conf", config);
    let file = file.to_string_lossy().into_owned();
    env.client(&["-f", &file, "new", "-s", "main"], 80, 24)
}

/// Returns whether the cell at the bottom row's first column has background colour `bg`.
fn status_background(c: &Client) -> vt100::Color {
    c.with_screen(|s| s.cell(23, 0).map(|cell| cell.bgcolor()).unwrap_or_default())
}

#[test]
fn a_config_changes_the_prefix_base_index_a_binding_and_the_status_style() {
    let env = Env::new();
    let c = with_config(
        &env,
        "# a small tmux-style config\n\
         set -g prefix C-a\n\
         unbind C-b\n\
         bind C-a send-prefix\n\
         set -g base-index 1\n\
         bind | split-window -h\n\
         set -g status-style 'bg=blue,fg=white'\n",
    );
    c.wait_text("$ ");
    c.wait_screen("window 1 in the status line", |s| {
        s.contents().contains("[main] 1:")
    });
    assert_eq!(
        status_background(&c),
        vt100::Color::Idx(4),
        "{}",
        c.describe()
    );
    // C-a | splits side by side: a vertical border appears.
    c.send("\x01|");
    c.wait_screen("two panes side by side", |s| {
        s.contents().lines().filter(|l| l.contains('│')).count() > 10
    });
    // C-b is no longer the prefix: C-b c makes no window.
    c.send("\x02c");
    c.send("\x01c");
    c.wait_text("2:");
    assert_eq!(env.ok(&["display", "-p", "#{session_windows}"]), "2\n");
}

#[test]
fn a_config_error_is_shown_at_attach_with_its_line_and_the_rest_loads() {
    let env = Env::new();
    let c = with_config(
        &env,
        "set -g base-index 1\nset -g status-left 'ok '\nfoo bar\nset -g @after yes\n",
    );
    c.wait_text("test.conf:3: unknown command: foo");
    assert_eq!(env.ok(&["show", "-gv", "@after"]), "yes\n");
    assert_eq!(env.ok(&["display", "-p", "#{pane_mode}"]), "view-mode\n");
    c.send("q");
    c.wait_screen("the view to go", |s| {
        !s.contents().contains("unknown command")
    });
    c.wait_text("ok 1:");
    let messages = env.ok(&["show-messages"]);
    assert!(
        messages.contains("test.conf:3: unknown command: foo"),
        "{messages}"
    );
}

#[test]
fn source_file_reloads_the_config() {
    let env = Env::new();
    let c = with_config(
        &env,
        "set -g status-left 'first '\nbind r source-file ~/test.conf \\; display 'reloaded'\n",
    );
    c.wait_text("first ");
    env.write_home(
        "test.conf",
        "set -g status-left 'second '\nbind r source-file ~/test.conf \\; display 'reloaded'\n",
    );
    c.send("\x02r");
    c.wait_text("reloaded");
    c.wait_text("second ");
}

#[test]
fn prefix_question_mark_lists_the_keys_and_q_leaves() {
    let env = Env::new();
    let c = env.attached("main", 80, 24);
    c.send("\x02?");
    c.wait_text("C-b !       Break pane to a new window");
    c.send("q");
    c.wait_screen("the key list to go", |s| {
        !s.contents().contains("Break pane")
    });
    c.wait_text("$ ");
}

#[test]
fn a_hook_fires_with_the_formats_of_its_object() {
    let env = Env::new();
    let c = with_config(
        &env,
        "set-hook -g after-new-window 'display \"window #{window_index} made\"'\n",
    );
    c.wait_text("$ ");
    c.send("\x02c");
    c.wait_text("window 1 made");
}

#[test]
fn run_shell_runs_a_shell_command_without_blocking_and_shows_its_output() {
    let env = Env::new();
    let c = with_config(&env, "bind R run 'echo ran in $PWD; exit 3'\n");
    c.wait_text("$ ");
    c.send("\x02R");
    c.wait_text("ran in");
    c.wait_text("returned 3");
    c.send("q");
    assert_eq!(
        env.ok(&["run", "echo from the command line"]),
        "from the command line\n"
    );
    assert_eq!(
        env.ok(&["if", "true", "display -p yes", "display -p no"]),
        "yes\n"
    );
}

#[test]
fn update_environment_refreshes_a_variable_in_new_panes_after_reattaching() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let mut cmd = env.cmd(&["new", "-s", "main2"]);
    cmd.env("SSH_AUTH_SOCK", "/tmp/agent-one");
    let mut first = Client::spawn(cmd, 80, 24);
    first.wait_text("$ ");
    first.line("echo sock=$SSH_AUTH_SOCK");
    first.wait_text("sock=/tmp/agent-one");
    first.send("\x02d");
    first.wait_exit();
    let mut cmd = env.cmd(&["attach", "-t", "main2"]);
    cmd.env("SSH_AUTH_SOCK", "/tmp/agent-two");
    let second = Client::spawn(cmd, 80, 24);
    second.wait_text("sock=/tmp/agent-one");
    second.send("\x02c");
    second.wait_text("1:");
    second.wait_text("$ ");
    second.line("echo sock=$SSH_AUTH_SOCK");
    second.wait_text("sock=/tmp/agent-two");
}

#[test]
fn mux_help_prints_a_commands_usage_and_what_it_does() {
    let env = Env::new();
    let out = env.ok(&["help", "split-window"]);
    assert!(out.starts_with("usage: split-window [-"), "{out}");
    assert!(out.contains("\nSplit a pane in two\n"), "{out}");
    let all = env.ok(&["--help"]);
    assert!(all.contains("source-file (source)"), "{all}");
    assert_eq!(env.ok(&["-h"]), all);
    assert_eq!(env.ok(&["help"]), all);
    let bad = env.run(&["help", "nosuch"]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn the_prefix_hint_appears_when_no_second_key_comes() {
    let env = Env::new();
    let c = with_config(
        &env,
        "bind | split-window -h\nset -g prefix-hint-delay 100\n",
    );
    c.wait_text("$ ");
    c.send("\x02");
    c.wait_text("| split");
    c.wait_text("d detach");
    c.send("c");
    c.wait_screen("the hint to go and a window to come", |s| {
        let text = s.contents();
        !text.contains("d detach") && text.contains("1:")
    });
}
