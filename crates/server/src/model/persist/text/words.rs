//! The words of the format: quoting a word when it needs it, escapes, and splitting a line
//! into `key=value` words.

/// Returns `text` as one word of the format: as it is when plain, else in double quotes.
pub fn word(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.starts_with(['#', '|'])
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./:%@+,~^[]".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", escape(text).replace('"', "\\\""))
    }
}

/// Escapes backslashes and control characters (`\e` for escape, `\n`, `\t`, `\r`, `\xNN`).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\x1b' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() && u32::from(c) < 0x80 => {
                out.push_str(&format!("\\x{:02x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`escape`] on the characters after a backslash; returns the character and how
/// many characters of `rest` it used.
fn unescape_one(rest: &[char]) -> Result<(char, usize), String> {
    Ok(match rest.first() {
        Some('e') => ('\x1b', 1),
        Some('n') => ('\n', 1),
        Some('t') => ('\t', 1),
        Some('r') => ('\r', 1),
        Some('x') => {
            let hex: String = rest.iter().skip(1).take(2).collect();
            let n = u8::from_str_radix(&hex, 16)
                .ok()
                .filter(|n| *n < 0x80 && hex.len() == 2)
                .ok_or_else(|| format!("bad escape \\x{hex}"))?;
            (char::from(n), 3)
        }
        Some(c) => (*c, 1),
        None => return Err("a backslash ends the line".into()),
    })
}

/// Reads a history line's text: escapes undone.
pub(super) fn unescape(text: &str) -> Result<String, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            let (c, used) = unescape_one(&chars[i + 1..])?;
            out.push(c);
            i += 1 + used;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// A word of a line: `key=value`, or a value alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// The key, for `key=value`.
    pub key: Option<String>,
    /// The value, quotes and escapes undone.
    pub value: String,
}

impl Token {
    /// Returns the word as written, a key joined to its value.
    pub fn whole(&self) -> String {
        match &self.key {
            Some(k) => format!("{k}={}", self.value),
            None => self.value.clone(),
        }
    }
}

/// Splits the words of a line: bare words end at a space; `"..."` (with escapes) and
/// `'...'` (as they are) may hold spaces; `key=` before a word names it; a word starting
/// with `#` starts a comment to the end of the line.
pub(super) fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        if chars[i] == '#' {
            break;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '-') {
            i += 1;
        }
        let key = (i > start && chars.get(i) == Some(&'=')).then(|| {
            let k: String = chars[start..i].iter().collect();
            i += 1;
            k
        });
        if key.is_none() {
            i = start;
        }
        let mut value = String::new();
        while i < chars.len() && !chars[i].is_whitespace() {
            match chars[i] {
                '"' => {
                    i += 1;
                    loop {
                        match chars.get(i) {
                            None => return Err("a quote is not closed".into()),
                            Some('"') => break,
                            Some('\\') => {
                                let (c, used) = unescape_one(&chars[i + 1..])?;
                                value.push(c);
                                i += used;
                            }
                            Some(c) => value.push(*c),
                        }
                        i += 1;
                    }
                    i += 1;
                }
                '\'' => {
                    let close = chars[i + 1..]
                        .iter()
                        .position(|c| *c == '\'')
                        .ok_or("a quote is not closed")?;
                    value.extend(&chars[i + 1..i + 1 + close]);
                    i += close + 2;
                }
                c => {
                    value.push(c);
                    i += 1;
                }
            }
        }
        out.push(Token { key, value });
    }
    Ok(out)
}
