//! A chooser as data (choose-tree, choose-buffer, choose-client, customize-mode): its items
//! as a tree (each with a depth), which are folded or tagged, the filter, a question being
//! asked, and which items are visible. How keys drive it is `input::chooser`'s; drawing it is
//! `view::chooser`'s.

use std::collections::BTreeSet;

/// A list shown in place of the window, one line per item, with a preview of the
/// highlighted item below it.
#[derive(Debug, Clone, Default)]
pub struct Chooser {
    /// The items, each after its parent.
    pub items: Vec<ChooseItem>,
    /// The highlighted item (an index into `items`, always a visible one).
    pub selected: usize,
    /// The command that builds the list again (after a kill, or to sort it another way).
    pub refresh: Option<String>,
    /// Whether items are drawn as a tree, with `+` on folded items and `-` on the others.
    pub tree: bool,
    /// The keys of folded items: their children are hidden.
    pub folded: BTreeSet<String>,
    /// The keys of tagged items.
    pub tagged: BTreeSet<String>,
    /// Text an item (or one of its children) must contain to be shown; empty shows all.
    pub filter: String,
    /// The filter being typed (`/` or `f`), while it is.
    pub editing: Option<String>,
    /// A question being asked (`Kill window 1? (y/n)`) and the command `y` runs.
    pub asking: Option<(String, String)>,
}

/// One line of a chooser.
#[derive(Debug, Clone, Default)]
pub struct ChooseItem {
    /// What the line shows.
    pub label: String,
    /// The command line run when the item is chosen.
    pub command: String,
    /// The command line that deletes or kills the item (`d` or `x`), if it can be.
    pub delete: Option<String>,
    /// The question asked before deleting (`Kill window 1?`); none deletes at once.
    pub confirm: Option<String>,
    /// What the preview shows while the item is highlighted.
    pub preview: Preview,
    /// What names the item across rebuilds of the list (`$1`, `@2`, `%3`).
    pub key: String,
    /// Its depth in the tree: 0 for sessions, 1 for windows, 2 for panes.
    pub depth: u8,
}

/// What a chooser's preview shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Preview {
    /// Nothing: the list takes the whole window.
    #[default]
    None,
    /// Lines of text (a paste buffer's contents).
    Text(String),
    /// A pane's screen.
    Pane(crate::ids::PaneId),
}

/// What a key does to a chooser.
#[derive(Debug, PartialEq, Eq)]
pub enum ChooseAction {
    /// Keep choosing.
    Continue,
    /// Close without choosing.
    Cancel,
    /// Close and run this command line.
    Run(String),
    /// Run this command line, then build the list again (a deleted item).
    Delete(String),
    /// Build the list again with this command (another sort order).
    Rebuild(String),
}

impl Chooser {
    /// Returns a chooser of `items` with `selected` highlighted.
    pub fn new(items: Vec<ChooseItem>, selected: usize) -> Chooser {
        Chooser {
            items,
            selected,
            ..Chooser::default()
        }
    }

    /// Returns the index of an item's parent.
    pub fn parent(&self, i: usize) -> Option<usize> {
        let depth = self.items.get(i)?.depth;
        (0..i).rev().find(|&j| self.items[j].depth < depth)
    }

    /// Returns whether an item has children.
    pub fn has_children(&self, i: usize) -> bool {
        match (self.items.get(i), self.items.get(i + 1)) {
            (Some(a), Some(b)) => b.depth > a.depth,
            _ => false,
        }
    }

    /// Returns whether an item is folded (it has children, and they are hidden).
    pub fn is_folded(&self, i: usize) -> bool {
        self.has_children(i)
            && self
                .items
                .get(i)
                .is_some_and(|it| self.folded.contains(&it.key))
    }

    /// Returns the items shown, in order: those under no folded item that match the filter
    /// or have a child that does.
    pub fn visible(&self) -> Vec<usize> {
        let filter = self.filter.to_lowercase();
        let matches =
            |i: usize| filter.is_empty() || self.items[i].label.to_lowercase().contains(&filter);
        let mut shown = Vec::new();
        let mut hidden_below: Option<u8> = None;
        for i in 0..self.items.len() {
            let depth = self.items[i].depth;
            if hidden_below.is_some_and(|d| depth > d) {
                continue;
            }
            hidden_below = None;
            let subtree = (i..self.items.len())
                .take_while(|&j| j == i || self.items[j].depth > depth)
                .any(matches);
            let ancestor_matches = !filter.is_empty()
                && std::iter::successors(self.parent(i), |&p| self.parent(p)).any(matches);
            if subtree || ancestor_matches {
                shown.push(i);
            }
            if self.is_folded(i) {
                hidden_below = Some(depth);
            }
        }
        shown
    }

    /// Moves the highlight onto a visible item if it is not on one.
    pub fn settle(&mut self) {
        let visible = self.visible();
        if visible.contains(&self.selected) {
            return;
        }
        let after = visible.iter().find(|&&i| i > self.selected);
        self.selected = after.or(visible.last()).copied().unwrap_or(0);
    }

    /// Returns the commands that delete the tagged items.
    pub fn tagged_deletes(&self) -> Vec<String> {
        self.items
            .iter()
            .filter(|it| self.tagged.contains(&it.key))
            .filter_map(|it| it.delete.clone())
            .collect()
    }

    /// Keeps the folds, tags, filter and highlighted item of `old` (matched by key) in this
    /// rebuilt list.
    pub fn keep_state(&mut self, old: &Chooser) {
        self.folded = old.folded.clone();
        self.tagged = old.tagged.clone();
        self.filter = old.filter.clone();
        let key = old.items.get(old.selected).map(|it| it.key.as_str());
        if let Some(i) = key.and_then(|k| self.items.iter().position(|it| it.key == k)) {
            self.selected = i;
        } else {
            self.selected = old.selected.min(self.items.len().saturating_sub(1));
        }
        self.settle();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Chooser {
        let item = |key: &str, depth: u8, label: &str| ChooseItem {
            label: label.into(),
            key: key.into(),
            depth,
            ..ChooseItem::default()
        };
        Chooser::new(
            vec![
                item("$0", 0, "alpha"),
                item("@0", 1, "vim"),
                item("%0", 2, "edit"),
                item("@1", 1, "logs"),
                item("$1", 0, "beta"),
                item("@2", 1, "shell"),
            ],
            0,
        )
    }

    #[test]
    fn folding_hides_children_and_filters_keep_parents() {
        let mut c = tree();
        assert_eq!(c.visible(), [0, 1, 2, 3, 4, 5]);
        c.folded.insert("$0".into());
        assert_eq!(c.visible(), [0, 4, 5]);
        assert!(c.is_folded(0));
        assert!(!c.is_folded(2), "a pane has nothing to fold");
        c.folded.clear();
        c.filter = "LOGS".into();
        assert_eq!(c.visible(), [0, 3], "a match shows its parents");
        c.filter = "beta".into();
        assert_eq!(c.visible(), [4, 5], "and its children");
        assert_eq!(c.parent(2), Some(1));
        assert_eq!(c.parent(4), None);
    }
}
