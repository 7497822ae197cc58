//! Shell completions (bash, zsh, fish) and the man page, generated from the server's command
//! table so that they cannot fall behind it: every command, alias and flag, what each flag's
//! value is (a session, window, pane or client, completed from the running server; a file;
//! a directory; an option name), and one line on what each command does. The generated
//! files live in `assets/` and a test fails when one is not what the table gives.

mod bash;
mod fish;
mod man;
mod zsh;

pub use bash::bash;
pub use fish::fish;
pub use man::man;
pub use zsh::zsh;

/// What a flag's value or a command's argument is, for completing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A session name (`-t target-session`).
    Session,
    /// A window (`session:index`).
    Window,
    /// A pane (`session:index.pane`).
    Pane,
    /// An attached client's name.
    Client,
    /// A paste buffer's name.
    Buffer,
    /// A file.
    File,
    /// A directory.
    Dir,
    /// An option's name.
    Option,
    /// A command's name.
    Command,
    /// Anything: nothing to offer.
    Other,
}

impl Kind {
    /// Returns the word the completion scripts use for the kind.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Window => "window",
            Kind::Pane => "pane",
            Kind::Client => "client",
            Kind::Buffer => "buffer",
            Kind::File => "file",
            Kind::Dir => "dir",
            Kind::Option => "option",
            Kind::Command => "command",
            Kind::Other => "other",
        }
    }

    /// Returns the kind a usage word such as `target-session` names.
    fn of(word: &str) -> Kind {
        let has = |s: &str| word.contains(s);
        if has("name") && !has("buffer") {
            // A name to give (`-s session-name`, `-n window-name`), not one that exists.
            Kind::Other
        } else if has("session") {
            Kind::Session
        } else if has("window") && !has("name") {
            Kind::Window
        } else if has("pane") {
            Kind::Pane
        } else if has("client") {
            Kind::Client
        } else if has("buffer") {
            Kind::Buffer
        } else if has("directory") {
            Kind::Dir
        } else if word == "path" || word == "file" || word == "output-file" {
            Kind::File
        } else {
            Kind::Other
        }
    }
}

/// A flag of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Its letter.
    pub letter: char,
    /// The value it takes, by its usage name and kind; None for a flag alone.
    pub value: Option<(String, Kind)>,
}

/// A command as the generators see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// Its name.
    pub name: &'static str,
    /// Every other name it answers to: its alias and the default command aliases.
    pub aliases: Vec<String>,
    /// Its usage after the name.
    pub usage: &'static str,
    /// What it does.
    pub about: &'static str,
    /// Its flags, in the table's order.
    pub flags: Vec<Flag>,
    /// What its arguments are.
    pub args: Kind,
}

impl Command {
    /// Returns the name and every alias.
    pub fn names(&self) -> Vec<String> {
        std::iter::once(self.name.to_string())
            .chain(self.aliases.iter().cloned())
            .collect()
    }
}

/// Returns every command, with what its flags and arguments take.
pub fn commands() -> Vec<Command> {
    let aliases = mux_server::default_aliases();
    mux_server::commands()
        .into_iter()
        .map(|c| {
            let mut names: Vec<String> = c.alias.map(String::from).into_iter().collect();
            names.extend(
                aliases
                    .iter()
                    .filter(|(_, to)| to.split_whitespace().next() == Some(c.name))
                    .map(|(a, _)| a.clone()),
            );
            Command {
                name: c.name,
                aliases: names,
                usage: c.usage,
                about: c.about,
                flags: flags(c.flags, c.usage),
                args: args_kind(c.name),
            }
        })
        .collect()
}

/// Returns the flags of a getopt spec, with the kind of each value read from the usage
/// (`[-t target-pane]`).
fn flags(spec: &str, usage: &str) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut chars = spec.chars().peekable();
    while let Some(letter) = chars.next() {
        let takes = chars.peek() == Some(&':');
        if takes {
            chars.next();
        }
        let value = takes.then(|| {
            let name = usage
                .split('[')
                .find_map(|g| g.strip_prefix(&format!("-{letter} ")))
                .and_then(|rest| rest.split([']', ' ']).next())
                .unwrap_or("value")
                .to_string();
            let kind = Kind::of(&name);
            (name, kind)
        });
        out.push(Flag { letter, value });
    }
    out
}

/// Returns what a command's arguments are.
fn args_kind(name: &str) -> Kind {
    match name {
        "set-option" | "show-options" | "set-window-option" | "show-window-options" => Kind::Option,
        "source-file" | "load-buffer" | "save-buffer" => Kind::File,
        "list-commands" => Kind::Command,
        _ => Kind::Other,
    }
}

/// Returns every name the first word may be: commands, aliases and default command aliases.
pub fn all_names(commands: &[Command]) -> Vec<String> {
    commands.iter().flat_map(Command::names).collect()
}

/// The global options, for completion: letter and what its value is.
pub const GLOBAL_FLAGS: &[(char, Kind)] = &[
    ('f', Kind::File),
    ('L', Kind::Other),
    ('S', Kind::File),
    ('v', Kind::Other),
    ('V', Kind::Other),
    ('h', Kind::Other),
];

/// Returns whether a global option takes a value.
pub fn global_takes_value(letter: char) -> bool {
    matches!(letter, 'f' | 'L' | 'S')
}

/// The commands the scripts run to list the running server's objects, by kind; `MUXCMD`
/// stands for `mux` with the socket options typed before the command.
pub fn lister(kind: Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::Session => "list-sessions -F '#{session_name}'",
        Kind::Window => "list-windows -a -F '#{session_name}:#{window_index}'",
        Kind::Pane => "list-panes -a -F '#{session_name}:#{window_index}.#{pane_index}'",
        Kind::Client => "list-clients -F '#{client_name}'",
        Kind::Buffer => "list-buffers -F '#{buffer_name}'",
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
