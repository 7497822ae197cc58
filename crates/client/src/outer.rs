//! Asking the user's terminal for its default foreground, background and cursor colours
//! (OSC 10, 11 and 12) at attach, so panes that ask mux get the real answer.

use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};

/// How long the client waits for the terminal's answers at most. Nearly every terminal
/// answers device attributes, which ends the wait as soon as the answers are in; the cap
/// only matters for one that does not, and is long enough for a slow SSH link.
const WAIT: Duration = Duration::from_millis(1000);

/// The most bytes of answers read; a terminal that sends more is not answering us.
const MAX_REPLY: usize = 512;

/// An RGB colour.
pub type Rgb = (u8, u8, u8);

/// The colours a terminal gave: default foreground, default background and cursor.
pub type Colours = [Option<Rgb>; 3];

/// Asks the terminal (already in raw mode) for its default foreground, background and
/// cursor colours. Device attributes are asked last: every terminal answers them, so their
/// reply ends the wait early even when the colour queries go unanswered. Also returns the
/// bytes read meanwhile that are not answers (keys typed while the client waited), for the
/// caller to send on (see [`crate::typeahead`]).
pub fn query_colours() -> (Colours, Vec<u8>) {
    let mut out = io::stdout();
    if out
        .write_all(b"\x1b]10;?\x1b\\\x1b]11;?\x1b\\\x1b]12;?\x1b\\\x1b[c")
        .and_then(|()| out.flush())
        .is_err()
    {
        return ([None; 3], Vec::new());
    }
    let replies = read_replies();
    let colours = [10, 11, 12].map(|code| reply_colour(&replies, code));
    (colours, crate::typeahead::without_answers(&replies))
}

/// Reads from standard input until a device attributes reply arrives, [`WAIT`] passes or
/// [`MAX_REPLY`] bytes came.
fn read_replies() -> Vec<u8> {
    let deadline = Instant::now() + WAIT;
    let stdin = io::stdin();
    let mut got = Vec::new();
    let mut buf = [0u8; 256];
    while got.len() < MAX_REPLY && !has_device_attributes(&got) {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(ms) = u16::try_from(left.as_millis()) else {
            break;
        };
        if ms == 0 {
            break;
        }
        let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(ms)) {
            Ok(n) if n > 0 => {}
            _ => break,
        }
        match stdin.lock().read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    got
}

/// Returns whether `bytes` hold a primary device attributes reply (`CSI ? ... c`).
fn has_device_attributes(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some(i) = find(rest, b"\x1b[?") {
        let tail = &rest[i + 3..];
        let end = tail
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'));
        if let Some(end) = end {
            if tail[end] == b'c' {
                return true;
            }
        }
        rest = tail;
    }
    false
}

/// Returns the colour in the reply to OSC `code` (`ESC ] code ; rgb:RRRR/GGGG/BBBB` ended by
/// BEL or ST), if `bytes` hold one.
pub fn reply_colour(bytes: &[u8], code: u8) -> Option<Rgb> {
    let prefix = format!("\x1b]{code};rgb:");
    let start = find(bytes, prefix.as_bytes())? + prefix.len();
    let body = &bytes[start..];
    let end = body.iter().position(|&b| b == 0x07 || b == 0x1b)?;
    let text = std::str::from_utf8(&body[..end]).ok()?;
    let mut parts = text.split('/').map(channel);
    let rgb = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(rgb)
}

/// Scales one hexadecimal channel of 1 to 4 digits to 8 bits.
fn channel(hex: &str) -> Option<u8> {
    if hex.is_empty() || hex.len() > 4 {
        return None;
    }
    let value = u32::from_str_radix(hex, 16).ok()?;
    let max = (1u32 << (4 * hex.len())) - 1;
    u8::try_from((value * 255 + max / 2) / max).ok()
}

/// Returns where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_four_and_two_digit_channels_with_either_terminator() {
        let replies = b"\x1b]10;rgb:ffff/8080/0000\x1b\\\x1b]11;rgb:12/34/56\x07\x1b[?62;22c";
        assert_eq!(reply_colour(replies, 10), Some((255, 128, 0)));
        assert_eq!(reply_colour(replies, 11), Some((0x12, 0x34, 0x56)));
        assert!(has_device_attributes(replies));
    }

    #[test]
    fn missing_or_malformed_answers_give_none() {
        assert_eq!(reply_colour(b"\x1b[?1;2c", 10), None);
        assert_eq!(reply_colour(b"\x1b]10;rgb:ff/ff\x07", 10), None);
        assert_eq!(reply_colour(b"\x1b]10;rgb:fffff/0/0\x07", 10), None);
        assert_eq!(reply_colour(b"\x1b]10;rgb:zz/00/00\x07", 10), None);
        assert_eq!(reply_colour(b"\x1b]10;rgb:ff/00/00", 10), None);
        assert!(!has_device_attributes(b"\x1b[?62;22"));
        assert!(!has_device_attributes(b"\x1b[1;5A"));
    }
}
