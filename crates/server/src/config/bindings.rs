//! Key tables: tmux 3.3a's default prefix bindings that mux supports, bind-key and
//! unbind-key, and the list-keys text.

use std::collections::BTreeMap;

use mux_protocol::Key;

use crate::config::keyname::{key_name, key_name_quoted, normalize, parse_key, sort_key};

/// What a key runs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Binding {
    /// The command line, as list-keys prints it.
    pub command: String,
    /// Whether the key may repeat without the prefix within `repeat-time` (`bind-key -r`).
    pub repeat: bool,
    /// The description `list-keys -N` shows (the default bindings', or `bind-key -N`).
    pub note: Option<String>,
}

/// One table's bindings in list-keys order, each with its key.
type Table = BTreeMap<(u8, u32), (Key, Binding)>;

/// The key tables by name. As in tmux, a table exists only while it has a binding.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct KeyTables {
    tables: BTreeMap<String, Table>,
}

/// tmux 3.3a's default prefix bindings that mux implements: key, repeat, command, note.
const DEFAULTS: &[(&str, bool, &str, &str)] = &[
    ("C-b", false, "send-prefix", "Send the prefix key"),
    ("C-o", false, "rotate-window", "Rotate through the panes"),
    ("Space", false, "next-layout", "Select next layout"),
    ("!", false, "break-pane", "Break pane to a new window"),
    ("\"", false, "split-window", "Split window vertically"),
    ("#", false, "list-buffers", "List all paste buffers"),
    (
        "$",
        false,
        "command-prompt -I \"#S\" { rename-session \"%%\" }",
        "Rename current session",
    ),
    ("%", false, "split-window -h", "Split window horizontally"),
    (
        "&",
        false,
        "confirm-before -p \"kill-window #W? (y/n)\" kill-window",
        "Kill current window",
    ),
    (
        "'",
        false,
        "command-prompt -T window-target -p index { select-window -t \":%%\" }",
        "Prompt for window index to select",
    ),
    ("(", false, "switch-client -p", "Switch to previous client"),
    (")", false, "switch-client -n", "Switch to next client"),
    (
        ",",
        false,
        "command-prompt -I \"#W\" { rename-window \"%%\" }",
        "Rename current window",
    ),
    (
        ".",
        false,
        "command-prompt -T target { move-window -t \"%%\" }",
        "Move the current window",
    ),
    ("0", false, "select-window -t :=0", "Select window 0"),
    ("1", false, "select-window -t :=1", "Select window 1"),
    ("2", false, "select-window -t :=2", "Select window 2"),
    ("3", false, "select-window -t :=3", "Select window 3"),
    ("4", false, "select-window -t :=4", "Select window 4"),
    ("5", false, "select-window -t :=5", "Select window 5"),
    ("6", false, "select-window -t :=6", "Select window 6"),
    ("7", false, "select-window -t :=7", "Select window 7"),
    ("8", false, "select-window -t :=8", "Select window 8"),
    ("9", false, "select-window -t :=9", "Select window 9"),
    (
        "/",
        false,
        "command-prompt -k -p key { list-keys -1N \"%%\" }",
        "Describe key binding",
    ),
    (":", false, "command-prompt", "Prompt for a command"),
    (
        ";",
        false,
        "last-pane",
        "Move to the previously active pane",
    ),
    ("?", false, "list-keys -N", "List key bindings"),
    ("[", false, "copy-mode", "Enter copy mode"),
    (
        "PPage",
        false,
        "copy-mode -u",
        "Enter copy mode and scroll up",
    ),
    (
        "-",
        false,
        "delete-buffer",
        "Delete the most recent paste buffer",
    ),
    (
        "]",
        false,
        "paste-buffer -p",
        "Paste the most recent paste buffer",
    ),
    (
        "=",
        false,
        "choose-buffer -Z",
        "Choose a paste buffer from a list",
    ),
    (
        "D",
        false,
        "choose-client -Z",
        "Choose a client from a list",
    ),
    ("C", false, "customize-mode -Z", "Customize options"),
    ("E", false, "select-layout -E", "Spread panes out evenly"),
    ("L", false, "switch-client -l", "Switch to the last client"),
    ("C-z", false, "suspend-client", "Suspend the current client"),
    ("c", false, "new-window", "Create a new window"),
    ("d", false, "detach-client", "Detach the current client"),
    (
        "f",
        false,
        "command-prompt { find-window -Z \"%%\" }",
        "Search for a pane",
    ),
    ("i", false, "display-message", "Display window information"),
    (
        "l",
        false,
        "last-window",
        "Select the previously current window",
    ),
    ("m", false, "select-pane -m", "Toggle the marked pane"),
    ("M", false, "select-pane -M", "Clear the marked pane"),
    ("n", false, "next-window", "Select the next window"),
    ("o", false, "select-pane -t :.+", "Select the next pane"),
    ("p", false, "previous-window", "Select the previous window"),
    ("q", false, "display-panes", "Display pane numbers"),
    ("r", false, "refresh-client", "Redraw the current client"),
    ("t", false, "clock-mode", "Show a clock"),
    ("~", false, "show-messages", "Show messages"),
    (
        "s",
        false,
        "choose-tree -Zs",
        "Choose a session from a list",
    ),
    ("w", false, "choose-tree -Zw", "Choose a window from a list"),
    (
        "x",
        false,
        "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane",
        "Kill the active pane",
    ),
    ("z", false, "resize-pane -Z", "Zoom the active pane"),
    (
        "{",
        false,
        "swap-pane -U",
        "Swap the active pane with the pane above",
    ),
    (
        "}",
        false,
        "swap-pane -D",
        "Swap the active pane with the pane below",
    ),
    (
        "Up",
        true,
        "select-pane -U",
        "Select the pane above the active pane",
    ),
    (
        "Down",
        true,
        "select-pane -D",
        "Select the pane below the active pane",
    ),
    (
        "Left",
        true,
        "select-pane -L",
        "Select the pane to the left of the active pane",
    ),
    (
        "Right",
        true,
        "select-pane -R",
        "Select the pane to the right of the active pane",
    ),
    (
        "M-1",
        false,
        "select-layout even-horizontal",
        "Set the even-horizontal layout",
    ),
    (
        "M-2",
        false,
        "select-layout even-vertical",
        "Set the even-vertical layout",
    ),
    (
        "M-3",
        false,
        "select-layout main-horizontal",
        "Set the main-horizontal layout",
    ),
    (
        "M-4",
        false,
        "select-layout main-vertical",
        "Set the main-vertical layout",
    ),
    (
        "M-5",
        false,
        "select-layout tiled",
        "Select the tiled layout",
    ),
    (
        "M-n",
        false,
        "next-window -a",
        "Select the next window with an alert",
    ),
    (
        "M-o",
        false,
        "rotate-window -D",
        "Rotate through the panes in reverse",
    ),
    (
        "M-p",
        false,
        "previous-window -a",
        "Select the previous window with an alert",
    ),
    ("M-Up", true, "resize-pane -U 5", "Resize the pane up by 5"),
    (
        "M-Down",
        true,
        "resize-pane -D 5",
        "Resize the pane down by 5",
    ),
    (
        "M-Left",
        true,
        "resize-pane -L 5",
        "Resize the pane left by 5",
    ),
    (
        "M-Right",
        true,
        "resize-pane -R 5",
        "Resize the pane right by 5",
    ),
    (
        "DC",
        true,
        "refresh-client -c",
        "Reset so the visible part of the window follows the cursor",
    ),
    (
        "S-Up",
        true,
        "refresh-client -U 10",
        "Move the visible part of the window up",
    ),
    (
        "S-Down",
        true,
        "refresh-client -D 10",
        "Move the visible part of the window down",
    ),
    (
        "S-Left",
        true,
        "refresh-client -L 10",
        "Move the visible part of the window left",
    ),
    (
        "S-Right",
        true,
        "refresh-client -R 10",
        "Move the visible part of the window right",
    ),
    ("C-Up", true, "resize-pane -U", "Resize the pane up"),
    ("C-Down", true, "resize-pane -D", "Resize the pane down"),
    ("C-Left", true, "resize-pane -L", "Resize the pane left"),
    ("C-Right", true, "resize-pane -R", "Resize the pane right"),
];

impl KeyTables {
    /// Creates the tables with tmux 3.3a's default prefix and copy-mode bindings that mux
    /// supports.
    pub fn with_defaults() -> Self {
        let mut tables = KeyTables::default();
        for (table, keys) in [
            ("copy-mode-vi", copy::COPY_MODE_VI),
            ("copy-mode-vi", copy::COPY_MOUSE),
            ("copy-mode", copy::COPY_MODE),
            ("copy-mode", copy::COPY_MOUSE),
        ] {
            for &(name, command) in keys {
                if let Some(key) = parse_key(name) {
                    tables.bind(table, key, command, false);
                }
            }
        }
        for (name, command) in copy::root_mouse() {
            if let Some(key) = parse_key(name) {
                tables.bind("root", key, &command, false);
            }
        }
        for &(name, repeat, command, note) in DEFAULTS {
            if let Some(key) = parse_key(name) {
                tables.bind(PREFIX, key, command, repeat);
                tables.set_note(PREFIX, key, Some(note));
            }
        }
        for (table, name, command, note) in menus::menu_bindings() {
            if let Some(key) = parse_key(name) {
                tables.bind(table, key, &command, false);
                if note.is_some() {
                    tables.set_note(table, key, note);
                }
            }
        }
        tables
    }

    /// Returns the binding of `key` in `table`, if any.
    pub fn get(&self, table: &str, key: Key) -> Option<&Binding> {
        let found = self.tables.get(table)?.get(&sort_key(key));
        found.map(|(_, b)| b)
    }

    /// Returns whether a table exists (has at least one binding).
    pub fn has_table(&self, table: &str) -> bool {
        self.tables.contains_key(table)
    }

    /// Binds `key` in `table` (creating the table), replacing any binding and, as tmux 3.3a
    /// does, its note.
    pub fn bind(&mut self, table: &str, key: Key, command: &str, repeat: bool) {
        let binding = Binding {
            command: command.to_string(),
            repeat,
            note: None,
        };
        let keys = self.tables.entry(table.to_string()).or_default();
        keys.insert(sort_key(key), (normalize(key), binding));
    }

    /// Sets the note of `key`'s binding in `table`, or clears it; a key that is not bound is
    /// left so. Returns whether the key is bound.
    pub fn set_note(&mut self, table: &str, key: Key, note: Option<&str>) -> bool {
        match self.entry_mut(table, key) {
            Some((_, b)) => {
                b.note = note.map(String::from);
                true
            }
            None => false,
        }
    }

    /// Removes the binding of `key` in `table`, dropping the table when it becomes empty.
    /// Returns whether there was one.
    pub fn unbind(&mut self, table: &str, key: Key) -> bool {
        let Some(keys) = self.tables.get_mut(table) else {
            return false;
        };
        let removed = keys.remove(&sort_key(key)).is_some();
        if keys.is_empty() {
            self.tables.remove(table);
        }
        removed
    }

    /// Removes every binding in `table` (`unbind-key -a`), and so the table.
    pub fn unbind_all(&mut self, table: &str) {
        self.tables.remove(table);
    }

    /// Returns list-keys lines for one table, or for every table in name order, laid out as
    /// tmux does: table and key names padded to the widest shown, and a `-r` column only when
    /// some binding shown repeats. A table that does not exist gives no lines.
    pub fn list(&self, table: Option<&str>) -> Vec<String> {
        self.list_where(table, None)
    }

    /// Returns list-keys lines for the bindings of `key` only, laid out as [`KeyTables::list`]
    /// lays them out but padded to these lines alone, as tmux does.
    pub fn list_key(&self, table: Option<&str>, key: Key) -> Vec<String> {
        self.list_where(table, Some(key))
    }

    /// Returns list-keys lines for one table or all, of one key or all.
    fn list_where(&self, table: Option<&str>, only: Option<Key>) -> Vec<String> {
        let only = only.map(sort_key);
        let mut rows: Vec<(&str, String, &Binding)> = Vec::new();
        for (name, keys) in &self.tables {
            if table.is_none_or(|t| t == name.as_str()) {
                rows.extend(
                    keys.iter()
                        .filter(|(sort, _)| only.is_none_or(|o| o == **sort))
                        .map(|(_, (k, b))| (name.as_str(), key_name_quoted(*k), b)),
                );
            }
        }
        let tw = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
        let kw = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
        let repeat_column = rows.iter().any(|r| r.2.repeat);
        let line = |(t, k, b): (&str, String, &Binding)| {
            let flag = match (repeat_column, b.repeat) {
                (false, _) => "",
                (true, true) => "-r ",
                (true, false) => "   ",
            };
            format!("bind-key {flag}-T {t:<tw$} {k:<kw$} {}", b.command)
        };
        rows.into_iter().map(line).collect()
    }

    /// Returns the keys of `table` that have a note (only `key` when given), by name and in
    /// list-keys order, with their notes.
    pub fn noted(&self, table: &str, key: Option<Key>) -> Vec<(String, &str)> {
        let Some(keys) = self.tables.get(table) else {
            return Vec::new();
        };
        let only = key.map(sort_key);
        keys.iter()
            .filter(|(sort, _)| only.is_none_or(|o| o == **sort))
            .filter_map(|(_, (k, b))| b.note.as_deref().map(|n| (key_name(*k), n)))
            .collect()
    }

    /// Returns the bindings of `table` in list-keys order, each key by name with its command.
    pub fn commands(&self, table: &str) -> Vec<(String, &str)> {
        let Some(keys) = self.tables.get(table) else {
            return Vec::new();
        };
        keys.values()
            .map(|(k, b)| (key_name(*k), b.command.as_str()))
            .collect()
    }

    /// Returns a binding to change, with its key.
    fn entry_mut(&mut self, table: &str, key: Key) -> Option<&mut (Key, Binding)> {
        self.tables.get_mut(table)?.get_mut(&sort_key(key))
    }
}

/// The prefix table's name.
const PREFIX: &str = "prefix";

mod copy;
mod menus;

#[cfg(test)]
mod tests;
