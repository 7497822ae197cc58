//! Reading the format: lines nested by indentation into sessions, windows, layouts and
//! panes, every mistake named with its line.

use super::words::{tokens, unescape, Token};
use super::{HEADER, MAX_DEPTH, MAX_PANES, VERSION};
use crate::model::layout::Split;
use crate::model::persist::capture::HISTORY_LINES;
use crate::model::persist::{
    NodeKind, Saved, SavedNode, SavedOption, SavedPane, SavedSession, SavedSize, SavedWindow,
};

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
    let mut reader = Reader {
        lines,
        pos: 0,
        panes: 0,
    };
    reader.file()
}

/// Walks the lines of a file.
struct Reader {
    /// The lines.
    lines: Vec<Line>,
    /// The next one.
    pos: usize,
    /// How many panes were read so far.
    panes: usize,
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
        self.panes += 1;
        if self.panes > MAX_PANES {
            return Err(at(format!("more than {MAX_PANES} panes")));
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
        // At most as much history as a save keeps, the newest.
        let extra = pane.history.len().saturating_sub(HISTORY_LINES);
        pane.history.drain(..extra);
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
