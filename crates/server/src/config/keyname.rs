//! tmux key names: parsing them (`C-b`, `M-Left`, `^b`, `Enter`), printing the canonical
//! spelling list-keys shows, the order list-keys sorts keys in, and send-keys arguments.

use mux_protocol::{Key, KeyCode, Mods};

use crate::config::options::quote;

/// Named keys, matched in any case; the first spelling of each key is the canonical one.
const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Escape", KeyCode::Esc),
    ("Space", KeyCode::Char(' ')),
    ("Tab", KeyCode::Tab),
    ("BTab", KeyCode::BackTab),
    ("BSpace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("IC", KeyCode::Insert),
    ("Insert", KeyCode::Insert),
    ("DC", KeyCode::Delete),
    ("Delete", KeyCode::Delete),
    ("PPage", KeyCode::PageUp),
    ("PageUp", KeyCode::PageUp),
    ("PgUp", KeyCode::PageUp),
    ("NPage", KeyCode::PageDown),
    ("PageDown", KeyCode::PageDown),
    ("PgDn", KeyCode::PageDown),
    ("KP0", KeyCode::Keypad('0')),
    ("KP1", KeyCode::Keypad('1')),
    ("KP2", KeyCode::Keypad('2')),
    ("KP3", KeyCode::Keypad('3')),
    ("KP4", KeyCode::Keypad('4')),
    ("KP5", KeyCode::Keypad('5')),
    ("KP6", KeyCode::Keypad('6')),
    ("KP7", KeyCode::Keypad('7')),
    ("KP8", KeyCode::Keypad('8')),
    ("KP9", KeyCode::Keypad('9')),
    ("KP/", KeyCode::Keypad('/')),
    ("KP*", KeyCode::Keypad('*')),
    ("KP-", KeyCode::Keypad('-')),
    ("KP+", KeyCode::Keypad('+')),
    ("KP.", KeyCode::Keypad('.')),
    ("KPEnter", KeyCode::Keypad('\r')),
];

/// Punctuation that tmux keeps as itself with `C-` (other punctuation has no control form).
const CTRL_KEEPS: &str = "!#'()+,-./:;<=>`";

/// Parses a tmux key name: one character, a named key or F1–F12, after any of the modifier
/// prefixes `C-`, `M-` and `S-` (any case, any order) or a leading `^` for `C-`. Returns
/// `None` for names tmux does not know (`unknown key: NAME`), including `None` and `Any`.
pub fn parse_key(name: &str) -> Option<Key> {
    let (mut mods, mut rest) = match name.strip_prefix('^') {
        Some(r) if !r.is_empty() => (Mods::CTRL, r),
        _ => (Mods::NONE, name),
    };
    while let Some(m) = modifier(rest) {
        mods = mods | m;
        rest = &rest[2..];
    }
    let code = base_key(rest)?;
    if let KeyCode::Char(c) = code {
        if mods.contains(Mods::CTRL) && !ctrl_allowed(c) {
            return None;
        }
    }
    Some(normalize(Key { code, mods }))
}

/// Returns the modifier `text` starts with, when a key name follows it.
fn modifier(text: &str) -> Option<Mods> {
    let b = text.as_bytes();
    if b.len() < 3 || b[1] != b'-' {
        return None;
    }
    match b[0].to_ascii_uppercase() {
        b'C' => Some(Mods::CTRL),
        b'M' => Some(Mods::ALT),
        b'S' => Some(Mods::SHIFT),
        _ => None,
    }
}

/// Parses a key name without modifiers.
fn base_key(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Some(*code);
    }
    if let Some(mouse) = mux_protocol::MouseKey::parse(name) {
        return Some(KeyCode::Mouse(mouse));
    }
    let digits = name.strip_prefix(['F', 'f'])?;
    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.parse::<u8>() {
        Ok(n @ 1..=12) => Some(KeyCode::F(n)),
        _ => None,
    }
}

/// Returns whether tmux accepts `C-` with this character.
fn ctrl_allowed(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphanumeric() || "@[\\]^_ ?".contains(c) || CTRL_KEEPS.contains(c)
}

/// Puts a key in the one form tmux gives it, so keys that are the same to tmux compare
/// equal: `C-B` is `C-b`, `C-i` is Tab, `C-m` Enter, `C-[` Escape, `C-@` is `C-Space`,
/// and raw control characters become their `C-` keys (DEL is BSpace).
pub fn normalize(key: Key) -> Key {
    let Key { code, mods } = key;
    let KeyCode::Char(c) = code else {
        return key;
    };
    let make = |code, mods| Key { code, mods };
    match c {
        '\t' => return make(KeyCode::Tab, mods),
        '\r' => return make(KeyCode::Enter, mods),
        '\x1b' => return make(KeyCode::Esc, mods),
        '\x7f' => return make(KeyCode::Backspace, mods),
        '\0' => return make(KeyCode::Char(' '), mods | Mods::CTRL),
        '\x01'..='\x1f' => {
            let code = KeyCode::Char(char::from(c as u8 + 0x40));
            return normalize(make(code, mods | Mods::CTRL));
        }
        _ if !mods.contains(Mods::CTRL) => return key,
        _ => {}
    }
    let plain = Mods(mods.0 & !Mods::CTRL.0);
    match c.to_ascii_lowercase() {
        'i' => make(KeyCode::Tab, plain),
        'm' => make(KeyCode::Enter, plain),
        '[' => make(KeyCode::Esc, plain),
        '@' => make(KeyCode::Char(' '), mods),
        c => make(KeyCode::Char(c), mods),
    }
}

/// Returns whether a control key is one of tmux's C0 keys (`C-a`, `C-Space`, `C-\`, `C-?`),
/// which tmux names with the other modifiers first (`M-C-a`).
fn c0_char(key: Key) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if key.mods.contains(Mods::CTRL) => {
            (c.is_ascii_lowercase() || " \\]^_?".contains(c)).then_some(c)
        }
        _ => None,
    }
}

/// Returns the key's canonical tmux name, as list-keys prints it before quoting:
/// `C-b`, `M-1`, `C-Up`, `C-M-S-Up`, `M-C-x`, `Space`, `BSpace`, `PPage`.
pub fn key_name(key: Key) -> String {
    let key = normalize(key);
    let mut name = String::new();
    if let Some(c) = c0_char(key) {
        for (m, prefix) in [(Mods::ALT, "M-"), (Mods::SHIFT, "S-")] {
            if key.mods.contains(m) {
                name.push_str(prefix);
            }
        }
        let others = key.mods.0 & !Mods::CTRL.0 != 0;
        match c {
            ' ' if others => name.push_str("C-@"),
            ' ' => name.push_str("C-Space"),
            c => name.extend(['C', '-', c]),
        }
        return name;
    }
    for (m, prefix) in [(Mods::CTRL, "C-"), (Mods::ALT, "M-"), (Mods::SHIFT, "S-")] {
        if key.mods.contains(m) {
            name.push_str(prefix);
        }
    }
    name.push_str(&base_name(key.code));
    name
}

/// Returns the name of a key without modifiers.
fn base_name(code: KeyCode) -> String {
    if let KeyCode::Char(c) = code {
        if c != ' ' {
            return c.to_string();
        }
    }
    if let KeyCode::F(n) = code {
        return format!("F{n}");
    }
    if let KeyCode::Mouse(mouse) = code {
        return mouse.name();
    }
    let found = NAMED.iter().find(|(_, k)| *k == code);
    found.map(|(n, _)| n.to_string()).unwrap_or_default()
}

/// Returns the key's name quoted as list-keys prints it: `\"`, `\#`, `"M-{"`, `C-\\`.
pub fn key_name_quoted(key: Key) -> String {
    quote(&key_name(key))
}

/// Returns the position tmux sorts a key at in list-keys: unmodified keys first (C0 keys by
/// their control code, then characters, BSpace, F-keys, IC…Right, other characters), then
/// meta, ctrl, meta-ctrl, shift and so on. Different keys have different positions.
pub fn sort_key(key: Key) -> (u8, u32) {
    let key = normalize(key);
    let has = |m: Mods| key.mods.contains(m);
    let c0 = c0_char(key);
    let bits = u8::from(has(Mods::ALT))
        | u8::from(has(Mods::CTRL) && c0.is_none()) << 1
        | u8::from(has(Mods::SHIFT)) << 2;
    let base = match (c0, key.code) {
        (Some('?'), _) => 0x7f,
        (Some(' '), _) => 0,
        (Some(c), _) => c as u32 & 0x1f,
        (None, KeyCode::Char(c)) if c.is_ascii() => c as u32,
        (None, KeyCode::Char(c)) => 0x20_0000 + c as u32,
        (None, KeyCode::Tab) => 0x09,
        (None, KeyCode::Enter) => 0x0d,
        (None, KeyCode::Esc) => 0x1b,
        (None, code) => 0x11_0000 + special_rank(code),
    };
    (bits, base)
}

/// Returns where a non-character key sorts among tmux's special keys.
fn special_rank(code: KeyCode) -> u32 {
    const ORDER: [KeyCode; 11] = [
        KeyCode::Insert,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
    ];
    match code {
        KeyCode::Backspace => 0,
        KeyCode::F(n) => 1 + u32::from(n),
        // After the other special keys, as tmux sorts its mouse keys.
        KeyCode::Keypad(c) => 0x800 + u32::from(c),
        KeyCode::Mouse(m) => {
            0x1000 + (m.action as u32) * 64 + u32::from(m.button) * 8 + m.place as u32
        }
        code => ORDER
            .iter()
            .zip(0x200..)
            .find(|(k, _)| **k == code)
            .map_or(0x200, |(_, n)| n),
    }
}

/// One thing send-keys sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendItem {
    /// A key, encoded for the pane's modes.
    Key(Key),
    /// Text, sent as its characters.
    Text(String),
}

/// Turns send-keys arguments into what to send: an argument that is a key name is that key,
/// anything else is literal text (`send-keys hello Enter` sends `hello`, then Enter). With
/// `literal` (`-l`) every argument is text. Empty arguments send nothing.
pub fn send_keys_items(args: &[String], literal: bool) -> Vec<SendItem> {
    let item = |arg: &String| match parse_key(arg).filter(|_| !literal) {
        Some(key) => SendItem::Key(key),
        None => SendItem::Text(arg.clone()),
    };
    args.iter().filter(|a| !a.is_empty()).map(item).collect()
}

#[cfg(test)]
mod tests;
