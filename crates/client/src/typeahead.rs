//! Keys typed while the client waited for its terminal's answers at attach (see
//! [`crate::outer`]): the bytes that are not answers, decoded into key events so they reach
//! the pane after the wait, in order, instead of being lost (issue 16).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Returns `bytes` without the terminal's answers: OSC strings (ended by BEL or ST) and
/// device attributes replies (`CSI ? ... c`).
pub fn without_answers(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b]") {
            i = osc_end(bytes, i + 2);
            continue;
        }
        if bytes[i..].starts_with(b"\x1b[?") {
            let params = bytes[i + 3..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count();
            if bytes.get(i + 3 + params) == Some(&b'c') {
                i += 3 + params + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Returns where the OSC string whose body starts at `from` ends (after its terminator, or
/// the end of `bytes` when it is cut short).
fn osc_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < bytes.len() {
        match bytes[j] {
            0x07 => return j + 1,
            0x1b if bytes.get(j + 1) == Some(&b'\\') => return j + 2,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// Decodes typed bytes into key events: text, control keys, Escape and Alt, and the usual
/// cursor and editing keys. A sequence it does not know is dropped.
pub fn keys(bytes: &[u8]) -> Vec<Event> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (key, used) = one(&bytes[i..]);
        if let Some(key) = key {
            out.push(Event::Key(key));
        }
        i += used.max(1);
    }
    out
}

/// Decodes the key at the start of `bytes`; returns it (if known) and how many bytes it took.
fn one(bytes: &[u8]) -> (Option<KeyEvent>, usize) {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match bytes {
        [] => (None, 0),
        [0x1b, b'[', rest @ ..] | [0x1b, b'O', rest @ ..] => {
            let len = rest
                .iter()
                .position(|b| (0x40..=0x7e).contains(b))
                .map_or(rest.len(), |p| p + 1);
            (sequence(&rest[..len]), 2 + len)
        }
        [0x1b] => (plain(KeyCode::Esc), 1),
        [0x1b, rest @ ..] => match one(rest) {
            (Some(mut key), used) if used > 0 && rest[0] != 0x1b => {
                key.modifiers |= KeyModifiers::ALT;
                (Some(key), 1 + used)
            }
            _ => (plain(KeyCode::Esc), 1),
        },
        [b'\r' | b'\n', ..] => (plain(KeyCode::Enter), 1),
        [b'\t', ..] => (plain(KeyCode::Tab), 1),
        [0x7f | 0x08, ..] => (plain(KeyCode::Backspace), 1),
        [0x00, ..] => (
            Some(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::CONTROL)),
            1,
        ),
        [c @ 0x01..=0x1a, ..] => (
            Some(KeyEvent::new(
                KeyCode::Char(char::from(b'a' + c - 1)),
                KeyModifiers::CONTROL,
            )),
            1,
        ),
        [c @ 0x1c..=0x1f, ..] => (
            Some(KeyEvent::new(
                KeyCode::Char(char::from(b'4' + c - 0x1c)),
                KeyModifiers::CONTROL,
            )),
            1,
        ),
        _ => {
            let len = utf8_len(bytes[0]).min(bytes.len());
            match std::str::from_utf8(&bytes[..len])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) => (plain(KeyCode::Char(c)), len),
                None => (None, 1),
            }
        }
    }
}

/// Returns how many bytes the UTF-8 sequence starting with `first` has.
fn utf8_len(first: u8) -> usize {
    match first {
        0xf0..=0xf7 => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

/// Decodes the rest of a CSI or SS3 sequence (parameters and final byte).
fn sequence(body: &[u8]) -> Option<KeyEvent> {
    let (&last, params) = body.split_last()?;
    let params = std::str::from_utf8(params).ok()?;
    let mut numbers = params.split(';').map(|p| p.parse::<u8>().unwrap_or(1));
    let first = numbers.next().unwrap_or(1);
    let m = numbers.next().unwrap_or(1).saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if m & bit != 0 {
            modifiers |= modifier;
        }
    }
    let code = match (last, first) {
        (b'A', _) => KeyCode::Up,
        (b'B', _) => KeyCode::Down,
        (b'C', _) => KeyCode::Right,
        (b'D', _) => KeyCode::Left,
        (b'H', _) | (b'~', 1 | 7) => KeyCode::Home,
        (b'F', _) | (b'~', 4 | 8) => KeyCode::End,
        (b'Z', _) => KeyCode::BackTab,
        (b'~', 2) => KeyCode::Insert,
        (b'~', 3) => KeyCode::Delete,
        (b'~', 5) => KeyCode::PageUp,
        (b'~', 6) => KeyCode::PageDown,
        _ => return None,
    };
    Some(KeyEvent::new(code, modifiers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn answers_are_taken_out_and_the_rest_is_kept_in_order() {
        let bytes = b"ab\x1b]10;rgb:ffff/0000/0000\x1b\\c\x1b]11;rgb:0/0/0\x07\x1b[?62;22cd";
        assert_eq!(without_answers(bytes), b"abcd");
        assert_eq!(without_answers(b"x\x1b[1;5A"), b"x\x1b[1;5A");
    }

    #[test]
    fn text_controls_and_cursor_keys_decode() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            keys("é\r\x03\x1bx\x1b[A\x1b[1;5C\x1b[3~\x7f\x1b".as_bytes()),
            vec![
                key(KeyCode::Char('é'), none),
                key(KeyCode::Enter, none),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Char('x'), KeyModifiers::ALT),
                key(KeyCode::Up, none),
                key(KeyCode::Right, KeyModifiers::CONTROL),
                key(KeyCode::Delete, none),
                key(KeyCode::Backspace, none),
                key(KeyCode::Esc, none),
            ]
        );
    }
}
