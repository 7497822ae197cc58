//! What the client's help, the man page and the shell completions read from the command
//! table: each command's name, aliases, usage, flags and one line on what it does; the
//! default command aliases and the option names.

use super::{Spec, COMMANDS};

/// A command as the client's help, the man page and the shell completions describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// The command's name.
    pub name: &'static str,
    /// Its short alias, if any.
    pub alias: Option<&'static str>,
    /// Its usage after the name, as tmux prints it.
    pub usage: &'static str,
    /// Its flags, getopt style (`"ds:"`).
    pub flags: &'static str,
    /// One line on what it does.
    pub about: &'static str,
}

/// Returns every command of the table, in alphabetical order, for help and completions.
pub fn help() -> Vec<Help> {
    COMMANDS
        .iter()
        .map(|s| Help {
            name: s.name,
            alias: s.alias,
            usage: s.usage,
            flags: s.flags,
            about: about(s.name),
        })
        .collect()
}

/// Returns the default command aliases (`command-alias`) as (alias, what it stands for).
pub fn default_aliases() -> Vec<(String, String)> {
    let Some(spec) = crate::config::options::lookup("command-alias") else {
        return Vec::new();
    };
    crate::config::options::default_value(spec)
        .elements()
        .iter()
        .filter_map(|a| a.split_once('='))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Returns the names of the options, for the completions of set-option and show-options.
pub fn option_names() -> Vec<&'static str> {
    crate::config::options::OPTIONS
        .iter()
        .map(|o| o.name)
        .collect()
}

/// Returns a command's usage line, `usage: NAME USAGE`.
pub fn usage(spec: &Spec) -> String {
    format!("usage: {} {}", spec.name, spec.usage)
        .trim_end()
        .to_string()
}

/// Returns what the command named `name` does, in one line.
pub fn about(name: &str) -> &'static str {
    match name {
        "attach-session" => "Attach this terminal to a session",
        "bind-key" => "Bind a key to a command in a key table",
        "break-pane" => "Move a pane into a window of its own",
        "capture-pane" => "Print a pane's text, or put it in a paste buffer",
        "choose-buffer" => "Choose a paste buffer from a list",
        "choose-client" => "Choose a client from a list and detach it",
        "choose-tree" => "Choose a session, window or pane from a tree",
        "clear-history" => "Clear a pane's scrollback",
        "clock-mode" => "Show a big clock over a pane until a key is pressed",
        "command-prompt" => "Open a prompt on the status line to type a command",
        "confirm-before" => "Ask y/n before running a command",
        "copy-mode" => "Enter copy mode to scroll, search and copy",
        "customize-mode" => "Edit options and key bindings from a list",
        "delete-buffer" => "Delete a paste buffer",
        "detach-client" => "Detach a client, leaving its programs running",
        "display-menu" => "Show a menu",
        "display-message" => "Show a message or print a format",
        "display-panes" => "Show each pane's number to select one",
        "find-window" => "Find windows by name, title or contents",
        "has-session" => "Exit with status 0 if a session exists",
        "if-shell" => "Run a command if a shell command or a format is true",
        "join-pane" => "Move a pane into another window",
        "kill-pane" => "Kill a pane and its program",
        "kill-server" => "Kill every session and the server",
        "kill-session" => "Kill a session and its programs",
        "kill-window" => "Kill a window and its panes",
        "last-pane" => "Select the previously active pane",
        "last-window" => "Select the previously current window",
        "list-buffers" => "List the paste buffers",
        "list-clients" => "List the attached clients",
        "list-commands" => "List the commands and their usage",
        "list-keys" => "List the key bindings",
        "list-panes" => "List the panes of a window, session or server",
        "list-sessions" => "List the sessions",
        "list-windows" => "List the windows of a session or server",
        "load-buffer" => "Load a file or standard input into a paste buffer",
        "log-pane" => "Append a pane's output to a file, as it came or as plain text",
        "move-window" => "Move a window to another index or session",
        "new-session" => "Create a session and attach to it",
        "new-window" => "Create a window",
        "next-layout" => "Arrange the panes in the next preset layout",
        "next-window" => "Select the next window",
        "paste-buffer" => "Paste a buffer into a pane",
        "pipe-pane" => "Pipe a pane's output to a shell command, or its output into the pane",
        "previous-layout" => "Arrange the panes in the previous preset layout",
        "previous-window" => "Select the previous window",
        "refresh-client" => "Redraw a client",
        "rename-session" => "Rename a session",
        "rename-window" => "Rename a window",
        "resize-pane" => "Resize or zoom a pane",
        "resize-window" => "Give a window a size of its own",
        "respawn-pane" => "Start a pane's program again",
        "respawn-window" => "Start a window's program again in its first pane",
        "restore-sessions" => "Recreate the sessions a save file holds",
        "rotate-window" => "Rotate the panes of a window",
        "run-shell" => "Run a shell command and show its output",
        "save-buffer" => "Save a paste buffer to a file",
        "save-sessions" => "Save every session to a file, or one session as a layout file",
        "select-layout" => "Arrange a window's panes in a layout",
        "select-pane" => "Select a pane",
        "select-window" => "Select a window",
        "send-keys" => "Send keys to a pane",
        "send-prefix" => "Send the prefix key to a pane",
        "server-upgrade" => "Hand the server and its sessions over to another mux binary",
        "set-buffer" => "Set the text of a paste buffer",
        "set-environment" => "Set a variable in a session's or the global environment",
        "set-hook" => "Set a command to run when something happens",
        "set-option" => "Set an option",
        "set-window-option" => "Set a window option",
        "show-buffer" => "Print a paste buffer",
        "show-environment" => "Print a session's or the global environment",
        "show-hooks" => "Print the hooks",
        "show-messages" => "Show the message log",
        "show-options" => "Print options",
        "show-window-options" => "Print window options",
        "source-file" => "Run the commands of a config file",
        "split-window" => "Split a pane in two",
        "start-server" => "Start the server",
        "suspend-client" => "Stop a client as a shell job (fg brings it back)",
        "swap-pane" => "Swap two panes",
        "swap-window" => "Swap two windows",
        "switch-client" => "Show another session in a client",
        "unbind-key" => "Remove a key binding",
        "wait-for" => "Wait for, signal, lock or unlock a channel",
        "wait-output" => "Wait until a pane prints a line matching a pattern",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_command_says_what_it_does() {
        for spec in super::super::COMMANDS {
            assert!(!super::about(spec.name).is_empty(), "{}", spec.name);
        }
    }
}
