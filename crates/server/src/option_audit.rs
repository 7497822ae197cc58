//! Keeps every option honest (no option is silently ignored): each option in the table must
//! be read by name somewhere outside the table and outside tests, or be listed here with the
//! place that reads it under a computed name, or the reason mux needs nothing for it.

use std::path::Path;

use crate::config::options::OPTIONS;

/// Options read under a name built at run time, or kept for tmux configs on purpose; each
/// with where or why.
const EXCEPTIONS: &[(&str, &str)] = &[
    (
        "status-left-length",
        "view/status.rs reads `{status-left}-length`",
    ),
    (
        "status-right-length",
        "view/status.rs reads `{status-right}-length`",
    ),
    (
        "status-left-style",
        "view/status.rs reads `{status-left}-style`",
    ),
    (
        "status-right-style",
        "view/status.rs reads `{status-right}-style`",
    ),
    (
        "terminal-overrides",
        "kept and shown for tmux configs: the client always writes true colour, every \
         underline and cursor shapes, which is what configs turn on with it",
    ),
    (
        "terminal-features",
        "kept and shown for tmux configs, as terminal-overrides",
    ),
];

#[test]
fn every_option_is_read_by_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    crate::layers::sources(&root, &mut files);
    let mut code = String::new();
    for file in files {
        let name = file.to_string_lossy();
        if name.ends_with("table.rs") || name.ends_with("tests.rs") || name.contains("/testing/") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        code.push_str(crate::layers::production_part(&text));
    }
    let unread: Vec<&str> = OPTIONS
        .iter()
        .map(|o| o.name)
        .filter(|name| !code.contains(&format!("\"{name}\"")))
        .filter(|name| !EXCEPTIONS.iter().any(|(n, _)| n == name))
        .collect();
    assert!(
        unread.is_empty(),
        "options that set accepts and no code reads: {unread:?}"
    );
    for (name, _) in EXCEPTIONS {
        assert!(
            OPTIONS.iter().any(|o| o.name == *name),
            "{name} is excepted but not an option"
        );
    }
}
