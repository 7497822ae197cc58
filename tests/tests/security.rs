//! Socket security: the socket directory's checks and the peer-uid check.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;

use mux_e2e::{run_to_end, Env};

fn default_socket_cmd(env: &Env, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(mux_e2e::mux_bin());
    env.apply_env(&mut cmd);
    run_to_end(cmd.args(args))
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
fn a_socket_directory_owned_by_someone_else_is_refused() {
    if !nix::unistd::getuid().is_root() {
        println!("skipped: changing a directory's owner needs root");
        return;
    }
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
fn another_user_is_denied_before_any_session_data() {
    if !nix::unistd::getuid().is_root() {
        println!("skipped: connecting as another user needs root to switch uid");
        return;
    }
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "secret"]);
    // Let the other user reach the socket at all, so the server's own check is what refuses.
    for p in [&env.dir, &env.sock] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    }
    let bin = mux_e2e::mux_bin();
    let mut dir = bin.parent();
    while let Some(d) = dir {
        let mode = std::fs::metadata(d)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        if mode & 0o001 == 0 {
            println!("skipped: {} is not searchable by other users", d.display());
            return;
        }
        dir = d.parent();
    }
    let mut cmd = env.cmd(&["ls"]);
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
