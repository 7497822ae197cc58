//! Local-time formatting for the status line and session listings, through the C library.

// This module calls the OS directly; every unsafe block says why it is sound.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::time::{SystemTime, UNIX_EPOCH};

use nix::libc;

/// Formats `when` in local time with a `strftime` pattern; empty on failure.
pub fn format(when: SystemTime, pattern: &str) -> String {
    let secs = when
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as libc::time_t)
        .unwrap_or(0);
    let Ok(pattern) = CString::new(pattern) else {
        return String::new();
    };
    // SAFETY: tm is plain data filled by localtime_r; buf outlives strftime, which writes at
    // most buf.len() bytes.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&secs, &mut tm).is_null() {
            return String::new();
        }
        let mut buf = vec![0u8; pattern.as_bytes().len() * 8 + 256];
        let n = libc::strftime(
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
            pattern.as_ptr(),
            &tm,
        );
        String::from_utf8_lossy(&buf[..n]).into_owned()
    }
}

/// Formats a time the way tmux's `#{t:...}` does (`Tue Nov 24 02:31:46 2026`).
pub fn ctime(when: SystemTime) -> String {
    format(when, "%a %b %e %H:%M:%S %Y")
}

/// Returns the seconds until the next wall-clock minute begins.
pub fn until_next_minute() -> std::time::Duration {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let into = u64::from(now.subsec_millis()) + now.as_secs() % 60 * 1000;
    std::time::Duration::from_millis(60_000 - into + 5)
}

/// Returns seconds since the epoch, as tmux's time variables show them.
pub fn unix_seconds(when: SystemTime) -> u64 {
    when.duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}
