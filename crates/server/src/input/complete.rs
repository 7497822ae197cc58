//! Tab completion at the command prompt, as tmux does it: the first word completes to a
//! command name or alias, the word after `set`/`show` (and their aliases) to an option name.

use crate::cmd::COMMANDS;
use crate::config::options::OPTIONS;

/// The commands whose next non-flag word is an option name.
const TAKE_OPTIONS: &[&str] = &[
    "set",
    "set-option",
    "setw",
    "set-window-option",
    "show",
    "show-options",
    "showw",
    "show-window-options",
];

/// Completes the word that ends at `cursor` (in characters) in `input`; returns the new
/// input and cursor, or `None` when nothing matches. A single match gets a space after it;
/// several are completed as far as they agree.
pub fn complete(input: &str, cursor: usize) -> Option<(String, usize)> {
    let at = input
        .char_indices()
        .nth(cursor)
        .map_or(input.len(), |(i, _)| i);
    let (before, after) = input.split_at(at);
    let start = before.rfind(' ').map_or(0, |i| i + 1);
    let word = &before[start..];
    let earlier: Vec<&str> = before[..start].split_whitespace().collect();
    let candidates: Vec<&str> = match earlier.first() {
        None => COMMANDS
            .iter()
            .flat_map(|c| std::iter::once(c.name).chain(c.alias))
            .collect(),
        Some(first) if TAKE_OPTIONS.contains(first) && !word.starts_with('-') => {
            OPTIONS.iter().map(|o| o.name).collect()
        }
        Some(_) => return None,
    };
    let matches: Vec<&str> = candidates
        .into_iter()
        .filter(|c| c.starts_with(word))
        .collect();
    let first = *matches.first()?;
    let common = matches.iter().fold(first.len(), |n, m| {
        first
            .bytes()
            .zip(m.bytes())
            .take(n)
            .take_while(|(a, b)| a == b)
            .count()
    });
    let mut done = first[..common].to_string();
    if matches.len() == 1 {
        done.push(' ');
    }
    let head = format!("{}{done}", &before[..start]);
    let cursor = head.chars().count();
    Some((format!("{head}{after}"), cursor))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tab(input: &str) -> Option<String> {
        complete(input, input.chars().count()).map(|(s, _)| s)
    }

    #[test]
    fn commands_and_options_complete() {
        assert_eq!(tab("rename-w").as_deref(), Some("rename-window "));
        assert_eq!(
            tab("kill-s").as_deref(),
            Some("kill-se"),
            "kill-server, kill-session"
        );
        assert_eq!(
            tab("set -g status-j").as_deref(),
            Some("set -g status-justify ")
        );
        assert_eq!(
            tab("show history-l").as_deref(),
            Some("show history-limit ")
        );
        assert_eq!(tab("set -g").as_deref(), None, "a flag is not an option");
        assert_eq!(tab("zzz"), None);
        assert_eq!(tab("rename-window fo"), None, "not after other commands");
    }

    #[test]
    fn completion_keeps_what_follows_the_cursor() {
        assert_eq!(
            complete("neww x", 4),
            Some(("neww  x".to_string(), 5)),
            "a unique alias gets its space"
        );
    }
}
