//! tmux's command language, as config files, `source-file`, key bindings, hooks and the
//! prompt write it: words split on blanks, `#` comments, `\` at the end of a line to go on,
//! `;` between commands (`\;` is a literal `;` word), `{ ... }` blocks (one word holding a
//! command list, which may span lines), single quotes, double quotes with escapes (`\e`,
//! `\u00e9`, `\n`, octal), `~` and `$VAR` expansion, `NAME=value` and `%hidden NAME=value`
//! assignments and `%if`/`%elif`/`%else`/`%endif` with formats. Every command keeps the line
//! it started on; a problem is reported with its line and parsing goes on at the next line.

/// What the parser needs from where it runs: variables, assignments, conditions and homes.
pub trait Context {
    /// Returns a variable's value for `$NAME` (`None` expands to nothing).
    fn var(&self, name: &str) -> Option<String>;
    /// Sets a variable from a `NAME=value` line (`hidden` for `%hidden`).
    fn assign(&mut self, name: &str, value: &str, hidden: bool);
    /// Returns whether a `%if` or `%elif` condition, a format, holds.
    fn holds(&mut self, condition: &str) -> bool;
    /// Returns the home directory of `user`, or of whoever runs the command when `None`.
    fn home(&self, user: Option<&str>) -> Option<String>;
}

/// A context that expands nothing: no variables, conditions false, no homes.
#[cfg(test)]
pub struct Plain;

#[cfg(test)]
impl Context for Plain {
    fn var(&self, _name: &str) -> Option<String> {
        None
    }
    fn assign(&mut self, _name: &str, _value: &str, _hidden: bool) {}
    fn holds(&mut self, _condition: &str) -> bool {
        false
    }
    fn home(&self, _user: Option<&str>) -> Option<String> {
        None
    }
}

/// One parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The line it started on, from 1.
    pub line: usize,
    /// Which statement it belongs to: commands joined by `;` on one line share a group, and
    /// an error skips the rest of its group only, as in tmux.
    pub group: usize,
    /// Its words, the command name first.
    pub words: Vec<String>,
}

/// A problem found while parsing, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// What a text parsed into.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The commands, in order, from the branches of `%if` that hold.
    pub commands: Vec<Command>,
    /// The problems, in order.
    pub problems: Vec<Problem>,
}

/// Parses `text` with `cx` answering variables and conditions.
pub fn parse(text: &str, cx: &mut dyn Context) -> Parsed {
    let mut lexer = Lexer {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        cx,
        out: Parsed::default(),
        conds: Vec::new(),
        group: 0,
    };
    lexer.run();
    lexer.out
}

/// Splits command arguments at `;` words into commands, as tmux splits the words of a
/// command line given to the shell or to `bind-key`: a word ending in `\;` loses the
/// backslash and stays a word.
pub fn split_arguments(words: &[String]) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut current = Vec::new();
    for word in words {
        if word == ";" {
            if !current.is_empty() {
                commands.push(std::mem::take(&mut current));
            }
        } else if let Some(stem) = word.strip_suffix("\\;") {
            current.push(format!("{stem};"));
        } else {
            current.push(word.clone());
        }
    }
    if !current.is_empty() {
        commands.push(current);
    }
    commands
}

/// One open `%if`.
struct Cond {
    /// Whether the branch being read runs.
    active: bool,
    /// Whether a branch of this `%if` has run already.
    taken: bool,
    /// Whether `%else` was seen.
    seen_else: bool,
}

/// The state of one parse.
struct Lexer<'a> {
    chars: Vec<char>,
    at: usize,
    line: usize,
    cx: &'a mut dyn Context,
    out: Parsed,
    conds: Vec<Cond>,
    group: usize,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    /// Returns whether the commands being read run (every open `%if` branch holds).
    fn active(&self) -> bool {
        self.conds.iter().all(|c| c.active)
    }

    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.out.problems.push(Problem {
            line,
            message: message.into(),
        });
    }

    /// Reads statements to the end of the text.
    fn run(&mut self) {
        let mut words: Vec<String> = Vec::new();
        let mut start = self.line;
        let mut statement_start = true;
        loop {
            self.skip_blanks();
            match self.peek() {
                None => {
                    self.end_command(&mut words, start);
                    break;
                }
                Some('\n') => {
                    self.end_command(&mut words, start);
                    self.at += 1;
                    self.line += 1;
                    self.group += 1;
                    statement_start = true;
                    continue;
                }
                Some(';') => {
                    self.end_command(&mut words, start);
                    self.at += 1;
                    continue;
                }
                Some('#') if self.peek_at(1) != Some('{') => {
                    self.skip_line();
                    continue;
                }
                Some('%') if statement_start && self.directive() => {
                    continue;
                }
                _ => {}
            }
            if words.is_empty() {
                start = self.line;
            }
            statement_start = false;
            let line = self.line;
            match self.word() {
                Ok(w) => words.push(w),
                Err(message) => {
                    self.problem(line, message);
                    words.clear();
                    self.skip_line();
                }
            }
        }
        if !self.conds.is_empty() {
            self.problem(self.line, "syntax error: missing %endif");
        }
    }

    /// Finishes the command whose words were read: an assignment is made, a command kept.
    fn end_command(&mut self, words: &mut Vec<String>, line: usize) {
        if words.is_empty() {
            return;
        }
        let words = std::mem::take(words);
        if !self.active() {
            return;
        }
        if let [one] = words.as_slice() {
            if let Some((name, value)) = assignment(one) {
                self.cx.assign(name, value, false);
                return;
            }
        }
        self.out.commands.push(Command {
            line,
            group: self.group,
            words,
        });
    }

    /// Skips blanks and `\` line continuations.
    fn skip_blanks(&mut self) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\r') => self.at += 1,
                Some('\\') if self.peek_at(1) == Some('\n') => {
                    self.at += 2;
                    self.line += 1;
                }
                _ => return,
            }
        }
    }

    /// Skips to the end of the line, leaving the newline.
    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            if c == '\n' {
                return;
            }
            self.at += 1;
        }
    }

    /// Reads the rest of the line as words, joined by spaces (a directive's argument).
    fn rest_of_line(&mut self) -> Result<String, String> {
        let mut words = Vec::new();
        loop {
            self.skip_blanks();
            match self.peek() {
                None | Some('\n') => return Ok(words.join(" ")),
                Some('#') if self.peek_at(1) != Some('{') => self.skip_line(),
                _ => words.push(self.word()?),
            }
        }
    }

    /// Handles a `%` directive at the start of a statement; returns false when the word is
    /// not one (then it is read as an ordinary word).
    fn directive(&mut self) -> bool {
        let name: String = self.chars[self.at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '%')
            .collect();
        if !["%if", "%elif", "%else", "%endif", "%hidden"].contains(&name.as_str()) {
            return false;
        }
        let line = self.line;
        self.at += name.chars().count();
        let arg = match self.rest_of_line() {
            Ok(a) => a,
            Err(message) => {
                self.problem(line, message);
                self.skip_line();
                return true;
            }
        };
        let outer = self.active();
        match name.as_str() {
            "%if" => {
                let holds = outer && self.cx.holds(&arg);
                self.conds.push(Cond {
                    active: holds,
                    taken: holds,
                    seen_else: false,
                });
            }
            "%elif" => match self.conds.pop() {
                Some(c) if !c.seen_else => {
                    let outer = self.active();
                    let holds = outer && !c.taken && self.cx.holds(&arg);
                    self.conds.push(Cond {
                        active: holds,
                        taken: c.taken || holds,
                        seen_else: false,
                    });
                }
                Some(c) => {
                    self.conds.push(c);
                    self.problem(line, "syntax error: %elif after %else");
                }
                None => self.problem(line, "syntax error: %elif without %if"),
            },
            "%else" => match self.conds.last_mut() {
                Some(c) if !c.seen_else => {
                    c.active = !c.taken;
                    c.taken = true;
                    c.seen_else = true;
                }
                Some(_) => self.problem(line, "syntax error: %else after %else"),
                None => self.problem(line, "syntax error: %else without %if"),
            },
            "%endif" => {
                if self.conds.pop().is_none() {
                    self.problem(line, "syntax error: %endif without %if");
                }
            }
            _ => match assignment(&arg) {
                Some((n, v)) if outer => self.cx.assign(n, v, true),
                Some(_) => {}
                None => self.problem(line, "syntax error: %hidden needs NAME=value"),
            },
        }
        true
    }
}

/// Splits `NAME=value` when NAME is a variable name.
fn assignment(word: &str) -> Option<(&str, &str)> {
    let (name, value) = word.split_once('=')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    let ok = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some((name, value))
}

mod word;

#[cfg(test)]
mod tests;
