//! `restore-sessions` (`restore`, new in mux): recreate the sessions a save file holds (`-f`,
//! else the save file), with their names, windows, layouts, directories and options; the
//! programs `restore-programs` names are started again with their arguments, the others
//! get a shell, and with `restore-history on` each pane shows its old history. A session
//! whose name is taken is left alone. With `restore-on-start on`, the first server started
//! after the machine booted does this by itself ([`on_start`]). `new-session -L FILE`
//! opens a layout file ([`from_layout`]).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::ids::{ClientId, SessionId};
use crate::log::log;
use crate::model::persist::build::{self, Build, Programs};
use crate::model::persist::{text, Saved, SavedSession};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "restore-sessions",
    alias: Some("restore"),
    flags: "f:",
    usage: "[-f file]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// The largest save or layout file read.
const MAX_FILE: u64 = 256 << 20;

/// Runs restore-sessions.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let path = match args.value('f') {
        Some(file) => super::client_path(state, ctx, file),
        None => super::save_sessions::save_path(state)?,
    };
    let saved = read(&path)?;
    let (env, cwd) = client_env(state, ctx.client);
    let mut problems = Vec::new();
    let (made, failed) = restore_all(state, &saved, (env, cwd), &mut problems);
    for &id in &made {
        super::set_environment::update_environment(state, ctx.client, id);
    }
    if made.is_empty() && failed > 0 {
        return Err(problems.join("\n"));
    }
    ctx.warnings.extend(problems);
    Ok(Outcome::Done)
}

/// Reads and parses a save or layout file; errors name it.
pub fn read(path: &std::path::Path) -> Result<Saved, String> {
    let describe = |e: String| format!("{}: {e}", path.display());
    let meta = std::fs::metadata(path).map_err(|e| describe(crate::model::ops::describe(&e)))?;
    if meta.len() > MAX_FILE {
        return Err(describe(format!("larger than {} MiB", MAX_FILE >> 20)));
    }
    let bytes = std::fs::read(path).map_err(|e| describe(crate::model::ops::describe(&e)))?;
    text::parse(&String::from_utf8_lossy(&bytes)).map_err(describe)
}

/// Returns the environment and directory sessions made for `client` start with: its own,
/// or the server's when there is no client (the config file, the server starting).
fn client_env(state: &State, client: ClientId) -> (Vec<(String, String)>, String) {
    match state.clients.get(&client) {
        Some(c) => (c.env.clone(), c.cwd.clone()),
        None => (
            std::env::vars().collect(),
            std::env::var("HOME").unwrap_or_else(|_| "/".into()),
        ),
    }
}

/// Restores every session of `saved` whose name is free; returns the sessions made and how
/// many could not be, and adds what was not restored to `problems`.
fn restore_all(
    state: &mut State,
    saved: &Saved,
    (env, cwd): (Vec<(String, String)>, String),
    problems: &mut Vec<String>,
) -> (Vec<SessionId>, usize) {
    let programs = Programs::Only(
        state
            .options
            .server("restore-programs")
            .as_text()
            .split_whitespace()
            .map(String::from)
            .collect(),
    );
    let history = state.options.server("restore-history").as_flag();
    let (mut made, mut failed) = (Vec::new(), 0);
    for s in &saved.sessions {
        if super::target::find_exact(state, &s.name).is_ok() {
            problems.push(format!("session {} exists: not restored", s.name));
            continue;
        }
        let how = Build {
            name: s.name.clone(),
            size: s.size.unwrap_or((
                crate::model::resize::DEFAULT_SIZE.cols,
                crate::model::resize::DEFAULT_SIZE.rows,
            )),
            env: env.clone(),
            cwd: s.cwd.clone().unwrap_or_else(|| cwd.clone()),
            programs: programs.clone(),
            history,
        };
        match build::session(state, s, &clamped(how)) {
            Ok((id, mut trouble)) => {
                made.push(id);
                problems.extend(
                    trouble
                        .drain(..)
                        .map(|t| format!("session {}: {t}", s.name)),
                );
            }
            Err(e) => {
                failed += 1;
                problems.push(format!("session {}: {e}", s.name));
            }
        }
    }
    (made, failed)
}

/// Returns `how` with its size within mux's limits.
fn clamped(mut how: Build) -> Build {
    let size = crate::model::resize::clamp(mux_term_emu::Size {
        cols: how.size.0.max(1),
        rows: how.size.1.max(1),
    });
    how.size = (size.cols, size.rows);
    how
}

/// As the server starts, once its config file has loaded: with `restore-on-start on`, the
/// first server since the machine booted restores the save file, unless that file was
/// written during this boot (the server was restarted, not the machine). A marker beside
/// the file (`.restored`, holding the boot id) keeps a second server of the same boot from
/// restoring it again.
pub fn on_start(state: &mut State) {
    if std::mem::replace(&mut state.autosave.started, true) {
        return;
    }
    if !state.options.server("restore-on-start").as_flag() {
        return;
    }
    let (Some(boot), Ok(path)) = (state.os.boot_id(), super::save_sessions::save_path(state))
    else {
        return;
    };
    let mut marker = path.as_os_str().to_owned();
    marker.push(".restored");
    let marker = std::path::PathBuf::from(marker);
    let seen = std::fs::read_to_string(&marker).unwrap_or_default();
    if seen.trim() == boot || !path.exists() {
        return;
    }
    let saved = match read(&path) {
        Ok(s) if s.boot.as_deref() != Some(boot.as_str()) => s,
        Ok(_) => return,
        Err(e) => {
            state.log_message(&format!("restore-on-start: {e}"));
            return;
        }
    };
    if let Err(e) = super::save_sessions::write_file(&marker, &format!("{boot}\n")) {
        log!("restore-on-start: {e}");
    }
    let mut problems = Vec::new();
    let (made, _) = restore_all(
        state,
        &saved,
        client_env(state, ClientId::NONE),
        &mut problems,
    );
    let text = format!("restored {} sessions from {}", made.len(), path.display());
    log!("{text}");
    state.log_message(&text);
    for p in problems {
        state.log_message(&p);
    }
}

/// `new-session -L FILE`: makes a session from the first session of a layout file, named
/// `name` (else the file's name, made unique), of `size` (for a detached session without
/// `-x`/`-y`, the file's). Every command in the file runs.
pub fn from_layout(
    state: &mut State,
    ctx: &mut Ctx,
    args: &Args,
    (name, size, sized): (Option<String>, (u16, u16), bool),
) -> Result<SessionId, String> {
    let file = args.value('L').unwrap_or_default();
    let path = super::client_path(state, ctx, file);
    let saved = read(&path)?;
    let session: &SavedSession = saved
        .sessions
        .first()
        .ok_or_else(|| format!("{file}: no session in it"))?;
    let (env, client_cwd) = client_env(state, ctx.client);
    let name = name.unwrap_or_else(|| unique_name(state, &session.name));
    let cwd = args
        .value('c')
        .map(String::from)
        .or_else(|| session.cwd.as_deref().map(|c| home_path(c, &env)))
        .unwrap_or(client_cwd);
    let how = Build {
        name,
        size: if sized {
            size
        } else {
            session.size.unwrap_or(size)
        },
        env,
        cwd,
        programs: Programs::All,
        history: true,
    };
    let (id, problems) = build::session(state, session, &clamped(how))?;
    ctx.warnings
        .extend(problems.into_iter().map(|p| format!("{file}: {p}")));
    super::set_environment::update_environment(state, ctx.client, id);
    Ok(id)
}

/// Returns `base` if no session has that name, else `base-2`, `base-3`...
fn unique_name(state: &State, base: &str) -> String {
    let base = base.replace([':', '.'], "_");
    let free = |n: &str| state.sessions.iter().all(|s| s.name != n);
    if free(&base) && !base.is_empty() {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|n| free(n))
        .unwrap_or(base)
}

/// Returns `path` with a leading `~` as the home directory of `env`.
fn home_path(path: &str, env: &[(String, String)]) -> String {
    let home = env
        .iter()
        .find(|(k, _)| k == "HOME")
        .map(|(_, v)| v.as_str());
    match (path.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{home}{rest}")
        }
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests;
