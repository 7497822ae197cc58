//! Moving through a chooser's list with keys and choosing an item.

use mux_protocol::{Key, KeyCode};

use crate::model::mode::{ChooseAction, Chooser};

impl Chooser {
    /// Applies a key: arrows or j/k move, Enter chooses, q or Escape leaves, a digit picks
    /// that line.
    pub fn key(&mut self, key: Key) -> ChooseAction {
        let n = self.items.len();
        if n == 0 {
            return ChooseAction::Cancel;
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = (self.selected + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1) % n,
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = n - 1,
            KeyCode::Enter => return self.run(self.selected),
            KeyCode::Char('q') | KeyCode::Esc => return ChooseAction::Cancel,
            KeyCode::Char('d') | KeyCode::Char('x') => {
                if let Some(delete) = self.items.get(self.selected).and_then(|i| i.delete.clone()) {
                    return ChooseAction::Delete(delete);
                }
            }
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let i = c as usize - '0' as usize;
                if i < n {
                    return self.run(i);
                }
            }
            _ => {}
        }
        ChooseAction::Continue
    }

    fn run(&self, i: usize) -> ChooseAction {
        self.items
            .get(i)
            .map(|it| ChooseAction::Run(it.command.clone()))
            .unwrap_or(ChooseAction::Cancel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::mode::ChooseItem;
    use mux_protocol::Mods;

    fn k(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: Mods::NONE,
        }
    }

    #[test]
    fn a_chooser_moves_wraps_and_chooses() {
        let item = |s: &str| ChooseItem {
            label: s.into(),
            command: format!("run {s}"),
            ..ChooseItem::default()
        };
        let mut c = Chooser {
            items: vec![item("a"), item("b")],
            ..Chooser::default()
        };
        c.key(Key {
            code: KeyCode::Up,
            mods: Mods::NONE,
        });
        assert_eq!(c.selected, 1);
        assert_eq!(
            c.key(Key {
                code: KeyCode::Enter,
                mods: Mods::NONE
            }),
            ChooseAction::Run("run b".into())
        );
        assert_eq!(c.key(k('0')), ChooseAction::Run("run a".into()));
        assert_eq!(c.key(k('q')), ChooseAction::Cancel);
    }
}
