//! The save file and layout file format: a line per session, window, split and pane, nested
//! by indentation, with `key=value` words (the README's "Saved sessions and layout files"
//! shows it). [`write`] and [`parse`] turn [`Saved`] into text and back; a hand-written
//! file may leave out everything but its structure.
//!
//! ```text
//! mux-sessions 1
//! boot 6a1f...
//! session work size=120x40 cwd=/home/me/src
//!   window index=0 active
//!     split h
//!       pane 60 cwd=/home/me/src command="vim main.rs" active
//!       split v 59
//!         pane 20 cwd=/home/me/src
//!         pane 19% cwd=/tmp command="less notes.txt"
//!   window index=1 name=logs
//!     option remain-on-exit on
//!     pane cwd=/var/log
//!       | a line of history, with \e[1mescapes\e[m
//! ```

use crate::model::layout::Split;
use crate::model::persist::{
    NodeKind, Saved, SavedNode, SavedOption, SavedPane, SavedSession, SavedSize, SavedWindow,
};

/// The format's version, on the first line.
pub const VERSION: u32 = 1;

/// The first line of a file.
const HEADER: &str = "mux-sessions";

/// The deepest a layout may nest.
const MAX_DEPTH: usize = 32;

/// Returns the text of a file holding `saved`.
pub fn write(saved: &Saved) -> String {
    let mut out = String::from(
        "# mux sessions: the format is in mux's README, \"Saved sessions and layout files\".\n",
    );
    out.push_str(&format!("{HEADER} {VERSION}\n"));
    if let Some(boot) = &saved.boot {
        out.push_str(&format!("boot {}\n", word(boot)));
    }
    for s in &saved.sessions {
        write_session(&mut out, s);
    }
    out
}

/// Appends a session.
fn write_session(out: &mut String, s: &SavedSession) {
    out.push_str(&format!("session {}", word(&s.name)));
    if let Some((c, r)) = s.size {
        out.push_str(&format!(" size={c}x{r}"));
    }
    if let Some(cwd) = &s.cwd {
        out.push_str(&format!(" cwd={}", word(cwd)));
    }
    out.push('\n');
    write_options(out, 1, &s.options);
    for w in &s.windows {
        out.push_str("  window");
        if let Some(i) = w.index {
            out.push_str(&format!(" index={i}"));
        }
        if let Some(name) = &w.name {
            out.push_str(&format!(" name={}", word(name)));
        }
        if let Some((c, r)) = w.size {
            out.push_str(&format!(" size={c}x{r}"));
        }
        for (flag, on) in [("active", w.active), ("zoomed", w.zoomed)] {
            if on {
                out.push(' ');
                out.push_str(flag);
            }
        }
        out.push('\n');
        write_options(out, 2, &w.options);
        write_node(out, 2, &w.layout);
    }
}

/// Appends `option` lines at `depth`.
fn write_options(out: &mut String, depth: usize, options: &[SavedOption]) {
    for o in options {
        out.push_str(&format!(
            "{}option {} {}\n",
            "  ".repeat(depth),
            word(&o.name),
            word(&o.value)
        ));
    }
}

/// Appends a layout node and what it holds at `depth`.
fn write_node(out: &mut String, depth: usize, node: &SavedNode) {
    let indent = "  ".repeat(depth);
    let size = match node.size {
        Some(SavedSize::Cells(n)) => format!(" {n}"),
        Some(SavedSize::Percent(p)) => format!(" {p}%"),
        None => String::new(),
    };
    match &node.kind {
        NodeKind::Split(dir, children) => {
            let d = if *dir == Split::Horizontal { "h" } else { "v" };
            out.push_str(&format!("{indent}split {d}{size}\n"));
            for c in children {
                write_node(out, depth + 1, c);
            }
        }
        NodeKind::Pane(p) => {
            out.push_str(&format!("{indent}pane{size}"));
            let fields = [
                ("cwd", &p.cwd),
                ("command", &p.command),
                ("title", &p.title),
            ];
            for (key, value) in fields {
                if let Some(v) = value {
                    out.push_str(&format!(" {key}={}", word(v)));
                }
            }
            if p.active {
                out.push_str(" active");
            }
            out.push('\n');
            write_options(out, depth + 1, &p.options);
            for line in &p.history {
                out.push_str(&format!("{indent}  | {}\n", escape(line)));
            }
        }
    }
}

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
fn escape(text: &str) -> String {
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
fn unescape(text: &str) -> Result<String, String> {
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
struct Token {
    /// The key, for `key=value`.
    key: Option<String>,
    /// The value, quotes and escapes undone.
    value: String,
}

impl Token {
    /// Returns the word as written, a key joined to its value.
    fn whole(&self) -> String {
        match &self.key {
            Some(k) => format!("{k}={}", self.value),
            None => self.value.clone(),
        }
    }
}

/// Splits the words of a line: bare words end at a space; `"..."` (with escapes) and
/// `'...'` (as they are) may hold spaces; `key=` before a word names it; a word starting
/// with `#` starts a comment to the end of the line.
fn tokens(text: &str) -> Result<Vec<Token>, String> {
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

/// One line of a file.
#[derive(Debug)]
struct Line {
    /// Its number, from 1.
    no: usize,
    /// How far it is indented (a tab to the next multiple of 8).
    indent: usize,
    /// Its first word.
    keyword: String,
    /// The rest.
    rest: String,
}

/// Splits a file into its lines of content (comments and blank lines dropped).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let body = raw.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = raw[..raw.len() - body.len()].chars().fold(0, |n, c| {
            if c == '\t' {
                (n / 8 + 1) * 8
            } else {
                n + 1
            }
        });
        let (keyword, rest) = match body.strip_prefix('|') {
            Some(history) => ("|", history.strip_prefix(' ').unwrap_or(history)),
            None => body.split_once(char::is_whitespace).unwrap_or((body, "")),
        };
        out.push(Line {
            no: n + 1,
            indent,
            keyword: keyword.to_string(),
            rest: rest.to_string(),
        });
    }
    out
}

/// Reads a file; an error names its line.
pub fn parse(text: &str) -> Result<Saved, String> {
    let lines = lines(text);
    let mut reader = Reader { lines, pos: 0 };
    reader.file()
}

/// Walks the lines of a file.
struct Reader {
    /// The lines.
    lines: Vec<Line>,
    /// The next one.
    pos: usize,
}

impl Reader {
    /// Returns the keyword and number of the next line if it is indented more than
    /// `indent`.
    fn child(&self, indent: Option<usize>) -> Option<(String, usize)> {
        let line = self.lines.get(self.pos)?;
        match indent {
            Some(i) if line.indent <= i => None,
            _ => Some((line.keyword.clone(), line.no)),
        }
    }

    /// Reads the whole file.
    fn file(&mut self) -> Result<Saved, String> {
        let mut saved = Saved::default();
        while let Some((keyword, no)) = self.child(None) {
            let rest = self.lines[self.pos].rest.clone();
            let at = |e: String| format!("line {no}: {e}");
            match keyword.as_str() {
                HEADER => {
                    let version = rest.trim();
                    if version != VERSION.to_string() {
                        return Err(at(format!("version {version} is not {VERSION}")));
                    }
                    self.pos += 1;
                }
                "boot" => {
                    saved.boot = tokens(&rest).map_err(at)?.first().map(Token::whole);
                    self.pos += 1;
                }
                "session" => saved.sessions.push(self.session()?),
                other => return Err(at(format!("expected a session, not {other:?}"))),
            }
        }
        Ok(saved)
    }

    /// Reads a session and what is under it.
    fn session(&mut self) -> Result<SavedSession, String> {
        let (no, indent, rest) = self.take();
        let at = |e: String| format!("line {no}: {e}");
        let mut s = SavedSession::default();
        for t in tokens(&rest).map_err(at)? {
            match t.key.as_deref() {
                None if s.name.is_empty() => s.name = t.value,
                Some("size") => s.size = Some(size(&t.value).map_err(at)?),
                Some("cwd") => s.cwd = Some(t.value),
                _ => return Err(at(format!("unknown word {:?}", t.whole()))),
            }
        }
        while let Some((keyword, line)) = self.child(Some(indent)) {
            match keyword.as_str() {
                "option" => s.options.push(self.option()?),
                "window" => s.windows.push(self.window()?),
                other => {
                    return Err(format!(
                        "line {line}: expected a window or an option, not {other:?}"
                    ))
                }
            }
        }
        if s.windows.is_empty() {
            return Err(at("a session needs a window".into()));
        }
        Ok(s)
    }

    /// Takes the next line: its number, indentation and words.
    fn take(&mut self) -> (usize, usize, String) {
        let line = &self.lines[self.pos];
        self.pos += 1;
        (line.no, line.indent, line.rest.clone())
    }

    /// Reads an `option NAME VALUE` line.
    fn option(&mut self) -> Result<SavedOption, String> {
        let (no, _, rest) = self.take();
        let words = tokens(&rest).map_err(|e| format!("line {no}: {e}"))?;
        match words.as_slice() {
            [name, value] => Ok(SavedOption {
                name: name.whole(),
                value: value.whole(),
            }),
            _ => Err(format!("line {no}: an option is a name and a value")),
        }
    }

    /// Reads a window and its layout.
    fn window(&mut self) -> Result<SavedWindow, String> {
        let (no, indent, rest) = self.take();
        let at = |e: String| format!("line {no}: {e}");
        let mut w = SavedWindow {
            index: None,
            name: None,
            active: false,
            zoomed: false,
            size: None,
            options: Vec::new(),
            layout: SavedNode::pane(SavedPane::default()),
        };
        for t in tokens(&rest).map_err(at)? {
            match (t.key.as_deref(), t.value.as_str()) {
                (Some("index"), v) => {
                    w.index = Some(v.parse().map_err(|_| at(format!("bad index {v:?}")))?)
                }
                (Some("name"), _) => w.name = Some(t.value.clone()),
                (Some("size"), v) => w.size = Some(size(v).map_err(at)?),
                (None, "active") => w.active = true,
                (None, "zoomed") => w.zoomed = true,
                _ => return Err(at(format!("unknown word {:?}", t.whole()))),
            }
        }
        let mut layout = None;
        while let Some((keyword, line)) = self.child(Some(indent)) {
            match keyword.as_str() {
                "option" => w.options.push(self.option()?),
                "split" | "pane" if layout.is_none() => layout = Some(self.node(0)?),
                "split" | "pane" => {
                    return Err(format!(
                        "line {line}: a window has one pane or split; put them in a split"
                    ))
                }
                other => {
                    return Err(format!(
                        "line {line}: expected a pane, a split or an option, not {other:?}"
                    ))
                }
            }
        }
        w.layout = layout.unwrap_or(w.layout);
        Ok(w)
    }

    /// Reads a split or a pane and what is under it.
    fn node(&mut self, depth: usize) -> Result<SavedNode, String> {
        let keyword = self.lines[self.pos].keyword.clone();
        let (no, indent, rest) = self.take();
        let at = |e: String| format!("line {no}: {e}");
        if depth > MAX_DEPTH {
            return Err(at("splits nest too deeply".into()));
        }
        let words = tokens(&rest).map_err(at)?;
        let mut words = words.into_iter().peekable();
        let mut node_size = None;
        if keyword == "split" {
            let dir = match words.next().map(|t| t.whole()).as_deref() {
                Some("h" | "horizontal") => Split::Horizontal,
                Some("v" | "vertical") => Split::Vertical,
                other => return Err(at(format!("a split is h or v, not {other:?}"))),
            };
            if let Some(t) = words.next() {
                node_size = Some(length(&t.whole()).map_err(at)?);
            }
            let mut children = Vec::new();
            while let Some((keyword, line)) = self.child(Some(indent)) {
                match keyword.as_str() {
                    "split" | "pane" => children.push(self.node(depth + 1)?),
                    other => {
                        return Err(format!(
                            "line {line}: expected a pane or a split, not {other:?}"
                        ))
                    }
                }
            }
            if children.is_empty() {
                return Err(at("a split needs panes".into()));
            }
            return Ok(SavedNode {
                size: node_size,
                kind: NodeKind::Split(dir, children),
            });
        }
        let mut pane = SavedPane::default();
        for t in words {
            match (t.key.as_deref(), t.value.as_str()) {
                (Some("cwd"), _) => pane.cwd = Some(t.value.clone()),
                (Some("command"), _) => pane.command = Some(t.value.clone()),
                (Some("title"), _) => pane.title = Some(t.value.clone()),
                (None, "active") => pane.active = true,
                (None, v) if node_size.is_none() => node_size = Some(length(v).map_err(at)?),
                _ => return Err(at(format!("unknown word {:?}", t.whole()))),
            }
        }
        while let Some((keyword, line)) = self.child(Some(indent)) {
            match keyword.as_str() {
                "option" => pane.options.push(self.option()?),
                "|" => {
                    let (_, _, text) = self.take();
                    let text = unescape(&text).map_err(|e| format!("line {line}: {e}"))?;
                    pane.history.push(text);
                }
                other => {
                    return Err(format!(
                        "line {line}: expected an option or a history line, not {other:?}"
                    ))
                }
            }
        }
        Ok(SavedNode {
            size: node_size,
            kind: NodeKind::Pane(pane),
        })
    }
}

/// Parses `COLSxROWS`.
fn size(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("bad size {text:?} (want COLSxROWS)");
    let (c, r) = text.split_once('x').ok_or_else(bad)?;
    let (c, r) = (c.parse::<u16>(), r.parse::<u16>());
    match (c, r) {
        (Ok(c), Ok(r)) if c > 0 && r > 0 => Ok((c, r)),
        _ => Err(bad()),
    }
}

/// Parses a length: `N` cells or `N%`.
fn length(text: &str) -> Result<SavedSize, String> {
    let bad = || format!("bad size {text:?} (want cells, or a percentage such as 30%)");
    match text.strip_suffix('%') {
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| (1..=100).contains(p))
            .map(SavedSize::Percent)
            .ok_or_else(bad),
        None => text
            .parse::<u16>()
            .ok()
            .filter(|n| *n > 0)
            .map(SavedSize::Cells)
            .ok_or_else(bad),
    }
}

#[cfg(test)]
mod tests;
