//! Hooks that let the end-to-end tests cause what a user cannot: a panic in a pane's
//! terminal emulator, a panic in the client, a client of another protocol version. They are
//! compiled only with the `test-hooks` feature, which `cargo test --workspace` turns on
//! (through the test crate) and a release or `cargo install` build does not: without it every
//! hook is inert and its variable's name is not in the binary.

/// Returns whether `bytes` hold the marker of `MUX_FAULT_PANIC_ON`, read once; a pane's
/// output holding it makes the pane's emulator panic.
#[cfg(feature = "test-hooks")]
pub fn fault_in(bytes: &[u8]) -> bool {
    static MARKER: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
    let marker = MARKER.get_or_init(|| {
        std::env::var("MUX_FAULT_PANIC_ON")
            .ok()
            .filter(|m| m.len() >= 8)
            .map(String::into_bytes)
    });
    marker
        .as_deref()
        .is_some_and(|m| bytes.windows(m.len()).any(|w| w == m))
}

/// Without the `test-hooks` feature no output causes a fault.
#[cfg(not(feature = "test-hooks"))]
pub fn fault_in(_bytes: &[u8]) -> bool {
    false
}

/// Returns the protocol version a client should claim instead of its own, and a server
/// speak, from `MUX_TEST_PROTOCOL_VERSION` (a server has it when the client that started it
/// had it: how a test makes one binary stand for a newer build).
#[cfg(feature = "test-hooks")]
pub fn protocol_version() -> Option<u32> {
    std::env::var("MUX_TEST_PROTOCOL_VERSION")
        .ok()
        .and_then(|v| v.trim().parse().ok())
}

/// Without the `test-hooks` feature a client claims its own version.
#[cfg(not(feature = "test-hooks"))]
pub fn protocol_version() -> Option<u32> {
    None
}

/// Returns whether the attached client should panic when it draws (`MUX_TEST_PANIC`), read
/// once.
#[cfg(feature = "test-hooks")]
pub fn panic_on_draw() -> bool {
    static SET: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SET.get_or_init(|| std::env::var_os("MUX_TEST_PANIC").is_some())
}

/// Without the `test-hooks` feature the client never panics on purpose.
#[cfg(not(feature = "test-hooks"))]
pub fn panic_on_draw() -> bool {
    false
}

/// Returns how many bytes may wait for a pipe or log's consumer when the end-to-end tests
/// ask for a smaller bound than mux's own (`MUX_TEST_SINK_LIMIT`, read once), so that a
/// test of a slow consumer needs a burst of a few megabytes, not tens.
#[cfg(feature = "test-hooks")]
pub fn sink_limit() -> Option<usize> {
    static LIMIT: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        std::env::var("MUX_TEST_SINK_LIMIT")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .filter(|n| *n >= 1024)
    })
}

/// Without the `test-hooks` feature the bound is mux's own.
#[cfg(not(feature = "test-hooks"))]
pub fn sink_limit() -> Option<usize> {
    None
}

/// Returns the variable a client run in place of another (to attach to a server of another
/// version after an upgrade) gets so that it claims that server's version: in a test, the
/// "newer build" is this same binary claiming a newer version.
#[cfg(feature = "test-hooks")]
pub fn claim_version(version: u32) -> Option<(&'static str, String)> {
    Some(("MUX_TEST_PROTOCOL_VERSION", version.to_string()))
}

/// Without the `test-hooks` feature a client runs as itself.
#[cfg(not(feature = "test-hooks"))]
pub fn claim_version(_version: u32) -> Option<(&'static str, String)> {
    None
}

/// Returns the variable a server that another hands over to (`server-upgrade`) gets from
/// the client that asked for it: `MUX_TEST_PROTOCOL_VERSION`, so the same binary can stand
/// for a newer build in a test.
#[cfg(feature = "test-hooks")]
pub fn upgrade_env(env: &[(String, String)]) -> Option<(&'static str, String)> {
    const NAME: &str = "MUX_TEST_PROTOCOL_VERSION";
    env.iter()
        .find(|(k, _)| k == NAME)
        .map(|(_, v)| (NAME, v.clone()))
}

/// Without the `test-hooks` feature the new server gets the old one's environment only.
#[cfg(not(feature = "test-hooks"))]
pub fn upgrade_env(_env: &[(String, String)]) -> Option<(&'static str, String)> {
    None
}
