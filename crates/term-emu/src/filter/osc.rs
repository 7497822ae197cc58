//! OSC strings the filter took out of the stream: titles (0, 2), colour queries (4, 10–12),
//! the clipboard (52), the working directory (7) and hyperlinks (8). Everything else (OSC 133
//! marks, ...) is dropped.
//!
//! Replies use fixed formats built from term-emu's own values; nothing a program wrote is
//! echoed back.

use std::fmt::Write as _;

use crate::handler::Handler;
use crate::screen::Screen;
use crate::styles::MAX_URI;
use crate::types::ClipboardSet;

/// An RGB colour.
pub(crate) type Rgb = (u8, u8, u8);

/// The default colours reported to OSC 10 (foreground), 11 (background) and 12 (cursor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Colours {
    pub fg: Rgb,
    pub bg: Rgb,
    pub cursor: Rgb,
}

/// xterm's default foreground (its palette's white, 7).
const DEFAULT_FG: Rgb = (229, 229, 229);
/// A black background.
const DEFAULT_BG: Rgb = (0, 0, 0);

impl Default for Colours {
    fn default() -> Colours {
        Colours::new(None, None, None)
    }
}

impl Colours {
    /// Builds the colours, using the defaults for those not given; the cursor defaults to the
    /// foreground.
    pub(crate) fn new(fg: Option<Rgb>, bg: Option<Rgb>, cursor: Option<Rgb>) -> Colours {
        let fg = fg.unwrap_or(DEFAULT_FG);
        Colours {
            fg,
            bg: bg.unwrap_or(DEFAULT_BG),
            cursor: cursor.unwrap_or(fg),
        }
    }
}

/// Acts on a complete OSC string; `bel` tells whether BEL (rather than ST) ended it, and
/// replies end the same way.
pub(crate) fn handle(body: &[u8], bel: bool, h: &mut Handler, screen: &mut Screen) {
    let (kind, rest) = split(body);
    let end: &str = if bel { "\x07" } else { "\x1b\\" };
    match (kind, rest) {
        (b"0" | b"2", Some(title)) => h.set_title(title),
        (b"4", Some(rest)) => palette_query(rest, end, &mut h.replies),
        (b"10" | b"11" | b"12", Some(rest)) => dynamic_query(kind, rest, end, h),
        (b"52", Some(rest)) => clipboard(rest, h),
        (b"8", Some(rest)) => hyperlink(rest, screen),
        (b"7", Some(url)) => {
            if let Some(path) = file_url_path(url) {
                if h.cwd.as_deref() != Some(path.as_str()) {
                    h.cwd = Some(path);
                    h.cwd_changed = true;
                }
            }
        }
        _ => {}
    }
}

/// Handles `OSC 8 ; params ; uri`: starts drawing with a hyperlink, or ends it when the URI
/// is empty. URIs that are too long or not printable ASCII end the link too.
fn hyperlink(rest: &[u8], screen: &mut Screen) {
    let (_params, uri) = split(rest);
    let uri = uri.unwrap_or_default();
    let printable = uri.iter().all(|b| (0x21..0x7f).contains(b));
    screen.link = match std::str::from_utf8(uri) {
        Ok(uri) if !uri.is_empty() && uri.len() <= MAX_URI && printable => screen.intern_link(uri),
        _ => 0,
    };
}

/// Splits at the first `;`.
fn split(s: &[u8]) -> (&[u8], Option<&[u8]>) {
    match s.iter().position(|&b| b == b';') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    }
}

/// Appends `ESC ] <prefix> ; rgb:rrrr/gggg/bbbb <end>`.
fn colour_reply(out: &mut Vec<u8>, prefix: &str, (r, g, b): Rgb, end: &str) {
    let mut s = String::new();
    let _ = write!(
        s,
        "\x1b]{prefix};rgb:{r:02x}{r:02x}/{g:02x}{g:02x}/{b:02x}{b:02x}{end}"
    );
    out.extend_from_slice(s.as_bytes());
}

/// Answers `OSC 4 ; n ; ? ; m ; ? …` with xterm's default palette; settings are ignored.
fn palette_query(rest: &[u8], end: &str, out: &mut Vec<u8>) {
    let mut parts = rest.split(|&b| b == b';');
    while let (Some(index), Some(spec)) = (parts.next(), parts.next()) {
        if spec != b"?" {
            continue;
        }
        if let Some(n) = parse_u8(index) {
            colour_reply(out, &format!("4;{n}"), palette(n), end);
        }
    }
}

/// Answers `OSC 10 ; ?` and the like; each further `;?` asks for the next colour, as in xterm.
fn dynamic_query(kind: &[u8], rest: &[u8], end: &str, h: &mut Handler) {
    let first: u8 = match kind {
        b"10" => 10,
        b"11" => 11,
        _ => 12,
    };
    for (code, spec) in (first..=12).zip(rest.split(|&b| b == b';')) {
        if spec != b"?" {
            continue;
        }
        let c = match code {
            10 => h.colours.fg,
            11 => h.colours.bg,
            _ => h.colours.cursor,
        };
        colour_reply(&mut h.replies, &code.to_string(), c, end);
    }
}

/// Parses a decimal number from 0 to 255.
fn parse_u8(s: &[u8]) -> Option<u8> {
    if s.is_empty() || s.len() > 3 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = s.iter().fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'));
    u8::try_from(n).ok()
}

/// Returns colour `n` of xterm's default 256-colour palette.
pub(crate) fn palette(n: u8) -> Rgb {
    const BASE: [Rgb; 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match n {
        0..=15 => BASE[usize::from(n)],
        16..=231 => {
            let i = usize::from(n - 16);
            (LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6])
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

/// Handles `OSC 52 ; selection ; data`: a base64 payload is a clipboard write, `?` a read,
/// which is refused.
fn clipboard(rest: &[u8], h: &mut Handler) {
    let (selection, Some(data)) = split(rest) else {
        return;
    };
    if !selection.iter().all(|b| b"cpqs01234567".contains(b)) {
        return;
    }
    if data == b"?" {
        h.clipboard_denied += 1;
        return;
    }
    let base64 = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    if !data.iter().all(base64) {
        return;
    }
    h.clipboard.push(ClipboardSet {
        selection: String::from_utf8_lossy(selection).into_owned(),
        data_base64: String::from_utf8_lossy(data).into_owned(),
    });
}

/// Returns the percent-decoded path of a `file://host/path` URL, if it is one and the path is
/// UTF-8 without control characters.
pub(crate) fn file_url_path(url: &[u8]) -> Option<String> {
    let rest = url.strip_prefix(b"file://")?;
    let slash = rest.iter().position(|&b| b == b'/')?;
    let raw = &rest[slash..];
    let mut path = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let decoded = match raw.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex_digit(*hi).zip(hex_digit(*lo)).map(|(h, l)| h << 4 | l),
            _ => None,
        };
        match decoded {
            Some(b) => {
                path.push(b);
                i += 3;
            }
            None => {
                path.push(raw[i]);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(path).ok()?;
    (!path.chars().any(char::is_control)).then_some(path)
}

/// Returns the value of a hexadecimal digit.
pub(crate) fn hex_digit(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}
