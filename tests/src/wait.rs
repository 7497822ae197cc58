//! Waiting with a deadline in the end-to-end tests: the deadline in force ([`deadline`],
//! `MUX_TEST_TIMEOUT`), and waits for a condition ([`wait_until`]), for a child process
//! ([`wait_child`]) and for a command's whole run ([`run_to_end`]). All of them are
//! mux-testkit's `wait_until` underneath, so every timeout names what it waited for.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

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

/// Polls `cond` until it returns `Some`, or panics after [`deadline`] with `timed out
/// waiting for {what}` and, through `describe`, what was there instead.
///
/// `what` names the condition as a phrase ("the shell prompt", "two panes in the window");
/// `describe` shows the state a reader needs to see why it never held (a screen, a list of
/// panes, a file's text). `describe` runs only on failure.
pub fn wait_until<T>(
    what: &str,
    cond: impl FnMut() -> Option<T>,
    describe: impl FnOnce() -> String,
) -> T {
    mux_testkit::wait_until(what, deadline(), cond, describe)
}

/// Waits for `child` to exit and returns its status; on timeout the panic names `what` and
/// shows the process's state from `/proc`.
pub fn wait_child(child: &mut Child, what: &str) -> ExitStatus {
    let pid = child.id();
    wait_until(
        what,
        || child.try_wait().expect("waitpid"),
        || process_state(pid),
    )
}

/// Runs `cmd` with standard input on `/dev/null`, waits for it to exit and for its output to
/// end, and returns what it printed, as [`Command::output`] does but with [`deadline`]: a
/// command that hangs fails the test, named, instead of hanging it. A command that times
/// out is killed.
pub fn run_to_end(cmd: &mut Command) -> Output {
    let name = command_line(cmd);
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start `{name}`: {e}"));
    let mut child = KillOnDrop(child);
    let stdout = read_in_background(child.0.stdout.take());
    let stderr = read_in_background(child.0.stderr.take());
    let status = wait_child(&mut child.0, &format!("`{name}` to exit"));
    let collect = |rx: mpsc::Receiver<Vec<u8>>, which: &str| {
        rx.recv_timeout(deadline()).unwrap_or_else(|_| {
            panic!(
                "timed out waiting for the {which} of `{name}` to end: a process it started \
                 still holds it open"
            )
        })
    };
    Output {
        status,
        stdout: collect(stdout, "standard output"),
        stderr: collect(stderr, "standard error"),
    }
}

/// A child that is killed and reaped when dropped, so that one the test gave up on does not
/// outlive it. (Once reaped, `kill` signals nothing: std knows the process is gone.)
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads `pipe` to its end on a thread and sends what it read.
fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = tx.send(bytes);
    });
    rx
}

/// Returns `cmd` as a shell-like line for messages: the program's file name and its
/// arguments.
fn command_line(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program());
    let program = program.file_name().unwrap_or(program.as_os_str());
    std::iter::once(program)
        .chain(cmd.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Describes process `pid` for a failure message: its state, from `/proc`.
pub fn process_state(pid: u32) -> String {
    match std::fs::read_to_string(format!("/proc/{pid}/status")) {
        Ok(status) => {
            let state = status
                .lines()
                .find(|l| l.starts_with("State:"))
                .unwrap_or("State: unknown");
            format!("process {pid}: {state}")
        }
        Err(e) => format!("process {pid}: no /proc entry ({e})"),
    }
}

/// Returns the resident set size of process `pid` in KiB (0 when it cannot be read).
pub fn rss_kib(pid: i32) -> u64 {
    status_kib(pid, "VmRSS")
}

/// Returns a KiB figure of `/proc/PID/status` (`VmRSS`, `RssAnon`, `RssFile`...), 0 when it
/// cannot be read.
pub fn status_kib(pid: i32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}
