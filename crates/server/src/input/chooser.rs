//! Driving a chooser with keys, as tmux's tree mode: Up, Down, `k`, `j`, Home, End, PPage
//! and NPage move; Left folds an item (or goes to its parent), Right unfolds it, `-` and `+`
//! fold and unfold everything; Enter chooses; `x` kills the item (asking first where it
//! should), `t` tags it, `T` untags all, `C-t` tags all, `X` kills the tagged; `/` and `f`
//! type a filter; `O` sorts another way; a digit chooses that line; `q` and Escape leave.

use mux_protocol::{Key, KeyCode, Mods};

use crate::model::mode::{ChooseAction, Chooser};

/// The sort orders `O` steps through, as tmux's `-O`.
const SORTS: [&str; 3] = ["index", "name", "time"];

impl Chooser {
    /// Applies a key.
    pub fn key(&mut self, key: Key) -> ChooseAction {
        if self.editing.is_some() {
            self.edit_filter(key);
            return ChooseAction::Continue;
        }
        if let Some((_, command)) = self.asking.take() {
            let yes = matches!(key.code, KeyCode::Char('y' | 'Y')) && key.mods == Mods::NONE;
            return if yes {
                ChooseAction::Delete(command)
            } else {
                ChooseAction::Continue
            };
        }
        if self.items.is_empty() {
            return ChooseAction::Cancel;
        }
        let ctrl = key.mods.contains(Mods::CTRL);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.step(-1),
            KeyCode::Down | KeyCode::Char('j') => self.step(1),
            KeyCode::PageUp => self.step(-10),
            KeyCode::PageDown => self.step(10),
            KeyCode::Home => self.step(-isize::MAX),
            KeyCode::End => self.step(isize::MAX),
            KeyCode::Left => self.fold_or_parent(),
            KeyCode::Right => self.set_fold(self.selected, false),
            KeyCode::Char('-') => self.fold_all(true),
            KeyCode::Char('+') => self.fold_all(false),
            KeyCode::Enter => return self.run(self.selected),
            KeyCode::Char('q') | KeyCode::Esc => return ChooseAction::Cancel,
            KeyCode::Char('t') if ctrl => {
                let keys: Vec<String> = self
                    .visible()
                    .iter()
                    .map(|&i| self.items[i].key.clone())
                    .collect();
                self.tagged.extend(keys);
            }
            KeyCode::Char('t') => self.toggle_tag(),
            KeyCode::Char('T') => self.tagged.clear(),
            KeyCode::Char('d' | 'x') => return self.delete_selected(),
            KeyCode::Char('X') => self.ask_tagged(),
            KeyCode::Char('/' | 'f') => self.editing = Some(self.filter.clone()),
            KeyCode::Char('O') => return self.next_sort(),
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let n = c as usize - '0' as usize;
                if let Some(&i) = self.visible().get(n) {
                    return self.run(i);
                }
            }
            _ => {}
        }
        ChooseAction::Continue
    }

    /// Moves the highlight `by` visible lines, stopping at the ends.
    fn step(&mut self, by: isize) {
        let visible = self.visible();
        let at = visible
            .iter()
            .position(|&i| i == self.selected)
            .unwrap_or(0);
        let to = at
            .saturating_add_signed(by)
            .min(visible.len().saturating_sub(1));
        if let Some(&i) = visible.get(to) {
            self.selected = i;
        }
    }

    /// Folds the highlighted item; if it is folded already or has no children, goes to its
    /// parent.
    fn fold_or_parent(&mut self) {
        if self.has_children(self.selected) && !self.is_folded(self.selected) {
            self.set_fold(self.selected, true);
        } else if let Some(p) = self.parent(self.selected) {
            self.selected = p;
        }
    }

    /// Folds or unfolds an item.
    fn set_fold(&mut self, i: usize, fold: bool) {
        let Some(key) = self.items.get(i).map(|it| it.key.clone()) else {
            return;
        };
        if fold {
            self.folded.insert(key);
        } else {
            self.folded.remove(&key);
        }
        self.settle();
    }

    /// Folds (or unfolds) every item of the top level.
    fn fold_all(&mut self, fold: bool) {
        if fold {
            let keys: Vec<String> = (0..self.items.len())
                .filter(|&i| self.items[i].depth == 0 && self.has_children(i))
                .map(|i| self.items[i].key.clone())
                .collect();
            self.folded.extend(keys);
            self.selected = (0..=self.selected)
                .rev()
                .find(|&i| self.items[i].depth == 0)
                .unwrap_or(0);
        } else {
            self.folded.clear();
        }
        self.settle();
    }

    /// Tags or untags the highlighted item and moves down.
    fn toggle_tag(&mut self) {
        let key = self.items[self.selected].key.clone();
        if !self.tagged.remove(&key) {
            self.tagged.insert(key);
        }
        self.step(1);
    }

    /// Deletes the highlighted item, asking first when it says to.
    fn delete_selected(&mut self) -> ChooseAction {
        let item = &self.items[self.selected];
        match (&item.delete, &item.confirm) {
            (Some(command), Some(question)) => {
                self.asking = Some((format!("{question} (y/n)"), command.clone()));
                ChooseAction::Continue
            }
            (Some(command), None) => ChooseAction::Delete(command.clone()),
            _ => ChooseAction::Continue,
        }
    }

    /// Asks whether to kill the tagged items.
    fn ask_tagged(&mut self) {
        let deletes = self.tagged_deletes();
        if !deletes.is_empty() {
            let question = format!("Kill {} tagged? (y/n)", deletes.len());
            self.asking = Some((question, deletes.join(" ; ")));
        }
    }

    /// Types into the filter: Enter applies it, Escape gives up, Backspace and C-u delete.
    fn edit_filter(&mut self, key: Key) {
        let Some(text) = self.editing.as_mut() else {
            return;
        };
        match key.code {
            KeyCode::Enter => {
                self.filter = std::mem::take(text);
                self.editing = None;
                self.settle();
            }
            KeyCode::Esc => self.editing = None,
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char('u') if key.mods.contains(Mods::CTRL) => text.clear(),
            KeyCode::Char(c) if !key.mods.contains(Mods::CTRL) => text.push(c),
            _ => {}
        }
    }

    /// Asks for the list again in the next sort order.
    fn next_sort(&mut self) -> ChooseAction {
        let Some(refresh) = self.refresh.clone() else {
            return ChooseAction::Continue;
        };
        let mut words: Vec<&str> = refresh.split(' ').collect();
        let now = words
            .iter()
            .position(|w| *w == "-O")
            .and_then(|i| words.get(i + 1).copied())
            .unwrap_or("index");
        let next = SORTS
            .iter()
            .position(|s| *s == now)
            .map_or(SORTS[0], |i| SORTS[(i + 1) % SORTS.len()]);
        match words.iter().position(|w| *w == "-O") {
            Some(i) if i + 1 < words.len() => words[i + 1] = next,
            _ => words.extend(["-O", next]),
        }
        ChooseAction::Rebuild(words.join(" "))
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

    fn k(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: Mods::NONE,
        }
    }

    fn code(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::NONE,
        }
    }

    fn tree() -> Chooser {
        let item = |key: &str, depth: u8| ChooseItem {
            label: key.into(),
            command: format!("run {key}"),
            delete: Some(format!("kill {key}")),
            confirm: (depth == 1).then(|| format!("Kill {key}?")),
            key: key.into(),
            depth,
            ..ChooseItem::default()
        };
        let mut c = Chooser::new(
            vec![item("$0", 0), item("@0", 1), item("@1", 1), item("$1", 0)],
            0,
        );
        c.refresh = Some("choose-tree -Zw".into());
        c
    }

    #[test]
    fn a_chooser_moves_folds_and_chooses() {
        let mut c = tree();
        c.key(code(KeyCode::Down));
        assert_eq!(c.selected, 1);
        c.key(code(KeyCode::Left));
        assert_eq!(
            c.selected, 0,
            "a window without children goes to its session"
        );
        c.key(code(KeyCode::Left));
        assert_eq!(c.visible(), [0, 3]);
        c.key(code(KeyCode::Down));
        assert_eq!(
            c.key(code(KeyCode::Enter)),
            ChooseAction::Run("run $1".into())
        );
        c.key(k('+'));
        assert_eq!(c.visible().len(), 4);
        assert_eq!(c.key(k('2')), ChooseAction::Run("run @1".into()));
        assert_eq!(c.key(k('q')), ChooseAction::Cancel);
    }

    #[test]
    fn x_asks_before_killing_and_tags_kill_together() {
        let mut c = tree();
        c.key(k('j'));
        assert_eq!(c.key(k('x')), ChooseAction::Continue);
        assert_eq!(
            c.asking.as_ref().map(|a| a.0.as_str()),
            Some("Kill @0? (y/n)")
        );
        assert_eq!(c.key(k('y')), ChooseAction::Delete("kill @0".into()));
        c.key(k('t'));
        c.key(k('t'));
        assert_eq!(c.tagged.len(), 2);
        c.key(k('X'));
        assert_eq!(c.key(k('n')), ChooseAction::Continue, "n keeps them");
        c.key(k('X'));
        assert_eq!(
            c.key(k('y')),
            ChooseAction::Delete("kill @0 ; kill @1".into())
        );
    }

    #[test]
    fn slash_types_a_filter_and_o_sorts_another_way() {
        let mut c = tree();
        c.key(k('/'));
        for ch in "$1".chars() {
            c.key(k(ch));
        }
        c.key(code(KeyCode::Enter));
        assert_eq!(c.visible(), [3]);
        assert_eq!(c.selected, 3);
        assert_eq!(
            c.key(k('O')),
            ChooseAction::Rebuild("choose-tree -Zw -O name".into())
        );
        c.refresh = Some("choose-tree -Zw -O name".into());
        assert_eq!(
            c.key(k('O')),
            ChooseAction::Rebuild("choose-tree -Zw -O time".into())
        );
    }
}
