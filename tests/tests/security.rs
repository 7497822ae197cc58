//! Socket security: the socket directory's checks and the peer-uid check.
//!
//! Two tests need root: one to give a directory to another user, one to run a client as
//! another user. Rather than return early (which `cargo test` would count as a pass), they
//! are `#[ignore]`d, so a plain `cargo test` reports them as ignored; `.ci/run` runs them with
//! `--ignored` when it is root (as in the CI container). Run that way without root, they fail
//! saying they need root.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;

use mux_e2e::{run_to_end, Env};

fn default_socket_cmd(env: &Env, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(mux_e2e::mux_bin());
    env.apply_env(&mut cmd);
    run_to_end(cmd.args(args))
}

/// Fails the test unless it runs as root, saying what root is needed for.
fn require_root(why: &str) {
    assert!(
        nix::unistd::getuid().is_root(),
        "this test needs root {why}; run it as root (.ci/run does, when it is root)"
    );
}

#[test]
fn the_socket_directory_is_created_private() {
    let env = Env::new();
    let out = default_socket_cmd(&env, &["new", "-d"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = env.dir.join("run/mux");
    let mode = std::fs::metadata(&dir).expect("dir").permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    default_socket_cmd(&env, &["kill-server"]);
}

#[test]
fn an_open_or_symlinked_socket_directory_is_refused() {
    let env = Env::new();
    let dir = env.dir.join("run/mux");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = default_socket_cmd(&env, &["new", "-d"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&dir.display().to_string()), "{err}");
    assert!(err.contains("unsafe permissions"), "{err}");

    std::fs::remove_dir(&dir).expect("rmdir");
    let elsewhere = env.dir.join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    std::os::unix::fs::symlink(&elsewhere, &dir).expect("symlink");
    let out = default_socket_cmd(&env, &["new", "-d"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&dir.display().to_string()) && err.contains("symlink"),
        "{err}"
    );
}

#[test]
#[ignore = "needs root: gives a directory to another user; .ci/run runs it when root"]
fn a_socket_directory_owned_by_someone_else_is_refused() {
    require_root("to change a directory's owner");
    let env = Env::new();
    let dir = env.dir.join("run/mux");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    nix::unistd::chown(&dir, Some(nix::unistd::Uid::from_raw(65534)), None).expect("chown");
    let out = default_socket_cmd(&env, &["new", "-d"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not owned by you"), "{err}");
}

#[test]
#[ignore = "needs root: runs a client as another user; .ci/run runs it when root"]
fn another_user_is_denied_before_any_session_data() {
    require_root("to run a client as another user");
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "secret"]);
    // Let the other user reach the socket at all, so the server's own check is what refuses.
    for p in [&env.dir, &env.sock] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    }
    // The other user runs a copy of the binary in the test's directory: the build's own
    // directory may well be closed to other users, the temporary directory is not.
    let bin = env.dir.join("mux");
    std::fs::copy(mux_e2e::mux_bin(), &bin).expect("copy the mux binary");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut dir = env.dir.parent();
    while let Some(d) = dir {
        let mode = std::fs::metadata(d)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        assert!(
            mode & 0o001 != 0,
            "{} is not searchable by other users, so another user cannot reach the test's \
             socket: set TMPDIR to a directory that is",
            d.display()
        );
        dir = d.parent();
    }
    let mut cmd = std::process::Command::new(&bin);
    env.apply_env(&mut cmd);
    cmd.arg("-S").arg(&env.sock).arg("ls");
    cmd.uid(65534).gid(65534).env("HOME", "/");
    let out = run_to_end(&mut cmd);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim(), "access denied");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("secret"));
    assert!(
        env.ok(&["ls"]).starts_with("secret:"),
        "the server carries on"
    );
}
