//! A menu as data (display-menu, `C-b <`, `C-b >`, the right mouse button): its title, its
//! items with their keys and commands, which one is highlighted, and where it sits on the
//! client's screen. How keys and the mouse drive it is `input::menu`'s; drawing it is
//! `view::menu`'s.

use mux_protocol::Key;

use crate::model::target::Found;

/// One line of a menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuLine {
    /// A line between groups of items.
    Separator,
    /// An item.
    Item(MenuItem),
}

/// An item of a menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuItem {
    /// What it shows.
    pub label: String,
    /// The key that chooses it, if any.
    pub key: Option<Key>,
    /// How the key is shown (`l`, `C-r`).
    pub key_name: String,
    /// The command line it runs.
    pub command: String,
    /// Whether it can be chosen (a label starting with `-` is shown dimmed and cannot).
    pub enabled: bool,
}

/// A menu on a client's screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    /// The title on its top border.
    pub title: String,
    /// Its lines.
    pub lines: Vec<MenuLine>,
    /// The highlighted line, always an enabled item when there is one.
    pub selected: Option<usize>,
    /// Its top-left corner on the client's screen (column, row), border included.
    pub at: (usize, usize),
    /// Where its commands run when they name no target.
    pub target: Option<Found>,
    /// Whether the mouse moved over it since it opened (a release then chooses).
    pub moved: bool,
}

/// What a key or mouse event does to a menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuAction {
    /// The menu stays open.
    Continue,
    /// The menu closes without running anything.
    Cancel,
    /// The menu closes and runs this command line.
    Run(String),
}

impl Menu {
    /// Makes a menu of `lines` (separators at the ends or doubled are dropped) with the
    /// first enabled item highlighted, at the screen's top-left until it is placed.
    pub fn new(title: String, lines: Vec<MenuLine>, target: Option<Found>) -> Menu {
        let mut kept: Vec<MenuLine> = Vec::new();
        for line in lines {
            let separator = line == MenuLine::Separator;
            if separator && matches!(kept.last(), None | Some(MenuLine::Separator)) {
                continue;
            }
            kept.push(line);
        }
        if kept.last() == Some(&MenuLine::Separator) {
            kept.pop();
        }
        let mut menu = Menu {
            title,
            lines: kept,
            selected: None,
            at: (0, 0),
            target,
            moved: false,
        };
        menu.selected = menu.next_enabled(None, true);
        menu
    }

    /// Places the menu with its left edge at column `x` and its bottom border on row
    /// `bottom` (as tmux's `-x` and `-y`), moved as little as needed to fit a screen of
    /// `cols`×`rows`.
    pub fn place(&mut self, x: usize, bottom: usize, (cols, rows): (usize, usize)) {
        let (w, h) = self.size();
        let x = x.min(cols.saturating_sub(w));
        let y = (bottom + 1).saturating_sub(h).min(rows.saturating_sub(h));
        self.at = (x, y);
    }

    /// Returns the menu's width and height, border included.
    pub fn size(&self) -> (usize, usize) {
        let title = shown_width(&self.title) + 4;
        let widest = self
            .lines
            .iter()
            .map(|l| match l {
                MenuLine::Separator => 0,
                MenuLine::Item(i) => item_width(i),
            })
            .max()
            .unwrap_or(0);
        (widest.max(title) + 4, self.lines.len() + 2)
    }

    /// Returns the next enabled item after (or, with `forward` false, before) `from`,
    /// wrapping round; the first (last) when `from` is `None`.
    pub fn next_enabled(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.lines.len();
        (1..=n)
            .map(|step| match (from, forward) {
                (None, true) => step - 1,
                (None, false) => n - step,
                (Some(f), true) => (f + step) % n,
                (Some(f), false) => (f + n - step % n) % n,
            })
            .find(|&i| matches!(self.lines.get(i), Some(MenuLine::Item(it)) if it.enabled))
    }

    /// Returns the line under a screen position, if it is inside the menu's border.
    pub fn line_at(&self, col: usize, row: usize) -> Option<usize> {
        let (w, h) = self.size();
        let (x, y) = self.at;
        let inside = col > x && col + 1 < x + w && row > y && row + 1 < y + h;
        inside.then(|| row - y - 1)
    }

    /// Returns whether a screen position is on the menu, border included.
    pub fn covers(&self, col: usize, row: usize) -> bool {
        let (w, h) = self.size();
        (self.at.0..self.at.0 + w).contains(&col) && (self.at.1..self.at.1 + h).contains(&row)
    }

    /// Returns the command of an enabled item.
    pub fn command_of(&self, line: usize) -> Option<String> {
        match self.lines.get(line) {
            Some(MenuLine::Item(i)) if i.enabled => Some(i.command.clone()),
            _ => None,
        }
    }
}

/// Returns how many cells text takes once its `#[...]` style markers are taken out.
pub fn shown_width(text: &str) -> usize {
    use crate::config::style::{runs_width, styled_runs};
    runs_width(&styled_runs(text, mux_protocol::Style::default()))
}

/// Returns the width an item's line needs: its label, and its key in parentheses.
pub fn item_width(item: &MenuItem) -> usize {
    let key = if item.key_name.is_empty() {
        0
    } else {
        item.key_name.chars().count() + 3
    };
    shown_width(&item.label) + key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str) -> MenuLine {
        MenuLine::Item(MenuItem {
            label: label.trim_start_matches('-').into(),
            key: None,
            key_name: "x".into(),
            command: format!("run {label}"),
            enabled: !label.starts_with('-'),
        })
    }

    #[test]
    fn separators_collapse_and_the_menu_stays_on_the_screen() {
        let lines = vec![
            MenuLine::Separator,
            item("-Off"),
            item("One"),
            MenuLine::Separator,
            MenuLine::Separator,
            item("Two"),
            MenuLine::Separator,
        ];
        let mut m = Menu::new("T".into(), lines, None);
        m.place(78, 30, (80, 24));
        assert_eq!(m.lines.len(), 4);
        assert_eq!(m.selected, Some(1), "the first enabled item");
        let (w, h) = m.size();
        assert_eq!((w, h), (11, 6));
        assert_eq!(m.at, (80 - w, 24 - h));
        assert_eq!(m.next_enabled(Some(1), true), Some(3));
        assert_eq!(
            m.next_enabled(Some(3), true),
            Some(1),
            "wraps past the disabled one"
        );
        assert_eq!(m.line_at(m.at.0 + 2, m.at.1 + 2), Some(1));
        assert_eq!(m.line_at(m.at.0, m.at.1 + 2), None, "the border is no line");
    }
}
