//! The encoding of keys, pastes and focus changes for a program, following xterm's conventions as
//! tmux does. The keys themselves are mux-types' [`Key`]s.

use mux_types::{Key, KeyCode, Mods};

use crate::types::Modes;

/// Returns the bytes a terminal sends for `key` under `modes`.
pub fn encode_key(key: Key, modes: &Modes) -> Vec<u8> {
    let m = key.mods;
    let xterm_mod = m.0 & 7;
    match key.code {
        KeyCode::Char(c) => encode_char(c, m),
        KeyCode::Enter => alt_prefixed(m, b"\r"),
        KeyCode::Tab => alt_prefixed(m, b"\t"),
        KeyCode::BackTab => b"\x1b[Z".to_vec(),
        KeyCode::Backspace if m.contains(Mods::CTRL) => alt_prefixed(m, b"\x08"),
        KeyCode::Backspace => alt_prefixed(m, b"\x7f"),
        KeyCode::Esc => alt_prefixed(m, b"\x1b"),
        KeyCode::Up => cursor_key(b'A', xterm_mod, modes),
        KeyCode::Down => cursor_key(b'B', xterm_mod, modes),
        KeyCode::Right => cursor_key(b'C', xterm_mod, modes),
        KeyCode::Left => cursor_key(b'D', xterm_mod, modes),
        // As the tmux-256color entry says (khome=\E[1~, kend=\E[4~), in either cursor mode.
        KeyCode::Home if xterm_mod == 0 => b"\x1b[1~".to_vec(),
        KeyCode::End if xterm_mod == 0 => b"\x1b[4~".to_vec(),
        KeyCode::Home => cursor_key(b'H', xterm_mod, modes),
        KeyCode::End => cursor_key(b'F', xterm_mod, modes),
        KeyCode::Keypad(c) => keypad_key(c, modes),
        KeyCode::Insert => tilde_key(2, xterm_mod),
        KeyCode::Delete => tilde_key(3, xterm_mod),
        KeyCode::PageUp => tilde_key(5, xterm_mod),
        KeyCode::PageDown => tilde_key(6, xterm_mod),
        KeyCode::F(n @ 1..=4) => {
            let letter = b'P' + (n - 1);
            if xterm_mod == 0 {
                vec![0x1b, b'O', letter]
            } else {
                format!("\x1b[1;{}{}", xterm_mod + 1, letter as char).into_bytes()
            }
        }
        KeyCode::F(n @ 5..=12) => {
            const CODES: [u8; 8] = [15, 17, 18, 19, 20, 21, 23, 24];
            tilde_key(CODES[usize::from(n - 5)], xterm_mod)
        }
        KeyCode::F(_) | KeyCode::Mouse(_) => Vec::new(),
    }
}

/// Returns what a keypad key sends: its character, or with application keypad mode
/// (DECKPAM) `ESC O` and the key's letter.
fn keypad_key(c: char, modes: &Modes) -> Vec<u8> {
    let letter = match c {
        '0'..='9' => u8::try_from(u32::from(c) - u32::from('0'))
            .ok()
            .map(|d| b'p' + d),
        '/' => Some(b'o'),
        '*' => Some(b'j'),
        '-' => Some(b'm'),
        '+' => Some(b'k'),
        '.' => Some(b'n'),
        '\r' => Some(b'M'),
        _ => None,
    };
    match letter {
        Some(l) if modes.application_keypad => vec![0x1b, b'O', l],
        _ => c.to_string().into_bytes(),
    }
}

/// Prefixes `bytes` with ESC when Alt is held.
fn alt_prefixed(m: Mods, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 1);
    if m.contains(Mods::ALT) {
        out.push(0x1b);
    }
    out.extend_from_slice(bytes);
    out
}

/// Encodes a character key with Control and Alt applied.
fn encode_char(c: char, m: Mods) -> Vec<u8> {
    let mut buf = [0u8; 4];
    let ctrl = if m.contains(Mods::CTRL) {
        control_byte(c)
    } else {
        None
    };
    match ctrl {
        Some(b) => alt_prefixed(m, &[b]),
        None => alt_prefixed(m, c.encode_utf8(&mut buf).as_bytes()),
    }
}

/// Returns the control byte for Ctrl-`c`, as xterm sends it.
fn control_byte(c: char) -> Option<u8> {
    let b = u8::try_from(u32::from(c)).ok()?;
    match b {
        b'a'..=b'z' => Some(b - b'a' + 1),
        b'@' | b' ' | b'2' => Some(0),
        b'A'..=b'Z' | b'['..=b'_' => Some(b & 0x1f),
        b'3' => Some(0x1b),
        b'4' => Some(0x1c),
        b'5' => Some(0x1d),
        b'6' => Some(0x1e),
        b'7' | b'/' => Some(0x1f),
        b'8' | b'?' => Some(0x7f),
        _ => None,
    }
}

/// Encodes an arrow, Home or End key.
fn cursor_key(letter: u8, xterm_mod: u8, modes: &Modes) -> Vec<u8> {
    if xterm_mod != 0 {
        format!("\x1b[1;{}{}", xterm_mod + 1, letter as char).into_bytes()
    } else if modes.application_cursor {
        vec![0x1b, b'O', letter]
    } else {
        vec![0x1b, b'[', letter]
    }
}

/// Encodes a key of the form `ESC [ n ~`.
fn tilde_key(n: u8, xterm_mod: u8) -> Vec<u8> {
    if xterm_mod == 0 {
        format!("\x1b[{n}~").into_bytes()
    } else {
        format!("\x1b[{n};{}~", xterm_mod + 1).into_bytes()
    }
}

/// Returns the bytes for pasted `text`: line feeds become carriage returns, as a terminal sends
/// them, any bracket markers inside are removed so a paste cannot end itself early, and the
/// whole is bracketed when the program asked for it.
pub fn encode_paste(text: &str, modes: &Modes) -> Vec<u8> {
    let cleaned = text
        .replace("\x1b[200~", "")
        .replace("\x1b[201~", "")
        .replace("\r\n", "\r")
        .replace('\n', "\r");
    let mut out = Vec::with_capacity(cleaned.len() + 12);
    if modes.bracketed_paste {
        out.extend_from_slice(b"\x1b[200~");
    }
    out.extend_from_slice(cleaned.as_bytes());
    if modes.bracketed_paste {
        out.extend_from_slice(b"\x1b[201~");
    }
    out
}

/// Returns the focus report for gaining (`true`) or losing focus, when the program asked.
pub fn encode_focus(focused: bool, modes: &Modes) -> Vec<u8> {
    match (modes.focus_reporting, focused) {
        (false, _) => Vec::new(),
        (true, true) => b"\x1b[I".to_vec(),
        (true, false) => b"\x1b[O".to_vec(),
    }
}
