//! Reading one word of the command language: bare text, single and double quotes, escapes,
//! `$VAR`, `~`, `#{...}` formats kept whole, and `{ ... }` blocks kept as text.

use super::Lexer;

impl Lexer<'_> {
    /// Reads one word: a block, or text with quotes, escapes and expansions.
    pub(super) fn word(&mut self) -> Result<String, String> {
        if self.peek() == Some('{') {
            self.at += 1;
            return self.block();
        }
        let mut w = String::new();
        if self.peek() == Some('~') {
            self.tilde(&mut w);
        }
        loop {
            match self.peek() {
                None | Some(' ' | '\t' | '\r' | '\n' | ';') => return Ok(w),
                Some('\\') if self.peek_at(1) == Some('\n') => {
                    self.at += 2;
                    self.line += 1;
                }
                Some('\\') => {
                    self.at += 1;
                    self.escape(&mut w)?;
                }
                Some('\'') => {
                    self.at += 1;
                    self.single(&mut w)?;
                }
                Some('"') => {
                    let start = w.is_empty();
                    self.at += 1;
                    self.double(&mut w, start)?;
                }
                Some('$') => self.variable(&mut w),
                Some('#') if self.peek_at(1) == Some('{') => self.format(&mut w)?,
                Some('}') => return Err("syntax error: unexpected }".into()),
                Some(c) => {
                    w.push(c);
                    self.at += 1;
                }
            }
        }
    }

    /// Reads the inside of single quotes: every character as it is.
    pub(super) fn single(&mut self, w: &mut String) -> Result<(), String> {
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                '\'' => return Ok(()),
                '\n' => {
                    self.line += 1;
                    w.push(c);
                }
                _ => w.push(c),
            }
        }
        Err("syntax error: missing '".into())
    }

    /// Reads the inside of double quotes: escapes and `$VAR`, `~` when the word starts here.
    pub(super) fn double(&mut self, w: &mut String, word_start: bool) -> Result<(), String> {
        if word_start && self.peek() == Some('~') {
            self.tilde(w);
        }
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    self.at += 1;
                    return Ok(());
                }
                '\\' if self.peek_at(1) == Some('\n') => {
                    self.at += 2;
                    self.line += 1;
                }
                '\\' => {
                    self.at += 1;
                    self.escape(w)?;
                }
                '$' => self.variable(w),
                '\n' => {
                    self.line += 1;
                    self.at += 1;
                    w.push(c);
                }
                _ => {
                    self.at += 1;
                    w.push(c);
                }
            }
        }
        Err("syntax error: missing \"".into())
    }

    /// Reads the character after a backslash: tmux's escapes, else the character itself.
    pub(super) fn escape(&mut self, w: &mut String) -> Result<(), String> {
        let Some(c) = self.peek() else {
            return Ok(());
        };
        self.at += 1;
        let plain = match c {
            'a' => '\x07',
            'b' => '\x08',
            'e' => '\x1b',
            'f' => '\x0c',
            's' => ' ',
            't' => '\t',
            'v' => '\x0b',
            'r' => '\r',
            'n' => '\n',
            'u' => return self.unicode(w, 4),
            'U' => return self.unicode(w, 8),
            '0'..='7' => {
                let digits: String = std::iter::once(c)
                    .chain(self.chars[self.at..].iter().copied().take(2))
                    .collect();
                let value = (digits.len() == 3)
                    .then(|| u32::from_str_radix(&digits, 8).ok())
                    .flatten()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("invalid octal escape: \\{digits}"))?;
                self.at += 2;
                value
            }
            other => other,
        };
        w.push(plain);
        Ok(())
    }

    /// Reads `len` hex digits after `\u` or `\U` as a character.
    pub(super) fn unicode(&mut self, w: &mut String, len: usize) -> Result<(), String> {
        let digits: String = self.chars[self.at..]
            .iter()
            .take(len)
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        let c = (digits.len() == len)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
            .and_then(char::from_u32)
            .ok_or_else(|| format!("invalid \\u argument: {digits}"))?;
        self.at += len;
        w.push(c);
        Ok(())
    }

    /// Expands `$NAME` or `${NAME}`; a `$` not followed by a name stays.
    pub(super) fn variable(&mut self, w: &mut String) {
        self.at += 1;
        let braced = self.peek() == Some('{');
        let from = self.at + usize::from(braced);
        let name: String = self.chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
            .collect();
        let closed = !braced || self.chars.get(from + name.len()) == Some(&'}');
        if name.is_empty() || !closed {
            w.push('$');
            return;
        }
        self.at = from + name.len() + usize::from(braced);
        w.push_str(&self.cx.var(&name).unwrap_or_default());
    }

    /// Expands `~` or `~user` at the start of a word to a home directory.
    pub(super) fn tilde(&mut self, w: &mut String) {
        let user: String = self.chars[self.at + 1..]
            .iter()
            .take_while(|c| !matches!(c, '/' | ' ' | '\t' | '\n' | ';' | '"' | '\''))
            .collect();
        let home = if user.is_empty() {
            self.cx.home(None)
        } else {
            self.cx.home(Some(&user))
        };
        if let Some(home) = home {
            w.push_str(&home);
            self.at += 1 + user.chars().count();
        }
    }

    /// Reads a `#{...}` format to its closing brace as it is, so that blanks, `;` and `#`
    /// inside it do not end the word.
    pub(super) fn format(&mut self, w: &mut String) -> Result<(), String> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            self.at += 1;
            w.push(c);
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                '\n' => self.line += 1,
                _ => {}
            }
        }
        Err("syntax error: missing } in format".into())
    }

    /// Reads a `{ ... }` block (after its `{`) up to the matching `}` and returns its inside
    /// as one word, a command list to parse when it runs. Quotes, comments and nested
    /// blocks inside are respected.
    pub(super) fn block(&mut self) -> Result<String, String> {
        let mut depth = 1usize;
        let mut text = String::new();
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        while let Some(c) = self.peek() {
            self.at += 1;
            if c == '\n' {
                self.line += 1;
            }
            let word_start = matches!(prev, ' ' | '\t' | '\n' | ';' | '{');
            prev = c;
            match (quote, c) {
                (Some('"'), '\\') => {
                    text.push(c);
                    if let Some(n) = self.peek() {
                        self.at += 1;
                        text.push(n);
                    }
                    continue;
                }
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\\') => {
                    text.push(c);
                    if let Some(n) = self.peek() {
                        self.at += 1;
                        if n == '\n' {
                            self.line += 1;
                        }
                        text.push(n);
                    }
                    continue;
                }
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') if word_start && self.peek() != Some('{') => {
                    // A comment: dropped, up to the end of its line.
                    while self.peek().is_some_and(|n| n != '\n') {
                        self.at += 1;
                    }
                    continue;
                }
                (None, '{') => depth += 1,
                (None, '}') => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(text.trim().to_string());
                    }
                }
                _ => {}
            }
            text.push(c);
        }
        Err("syntax error: missing }".into())
    }
}
