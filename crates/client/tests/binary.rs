//! Smoke test of the built `mux` binary. Besides checking `-V` and the usage error, having an
//! integration test here makes `cargo test --workspace` build `target/debug/mux` before any
//! test runs, which the end-to-end tests in `tests/` need.

use std::process::Command;

#[test]
fn version_and_bad_option() {
    let out = Command::new(env!("CARGO_BIN_EXE_mux"))
        .arg("-V")
        .output()
        .expect("run mux");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("mux {}", env!("CARGO_PKG_VERSION"))
    );
    let out = Command::new(env!("CARGO_BIN_EXE_mux"))
        .arg("-Z")
        .output()
        .expect("run mux");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: mux"));
}
