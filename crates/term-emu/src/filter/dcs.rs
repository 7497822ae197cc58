//! DCS strings the filter took out of the stream: XTGETTCAP (`DCS + q`) and DECRQSS
//! (`DCS $ q`) are answered; everything else (sixel, tmux passthrough, ...) is dropped.

use std::fmt::Write as _;

use super::osc::hex_digit;
use crate::screen::Screen;

/// The terminal name reported for `TN`: the TERM panes run with.
const TERMINAL_NAME: &str = "tmux-256color";

/// A terminfo capability's value as XTGETTCAP reports it.
enum Cap {
    /// A boolean capability that is present.
    Flag,
    /// A string or number capability, in its compiled form (real escape bytes).
    Value(&'static str),
}

/// Returns what term-emu's terminal offers for capability `name`, as tmux describes itself.
fn capability(name: &[u8]) -> Option<Cap> {
    Some(match name {
        b"TN" | b"name" => Cap::Value(TERMINAL_NAME),
        b"Co" | b"colors" => Cap::Value("256"),
        b"RGB" => Cap::Value("8/8/8"),
        b"Tc" => Cap::Flag,
        b"Ms" => Cap::Value("\x1b]52;%p1%s;%p2%s\x07"),
        b"Ss" => Cap::Value("\x1b[%p1%d q"),
        b"Se" => Cap::Value("\x1b[2 q"),
        b"Sync" => Cap::Value("\x1b[?2026%?%p1%{1}%-%tl%eh%;"),
        b"setrgbf" => Cap::Value("\x1b[38;2;%p1%d;%p2%d;%p3%dm"),
        b"setrgbb" => Cap::Value("\x1b[48;2;%p1%d;%p2%d;%p3%dm"),
        _ => return None,
    })
}

/// Answers a complete DCS string (the bytes between `ESC P` and `ESC \`).
pub(crate) fn handle(body: &[u8], screen: &Screen, out: &mut Vec<u8>) {
    let Some(k) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return;
    };
    let (head, final_byte, data) = (&body[..k], body[k], &body[k + 1..]);
    match (head, final_byte) {
        (b"+", b'q') => xtgettcap(data, out),
        (b"$", b'q') => decrqss(data, screen, out),
        _ => {}
    }
}

/// Answers XTGETTCAP: one reply per hex-encoded name, `1+r` with the value when known, `0+r`
/// when not.
fn xtgettcap(data: &[u8], out: &mut Vec<u8>) {
    for hex in data.split(|&b| b == b';').filter(|n| !n.is_empty()) {
        let Some(name) = unhex(hex) else {
            out.extend_from_slice(b"\x1bP0+r\x1b\\");
            continue;
        };
        let cap = capability(&name);
        let mut reply = String::from(if cap.is_some() {
            "\x1bP1+r"
        } else {
            "\x1bP0+r"
        });
        push_hex(&mut reply, &name);
        if let Some(Cap::Value(v)) = cap {
            reply.push('=');
            push_hex(&mut reply, v.as_bytes());
        }
        reply.push_str("\x1b\\");
        out.extend_from_slice(reply.as_bytes());
    }
}

/// Decodes a hex string; `None` if it is not one.
fn unhex(hex: &[u8]) -> Option<Vec<u8>> {
    let pairs = hex.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return None;
    }
    pairs
        .map(|p| Some(hex_digit(p[0])? << 4 | hex_digit(p[1])?))
        .collect()
}

/// Appends `bytes` as upper-case hex.
fn push_hex(s: &mut String, bytes: &[u8]) {
    for b in bytes {
        let _ = write!(s, "{b:02X}");
    }
}

/// Answers DECRQSS for SGR, the scroll region, the cursor style and the conformance level;
/// anything else is reported invalid.
fn decrqss(data: &[u8], screen: &Screen, out: &mut Vec<u8>) {
    let value = match data {
        b"m" => {
            let sgr = crate::sgr::sgr(screen.pen);
            sgr.trim_start_matches("\x1b[")
                .trim_end_matches('m')
                .to_string()
        }
        b"r" => {
            format!("{};{}", screen.top + 1, screen.bottom + 1)
        }
        b" q" => screen.modes.cursor_shape.to_string(),
        b"\"p" => "64;1".to_string(),
        _ => {
            out.extend_from_slice(b"\x1bP0$r\x1b\\");
            return;
        }
    };
    // `data` is one of the fixed strings matched above, so nothing foreign is echoed.
    out.extend_from_slice(b"\x1bP1$r");
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\x1b\\");
}
