//! Sessions as a file (`mux save`, `mux restore`, layout files): what is kept of each session,
//! window and pane as plain data ([`Saved`]), written and read as a small readable text
//! ([`text`]), taken from the running server ([`capture`]) and built back into it
//! ([`build`]), and when the server saves by itself ([`autosave`]).

pub mod autosave;
pub mod build;
pub mod capture;
pub mod text;

use crate::model::layout::Split;

/// A save file: every session, or one (a layout file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The id of the boot of the machine the file was written in, when it says.
    pub boot: Option<String>,
    /// The sessions, in order.
    pub sessions: Vec<SavedSession>,
}

/// A session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedSession {
    /// Its name.
    pub name: String,
    /// Its size (columns, rows), when known.
    pub size: Option<(u16, u16)>,
    /// The directory its new windows start in, when known.
    pub cwd: Option<String>,
    /// The options set on it.
    pub options: Vec<SavedOption>,
    /// Its windows, in index order.
    pub windows: Vec<SavedWindow>,
}

/// A window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedWindow {
    /// Its index, when the file gives one.
    pub index: Option<u32>,
    /// Its name, when it was named by hand (otherwise it follows its active pane's command).
    pub name: Option<String>,
    /// Whether it is the session's current window.
    pub active: bool,
    /// Whether its active pane is zoomed.
    pub zoomed: bool,
    /// The size its layout was saved at, when known.
    pub size: Option<(u16, u16)>,
    /// The options set on it.
    pub options: Vec<SavedOption>,
    /// Its panes.
    pub layout: SavedNode,
}

/// A node of a window's layout: its size along its parent's split, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedNode {
    /// Its length along the parent split's direction; shared evenly when not given.
    pub size: Option<SavedSize>,
    /// A pane, or panes split side by side or stacked.
    pub kind: NodeKind,
}

/// What a layout node holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// One pane.
    Pane(SavedPane),
    /// Children side by side (`h`) or stacked (`v`).
    Split(Split, Vec<SavedNode>),
}

/// A length in a layout file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedSize {
    /// Cells.
    Cells(u16),
    /// A percentage of the parent's length.
    Percent(u16),
}

/// A pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedPane {
    /// Its working directory.
    pub cwd: Option<String>,
    /// The command in its foreground, as a shell line, when it was not the shell.
    pub command: Option<String>,
    /// The title its program set, if any.
    pub title: Option<String>,
    /// Whether it is its window's active pane.
    pub active: bool,
    /// The options set on it.
    pub options: Vec<SavedOption>,
    /// Its history and screen, oldest first, with SGR sequences (when saved with
    /// `restore-history on`).
    pub history: Vec<String>,
}

/// An option set on a session, window or pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedOption {
    /// The option's name (`status-style`, `@user`, `command-alias[1]`).
    pub name: String,
    /// Its value, as `set-option` takes it.
    pub value: String,
}

impl SavedNode {
    /// Returns the panes depth first (the order the layout lists them).
    pub fn panes(&self) -> Vec<&SavedPane> {
        match &self.kind {
            NodeKind::Pane(p) => vec![p],
            NodeKind::Split(_, children) => children.iter().flat_map(SavedNode::panes).collect(),
        }
    }

    /// Returns a node of one pane.
    pub fn pane(pane: SavedPane) -> SavedNode {
        SavedNode {
            size: None,
            kind: NodeKind::Pane(pane),
        }
    }
}

/// Returns `word` as a shell reads it back as one word: as it is when it is plain, else in
/// single quotes.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=+,@%^".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Returns the program's name in a shell line: its first word without a directory.
pub fn program_name(command: &str) -> &str {
    let first = command.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c| c == '\'' || c == '"');
    first.rsplit('/').next().unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_the_shell_only_when_they_need_it() {
        assert_eq!(shell_quote("notes.txt"), "notes.txt");
        assert_eq!(shell_quote("my notes"), "'my notes'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(program_name("/usr/bin/vim -O a b"), "vim");
        assert_eq!(program_name("'less' x"), "less");
    }
}
