//! `status-keys vi` at a prompt, as tmux reads it: the prompt starts inserting; Escape
//! switches to command mode, where each key stands for an emacs edit (`$` for End, `d` for
//! C-u, `p` for C-y...) or a word motion, and `i`, `a`, `A`, `I`, `s`, `S` and `C` go back
//! to inserting.

use mux_protocol::{Key, KeyCode, Mods};

use crate::model::mode::Prompt;

/// Returns a key without modifiers.
fn plain(code: KeyCode) -> Key {
    Key {
        code,
        mods: Mods::NONE,
    }
}

/// Returns a key with Ctrl.
fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: Mods::CTRL,
    }
}

impl Prompt {
    /// Reads a key with vi keys: returns the emacs key it stands for, or `None` when it was
    /// taken here (a mode switch or a motion).
    pub(super) fn vi_key(&mut self, key: Key) -> Option<Key> {
        if !self.command_mode {
            if key == plain(KeyCode::Esc) {
                self.command_mode = true;
                return None;
            }
            return Some(key);
        }
        if key.mods.contains(Mods::CTRL) || key.mods.contains(Mods::ALT) {
            // C-c cancels and C-h deletes in both modes.
            return Some(key);
        }
        let insert = matches!(
            key.code,
            KeyCode::Char('i' | 'a' | 'A' | 'I' | 's' | 'S' | 'C') | KeyCode::Esc
        );
        if insert {
            self.command_mode = false;
        }
        Some(match key.code {
            KeyCode::Char('i') | KeyCode::Esc => return None,
            KeyCode::Char('A' | '$') => plain(KeyCode::End),
            KeyCode::Char('I' | '0' | '^') => plain(KeyCode::Home),
            KeyCode::Char('C' | 'D') => ctrl('k'),
            KeyCode::Char('S' | 'd') => ctrl('u'),
            KeyCode::Char('s' | 'x') | KeyCode::Delete => plain(KeyCode::Delete),
            KeyCode::Char('h') | KeyCode::Backspace | KeyCode::Left => plain(KeyCode::Left),
            KeyCode::Char('a' | 'l') | KeyCode::Right => plain(KeyCode::Right),
            KeyCode::Char('j') | KeyCode::Down => plain(KeyCode::Down),
            KeyCode::Char('k') | KeyCode::Up => plain(KeyCode::Up),
            KeyCode::Char('p') => ctrl('y'),
            KeyCode::Char('q') => ctrl('c'),
            KeyCode::Char('b' | 'B') => {
                self.word_back();
                return None;
            }
            KeyCode::Char('w' | 'W') => {
                self.word_next();
                return None;
            }
            KeyCode::Char('e' | 'E') => {
                self.word_end();
                return None;
            }
            KeyCode::Enter => key,
            _ => return None,
        })
    }

    /// Moves the cursor to the start of the word before it.
    pub(super) fn word_back(&mut self) {
        let chars: Vec<char> = self.input.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at > 0 && chars[at - 1] == ' ' {
            at -= 1;
        }
        while at > 0 && chars[at - 1] != ' ' {
            at -= 1;
        }
        self.cursor = at;
    }

    /// Moves the cursor past the end of the word under or after it (emacs M-f).
    pub(super) fn word_end(&mut self) {
        let chars: Vec<char> = self.input.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at < chars.len() && chars[at] == ' ' {
            at += 1;
        }
        while at < chars.len() && chars[at] != ' ' {
            at += 1;
        }
        self.cursor = at;
    }

    /// Moves the cursor to the start of the next word (vi `w`).
    fn word_next(&mut self) {
        let chars: Vec<char> = self.input.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at < chars.len() && chars[at] != ' ' {
            at += 1;
        }
        while at < chars.len() && chars[at] == ' ' {
            at += 1;
        }
        self.cursor = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::mode::PromptAction;

    /// Types each character of `keys` as a plain key (`\x1b` for Escape).
    fn typed(p: &mut Prompt, keys: &str) -> PromptAction {
        let mut last = PromptAction::Continue;
        for c in keys.chars() {
            let code = match c {
                '\x1b' => KeyCode::Esc,
                '\r' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            last = p.key(plain(code));
        }
        last
    }

    fn vi_prompt(initial: &str) -> Prompt {
        Prompt::new(":".into(), initial.into(), String::new(), false).with_vi(true)
    }

    #[test]
    fn escape_enters_command_mode_where_keys_move_and_delete() {
        let mut p = vi_prompt("");
        typed(&mut p, "one two three");
        assert_eq!(
            typed(&mut p, "\x1b"),
            PromptAction::Continue,
            "Escape does not cancel"
        );
        assert!(p.command_mode);
        typed(&mut p, "0wx");
        assert_eq!(p.input, "one wo three");
        typed(&mut p, "$D");
        assert_eq!(p.input, "one wo three", "D at the end deletes nothing");
        typed(&mut p, "0");
        typed(&mut p, "C");
        assert!(!p.command_mode, "C goes back to inserting");
        assert_eq!(p.input, "");
        typed(&mut p, "new\x1bp");
        assert_eq!(p.input, "newone wo three", "p puts back what C deleted");
        assert_eq!(
            typed(&mut p, "\r"),
            PromptAction::Run("newone wo three".into())
        );
    }

    #[test]
    fn insert_keys_go_back_to_inserting_where_they_say() {
        let mut p = vi_prompt("abc");
        typed(&mut p, "\x1bIx");
        assert_eq!(p.input, "xabc");
        typed(&mut p, "\x1bAy");
        assert_eq!(p.input, "xabcy");
        typed(&mut p, "\x1bdz");
        assert_eq!(p.input, "", "d deletes the line and stays in command mode");
        typed(&mut p, "iz");
        assert_eq!(p.input, "z");
        assert_eq!(typed(&mut p, "\x1bq"), PromptAction::Cancel);
    }
}
