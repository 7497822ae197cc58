//! The server's optional log file (`-v`): written beside the socket, never to a terminal.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

static LOG: OnceLock<Mutex<File>> = OnceLock::new();

/// Opens `<socket>.log` for appending when `verbose` is set; without it logging is a no-op.
pub fn init(socket: &Path, verbose: bool) {
    if !verbose {
        return;
    }
    let mut path = socket.as_os_str().to_owned();
    path.push(".log");
    if let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = LOG.set(Mutex::new(file));
    }
}

/// Writes one line to the log, if there is one.
pub fn write(line: std::fmt::Arguments<'_>) {
    if let Some(lock) = LOG.get() {
        if let Ok(mut file) = lock.lock() {
            let _ = writeln!(file, "[{}] {line}", std::process::id());
        }
    }
}

/// Logs a formatted line when the server runs with `-v`.
macro_rules! log {
    ($($arg:tt)*) => { $crate::log::write(format_args!($($arg)*)) };
}
pub(crate) use log;
