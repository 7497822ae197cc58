//! The same program in a mux pane and in a plain pseudo-terminal of the same size gives the
//! same screen: text, colours and attributes, as the attached client shows them.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use mux_e2e::{run_to_end, wait_child, wait_until, Env};

const COLS: u16 = 80;
const ROWS: u16 = 24;

/// Runs `script` with `sh -c` in a plain PTY of COLS×ROWS and returns the parsed screen once
/// `done` holds for it.
fn plain(env: &Env, script: &str, done: impl Fn(&vt100::Screen) -> bool) -> vt100::Screen {
    let ws = nix::pty::Winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = nix::pty::openpty(Some(&ws), None).expect("openpty");
    let slave = |fd: &std::os::fd::OwnedFd| Stdio::from(fd.try_clone().expect("dup"));
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(script);
    env.apply_env(&mut cmd);
    cmd.env("TERM", "tmux-256color")
        .stdin(slave(&pty.slave))
        .stdout(slave(&pty.slave))
        .stderr(slave(&pty.slave));
    // SAFETY: the closure makes only async-signal-safe calls between fork and exec.
    #[allow(unsafe_code)]
    unsafe {
        cmd.pre_exec(|| {
            nix::unistd::setsid()?;
            nix::libc::ioctl(0, nix::libc::TIOCSCTTY as _, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn");
    drop(pty.slave);
    let nz = |n| std::num::NonZeroU16::new(n).expect("non-zero");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(ROWS), nz(COLS), 0)));
    let p2 = parser.clone();
    let mut master = std::fs::File::from(pty.master);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            p2.lock().expect("lock").process(&buf[..n]);
        }
    });
    let screen = wait_until(
        "the script's screen in the plain terminal",
        || {
            let p = parser.lock().expect("lock");
            done(p.screen()).then(|| p.screen().clone())
        },
        || parser.lock().expect("lock").screen().contents(),
    );
    // The script leads its own session: end its whole process group, pagers included.
    let _ = nix::sys::signal::killpg(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGKILL,
    );
    let _ = child.kill();
    wait_child(
        &mut child,
        "the script in the plain terminal to end after SIGKILL",
    );
    screen
}

/// Runs `script` in a mux session of COLS×ROWS, attaches a 24-bit client one row taller (for
/// the status line), and returns the client's screen once `done` holds.
fn in_mux(env: &Env, script: &str, done: impl Fn(&vt100::Screen) -> bool) -> mux_e2e::Client {
    env.ok(&[
        "new",
        "-d",
        "-s",
        "f",
        "-x",
        &COLS.to_string(),
        "-y",
        &ROWS.to_string(),
        script,
    ]);
    let mut cmd = env.cmd(&["attach", "-t", "f"]);
    cmd.env("COLORTERM", "truecolor");
    let c = mux_e2e::Client::spawn(cmd, COLS, ROWS + 1);
    c.wait_screen("the program's screen in mux", done);
    c
}

/// Compares every cell of the pane area: text, colours, attributes.
fn assert_same(plain: &vt100::Screen, client: &mux_e2e::Client) {
    client.with_screen(|mux| {
        for row in 0..ROWS {
            for col in 0..COLS {
                let (Some(a), Some(b)) = (plain.cell(row, col), mux.cell(row, col)) else {
                    continue;
                };
                let describe = |c: &vt100::Cell| {
                    // A blank cell is drawn as a space: the same to the eye.
                    let text = if c.contents().is_empty() {
                        " "
                    } else {
                        c.contents()
                    };
                    (
                        text.to_string(),
                        c.fgcolor(),
                        c.bgcolor(),
                        c.bold(),
                        c.underline(),
                        c.inverse(),
                        c.italic(),
                    )
                };
                assert_eq!(
                    describe(a),
                    describe(b),
                    "cell {row},{col}\nplain:\n{}\nmux:\n{}",
                    plain.contents(),
                    mux.contents()
                );
            }
        }
    });
}

fn check(script: &str, done: impl Fn(&vt100::Screen) -> bool + Copy) {
    check_in(&Env::new(), script, done);
}

/// Runs `script` in a plain terminal and in mux, both in `env`, and compares the screens.
fn check_in(env: &Env, script: &str, done: impl Fn(&vt100::Screen) -> bool + Copy) {
    let p = plain(env, script, done);
    let c = in_mux(env, script, done);
    assert_same(&p, &c);
}

/// Fails the test, saying what to install, unless `program` is on the test's PATH. A
/// missing program is a failure, not a skip: a test that does not run must not pass.
fn require(env: &Env, program: &str, package: &str) {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(format!("command -v {program}"));
    env.apply_env(&mut cmd);
    assert!(
        run_to_end(&mut cmd).status.success(),
        "this test needs `{program}` (Debian package {package}; .ci/run installs it)"
    );
}

/// Runs `git args...` in `dir` with a fixed author, committer and date, and fails the test
/// if it fails.
fn git(env: &Env, dir: &std::path::Path, args: &[&str]) {
    let mut cmd = Command::new("git");
    env.apply_env(&mut cmd);
    cmd.arg("-C").arg(dir).args(args);
    for who in ["AUTHOR", "COMMITTER"] {
        cmd.env(format!("GIT_{who}_NAME"), "Mux Test")
            .env(format!("GIT_{who}_EMAIL"), "test@mux.invalid")
            .env(format!("GIT_{who}_DATE"), "2024-01-01T12:00:00Z");
    }
    let out = run_to_end(&mut cmd);
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Creates a git repository in the test's directory whose log has a graph worth drawing (a
/// branch, a merge, a tag) and returns its path.
fn sample_repo(env: &Env) -> PathBuf {
    let repo = env.path("repo");
    std::fs::create_dir_all(&repo).expect("create the repository's directory");
    let commit = |message: &str| {
        git(
            env,
            &repo,
            &["commit", "-q", "--allow-empty", "-m", message],
        )
    };
    git(env, &repo, &["init", "-q"]);
    git(env, &repo, &["symbolic-ref", "HEAD", "refs/heads/main"]);
    commit("Start the project");
    commit("Add a README");
    git(env, &repo, &["checkout", "-q", "-b", "feature"]);
    commit("Feature: first step");
    commit("Feature: second step");
    git(env, &repo, &["checkout", "-q", "main"]);
    commit("Fix a typo on main");
    git(
        env,
        &repo,
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge the feature",
            "feature",
        ],
    );
    git(env, &repo, &["tag", "v1.0"]);
    commit("Start the next version");
    repo
}

#[test]
fn ls_with_colours() {
    check(
        "ls --color=always -la /usr/bin | head -30; echo end-of-ls; exec sleep 100",
        |s| s.contents().contains("end-of-ls"),
    );
}

#[test]
fn git_log_graph_with_colours() {
    // The test makes its own repository rather than needing to run inside a git checkout.
    let env = Env::new();
    require(&env, "git", "git");
    let repo = sample_repo(&env);
    let script = format!(
        "git -C '{}' --no-pager log --graph --color=always --decorate -n 12 --format='%h %s %d' 2>&1 | cut -c1-70; echo end-of-log; exec sleep 100",
        repo.display()
    );
    check_in(&env, &script, |s| s.contents().contains("end-of-log"));
}

#[test]
fn less_paging_a_file() {
    let env = Env::new();
    require(&env, "less", "less");
    let lock = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    let script = format!("LESS= less '{}'", lock.display());
    check_in(&env, &script, |s| {
        s.contents().contains("[[package]]") && s.cursor_position().0 == ROWS - 1
    });
}

#[test]
fn attributes_and_wide_text() {
    check(
        "printf '\\033[1mbold\\033[0m \\033[4munder\\033[0m \\033[7mrev\\033[0m \\033[3mit\\033[0m \
         \\033[38;5;123m256\\033[0m \\033[48;2;10;20;30mrgb\\033[0m 漢字テキスト e\\314\\201\\n'; \
         printf '\\033[41m%80s\\033[0m' ''; echo end-of-attrs; exec sleep 100",
        |s| s.contents().contains("end-of-attrs"),
    );
}

#[test]
fn vim_with_syntax_colours() {
    let env = Env::new();
    require(&env, "vim", "vim");
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wait.rs");
    let script = format!(
        "exec vim -u NONE -N -i NONE -n -c 'syntax on' -c 'set ruler' '{}'",
        file.display()
    );
    check_in(&env, &script, |s| {
        let last = s
            .rows(0, COLS)
            .nth(usize::from(ROWS - 1))
            .unwrap_or_default();
        // The first line of src/wait.rs.
        s.contents().contains("Waiting with a deadline") && last.contains("1,1")
    });
}

/// Returns a manual page in bold, underlined and plain words, longer than a screen so that
/// less fills the screen and prompts on the last row. The test writes its own page because
/// container images often leave the installed ones out.
fn man_page() -> String {
    let mut page = String::from(
        r#".TH MUXTEST 1 2024-01-01 mux "mux tests"
.SH NAME
muxtest \- a manual page for the fidelity test
.SH SYNOPSIS
.B muxtest
[\fB\-abcdefgh\fR]
\fIfile\fR ...
.SH DESCRIPTION
\fBmuxtest\fR reads each \fIfile\fR and does nothing with it.
Words in \fBbold\fR, words \fIunderlined\fR, and plain words follow each other,
as in any manual page.
.SH OPTIONS
"#,
    );
    let ways = [
        "quick", "bold", "calm", "deep", "easy", "fair", "good", "hard",
    ];
    for (flag, what) in ('a'..='h').zip(ways) {
        page.push_str(&format!(
            ".TP\n.B \\-{flag}\nDo it the \\fI{what}\\fR way, as \\fB\\-{flag}\\fR says.\n"
        ));
    }
    page
}

#[test]
fn man_page_with_bold_and_underline() {
    let env = Env::new();
    // man formats the page (bold and underline as overstrikes) and less draws it.
    require(&env, "man", "man-db");
    let page = env.path("muxtest.1");
    std::fs::write(&page, man_page()).expect("write the manual page");
    let script = format!(
        "MANPAGER=less LESS= MANWIDTH=80 exec man -l '{}'",
        page.display()
    );
    check_in(&env, &script, |s| {
        s.contents().contains("NAME") && s.cursor_position().0 == ROWS - 1
    });
}
