//! `mux -h`, `mux --help`, `mux help`: the usage and every command with what it does (tmux
//! prints only the usage); `mux help COMMAND`: that command's usage, alias and what it does;
//! `mux help --completions bash|zsh|fish` and `mux help --man`: the generated completions
//! and man page, to install. Read from the server's command table, without a server.

use mux_server::CommandHelp;

/// Returns the text `mux help` prints for `words` (the words after `help`), or the error.
pub fn text(words: &[String]) -> Result<String, String> {
    let commands = mux_server::commands();
    match words {
        [] => Ok(overview(&commands)),
        [flag, shell] if flag == "--completions" => match shell.as_str() {
            "bash" => Ok(crate::generate::bash()),
            "zsh" => Ok(crate::generate::zsh()),
            "fish" => Ok(crate::generate::fish()),
            _ => Err(format!("no completions for {shell}: bash, zsh or fish")),
        },
        [flag] if flag == "--man" => Ok(crate::generate::man()),
        [name] => {
            let c = find(&commands, name)?;
            let mut out = format!("usage: {} {}\n", c.name, c.usage).replace(" \n", "\n");
            out.push_str(c.about);
            out.push('\n');
            let aliases: Vec<String> = c
                .alias
                .map(String::from)
                .into_iter()
                .chain(
                    mux_server::default_aliases()
                        .into_iter()
                        .filter(|(_, to)| to == c.name)
                        .map(|(a, _)| a),
                )
                .collect();
            if !aliases.is_empty() {
                out.push_str(&format!("alias: {}\n", aliases.join(", ")));
            }
            Ok(out)
        }
        _ => Err("usage: mux help [command | --completions bash|zsh|fish | --man]".to_string()),
    }
}

/// Returns the usage and the list of commands.
fn overview(commands: &[CommandHelp]) -> String {
    let mut out = format!("{}\n\n", crate::cli::USAGE);
    out.push_str("Options:\n");
    for (flag, what) in crate::cli::GLOBAL_OPTIONS {
        out.push_str(&format!("  {flag:<16} {what}\n"));
    }
    out.push_str("\nCommands (mux help COMMAND for one; with no command, new-session):\n");
    let width = commands
        .iter()
        .map(|c| label(c).chars().count())
        .max()
        .unwrap_or(0);
    for c in commands {
        out.push_str(&format!("  {:<width$}  {}\n", label(c), c.about));
    }
    out.push_str(
        "\nKeys: C-b ? lists the key bindings; C-b : types a command.\n\
         Config: ~/.config/mux/mux.conf or ~/.mux.conf, in tmux's syntax.\n\
         Shell completions and the man page: mux help --completions bash|zsh|fish, mux help --man.\n",
    );
    out
}

/// Returns `name (alias)`.
fn label(c: &CommandHelp) -> String {
    match c.alias {
        Some(a) => format!("{} ({a})", c.name),
        None => c.name.to_string(),
    }
}

/// Finds a command by name, alias, default command alias or unique prefix.
fn find<'a>(commands: &'a [CommandHelp], word: &str) -> Result<&'a CommandHelp, String> {
    let aliased = mux_server::default_aliases()
        .into_iter()
        .find(|(a, _)| a == word)
        .map(|(_, to)| to.split_whitespace().next().unwrap_or("").to_string());
    let word = aliased.as_deref().unwrap_or(word);
    if let Some(c) = commands
        .iter()
        .find(|c| c.name == word || c.alias == Some(word))
    {
        return Ok(c);
    }
    let mut prefixed = commands.iter().filter(|c| c.name.starts_with(word));
    match (prefixed.next(), prefixed.next()) {
        (Some(c), None) if !word.is_empty() => Ok(c),
        (Some(_), Some(_)) => Err(format!("ambiguous command: {word}")),
        _ => Err(format!("unknown command: {word}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn help_lists_every_command_with_what_it_does() {
        let all = text(&[]).expect("help");
        assert!(all.starts_with("usage: mux "));
        for c in mux_server::commands() {
            assert!(all.contains(c.name), "{}", c.name);
        }
        let line = all
            .lines()
            .find(|l| l.starts_with("  split-window (splitw) "))
            .unwrap_or_default();
        assert!(line.ends_with(" Split a pane in two"), "{all}");
    }

    #[test]
    fn help_command_prints_its_usage_and_what_it_does() {
        let one = text(&words("split-window")).expect("help");
        assert!(one.starts_with("usage: split-window [-"), "{one}");
        assert!(one.contains("\nSplit a pane in two\nalias: splitw, split-pane, splitp\n"));
        assert_eq!(text(&words("splitw")), text(&words("split-window")));
        assert_eq!(text(&words("choose-window")), text(&words("choose-tree")));
        assert_eq!(text(&words("kill-ser")), text(&words("kill-server")));
        assert_eq!(
            text(&words("nosuch")),
            Err("unknown command: nosuch".into())
        );
        assert_eq!(text(&words("kill")), Err("ambiguous command: kill".into()));
    }

    #[test]
    fn help_prints_the_completions_and_the_man_page() {
        assert_eq!(
            text(&words("--completions bash")),
            Ok(crate::generate::bash())
        );
        assert!(text(&words("--man")).is_ok_and(|m| m.contains(".TH MUX 1")));
        assert!(text(&words("--completions tcsh")).is_err());
    }
}
