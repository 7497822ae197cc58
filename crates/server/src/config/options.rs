//! The options table and store behind set-option and show-options: names, scopes, defaults,
//! value parsing with tmux's messages, and the global and per-object values.

mod arrays;
mod store;
mod table;

pub use arrays::{split_index, unsupported, HOOKS};
pub use store::{hooks_of, OptionStore};
pub use table::OPTIONS;

use crate::config::keyname;
use crate::ids::{PaneId, SessionId, WindowId};

/// Where an option lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// One value for the whole server.
    Server,
    /// A global value that each session may override.
    Session,
    /// A global value that each window may override.
    Window,
    /// A window option that each pane may also override (tmux 3.3a's pane options).
    Pane,
}

/// What values an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// On or off.
    Flag,
    /// A whole number in `min..=max`.
    Number {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// Any text.
    Text,
    /// One of a fixed list of words.
    Choice(&'static [&'static str]),
    /// A colour, stored in its canonical spelling.
    Colour,
    /// A style such as `bg=green,fg=black`, stored as given.
    Style,
    /// A key name or `None`, stored in its canonical spelling.
    Key,
    /// An array of text (`name[N]`); a value given without an index is split at any of
    /// these characters.
    Array(&'static str),
    /// A hook: an array of command lines run when something happens.
    Hook,
}

/// One entry of the options table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionSpec {
    /// The option's name.
    pub name: &'static str,
    /// Where the option lives.
    pub scope: Scope,
    /// What values it takes.
    pub kind: Kind,
    /// Its default, written as show-options prints it (unquoted).
    pub default: &'static str,
}

/// An option's value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// A flag.
    Flag(bool),
    /// A number.
    Number(i64),
    /// Text; also colours, styles, keys and choices, in canonical form.
    Text(String),
    /// The elements of an array option or hook, by index.
    Array(std::collections::BTreeMap<u32, String>),
}

impl Value {
    /// Returns the value as a flag: text is true unless empty or `off` (so `status 2` is on).
    pub fn as_flag(&self) -> bool {
        match self {
            Value::Flag(b) => *b,
            Value::Number(n) => *n != 0,
            Value::Text(t) => !(t.is_empty() || t == "off"),
            Value::Array(a) => !a.is_empty(),
        }
    }

    /// Returns the value as a number: text that is a number gives that number (`status 3`,
    /// `main-pane-height 24`), other text is 1 when [`Value::as_flag`] holds and 0 otherwise.
    pub fn as_number(&self) -> i64 {
        match self {
            Value::Flag(b) => i64::from(*b),
            Value::Number(n) => *n,
            Value::Text(t) => t.parse().unwrap_or(i64::from(self.as_flag())),
            Value::Array(a) => i64::try_from(a.len()).unwrap_or(i64::MAX),
        }
    }

    /// Returns the value as a count or length: [`Value::as_number`], with a negative number
    /// as 0.
    pub fn as_count(&self) -> usize {
        usize::try_from(self.as_number().max(0)).unwrap_or(usize::MAX)
    }

    /// Returns the value as a window or pane index: [`Value::as_number`] clamped to `u32`.
    pub fn as_index(&self) -> u32 {
        u32::try_from(self.as_number().max(0)).unwrap_or(u32::MAX)
    }

    /// Returns the value as show-options prints it before quoting (`on`, `42`, the text).
    pub fn as_text(&self) -> String {
        match self {
            Value::Flag(true) => "on".to_string(),
            Value::Flag(false) => "off".to_string(),
            Value::Number(n) => n.to_string(),
            Value::Text(t) => t.clone(),
            Value::Array(a) => a.values().cloned().collect::<Vec<_>>().join(" "),
        }
    }

    /// Returns the elements of an array value, in index order (none for other values).
    pub fn elements(&self) -> Vec<String> {
        match self {
            Value::Array(a) => a.values().cloned().collect(),
            _ => Vec::new(),
        }
    }
}

/// Which object set-option and show-options act on, already resolved by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionTarget {
    /// The global values of a scope (`-g`; server options are always global).
    Global(Scope),
    /// One session's overrides.
    Session(SessionId),
    /// One window's overrides.
    Window(WindowId),
    /// One pane's overrides, with the window it belongs to.
    Pane(PaneId, WindowId),
}

/// Finds an option by its exact name or a unique prefix of it, as tmux does.
pub fn lookup(name: &str) -> Option<&'static OptionSpec> {
    resolve(name).ok()
}

/// Finds an option by exact name or unique prefix, or returns tmux's message
/// (`invalid option: NAME` or `ambiguous option: NAME`).
pub fn resolve(name: &str) -> Result<&'static OptionSpec, String> {
    let (name, _) = split_index(name)?;
    if let Some(spec) = OPTIONS.iter().find(|o| o.name == name) {
        return Ok(spec);
    }
    if let Some(spec) = HOOKS.iter().find(|o| o.name == name) {
        return Ok(spec);
    }
    let mut found = OPTIONS
        .iter()
        .filter(|o| !name.is_empty() && o.name.starts_with(name));
    match (found.next(), found.next()) {
        (Some(spec), None) => Ok(spec),
        (Some(_), Some(_)) => Err(format!("ambiguous option: {name}")),
        _ => Err(format!("invalid option: {name}")),
    }
}

/// Returns whether `name` is a user option (`@name`), which takes any text in any scope.
pub fn is_user_option(name: &str) -> bool {
    name.len() > 1 && name.starts_with('@')
}

/// Works out which scope set-option and show-options mean. As in tmux 3.3a, a table option's
/// scope comes from its name and `-s`/`-w` do not change it; `-p` selects the pane for the
/// options that panes may override, while other window options set with `-p` go to the
/// window. User options (`@name`) take the scope from the flags, the session by default.
pub fn infer_scope(name: &str, s: bool, w: bool, p: bool) -> Result<Scope, String> {
    if is_user_option(name) {
        return Ok(match (s, w, p) {
            (true, _, _) => Scope::Server,
            (_, true, _) => Scope::Window,
            (_, _, true) => Scope::Pane,
            _ => Scope::Session,
        });
    }
    let spec = resolve(name)?;
    Ok(match spec.scope {
        Scope::Pane if !p => Scope::Window,
        scope => scope,
    })
}

/// Parses `text` as a value of `spec`, or returns tmux's message for it. Flags toggle `current`
/// when no value (or an empty one) is given, and choices flip between their first two words;
/// every other kind needs a value (`empty value`).
pub fn parse_value(
    spec: &OptionSpec,
    text: Option<&str>,
    current: Option<&Value>,
) -> Result<Value, String> {
    let current = || current.cloned().unwrap_or_else(|| default_value(spec));
    match (spec.kind, text) {
        (Kind::Flag, None | Some("")) => Ok(Value::Flag(!current().as_flag())),
        (Kind::Flag, Some(t)) => parse_flag(t).map(Value::Flag),
        (Kind::Choice(words), None) => Ok(Value::Text(toggle_choice(words, &current()))),
        (_, None) => Err("empty value".to_string()),
        (Kind::Array(_) | Kind::Hook, Some(t)) => Ok(arrays::array(arrays::parts(spec.kind, t))),
        (Kind::Number { min, max }, Some(t)) => parse_number(t, min, max).map(Value::Number),
        (Kind::Choice(words), Some(t)) => match words.contains(&t) {
            true => Ok(Value::Text(t.to_string())),
            false => Err(format!("unknown value: {t}")),
        },
        (Kind::Colour, Some(t)) => parse_colour(t)
            .map(Value::Text)
            .ok_or_else(|| format!("bad colour: {t}")),
        (Kind::Key, Some(t)) => parse_key_option(t)
            .map(Value::Text)
            .ok_or_else(|| format!("bad key: {t}")),
        (Kind::Text | Kind::Style, Some(t)) => Ok(Value::Text(t.to_string())),
    }
}

/// Returns the default of `spec` as a value; defaults in the table are always valid.
pub fn default_value(spec: &OptionSpec) -> Value {
    match spec.kind {
        Kind::Flag => Value::Flag(spec.default == "on"),
        Kind::Number { .. } => Value::Number(spec.default.parse().unwrap_or(0)),
        Kind::Array(_) | Kind::Hook => arrays::array(arrays::parts(spec.kind, spec.default)),
        _ => Value::Text(spec.default.to_string()),
    }
}

/// Parses a flag: on/off, yes/no or 1/0 in any case.
fn parse_flag(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "on" | "yes" | "1" => Ok(true),
        "off" | "no" | "0" => Ok(false),
        _ => Err(format!("bad value: {text}")),
    }
}

/// Parses a number in `min..=max` as tmux does: leading blanks and a sign are allowed.
fn parse_number(text: &str, min: i64, max: i64) -> Result<i64, String> {
    let body = text.trim_start();
    let (negative, digits) = match body.as_bytes().first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("value is invalid: {text}"));
    }
    let n = format!("{}{digits}", if negative { "-" } else { "" })
        .parse::<i64>()
        .unwrap_or(if negative { i64::MIN } else { i64::MAX });
    if n < min {
        Err(format!("value is too small: {text}"))
    } else if n > max {
        Err(format!("value is too large: {text}"))
    } else {
        Ok(n)
    }
}

/// Flips a choice between its first two words; later words stay as they are.
fn toggle_choice(words: &[&str], current: &Value) -> String {
    let now = current.as_text();
    match words.iter().position(|w| *w == now) {
        Some(0) if words.len() > 1 => words[1].to_string(),
        Some(1) => words[0].to_string(),
        _ => now,
    }
}

/// Parses a key option's value: a key name or `None`, returned in canonical spelling.
fn parse_key_option(text: &str) -> Option<String> {
    if text.eq_ignore_ascii_case("none") {
        return Some("None".to_string());
    }
    keyname::parse_key(text).map(keyname::key_name)
}

/// The eight ANSI colour names, in palette order.
const COLOUR_NAMES: [&str; 8] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
];

/// Parses a colour (any case): `default`, `terminal`, a name, `brightNAME`, `colourN` or
/// `colorN` (0–255), `#rrggbb`, or the numbers 0–7 and 90–97. Returns the canonical spelling.
pub fn parse_colour(text: &str) -> Option<String> {
    let t = text.to_ascii_lowercase();
    if t == "default" || t == "terminal" {
        return Some(t);
    }
    if let Some(hex) = t.strip_prefix('#') {
        let ok = hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        return ok.then_some(t);
    }
    let index = t.strip_prefix("colour").or_else(|| t.strip_prefix("color"));
    if let Some(n) = index {
        let n = n
            .parse::<u8>()
            .ok()
            .filter(|_| n.bytes().all(|b| b.is_ascii_digit()))?;
        return Some(format!("colour{n}"));
    }
    let plain = t.strip_prefix("bright").unwrap_or(&t);
    if COLOUR_NAMES.contains(&plain) {
        return Some(t);
    }
    match t.parse::<usize>() {
        Ok(n @ 0..=7) => Some(COLOUR_NAMES[n].to_string()),
        Ok(n @ 90..=97) => Some(format!("bright{}", COLOUR_NAMES[n - 90])),
        _ => None,
    }
}

/// Characters that make tmux wrap a printed value in double quotes.
const DOUBLE_QUOTED: &str = " #';${}%";

/// Quotes a value or key name the way tmux prints arguments in show-options and list-keys:
/// `''` when empty, a backslash before a lone special character, double quotes when the text
/// has a space or one of `#';${}%`, single quotes when it has only a `"`, and C-style or octal
/// escapes for control characters and backslashes.
pub fn quote(s: &str) -> String {
    if s.is_empty() {
        return "''".to_string();
    }
    let double = s.chars().any(|c| DOUBLE_QUOTED.contains(c));
    let single = !double && s.contains('"');
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c != ' ' && (double || single || c == '~') {
            return format!("\\{c}");
        }
    }
    let body = escape(s, double);
    let tilde = if body.starts_with('~') { "\\" } else { "" };
    if double {
        format!("\"{tilde}{body}\"")
    } else if single {
        format!("'{body}'")
    } else {
        format!("{tilde}{body}")
    }
}

/// Escapes backslashes and control characters, and `"` and `$` inside double quotes.
fn escape(s: &str, double: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            '"' | '$' if double => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
