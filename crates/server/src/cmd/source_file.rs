//! `source-file` (`source`): read config files and run their commands right after this one.
//! A path may hold `*`, `?` and `[...]` patterns (files sorted by name), is relative to the
//! file that sources it (else to the client's directory), and with `-F` is a format. Each
//! problem names its file and line and the rest still loads; `-q` is quiet about files that
//! do not exist, `-n` only checks the syntax, `-v` prints each command as it is read.

use std::path::{Path, PathBuf};

use super::context::StateContext;
use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::queue::{Item, Place};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "source-file",
    alias: Some("source"),
    flags: "Fnqt:v",
    usage: "[-Fnqv] [-t target-pane] path ...",
    args: (1, usize::MAX),
    target: Target::None,
    source: Target::None,
    exec,
};

/// How deeply files may source files.
const MAX_DEPTH: usize = 50;

/// Runs source-file.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let depth = ctx.place.as_ref().map_or(0, |p| p.depth) + 1;
    if depth > MAX_DEPTH {
        return Err("too many nested files".into());
    }
    if let Some(t) = args.value('t') {
        ctx.current = Some(target::pane(state, ctx.client, Some(t))?);
    }
    let quiet = args.has('q');
    for path in &args.positional {
        let path = if args.has('F') {
            let scope = match target::current(state, ctx.client) {
                Some(f) => super::client_scope(state, ctx, f),
                None => Default::default(),
            };
            crate::model::vars::expand(state, scope, path)
        } else {
            path.clone()
        };
        let full = resolve(state, ctx, &path);
        let files = expand_pattern(&full);
        if files.is_empty() && !quiet {
            ctx.errors
                .push(format!("{path}: No such file or directory"));
        }
        for file in files {
            match std::fs::read(&file) {
                Ok(bytes) => load(state, ctx, &file, &bytes, args, depth),
                Err(e) if quiet && e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => ctx.errors.push(format!(
                    "{}: {}",
                    file.display(),
                    crate::model::ops::describe(&e)
                )),
            }
        }
    }
    Ok(Outcome::Done)
}

/// Returns where `path` is: relative to the directory of the file being read, else to the
/// client's directory, with `~` as the client's home.
fn resolve(state: &State, ctx: &Ctx, path: &str) -> PathBuf {
    let relative = !path.starts_with('/') && !path.starts_with('~');
    match &ctx.place {
        Some(place) if relative => Path::new(&place.file)
            .parent()
            .unwrap_or(Path::new("/"))
            .join(path),
        _ => super::client_path(state, ctx, path),
    }
}

/// Returns the files a path names: itself, or every file its patterns match, sorted.
fn expand_pattern(path: &Path) -> Vec<PathBuf> {
    use crate::config::pattern::{is_pattern, matches};
    let mut found = vec![PathBuf::new()];
    for part in path.components() {
        let text = part.as_os_str().to_string_lossy().into_owned();
        if !is_pattern(&text) {
            for f in &mut found {
                f.push(part);
            }
            continue;
        }
        let mut next = Vec::new();
        for dir in &found {
            let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            }) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.') || text.starts_with('.'))
                .filter(|n| matches(&text, n))
                .collect();
            names.sort();
            next.extend(names.into_iter().map(|n| dir.join(n)));
        }
        found = next;
    }
    if is_pattern(&path.to_string_lossy()) {
        found.retain(|f| f.is_file());
    }
    found
}

/// Parses a file and queues its commands after this one, each statement a group of its own;
/// problems are reported with the file and line.
fn load(state: &mut State, ctx: &mut Ctx, file: &Path, bytes: &[u8], args: &Args, depth: usize) {
    let name = file.display().to_string();
    let text = String::from_utf8_lossy(bytes);
    let parsed = super::parse::parse(
        &text,
        &mut StateContext {
            state,
            client: ctx.client,
        },
    );
    for p in &parsed.problems {
        ctx.errors.push(format!("{name}:{}: {}", p.line, p.message));
    }
    let mut groups: Vec<(usize, u64)> = Vec::new();
    for command in parsed.commands {
        if args.has('v') {
            let words: Vec<String> = command
                .words
                .iter()
                .map(|w| super::bind_key::quote(w))
                .collect();
            ctx.out
                .push_str(&format!("{name}:{}: {}\n", command.line, words.join(" ")));
        }
        if args.has('n') {
            continue;
        }
        let group = match groups.iter().find(|(g, _)| *g == command.group) {
            Some((_, q)) => *q,
            None => {
                let q = state.queue.group();
                groups.push((command.group, q));
                q
            }
        };
        ctx.next.push(Item {
            words: command.words,
            group,
            place: Some(Place {
                file: name.clone(),
                line: command.line,
                depth,
            }),
            current: ctx.current,
            vars: ctx.vars.clone(),
        });
    }
}

#[cfg(test)]
mod tests;
