//! The server's optional log file (`-v`, or SIGUSR2 at any time): `<socket>.log`, mode 0600
//! like the socket, written beside it and never to a terminal.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The open log, when logging is on.
static LOG: Mutex<Option<File>> = Mutex::new(None);

/// Where the log goes: `<socket>.log`.
static PATH: OnceLock<PathBuf> = OnceLock::new();

/// Remembers where the log goes and opens it for appending when `verbose` is set; without it
/// logging is a no-op until [`toggle`] turns it on.
pub fn init(socket: &Path, verbose: bool) {
    let mut path = socket.as_os_str().to_owned();
    path.push(".log");
    let _ = PATH.set(PathBuf::from(path));
    if verbose {
        open();
    }
}

/// Opens the log file, creating it 0600 (and making an existing one 0600).
fn open() {
    let Some(path) = PATH.get() else {
        return;
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path);
    if let Ok(file) = file {
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
        *LOG.lock().unwrap_or_else(|e| e.into_inner()) = Some(file);
    }
}

/// Turns logging off when it is on, on when it is off (SIGUSR2); returns whether it is on.
pub fn toggle() -> bool {
    let on = LOG
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .is_some();
    if !on {
        open();
    }
    !on
}

/// Returns whether logging is on.
pub fn is_on() -> bool {
    LOG.lock().is_ok_and(|l| l.is_some())
}

/// Writes one line to the log, if there is one.
pub fn write(line: std::fmt::Arguments<'_>) {
    if let Ok(mut log) = LOG.lock() {
        if let Some(file) = log.as_mut() {
            let _ = writeln!(file, "[{}] {line}", std::process::id());
        }
    }
}

/// Logs a formatted line when the server runs with `-v`.
macro_rules! log {
    ($($arg:tt)*) => { $crate::log::write(format_args!($($arg)*)) };
}
pub(crate) use log;
