//! A program that cannot start: the command that asked says why and fails, no pane is left
//! behind, and a shell command that fails at once shows its message in a dead pane with
//! `remain-on-exit`.

use mux_e2e::Env;

#[test]
fn a_program_that_does_not_exist_is_named_with_the_reason() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "work"]);
    let out = env.run(&["new-window", "nosuchprog", "arg"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "nosuchprog: No such file or directory\n"
    );
    assert_eq!(env.ok(&["display", "-p", "#{session_windows}"]), "1\n");
    let split = env.run(&["split-window", "/no/such/dir/prog", "x"]);
    assert_eq!(
        String::from_utf8_lossy(&split.stderr),
        "/no/such/dir/prog: No such file or directory\n"
    );
}

#[test]
fn a_shell_command_that_fails_at_once_shows_why_in_its_dead_pane() {
    let env = Env::new();
    let c = env.attached("work", 80, 24);
    env.ok(&["set", "-g", "remain-on-exit", "on"]);
    env.ok(&["new-window", "nosuchprog arg"]);
    c.wait_text("nosuchprog: not found");
    c.wait_text("Pane is dead (status 127)");
}
