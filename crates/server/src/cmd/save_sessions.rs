//! `save-sessions` (`save`, new in mux): write every session, window, layout, directory,
//! foreground command, name and option to a file (`-f`, else the save file: `save-file`, or
//! `<data dir>/mux/<socket name>.save`), mode 0600, for `restore-sessions`; or, with `-L`
//! (`--layout`), one session (`-t`) as a layout file that `new-session -L` opens. With
//! `save-interval` set the server saves by itself ([`autosave`]).

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::log::log;
use crate::model::persist::{capture, text, Saved};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "save-sessions",
    alias: Some("save"),
    flags: "f:L:t:",
    usage: "[-f file] [-L layout-file] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs save-sessions.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if let Some(file) = args.value('L') {
        let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
        let session = capture::session(state, sid, false).ok_or("no such session")?;
        let saved = Saved {
            boot: None,
            sessions: vec![session],
        };
        let path = super::client_path(state, ctx, file);
        return write_file(&path, &text::write(&saved)).map(|_| Outcome::Done);
    }
    let path = match args.value('f') {
        Some(file) => super::client_path(state, ctx, file),
        None => save_path(state)?,
    };
    let history = state.options.server("restore-history").as_flag();
    let text = text::write(&capture::all(state, history));
    write_file(&path, &text)?;
    Ok(Outcome::Done)
}

/// Returns the save file: `save-file` when set (`~/` is the home directory), else
/// `<socket name>.save` in mux's data directory (`$XDG_DATA_HOME/mux`, else
/// `~/.local/share/mux`).
pub fn save_path(state: &State) -> Result<PathBuf, String> {
    let set = state.options.server("save-file").as_text();
    let home = std::env::var("HOME").ok();
    match (set.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => return Ok(Path::new(&home).join(rest)),
        _ if !set.is_empty() => return Ok(PathBuf::from(set)),
        _ => {}
    }
    let dirs = directories::ProjectDirs::from("", "", "mux")
        .ok_or("no home directory to keep the save file in: set save-file")?;
    let name = state
        .socket
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "default".into());
    Ok(dirs.data_dir().join(format!("{name}.save")))
}

/// Writes `text` to `path` whole or not at all (a new file renamed over the old), readable
/// by its owner only, synced to disk (it must outlive a reboot); makes the directory (0700)
/// when it is missing.
pub fn write_file(path: &Path, text: &str) -> Result<(), String> {
    let describe =
        |e: std::io::Error| format!("{}: {}", path.display(), crate::model::ops::describe(&e));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(describe)?;
    }
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    let _ = std::fs::remove_file(&temp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temp)
        .map_err(describe)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|_| file.sync_all())
        .and_then(|_| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(describe(e));
    }
    Ok(())
}

/// The server saving by itself: when the save `save-interval` scheduled is due, writes the
/// save file if it would change.
pub fn autosave(state: &mut State, now: std::time::Instant) {
    if !state.autosave.take_due(now) {
        return;
    }
    let history = state.options.server("restore-history").as_flag();
    let text = text::write(&capture::all(state, history));
    if !state.autosave.changed(&text) {
        return;
    }
    let written = save_path(state).and_then(|path| write_file(&path, &text));
    if let Err(e) = written {
        log!("autosave: {e}");
        state.log_message(&format!("save-interval: {e}"));
        // Try again next time rather than believe it was written.
        state.autosave.written = None;
    }
}

/// Something happened: with `save-interval` on, a save is scheduled if none is.
pub fn schedule(state: &mut State) {
    let minutes = u64::try_from(state.options.server("save-interval").as_count()).unwrap_or(0);
    let now = state.os.now();
    state.autosave.after_event(now, minutes);
}

#[cfg(test)]
pub(super) mod tests;
