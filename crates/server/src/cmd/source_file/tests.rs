use crate::testing::files::TempDir;
use crate::testing::Harness;

#[test]
fn a_file_runs_its_commands_and_an_error_names_its_line_without_stopping_the_rest() {
    let mut h = Harness::with_session();
    let dir = TempDir::new();
    let file = dir.write(
        "a.conf",
        "set -g @one 1\nfoo bar\nset -g @two 2 ; nosuch ; set -g @skipped 1\n\nset -g @three 3\n",
    );
    let reply = h.run(&format!("source-file {file}"));
    assert_eq!(
        reply.stderr,
        format!("{file}:2: unknown command: foo\n{file}:3: unknown command: nosuch\n")
    );
    assert_eq!(reply.status, Some(1));
    assert_eq!(h.ok("show -gv @one"), "1\n");
    assert_eq!(h.ok("show -gv @two"), "2\n");
    assert_eq!(h.ok("show -gv @three"), "3\n");
    assert_eq!(h.err("show -gv @skipped"), "invalid option: @skipped");
}

#[test]
fn syntax_problems_name_their_line_too() {
    let mut h = Harness::with_session();
    let dir = TempDir::new();
    let file = dir.write("b.conf", "set -g @a 'x\nset -g @b 1\n");
    let reply = h.run(&format!("source {file}"));
    assert_eq!(reply.stderr, format!("{file}:1: syntax error: missing '\n"));
}

#[test]
fn patterns_relative_paths_and_nesting() {
    let mut h = Harness::with_session();
    let dir = TempDir::new();
    dir.write("conf.d/2-b.conf", "set -ga @order b");
    dir.write("conf.d/1-a.conf", "set -g @order a");
    dir.write("conf.d/skip.txt", "set -g @order wrong");
    let main = dir.write("main.conf", "source-file conf.d/*.conf\nset -ga @order c\n");
    h.ok(&format!("source-file {main}"));
    assert_eq!(h.ok("show -gv @order"), "abc\n");
}

#[test]
fn q_is_quiet_about_missing_files_n_only_checks_and_v_prints() {
    let mut h = Harness::with_session();
    let dir = TempDir::new();
    let missing = dir.path().join("nope.conf").display().to_string();
    assert_eq!(
        h.err(&format!("source-file {missing}")),
        format!("{missing}: No such file or directory")
    );
    assert_eq!(h.ok(&format!("source-file -q {missing}")), "");
    let file = dir.write("c.conf", "set -g @checked 1\nbad\n");
    let reply = h.run(&format!("source-file -n {file}"));
    assert_eq!(reply.stderr, "", "-n parses but does not run");
    assert_eq!(h.err("show -gv @checked"), "invalid option: @checked");
    let file = dir.write("d.conf", "set -g @shown 'a b'\n");
    assert_eq!(
        h.ok(&format!("source-file -v {file}")),
        format!("{file}:1: set -g @shown 'a b'\n")
    );
}

#[test]
fn a_file_that_sources_itself_stops_at_the_nesting_limit() {
    let mut h = Harness::with_session();
    let dir = TempDir::new();
    let file = dir.write("loop.conf", "set -ga @n x\nsource-file loop.conf\n");
    let reply = h.run(&format!("source-file {file}"));
    assert!(
        reply.stderr.ends_with("too many nested files\n"),
        "{}",
        reply.stderr
    );
    assert_eq!(h.ok("show -gv @n").trim_end().len(), 50);
}

#[test]
fn variables_and_conditions_are_read_as_the_file_is_parsed() {
    let mut h = Harness::with_session();
    let dir = TempDir::new();
    let file = dir.write(
        "e.conf",
        "NAME=mux\n%if \"#{==:#{session_name},work}\"\nset -g @where \"$NAME at work\"\n%else\nset -g @where home\n%endif\n",
    );
    h.ok(&format!("source-file {file}"));
    assert_eq!(h.ok("show -gv @where"), "mux at work\n");
    assert_eq!(h.ok("showenv -g NAME"), "NAME=mux\n");
}

#[test]
fn the_config_loaded_at_startup_shows_its_errors_to_the_first_client_that_attaches() {
    let mut h = Harness::new();
    let dir = TempDir::new();
    let file = dir.write("mux.conf", "set -g base-index 1\nfoo bar\n");
    h.load_config(&[&file]);
    h.ok("new-session -d -s work");
    assert_eq!(
        h.ok("display -p '#{window_index}'"),
        "1\n",
        "the rest loaded"
    );
    let c = h.attach("attach -t work", 60, 6);
    let screen = h.screen(c);
    assert!(
        screen[0].starts_with(&format!("{file}:2: unknown command: foo")),
        "{screen:?}"
    );
    h.keys(c, "q");
    assert!(!h.shows(c, "unknown command"));
    let other = h.attach("attach -t work", 60, 6);
    assert!(!h.shows(other, "unknown command"), "only the first client");
}

#[test]
fn command_clients_wait_while_the_config_waits_for_a_shell_command() {
    let mut h = Harness::new();
    let dir = TempDir::new();
    let file = dir.write("mux.conf", "run 'setup.sh'\nset -g @after-run yes\n");
    h.load_config(&[&file]);
    let client = h.start("new-session -d -s work ; show -gv @after-run");
    assert_eq!(
        h.reply_of(client).status,
        None,
        "held until the config is loaded"
    );
    assert!(h.state.sessions.is_empty());
    h.finish_job("", 0);
    let reply = h.reply_of(client);
    assert_eq!((reply.stdout.as_str(), reply.status), ("yes\n", Some(0)));
}

#[test]
fn a_config_file_given_that_does_not_exist_is_an_error_shown_at_attach() {
    let mut h = Harness::new();
    h.load_config(&["/nonexistent/mux.conf"]);
    h.ok("new-session -d -s work");
    let c = h.attach("attach -t work", 60, 6);
    assert!(h.shows(c, "/nonexistent/mux.conf: No such file or directory"));
}

#[test]
fn the_server_waits_for_its_first_client_even_when_the_config_finished_first() {
    let mut h = Harness::new();
    let dir = TempDir::new();
    let file = dir.write("mux.conf", "run 'setup.sh'\n");
    h.load_config(&[&file]);
    h.finish_job("", 0);
    assert_eq!(
        h.state.exit, None,
        "no session yet, but its client has not come"
    );
    h.ok("new-session -d -s work");
    h.ok("kill-session -t work");
    assert_eq!(
        h.state.exit,
        Some(0),
        "the last session gone, the server ends"
    );
}
