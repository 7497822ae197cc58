//! Editing a prompt on the status line with keys, emacs style as tmux's default
//! `status-keys`: the cursor, deleting, history with Up and Down, Tab completion.

use mux_protocol::{Key, KeyCode, Mods};

use crate::model::mode::{Prompt, PromptAction, Takes};

mod vi;

impl Prompt {
    /// Creates a prompt with `initial` input, the cursor at its end.
    pub fn new(label: String, initial: String, template: String, confirm: bool) -> Prompt {
        Prompt {
            label,
            cursor: initial.chars().count(),
            input: initial,
            template,
            confirm,
            history: Vec::new(),
            browsing: None,
            draft: String::new(),
            takes: Takes::Line,
            rest: Vec::new(),
            answers: Vec::new(),
            vi: false,
            command_mode: false,
            killed: String::new(),
        }
    }

    /// Makes the prompt read vi keys (`status-keys vi`): it starts inserting, and Escape
    /// switches to command mode.
    pub fn with_vi(mut self, vi: bool) -> Prompt {
        self.vi = vi;
        self
    }

    /// Adds prompts to ask after this one (label and initial input each).
    pub fn then_asking(mut self, rest: Vec<(String, String)>) -> Prompt {
        self.rest = rest;
        self
    }

    /// Makes the prompt take one key, a number or incremental input.
    pub fn taking(mut self, takes: Takes) -> Prompt {
        self.takes = takes;
        self
    }

    /// Gives the prompt earlier inputs (oldest first) to browse with Up and Down.
    pub fn with_history(mut self, history: Vec<String>) -> Prompt {
        self.history = history;
        self
    }

    /// Shows the previous (`back`) or next history entry; past the newest, the draft.
    fn browse(&mut self, back: bool) {
        let len = self.history.len();
        let next = match (self.browsing, back) {
            (None, true) if len > 0 => Some(len - 1),
            (None, _) => return,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < len => Some(i + 1),
            (Some(_), false) => None,
        };
        if self.browsing.is_none() {
            self.draft = self.input.clone();
        }
        self.browsing = next;
        self.input = next
            .and_then(|i| self.history.get(i).cloned())
            .unwrap_or_else(|| self.draft.clone());
        self.cursor = self.len();
    }

    /// Applies a key, emacs style as tmux's default status-keys.
    pub fn key(&mut self, key: Key) -> PromptAction {
        if self.confirm {
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') if key.mods == Mods::NONE => {
                    PromptAction::Run(self.template.clone())
                }
                _ => PromptAction::Cancel,
            };
        }
        let ctrl = key.mods.contains(Mods::CTRL);
        let plain = !ctrl && !key.mods.contains(Mods::ALT);
        match (self.takes, key.code) {
            (Takes::OneKey, KeyCode::Char(c)) if plain => {
                return PromptAction::Run(self.command_with(&c.to_string()));
            }
            (Takes::OneKey, _) => return PromptAction::Cancel,
            (Takes::KeyName, _) => {
                let name = crate::config::keyname::key_name(key);
                return PromptAction::Run(self.command_with(&name));
            }
            (Takes::Number, KeyCode::Char(c)) if plain && c.is_ascii_digit() => {}
            // Any other key ends a number prompt and then does what it does (tmux).
            (Takes::Number, _) => {
                return PromptAction::RunAndPass(self.command_with(&self.input.clone()));
            }
            (Takes::Incremental, KeyCode::Enter) => return PromptAction::Cancel,
            (Takes::Incremental, KeyCode::Char('s')) if ctrl => {
                return PromptAction::Update(self.command_with(&format!("+{}", self.input)));
            }
            (Takes::Incremental, KeyCode::Char('r')) if ctrl => {
                return PromptAction::Update(self.command_with(&format!("-{}", self.input)));
            }
            _ => {}
        }
        let before = self.input.clone();
        let action = self.edit(key);
        if self.takes == Takes::Incremental
            && action == PromptAction::Continue
            && before != self.input
        {
            return PromptAction::Update(self.command_with(&format!("={}", self.input)));
        }
        action
    }

    /// Applies an editing key.
    fn edit(&mut self, key: Key) -> PromptAction {
        let key = if self.vi {
            match self.vi_key(key) {
                Some(key) => key,
                None => return PromptAction::Continue,
            }
        } else {
            key
        };
        let ctrl = key.mods.contains(Mods::CTRL);
        let alt = key.mods.contains(Mods::ALT);
        match key.code {
            KeyCode::Enter if !self.rest.is_empty() => {
                let (label, input) = self.rest.remove(0);
                self.answers.push(std::mem::take(&mut self.input));
                self.label = label;
                self.cursor = input.chars().count();
                self.input = input;
                self.browsing = None;
            }
            KeyCode::Enter => return PromptAction::Run(self.command()),
            KeyCode::Esc => return PromptAction::Cancel,
            KeyCode::Char('c') | KeyCode::Char('g') if ctrl => return PromptAction::Cancel,
            KeyCode::Backspace | KeyCode::Char('h') if ctrl || key.code == KeyCode::Backspace => {
                self.delete_before()
            }
            KeyCode::Delete | KeyCode::Char('d') if ctrl || key.code == KeyCode::Delete => {
                self.delete_at()
            }
            KeyCode::Left | KeyCode::Char('b') if ctrl || key.code == KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1)
            }
            KeyCode::Right | KeyCode::Char('f') if ctrl || key.code == KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(self.len())
            }
            KeyCode::Home | KeyCode::Char('a') if ctrl || key.code == KeyCode::Home => {
                self.cursor = 0
            }
            KeyCode::End | KeyCode::Char('e') if ctrl || key.code == KeyCode::End => {
                self.cursor = self.len()
            }
            KeyCode::Up | KeyCode::Char('p') if ctrl || key.code == KeyCode::Up => {
                self.browse(true)
            }
            KeyCode::Down | KeyCode::Char('n') if ctrl || key.code == KeyCode::Down => {
                self.browse(false)
            }
            KeyCode::Tab if self.template.is_empty() => {
                if let Some((input, cursor)) =
                    crate::input::complete::complete(&self.input, self.cursor)
                {
                    (self.input, self.cursor) = (input, cursor);
                }
            }
            KeyCode::Char('u') if ctrl => {
                self.killed = std::mem::take(&mut self.input);
                self.cursor = 0;
            }
            KeyCode::Char('k') if ctrl => {
                self.killed = self.input.chars().skip(self.cursor).collect();
                self.input = self.input.chars().take(self.cursor).collect();
            }
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char('y') if ctrl => {
                for c in self.killed.clone().chars() {
                    self.insert(c);
                }
            }
            KeyCode::Char('b') if alt => self.word_back(),
            KeyCode::Char('f') if alt => self.word_end(),
            KeyCode::Char(c) if !ctrl && !key.mods.contains(Mods::ALT) => self.insert(c),
            _ => {}
        }
        PromptAction::Continue
    }

    /// Returns the command line: the template with `%%` (or `%1`) replaced by the input, or
    /// the input itself when there is no template.
    pub fn command(&self) -> String {
        self.command_with(&self.input)
    }

    /// Returns the template with `%1`, `%2`, ... replaced by the answers (the last being
    /// `input`) and `%%` by the first, each quoted as the template quotes it; or `input`
    /// itself when there is no template.
    fn command_with(&self, input: &str) -> String {
        if self.template.is_empty() {
            return input.to_string();
        }
        let answers: Vec<&str> = self
            .answers
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(input))
            .collect();
        let mut line = self.template.clone();
        for (i, answer) in answers.iter().enumerate().rev() {
            let marker = format!("%{}", i + 1);
            let value = quoted_for(&line, &marker, answer);
            line = line.replace(&marker, &value);
        }
        let first = answers.first().copied().unwrap_or_default();
        let value = quoted_for(&line, "%%", first);
        line.replace("%%", &value)
    }

    fn len(&self) -> usize {
        self.input.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.input
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(self.input.len())
    }

    fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.input.insert(at, c);
        self.cursor += 1;
    }

    fn delete_before(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.input.remove(at);
        }
    }

    fn delete_at(&mut self) {
        if self.cursor < self.len() {
            let at = self.byte_at(self.cursor);
            self.input.remove(at);
        }
    }

    fn delete_word(&mut self) {
        let chars: Vec<char> = self.input.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        let rest: String = chars[self.cursor..].iter().collect();
        self.killed = chars[start..self.cursor].iter().collect();
        self.input = chars[..start].iter().collect::<String>() + &rest;
        self.cursor = start;
    }
}

/// Escapes `value` for where `marker` sits in `template`: inside single or double quotes,
/// or bare.
fn quoted_for(template: &str, marker: &str, value: &str) -> String {
    if template.contains(&format!("'{marker}'")) {
        value.replace('\'', "'\\''")
    } else if template.contains(&format!("\"{marker}\"")) {
        value.replace('\\', "\\\\").replace('"', "\\\"")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::mode::Prompt;

    fn k(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: Mods::NONE,
        }
    }

    fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: Mods::CTRL,
        }
    }

    #[test]
    fn a_prompt_edits_and_fills_its_template() {
        let mut p = Prompt::new(
            "(rename-window) ".into(),
            "bash".into(),
            "rename-window -- '%%'".into(),
            false,
        );
        p.key(ctrl('u'));
        for c in "it's".chars() {
            p.key(k(c));
        }
        let enter = Key {
            code: KeyCode::Enter,
            mods: Mods::NONE,
        };
        assert_eq!(
            p.key(enter),
            PromptAction::Run("rename-window -- 'it'\\''s'".into())
        );
    }

    #[test]
    fn prompt_cursor_moves_and_deletes() {
        let mut p = Prompt::new(String::new(), "abc".into(), String::new(), false);
        p.key(ctrl('a'));
        p.key(k('x'));
        p.key(ctrl('e'));
        p.key(Key {
            code: KeyCode::Backspace,
            mods: Mods::NONE,
        });
        assert_eq!(p.input, "xab");
        p.key(ctrl('w'));
        assert_eq!(p.input, "");
        assert_eq!(
            p.key(Key {
                code: KeyCode::Esc,
                mods: Mods::NONE
            }),
            PromptAction::Cancel
        );
    }

    #[test]
    fn a_confirmation_takes_one_key() {
        let mut p = Prompt::new(
            "kill-pane 0? (y/n) ".into(),
            String::new(),
            "kill-pane".into(),
            true,
        );
        assert_eq!(p.key(k('y')), PromptAction::Run("kill-pane".into()));
        assert_eq!(p.key(k('n')), PromptAction::Cancel);
    }

    #[test]
    fn up_and_down_browse_the_history_and_come_back_to_the_draft() {
        let history = vec!["first".to_string(), "second".to_string()];
        let mut p =
            Prompt::new(":".into(), String::new(), String::new(), false).with_history(history);
        let up = Key {
            code: KeyCode::Up,
            mods: Mods::NONE,
        };
        p.key(k('x'));
        p.key(up);
        assert_eq!(p.input, "second");
        p.key(ctrl('p'));
        assert_eq!(p.input, "first");
        p.key(up);
        assert_eq!(
            (p.input.as_str(), p.cursor),
            ("first", 5),
            "stays at the oldest"
        );
        p.key(ctrl('n'));
        assert_eq!(p.input, "second");
        p.key(ctrl('n'));
        assert_eq!(p.input, "x", "past the newest: what was typed");
        assert_eq!(p.key(k('y')), PromptAction::Continue);
        assert_eq!(
            p.key(Key {
                code: KeyCode::Enter,
                mods: Mods::NONE
            }),
            PromptAction::Run("xy".into())
        );
    }
}
