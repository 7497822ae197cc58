//! Keeps the crate's layers honest (DESIGN 10): reads every source file and fails on a
//! `crate::` path from one layer into a layer it may not import. Test code (files named
//! `tests.rs` and everything after a `#[cfg(test)]` line) is not checked.

use std::path::{Path, PathBuf};

/// What each layer may import, besides itself. `ids` and `log` are shared by all, and the
/// crate root's items (such as `ServerOptions`) by those that name it.
const RULES: &[(&str, &[&str])] = &[
    ("config", &["ids", "log"]),
    ("model", &["config", "ids", "log", "hooks"]),
    (
        "io",
        &[
            "model",
            "config",
            "ids",
            "log",
            "hooks",
            "keeper",
            "ServerOptions",
        ],
    ),
    ("cmd", &["model", "config", "ids", "log"]),
    ("input", &["cmd", "model", "config", "ids", "log"]),
    ("view", &["model", "config", "ids", "log"]),
    ("ids", &[]),
    ("log", &[]),
    ("hooks", &[]),
    ("keeper", &["log"]),
];

/// Returns every `.rs` file under `dir`.
pub(crate) fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Returns the non-test part of a file's text.
pub(crate) fn production_part(text: &str) -> &str {
    match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Returns the top-level module names a text reaches through `crate::`, with the line.
fn crate_imports(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for item in group[..end].split(',') {
                    let name = item.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        found.push((n + 1, name.to_string()));
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((n + 1, name));
            }
        }
    }
    found
}

/// Returns the layer a file belongs to: its folder under `src`, or its own name at the top.
fn layer_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    Some(first.trim_end_matches(".rs").to_string())
}

/// Returns every forbidden edge as `file:line: layer -> target`.
fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut bad = Vec::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(layer) = layer_of(&src, &file) else {
            continue;
        };
        let Some((_, allowed)) = RULES.iter().find(|(l, _)| *l == layer) else {
            continue; // lib.rs, server.rs and the test modules wire everything.
        };
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (line, target) in crate_imports(production_part(&text)) {
            if target != layer && !allowed.contains(&target.as_str()) {
                bad.push(format!(
                    "{}:{line}: {layer} -> {target}",
                    file.strip_prefix(&src).unwrap_or(&file).display()
                ));
            }
        }
    }
    bad
}

#[test]
fn imports_run_one_way_between_layers() {
    let bad = violations();
    assert!(bad.is_empty(), "forbidden imports:\n{}", bad.join("\n"));
}

#[test]
fn the_checker_sees_grouped_and_inline_paths() {
    let text = "use crate::{model::state::State, view::render};\nlet x = crate::cmd::run(1);";
    let names: Vec<String> = crate_imports(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["model", "view", "cmd"]);
    assert_eq!(production_part("a\n#[cfg(test)]\nuse crate::cmd;"), "a\n");
}
