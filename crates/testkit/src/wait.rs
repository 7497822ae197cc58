//! Waiting for a condition with a deadline: [`wait_until`], which fails the test naming what
//! it waited for and what it found instead, and [`poll_until`], its quiet form for waits that
//! may give up.

use std::time::{Duration, Instant};

/// The first pause between two polls; each later pause doubles, up to [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_millis(2);

/// The longest pause between two polls, so a condition that becomes true late is still
/// noticed soon after.
const MAX_PAUSE: Duration = Duration::from_millis(50);

/// Polls `cond` until it returns `Some`, pausing a little longer after each miss, and returns
/// its value; returns `None` if `deadline` has passed since the call and `cond` still says
/// no.
///
/// `cond` is always called at least once, and once more after the deadline has passed, so a
/// condition that became true during the last pause is not missed.
pub fn poll_until<T>(deadline: Duration, mut cond: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    let mut pause = FIRST_PAUSE;
    loop {
        if let Some(value) = cond() {
            return Some(value);
        }
        let elapsed = start.elapsed();
        if elapsed >= deadline {
            return None;
        }
        std::thread::sleep(pause.min(deadline - elapsed));
        pause = (pause * 2).min(MAX_PAUSE);
    }
}

/// Polls `cond` until it returns `Some` and returns its value, or panics once `deadline` has
/// passed.
///
/// The panic message reads `timed out waiting for {what}`, followed by what `describe`
/// returns: the state that was there instead (a screen, a file's text, a process list). So
/// `what` should name the condition as a phrase (`"the shell prompt"`, `"pane %1 to
/// exit"`), and `describe` should show what a person needs to see why it never held.
/// `describe` is called only on failure, so it may be slow.
pub fn wait_until<T>(
    what: &str,
    deadline: Duration,
    cond: impl FnMut() -> Option<T>,
    describe: impl FnOnce() -> String,
) -> T {
    match poll_until(deadline, cond) {
        Some(value) => value,
        None => {
            let state = describe();
            let state = if state.trim().is_empty() {
                "(nothing to show)".to_string()
            } else {
                state
            };
            panic!("timed out waiting for {what} (deadline {deadline:?})\n--- state ---\n{state}")
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::time::Duration;

    use super::{poll_until, wait_until};

    #[test]
    fn a_condition_already_true_returns_its_value_at_once() {
        let calls = Cell::new(0);
        let v = wait_until(
            "the answer",
            Duration::ZERO,
            || {
                calls.set(calls.get() + 1);
                Some(42)
            },
            || unreachable!("describe is only for failures"),
        );
        assert_eq!((v, calls.get()), (42, 1));
    }

    #[test]
    fn a_condition_is_polled_until_it_holds() {
        let calls = Cell::new(0);
        let v = wait_until(
            "the fifth call",
            Duration::from_secs(600),
            || {
                calls.set(calls.get() + 1);
                (calls.get() == 5).then_some("five")
            },
            String::new,
        );
        assert_eq!((v, calls.get()), ("five", 5));
    }

    #[test]
    fn poll_until_gives_up_quietly() {
        let calls = Cell::new(0);
        let v: Option<()> = poll_until(Duration::ZERO, || {
            calls.set(calls.get() + 1);
            None
        });
        assert_eq!((v, calls.get()), (None, 1));
    }

    #[test]
    #[should_panic(expected = "timed out waiting for the door to open")]
    fn a_timeout_names_the_condition() {
        wait_until(
            "the door to open",
            Duration::ZERO,
            || None::<()>,
            String::new,
        );
    }

    #[test]
    fn a_timeout_shows_the_state() {
        let err = std::panic::catch_unwind(|| {
            wait_until(
                "the light to turn green",
                Duration::ZERO,
                || None::<()>,
                || "the light is red".to_string(),
            )
        })
        .expect_err("a timeout panics");
        let message = err
            .downcast_ref::<String>()
            .expect("a formatted message")
            .clone();
        assert!(
            message.starts_with("timed out waiting for the light to turn green"),
            "{message}"
        );
        assert!(
            message.ends_with("--- state ---\nthe light is red"),
            "{message}"
        );
    }
}
