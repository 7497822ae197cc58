//! Checks that every default key binding runs only commands mux has, including the
//! commands inside its blocks (menu items, `if-shell` branches, prompt templates).

use crate::config::bindings::KeyTables;

/// Returns whether a word looks like a command name (`select-pane`, `copy-mode`).
fn looks_like_command(word: &str) -> bool {
    super::COMMANDS
        .iter()
        .any(|s| s.name == word || s.alias == Some(word))
        || (word.contains('-') && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// Checks a command line and, recursively, every argument that is a command line itself;
/// returns the unknown command names found.
fn unknown_in(line: &str, depth: usize) -> Vec<String> {
    let Ok(commands) = super::line::parse(line) else {
        return Vec::new();
    };
    let mut unknown = Vec::new();
    for words in commands
        .iter()
        .flat_map(|w| super::parse::split_arguments(w))
    {
        let Some((name, args)) = words.split_first() else {
            continue;
        };
        if depth > 0 && !looks_like_command(name) {
            continue;
        }
        if super::lookup(name).is_err() {
            unknown.push(name.clone());
        }
        let Ok(spec) = super::lookup(name) else {
            continue;
        };
        let takes_commands = matches!(
            spec.name,
            "if-shell" | "display-menu" | "command-prompt" | "confirm-before"
        );
        let Ok(parsed) = super::args::parse(spec.name, spec.flags, spec.args, args) else {
            unknown.push(format!("{name}: bad arguments"));
            continue;
        };
        if takes_commands && depth < 4 {
            for arg in &parsed.positional {
                unknown.extend(unknown_in(arg, depth + 1));
            }
        }
    }
    unknown
}

#[test]
fn every_default_binding_runs_commands_mux_has() {
    assert_eq!(
        unknown_in(
            "display-menu 'A b' a { if-shell -F 1 { no-such-thing } }",
            0
        ),
        ["no-such-thing"],
        "the check finds a command nested in blocks"
    );
    let tables = KeyTables::with_defaults();
    for table in ["prefix", "root", "copy-mode", "copy-mode-vi"] {
        for (key, command) in tables.commands(table) {
            let unknown = unknown_in(command, 0);
            assert!(
                unknown.is_empty(),
                "{table} {key}: {unknown:?} in {command}"
            );
        }
    }
}
