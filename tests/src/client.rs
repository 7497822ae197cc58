//! [`Client`]: a `mux` process in a pseudo-terminal the test owns, its output parsed into a
//! screen by vt100 as the user's terminal would show it.

// Opening the client's PTY calls the OS directly; each unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::io::Read;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nix::pty::{openpty, Winsize};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use crate::wait::{process_state, wait_until};

/// What the reader thread has seen.
struct Seen {
    parser: vt100::Parser,
    raw: Vec<u8>,
    eof: bool,
}

/// An attached (or attaching) client in a pseudo-terminal.
pub struct Client {
    child: Child,
    master: OwnedFd,
    seen: Arc<Mutex<Seen>>,
    status: Option<ExitStatus>,
}

nix::ioctl_write_ptr_bad!(set_winsize, nix::libc::TIOCSWINSZ, Winsize);

/// Converts a size to vt100's non-zero type.
fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

fn winsize(cols: u16, rows: u16) -> Winsize {
    Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Client {
    /// Starts `cmd` as the session leader of a new pseudo-terminal of `cols`×`rows`.
    pub fn spawn(cmd: Command, cols: u16, rows: u16) -> Client {
        Client::spawn_reporting(cmd, (cols, rows), (cols, rows))
    }

    /// Starts `cmd` on a pseudo-terminal that reports the size `reported` (columns, rows; 0×0
    /// as `script` does) and reads its output as a screen of size `screen`.
    pub fn spawn_reporting(mut cmd: Command, reported: (u16, u16), screen: (u16, u16)) -> Client {
        let (cols, rows) = screen;
        let pty = openpty(Some(&winsize(reported.0, reported.1)), None).expect("openpty");
        // openpty does not set close-on-exec: without it every process the test starts
        // (and the server a client starts) would hold this terminal open.
        for fd in [&pty.master, &pty.slave] {
            nix::fcntl::fcntl(
                fd,
                nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
            )
            .expect("cloexec");
        }
        let slave = pty.slave;
        let stdio = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup slave"));
        cmd.stdin(stdio(&slave))
            .stdout(stdio(&slave))
            .stderr(stdio(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                nix::unistd::setsid()?;
                if nix::libc::ioctl(0, nix::libc::TIOCSCTTY as _, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn mux client");
        drop(slave);
        let seen = Arc::new(Mutex::new(Seen {
            parser: vt100::Parser::new(nz(rows), nz(cols), 1000),
            raw: Vec::new(),
            eof: false,
        }));
        let reader = std::fs::File::from(pty.master.try_clone().expect("dup master"));
        let seen2 = seen.clone();
        std::thread::spawn(move || read_loop(reader, seen2));
        Client {
            child,
            master: pty.master,
            seen,
            status: None,
        }
    }

    /// Returns the client's pid.
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Writes bytes as if typed on the terminal.
    pub fn send(&self, bytes: impl AsRef<[u8]>) {
        let mut rest = bytes.as_ref();
        while !rest.is_empty() {
            match nix::unistd::write(&self.master, rest) {
                Ok(n) => rest = &rest[n..],
                Err(nix::errno::Errno::EAGAIN) | Err(nix::errno::Errno::EINTR) => {
                    std::thread::sleep(Duration::from_millis(1))
                }
                Err(e) => panic!("write to client pty: {e}"),
            }
        }
    }

    /// Types a line and presses Enter.
    pub fn line(&self, text: &str) {
        self.send(format!("{text}\r"));
    }

    /// Returns the screen's text, rows joined with newlines.
    pub fn text(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// Returns the text of one row.
    pub fn row(&self, row: u16) -> String {
        let s = self.lock();
        let cols = s.parser.screen().size().1.get();
        let text = s.parser.screen().rows(0, cols).nth(usize::from(row));
        text.unwrap_or_default()
    }

    /// Runs `f` on the parsed screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.lock().parser.screen())
    }

    /// Returns everything the client wrote, raw.
    pub fn raw(&self) -> Vec<u8> {
        self.lock().raw.clone()
    }

    /// Waits until the screen contains `needle`.
    pub fn wait_text(&self, needle: &str) {
        self.wait_screen(&format!("{needle:?} on the screen"), |s| {
            s.contents().contains(needle)
        });
    }

    /// Waits until `cond` holds for the screen.
    pub fn wait_screen(&self, what: &str, cond: impl Fn(&vt100::Screen) -> bool) {
        wait_until(
            what,
            || cond(self.lock().parser.screen()).then_some(()),
            || self.describe(),
        );
    }

    /// Changes the terminal's size; the kernel sends SIGWINCH to the client.
    pub fn resize(&self, cols: u16, rows: u16) {
        // SAFETY: the ioctl reads a valid Winsize.
        unsafe { set_winsize(self.master.as_raw_fd(), &winsize(cols, rows)) }.expect("resize");
        self.lock().parser.set_size(nz(rows), nz(cols));
    }

    /// Sends a signal to the client process.
    pub fn signal(&self, sig: Signal) {
        let _ = kill(Pid::from_raw(self.pid()), sig);
    }

    /// Waits for the client to exit and for the reader to take in what it wrote last, and
    /// returns its exit status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        if let Some(s) = self.status {
            return s;
        }
        let pid = self.pid();
        let (child, seen) = (&mut self.child, &self.seen);
        let status = wait_until(
            &format!("the client (pid {pid}) to exit"),
            || child.try_wait().expect("waitpid"),
            || format!("{}\n{}", process_state(pid as u32), describe(seen)),
        );
        self.status = Some(status);
        // Then the reader's end of file: all the client wrote is in the screen. Only the
        // client and its own children hold the terminal, so it comes soon after the exit.
        wait_until(
            &format!("the terminal of the client (pid {pid}) to close after it exited"),
            || seen.lock().ok().filter(|s| s.eof).map(|_| ()),
            || describe(seen),
        );
        status
    }

    /// Returns whether the terminal is back in cooked mode (ICANON and ECHO set).
    pub fn cooked(&self) -> bool {
        let t = nix::sys::termios::tcgetattr(&self.master).expect("tcgetattr");
        use nix::sys::termios::LocalFlags as L;
        t.local_flags.contains(L::ICANON | L::ECHO)
    }

    /// Describes the screen for a failure message.
    pub fn describe(&self) -> String {
        describe(&self.seen)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if self.status.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Describes what the client showed for a failure message: every row of the screen, whether
/// its output has ended, and the last raw bytes it wrote.
fn describe(seen: &Mutex<Seen>) -> String {
    let s = seen.lock().unwrap_or_else(|e| e.into_inner());
    let screen = s.parser.screen();
    let (rows, cols) = screen.size();
    let mut out = format!("screen {cols}x{rows}, eof {}:\n", s.eof);
    for (i, r) in screen.rows(0, cols.get()).enumerate() {
        out.push_str(&format!("{i:2}|{r}\n"));
    }
    let tail = &s.raw[s.raw.len().saturating_sub(400)..];
    out.push_str(&format!("raw tail: {:?}", String::from_utf8_lossy(tail)));
    out
}

/// Reads the client's output until the terminal closes.
fn read_loop(mut master: std::fs::File, seen: Arc<Mutex<Seen>>) {
    let mut buf = [0u8; 8192];
    loop {
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let mut s = seen.lock().unwrap_or_else(|e| e.into_inner());
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
            }
        }
    }
    seen.lock().unwrap_or_else(|e| e.into_inner()).eof = true;
}
