//! Starting a pane's program without waiting for its `exec`: what can be checked before the
//! fork is (the program found on `PATH` and executable, the working directory there), and
//! the keeper answers the server as soon as the child exists.
//!
//! The standard library's `Command` waits on a pipe until the child's `exec` has succeeded,
//! which is the whole time the kernel takes to load the program (0.3–0.4 ms for a shell
//! here), on the path of every `new-window` and `split-window`. The checks made here catch
//! what a user gets wrong (a name not on `PATH`, a file without execute permission, a
//! directory that is gone); an `exec` that fails anyway (a file the kernel cannot run)
//! writes the reason on the pane and exits with status 127, as a shell does.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::ffi::{CString, OsStr};
use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use nix::unistd::{fork, ForkResult};

use crate::keeper::child::{child_setup, open_pty, open_slave, Started};
use crate::keeper::wire::Spawn;

/// The shell that runs a script without `#!`.
const SH: &std::ffi::CStr = c"/bin/sh";

/// The search path when the program's environment has no `PATH` (the C library's default).
const DEFAULT_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// Everything the child needs, made before the fork so that the child only makes system
/// calls.
struct Prepared {
    /// The executable's path.
    path: CString,
    /// argv, argv[0] first.
    argv: Vec<CString>,
    /// The environment as `NAME=value`.
    env: Vec<CString>,
    /// The working directory.
    cwd: CString,
    /// argv for `/bin/sh` running the file as a script, when the kernel does not know its
    /// format (a script without `#!`), as `execvp` and shells do.
    script: Vec<CString>,
    /// What the child writes on the pane if its `exec` fails anyway.
    failure: Vec<u8>,
}

/// Starts `spec` on a new PTY as a session leader with the PTY as its controlling terminal,
/// and returns once the child exists. The caller reaps it.
pub fn spawn(spec: &Spawn) -> io::Result<Started> {
    let prepared = prepare(spec)?;
    let arrays = Arrays {
        argv: pointers(&prepared.argv),
        env: pointers(&prepared.env),
        script: pointers(&prepared.script),
    };
    let (master, tty) = open_pty(spec.cols, spec.rows)?;
    let slave: OwnedFd = open_slave(&tty)?.into();
    // SAFETY: the child makes only system calls, on what was prepared above (no allocation:
    // the keeper is single-threaded, but the unit tests are not), then execs or exits.
    match unsafe { fork() }? {
        ForkResult::Child => child(&slave, &prepared, &arrays),
        ForkResult::Parent { child } => Ok(Started {
            master,
            pid: child.as_raw(),
            tty,
        }),
    }
}

/// The NULL-terminated pointer arrays `execve` takes, into a [`Prepared`]'s strings.
struct Arrays {
    /// The program's argv.
    argv: Vec<*const nix::libc::c_char>,
    /// The environment.
    env: Vec<*const nix::libc::c_char>,
    /// `/bin/sh`'s argv for a script without `#!`.
    script: Vec<*const nix::libc::c_char>,
}

/// Runs in the child: the PTY as descriptors 0–2, a new session, clean signals, the working
/// directory, then the program. Never returns.
fn child(slave: &OwnedFd, p: &Prepared, a: &Arrays) -> ! {
    let fd = slave.as_raw_fd();
    // SAFETY: dup2 and _exit have no memory effects; the pointers handed to chdir and execve
    // are to NUL-terminated strings and NULL-terminated arrays that outlive the calls.
    unsafe {
        for target in 0..3 {
            if nix::libc::dup2(fd, target) < 0 {
                nix::libc::_exit(127);
            }
        }
        if child_setup().is_err() || nix::libc::chdir(p.cwd.as_ptr()) < 0 {
            fail(p);
        }
        nix::libc::execve(p.path.as_ptr(), a.argv.as_ptr(), a.env.as_ptr());
        if nix::errno::Errno::last() == nix::errno::Errno::ENOEXEC {
            nix::libc::execve(SH.as_ptr(), a.script.as_ptr(), a.env.as_ptr());
        }
        fail(p)
    }
}

/// Writes why the child could not start on the pane (`prog: No such file or directory`) and
/// exits with status 127. Allocates nothing.
fn fail(p: &Prepared) -> ! {
    let reason = nix::errno::Errno::last().desc();
    // SAFETY: write reads each buffer for its length; _exit ends the child at once.
    unsafe {
        for part in [&p.failure[..], reason.as_bytes(), b"\r\n"] {
            nix::libc::write(2, part.as_ptr().cast(), part.len());
        }
        nix::libc::_exit(127)
    }
}

/// Returns the NULL-terminated array of pointers to `strings`.
fn pointers(strings: &[CString]) -> Vec<*const nix::libc::c_char> {
    strings
        .iter()
        .map(|s| s.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect()
}

/// Finds the program and checks the working directory; the error is the one `exec` or
/// `chdir` would have given.
fn prepare(spec: &Spawn) -> io::Result<Prepared> {
    let env_path = spec
        .env
        .iter()
        .find(|(k, _)| k == "PATH")
        .map_or(DEFAULT_PATH, |(_, v)| v.as_str());
    let path = find(OsStr::from_bytes(&spec.path), env_path)?;
    let cwd = Path::new(OsStr::from_bytes(&spec.cwd));
    if !std::fs::metadata(cwd)?.is_dir() {
        return Err(io::Error::from_raw_os_error(nix::libc::ENOTDIR));
    }
    let c = |bytes: &[u8]| CString::new(bytes).map_err(|_| io::ErrorKind::InvalidInput);
    let mut argv = vec![c(&spec.argv0)?];
    for arg in &spec.args {
        argv.push(c(arg.as_bytes())?);
    }
    let env = spec
        .env
        .iter()
        .map(|(k, v)| c(format!("{k}={v}").as_bytes()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut failure = spec.path.clone();
    failure.extend_from_slice(b": ");
    let path = c(path.as_os_str().as_bytes())?;
    let script = [SH.to_owned(), path.clone()]
        .into_iter()
        .chain(argv.iter().skip(1).cloned())
        .collect();
    Ok(Prepared {
        path,
        script,
        argv,
        env,
        cwd: c(&spec.cwd)?,
        failure,
    })
}

/// Returns the file `exec` would run for `program`: itself when it names a path, else the
/// first executable file of that name in `search`. A program found only without execute
/// permission is refused as `exec` refuses it.
pub fn find(program: &OsStr, search: &str) -> io::Result<PathBuf> {
    if program.is_empty() {
        return Err(io::Error::from_raw_os_error(nix::libc::ENOENT));
    }
    if program.as_bytes().contains(&b'/') {
        let path = PathBuf::from(program);
        return runnable(&path).map(|()| path);
    }
    let mut refused = None;
    for dir in search.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let path = Path::new(dir).join(program);
        match runnable(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.raw_os_error() == Some(nix::libc::EACCES) => refused = Some(e),
            Err(_) => {}
        }
    }
    Err(refused.unwrap_or_else(|| io::Error::from_raw_os_error(nix::libc::ENOENT)))
}

/// Returns whether this user may execute `path`, with the error `exec` gives when not.
fn runnable(path: &Path) -> io::Result<()> {
    if std::fs::metadata(path)?.is_dir() {
        return Err(io::Error::from_raw_os_error(nix::libc::EACCES));
    }
    nix::unistd::access(path, nix::unistd::AccessFlags::X_OK)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_program_is_found_on_the_search_path_in_order() {
        let found = find(OsStr::new("sh"), "/nonexistent:/bin:/usr/bin").unwrap();
        assert_eq!(found, PathBuf::from("/bin/sh"));
    }

    #[test]
    fn a_missing_program_is_no_such_file_and_a_directory_is_refused() {
        let missing = find(OsStr::new("no-such-program-here"), "/bin:/usr/bin").unwrap_err();
        assert_eq!(missing.raw_os_error(), Some(nix::libc::ENOENT));
        let path = find(OsStr::new("/no/such/dir/prog"), "/bin").unwrap_err();
        assert_eq!(path.raw_os_error(), Some(nix::libc::ENOENT));
        let dir = find(OsStr::new("/tmp"), "/bin").unwrap_err();
        assert_eq!(dir.raw_os_error(), Some(nix::libc::EACCES));
        assert!(find(OsStr::new(""), "/bin").is_err());
    }

    #[test]
    fn a_file_without_execute_permission_is_refused_on_a_path_and_skipped_in_a_search() {
        let dir = std::env::temp_dir().join(format!("mux-launch-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::create_dir_all(dir.join("b")).unwrap();
        let plain = dir.join("a/prog");
        std::fs::write(&plain, "#!/bin/sh\n").unwrap();
        let refused = find(plain.as_os_str(), "").unwrap_err();
        assert_eq!(refused.raw_os_error(), Some(nix::libc::EACCES));
        let runnable = dir.join("b/prog");
        std::fs::write(&runnable, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&runnable, std::fs::Permissions::from_mode(0o755)).unwrap();
        let search = format!("{}:{}", dir.join("a").display(), dir.join("b").display());
        assert_eq!(find(OsStr::new("prog"), &search).unwrap(), runnable);
        let only_plain = dir.join("a").display().to_string();
        let e = find(OsStr::new("prog"), &only_plain).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(nix::libc::EACCES));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Returns the request to start `program` with `args` in `dir`.
    fn spec_for(program: &Path, args: &[&str], dir: &Path) -> Spawn {
        Spawn {
            pane: 0,
            program: 0,
            path: program.as_os_str().as_bytes().to_vec(),
            argv0: program.as_os_str().as_bytes().to_vec(),
            args: args.iter().map(|a| a.to_string()).collect(),
            env: vec![("PATH".into(), DEFAULT_PATH.into())],
            cwd: dir.as_os_str().as_bytes().to_vec(),
            cols: 80,
            rows: 24,
        }
    }

    /// Starts `program` with `args` through [`spawn`] in `dir` and returns its exit status.
    fn run(program: &Path, args: &[&str], dir: &Path) -> i32 {
        let started = spawn(&spec_for(program, args, dir)).unwrap();
        let pid = nix::unistd::Pid::from_raw(started.pid);
        match nix::sys::wait::waitpid(pid, None).unwrap() {
            nix::sys::wait::WaitStatus::Exited(_, code) => code,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_program_runs_in_its_directory_and_a_script_without_a_hash_bang_runs_with_sh() {
        let dir = std::env::temp_dir().join(format!("mux-launch-run-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("script");
        std::fs::write(&script, "echo \"$1 from $(pwd)\" > out\nexit 3\n").unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(run(&script, &["hello"], &dir), 3);
        let out = std::fs::read_to_string(dir.join("out")).unwrap();
        assert_eq!(out, format!("hello from {}\n", dir.display()));
        let gone = spawn(&spec_for(&script, &[], Path::new("/no/such/dir")));
        assert_eq!(
            gone.err().and_then(|e| e.raw_os_error()),
            Some(nix::libc::ENOENT)
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
