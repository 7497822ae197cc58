//! Waiting for a condition with a deadline.

use std::time::{Duration, Instant};

/// How long any single condition may take before the test fails, unless
/// `MUX_TEST_TIMEOUT` (seconds) says otherwise. Generous: the machines running the tests are
/// shared and slow, and a passing test never waits this long.
pub const DEADLINE: Duration = Duration::from_secs(15);

/// Returns the deadline in force.
pub fn deadline() -> Duration {
    std::env::var("MUX_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEADLINE)
}

/// Polls `cond` until it returns `Some`, or panics after [`deadline`] saying what was awaited
/// and, through `describe`, what was there instead.
pub fn wait_until<T>(
    what: &str,
    mut cond: impl FnMut() -> Option<T>,
    describe: impl Fn() -> String,
) -> T {
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        if let Some(v) = cond() {
            return v;
        }
        if start.elapsed() > deadline() {
            panic!(
                "timed out waiting for {what}\n--- state ---\n{}",
                describe()
            );
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}
