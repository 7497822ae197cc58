//! Driving a menu with keys and the mouse, as tmux does: an item's key chooses it; Up, Down,
//! `k`, `j`, Home and End move; Enter chooses; Escape, `q` and `C-c` close. The pointer
//! highlights the item under it, and a button released there chooses it once the pointer
//! has moved or a button was pressed on the menu; a press off the menu closes it.

use mux_protocol::{Key, KeyCode, Mods, MouseButton, MouseEvent, MouseKind};

use crate::model::menu::{Menu, MenuAction, MenuLine};

impl Menu {
    /// Applies a key.
    pub fn key(&mut self, key: Key) -> MenuAction {
        let chosen = self
            .lines
            .iter()
            .position(|l| matches!(l, MenuLine::Item(i) if i.enabled && i.key == Some(key)));
        if let Some(line) = chosen {
            return self.choose(line);
        }
        let plain = key.mods == Mods::NONE;
        match key.code {
            KeyCode::Esc => return MenuAction::Cancel,
            KeyCode::Char('q') if plain => return MenuAction::Cancel,
            KeyCode::Char('c' | 'g') if key.mods == Mods::CTRL => return MenuAction::Cancel,
            KeyCode::Up | KeyCode::BackTab => self.step(false),
            KeyCode::Char('k') if plain => self.step(false),
            KeyCode::Down | KeyCode::Tab => self.step(true),
            KeyCode::Char('j') if plain => self.step(true),
            KeyCode::Home => self.selected = self.next_enabled(None, true),
            KeyCode::Char('g') if plain => self.selected = self.next_enabled(None, true),
            KeyCode::End => self.selected = self.next_enabled(None, false),
            KeyCode::Char('G') if plain => self.selected = self.next_enabled(None, false),
            KeyCode::Enter => {
                if let Some(line) = self.selected {
                    return self.choose(line);
                }
            }
            _ => {}
        }
        MenuAction::Continue
    }

    /// Applies a mouse event at a position of the client's screen.
    pub fn mouse(&mut self, event: MouseEvent) -> MenuAction {
        let (col, row) = (usize::from(event.pos.col), usize::from(event.pos.row));
        let line = self
            .line_at(col, row)
            .filter(|&l| self.command_of(l).is_some());
        match event.kind {
            MouseKind::Moved | MouseKind::Drag(_) => {
                if line.is_some() {
                    self.moved = true;
                    self.selected = line;
                }
            }
            MouseKind::Down(MouseButton::WheelUp | MouseButton::WheelDown) => {}
            MouseKind::Down(_) if !self.covers(col, row) => return MenuAction::Cancel,
            MouseKind::Down(_) => {
                self.moved = true;
                if line.is_some() {
                    self.selected = line;
                }
            }
            MouseKind::Up(_) if self.moved => match line {
                Some(l) => return self.choose(l),
                None if !self.covers(col, row) => return MenuAction::Cancel,
                None => {}
            },
            MouseKind::Up(_) => {}
        }
        MenuAction::Continue
    }

    /// Moves the highlight to the next (or previous) enabled item.
    fn step(&mut self, forward: bool) {
        self.selected = self.next_enabled(self.selected, forward);
    }

    /// Chooses a line: runs its command if it is an enabled item.
    fn choose(&self, line: usize) -> MenuAction {
        self.command_of(line)
            .map_or(MenuAction::Continue, MenuAction::Run)
    }
}

#[cfg(test)]
mod tests {
    use mux_protocol::Point;

    use super::*;
    use crate::model::menu::MenuItem;

    fn menu() -> Menu {
        let item = |label: &str, key: char| {
            MenuLine::Item(MenuItem {
                label: label.trim_start_matches('-').into(),
                key: Some(Key {
                    code: KeyCode::Char(key),
                    mods: Mods::NONE,
                }),
                key_name: key.to_string(),
                command: format!("run {label}"),
                enabled: !label.starts_with('-'),
            })
        };
        let lines = vec![
            item("One", 'o'),
            item("-Two", 't'),
            MenuLine::Separator,
            item("Three", 'h'),
        ];
        let mut m = Menu::new(String::new(), lines, None);
        m.place(0, 10, (80, 24));
        m
    }

    fn key(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::NONE,
        }
    }

    #[test]
    fn keys_move_over_enabled_items_and_choose() {
        let mut m = menu();
        assert_eq!(m.selected, Some(0));
        m.key(key(KeyCode::Down));
        assert_eq!(
            m.selected,
            Some(3),
            "the disabled item and the line are skipped"
        );
        assert_eq!(
            m.key(key(KeyCode::Enter)),
            MenuAction::Run("run Three".into())
        );
        assert_eq!(
            m.key(key(KeyCode::Char('o'))),
            MenuAction::Run("run One".into())
        );
        assert_eq!(
            m.key(key(KeyCode::Char('t'))),
            MenuAction::Continue,
            "disabled"
        );
        assert_eq!(m.key(key(KeyCode::Esc)), MenuAction::Cancel);
    }

    #[test]
    fn the_mouse_highlights_chooses_on_release_and_closes_outside() {
        let mut m = menu();
        let at = |kind, col: usize, row: usize| MouseEvent {
            kind,
            pos: Point::from_usize(row, col),
            mods: Mods::NONE,
        };
        let (x, y) = m.at;
        // The release of the press that opened the menu does nothing.
        assert_eq!(
            m.mouse(at(MouseKind::Up(MouseButton::Right), x, y)),
            MenuAction::Continue
        );
        m.mouse(at(MouseKind::Moved, x + 2, y + 4));
        assert_eq!(m.selected, Some(3));
        assert_eq!(
            m.mouse(at(MouseKind::Up(MouseButton::Right), x + 2, y + 4)),
            MenuAction::Run("run Three".into())
        );
        assert_eq!(
            m.mouse(at(MouseKind::Down(MouseButton::Left), x + 40, y)),
            MenuAction::Cancel
        );
    }
}
