//! [`Env`]: an isolated directory, socket and HOME for one test, and running `mux` in it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::client::Client;
use crate::wait::{process_state, run_to_end, wait_until};

/// Returns the `mux` binary under test: `$MUX_BIN`, or `mux` in the target directory that
/// holds this test executable (`target/debug/deps/..`).
pub fn mux_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("MUX_BIN") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("current_exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join("mux");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p mux-client` or `cargo test --workspace`",
        bin.display()
    );
    bin
}

/// One test's private world: a temporary directory holding the socket and HOME.
pub struct Env {
    /// The temporary directory, removed on drop.
    pub dir: PathBuf,
    /// The socket passed with `-S`.
    pub sock: PathBuf,
    /// The HOME of every process started.
    pub home: PathBuf,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl Env {
    /// Creates a fresh environment.
    pub fn new() -> Env {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("mux-e2e-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let home = dir.join("home");
        std::fs::create_dir_all(&home).expect("create test dir");
        Env {
            sock: dir.join("sock"),
            dir,
            home,
        }
    }

    /// Returns a path inside the test directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Returns a `mux -S SOCK args...` command with a small, fixed environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(mux_bin());
        cmd.arg("-S").arg(&self.sock).args(args);
        self.apply_env(&mut cmd);
        cmd
    }

    /// Sets the fixed environment on `cmd`.
    pub fn apply_env(&self, cmd: &mut Command) {
        cmd.env_clear()
            .env("HOME", &self.home)
            .env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")
            .env("SHELL", "/bin/sh")
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env("ENV", self.home.join(".shrc"))
            .env("XDG_RUNTIME_DIR", self.dir.join("run"));
        let _ = std::fs::create_dir_all(self.dir.join("run"));
    }

    /// Runs `mux -S SOCK args...` without a terminal and returns what it printed; fails the
    /// test, naming the command, if it does not finish within the deadline.
    pub fn run(&self, args: &[&str]) -> Output {
        run_to_end(&mut self.cmd(args))
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "mux {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts `mux -S SOCK args...` attached to a new pseudo-terminal of `cols`×`rows`.
    pub fn client(&self, args: &[&str], cols: u16, rows: u16) -> Client {
        Client::spawn(self.cmd(args), cols, rows)
    }

    /// Starts `mux ARGS` in a new PTY that reports no size (0×0), read as an 80×24 screen.
    pub fn client_without_size(&self, args: &[&str]) -> Client {
        Client::spawn_reporting(self.cmd(args), (0, 0), (80, 24))
    }

    /// Returns the pid of the process listening on the socket, if any.
    pub fn server_pid(&self) -> Option<i32> {
        server_pid_of(&self.sock)
    }

    /// Waits until no server listens on the socket and the socket file is gone.
    pub fn wait_server_gone(&self) {
        wait_until(
            "the server to exit and remove its socket",
            || (!self.sock.exists() && self.server_pid().is_none()).then_some(()),
            || {
                let server = match self.server_pid() {
                    Some(pid) => process_state(pid as u32),
                    None => "no process listens on it".to_string(),
                };
                format!("socket exists: {}; {server}", self.sock.exists())
            },
        );
    }

    /// Writes a file in HOME (a `.shrc`, a script).
    pub fn write_home(&self, name: &str, text: &str) -> PathBuf {
        let p = self.home.join(name);
        std::fs::write(&p, text).expect("write file");
        p
    }

    /// Waits until a file holds text satisfying `cond` and returns the text. `what` names
    /// that text for the failure message ("a line saying the server started"), which also
    /// shows what the file held instead.
    pub fn wait_file(&self, path: &Path, what: &str, cond: impl Fn(&str) -> bool) -> String {
        wait_until(
            &format!("{} to hold {what}", path.display()),
            || std::fs::read_to_string(path).ok().filter(|t| cond(t)),
            || match std::fs::read_to_string(path) {
                Ok(text) => format!("the file holds {text:?}"),
                Err(e) => format!("the file cannot be read: {e}"),
            },
        )
    }
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    /// Returns the socket of the server's keeper (see `mux_server::run_keeper`).
    pub fn keeper_sock(&self) -> PathBuf {
        self.dir.join("sock.keep").join("keeper.sock")
    }

    /// Returns the pid of the server's keeper, if one listens.
    pub fn keeper_pid(&self) -> Option<i32> {
        server_pid_of(&self.keeper_sock())
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        // The server and its keeper: once both are gone every PTY is closed, and the
        // programs in them get SIGHUP from the kernel.
        for pid in [self.server_pid(), self.keeper_pid()].into_iter().flatten() {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Finds the process listening on the Unix socket at `sock` by matching the socket inode in
/// `/proc/net/unix` against every process's descriptors.
pub fn server_pid_of(sock: &Path) -> Option<i32> {
    let net = std::fs::read_to_string("/proc/net/unix").ok()?;
    let want = sock.to_str()?;
    let inode = net.lines().find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        // Listening sockets (stream or seqpacket) have flags 00010000.
        (f.len() >= 8 && f[7] == want && f[3] == "00010000").then(|| f[6].to_string())
    })?;
    let target = format!("socket:[{inode}]");
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            if std::fs::read_link(fd.path()).is_ok_and(|l| l.to_string_lossy() == target) {
                return Some(pid);
            }
        }
    }
    None
}

impl Env {
    /// Writes a `.shrc` giving panes the prompt `$ ` and starts `mux new -s NAME` attached in a
    /// `cols`×`rows` terminal; returns once the shell's prompt shows.
    pub fn attached(&self, name: &str, cols: u16, rows: u16) -> Client {
        self.write_home(".shrc", "PS1='$ '\n");
        let c = self.client(&["new", "-s", name], cols, rows);
        c.wait_screen("the shell prompt and the status line", |s| {
            let text = s.contents();
            text.contains("$ ") && text.contains(&format!("[{name}]"))
        });
        c
    }
}
