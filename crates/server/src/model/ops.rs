//! Structural changes to the session tree: creating windows and panes, killing them, and
//! keeping every pane's terminal the size its layout gives it.

use mux_term_emu::Size as TermSize;

use crate::ids::{PaneId, ProgramId, SessionId, WindowId};
use crate::model::layout::{Split, SplitSize};
use crate::model::os::Exhausted;
use crate::model::pane::{Pane, PanePlace};
use crate::model::spawn::{self, SpawnContext};
use crate::model::state::State;
use crate::model::window::Window;

/// What to run in a new pane and where.
#[derive(Default)]
pub struct Launch<'a> {
    /// The directory to start in; the session's when `None`.
    pub cwd: Option<&'a str>,
    /// The command words; the default shell when empty.
    pub command: &'a [String],
    /// Variables set in the program's environment besides the session's (`-e NAME=value`).
    pub env: &'a [(String, String)],
}

/// Starts a pane's program in session `sid`, window `wid`, at `size`, as a new pane that no
/// layout holds yet (the caller puts it in one).
pub fn spawn_pane(
    state: &mut State,
    sid: SessionId,
    wid: WindowId,
    launch: &Launch<'_>,
    size: TermSize,
) -> Result<PaneId, String> {
    let id = PaneId(state.next_ids.pane);
    let pane = start_program(state, id, (sid, wid), launch, size)?;
    state.next_ids.pane += 1;
    state.panes.insert(id, pane);
    Ok(id)
}

/// Starts a program for pane `id` in a new PTY and returns the pane holding it.
fn start_program(
    state: &mut State,
    id: PaneId,
    (sid, wid): (SessionId, WindowId),
    launch: &Launch<'_>,
    size: TermSize,
) -> Result<Pane, String> {
    let session = state.session(sid).ok_or("no such session")?;
    let cwd = launch.cwd.unwrap_or(&session.cwd).to_string();
    let term = state.options.server("default-terminal").as_text();
    let shell = state.options.session(sid, "default-shell").as_text();
    let command = state.options.session(sid, "default-command").as_text();
    let env = crate::model::environ::compose(&session.env, &state.environ, &session.environ);
    let ctx = SpawnContext {
        env: &env,
        cwd: &cwd,
        socket: &state.socket,
        session: sid,
        pane: id,
        term: &term,
        shell: &shell,
        command: &command,
    };
    let mut spec = spawn::spec(&ctx, launch.command);
    for (name, value) in launch.env {
        spec.env.retain(|(k, _)| k != name);
        spec.env.push((name.clone(), value.clone()));
    }
    let history = state.options.session(sid, "history-limit").as_number();
    let program = ProgramId(state.next_ids.program);
    let started = state.os.spawn(id, program, &spec, size).map_err(|e| {
        match e.get_ref().and_then(|i| i.downcast_ref::<Exhausted>()) {
            Some(exhausted) => exhausted.to_string(),
            None => format!("{}: {}", spec.program.display(), describe(&e)),
        }
    })?;
    state.next_ids.program += 1;
    let place = PanePlace {
        id,
        program,
        session: sid,
        window: wid,
        size,
        history: usize::try_from(history).unwrap_or(0),
        default_title: short_hostname(&state.os.hostname()),
    };
    let mut pane = Pane::new(place, started);
    pane.command = launch.command.to_vec();
    let outer = state.outer_colours;
    pane.term
        .set_default_colours(outer.fg, outer.bg, outer.cursor);
    Ok(pane)
}

/// Returns the name a new window running `command` gets.
fn window_name(state: &State, sid: SessionId, command: &[String]) -> String {
    let env = state.session(sid).map(|s| s.env.as_slice()).unwrap_or(&[]);
    spawn::window_name(env, command)
}

/// Creates a window in session `sid` at `index` (or the first free index from base-index) and
/// starts its pane. Selects it unless `detached`. Returns its id.
pub fn new_window(
    state: &mut State,
    sid: SessionId,
    index: Option<u32>,
    name: Option<String>,
    launch: &Launch<'_>,
    detached: bool,
) -> Result<WindowId, String> {
    let base = state.options.session(sid, "base-index").as_index();
    let session = state.session(sid).ok_or("no such session")?;
    let index = match index {
        Some(i) if session.window_at(i).is_some() => {
            return Err(format!("create window failed: index {i} in use"))
        }
        Some(i) => i,
        None => session.free_index(base),
    };
    let (cols, rows) = session.size;
    let wid = WindowId(state.next_ids.window);
    let pane = spawn_pane(state, sid, wid, launch, TermSize { cols, rows })?;
    state.next_ids.window += 1;
    let auto = name.is_none();
    let name = name.unwrap_or_else(|| window_name(state, sid, launch.command));
    let window = Window::new(wid, index, name, pane, cols, rows);
    let session = state.session_mut(sid).ok_or("no such session")?;
    session.insert(window);
    if !detached || session.windows.len() == 1 {
        session.select(wid);
    }
    if !auto {
        // As tmux: a window named when made is not renamed until automatic-rename is set
        // on again.
        automatic_rename_off(state, wid);
    }
    let now = state.os.now();
    crate::model::silence::restart(state, sid, wid, now);
    state.mark_session_dirty(sid);
    state.notify("window-linked", Some(sid), Some(wid), None);
    Ok(wid)
}

/// Turns the automatic-rename window option off for one window, as naming a window does.
pub fn automatic_rename_off(state: &mut State, wid: WindowId) {
    let target = crate::config::options::OptionTarget::Window(wid);
    if let Err(e) = state
        .options
        .set("automatic-rename", Some("off"), target, false)
    {
        crate::log::log!("window @{}: {e}", wid.0);
    }
}

/// How to split a pane.
pub struct SplitSpec {
    /// Side by side (`-h`) or stacked.
    pub dir: Split,
    /// The new pane's size (`-l`).
    pub size: Option<SplitSize>,
    /// Whether the new pane goes before the target (`-b`).
    pub before: bool,
    /// Whether the new pane stays inactive (`-d`).
    pub detached: bool,
}

/// Splits `target` in window `wid` of session `sid` and starts the new pane's program.
pub fn split_pane(
    state: &mut State,
    sid: SessionId,
    wid: WindowId,
    target: PaneId,
    split: &SplitSpec,
    launch: &Launch<'_>,
) -> Result<PaneId, String> {
    let window = state.window(sid, wid).ok_or("no such window")?;
    // Try the split on a copy first, so a refused split starts no program.
    let mut trial = window.layout.clone();
    let placeholder = PaneId(u32::MAX);
    trial
        .split(target, placeholder, split.dir, split.size, split.before)
        .map_err(|e| e.to_string())?;
    let rect = trial.rect(placeholder).ok_or("no space for new pane")?;
    let size = TermSize {
        cols: rect.cols,
        rows: rect.rows,
    };
    let id = spawn_pane(state, sid, wid, launch, size)?;
    let window = state.window_mut(sid, wid).ok_or("no such window")?;
    trial.replace(placeholder, id);
    window.layout = trial;
    window.zoomed = false;
    window.preset = None;
    if !split.detached {
        window.select_pane(id);
    }
    sync_window(state, sid, wid);
    Ok(id)
}

/// Resizes every pane of a window to its place in the layout (or the whole window when zoomed).
pub fn sync_window(state: &mut State, sid: SessionId, wid: WindowId) {
    let Some(window) = state.window(sid, wid) else {
        return;
    };
    let mut sizes = Vec::new();
    for pane in window.panes() {
        if let Some(rect) = window
            .visible_rect(pane)
            .or_else(|| window.layout.rect(pane))
        {
            sizes.push((
                pane,
                TermSize {
                    cols: rect.cols,
                    rows: rect.rows,
                },
            ));
        }
    }
    for (pane, size) in sizes {
        if let Some(p) = state.panes.get_mut(&pane) {
            p.resize(size);
        }
    }
    state.mark_session_dirty(sid);
}

/// Kills a pane: hangs up its program and takes it out of its window, killing the window when
/// it was the last pane.
pub fn kill_pane(state: &mut State, id: PaneId) {
    let Some(pane) = state.panes.get(&id) else {
        return;
    };
    let (sid, wid) = (pane.session, pane.window);
    let last = state.window(sid, wid).is_none_or(|w| w.layout.len() <= 1);
    if last {
        kill_window(state, sid, wid);
        return;
    }
    if let Some(pane) = state.panes.remove(&id) {
        pane.hangup();
    }
    state.options.forget_pane(id);
    if let Some(window) = state.window_mut(sid, wid) {
        window.layout.remove(id);
        window.pane_removed(id);
    }
    sync_window(state, sid, wid);
}

/// Kills a window and its panes; the session ends with its last window.
pub fn kill_window(state: &mut State, sid: SessionId, wid: WindowId) {
    if state.window(sid, wid).is_some() {
        state.notify("window-unlinked", Some(sid), Some(wid), None);
    }
    let Some(session) = state.session_mut(sid) else {
        return;
    };
    let Some(window) = session.remove(wid) else {
        return;
    };
    let empty = session.windows.is_empty();
    for pane in window.panes() {
        if let Some(p) = state.panes.remove(&pane) {
            p.hangup();
        }
        state.options.forget_pane(pane);
    }
    state.options.forget_window(wid);
    if empty {
        state.destroy_session(sid, "[exited]");
        return;
    }
    renumber_if_asked(state, sid);
    state.mark_session_dirty(sid);
}

/// Renumbers a session's windows when renumber-windows is on.
pub fn renumber_if_asked(state: &mut State, sid: SessionId) {
    if !state.options.session(sid, "renumber-windows").as_flag() {
        return;
    }
    let base = state.options.session(sid, "base-index").as_index();
    if let Some(s) = state.session_mut(sid) {
        s.renumber(base);
    }
}

/// Takes a pane out of its window (closing the window if it was its only pane) and returns
/// its old session and window. The pane keeps running.
fn detach_pane(state: &mut State, pane: PaneId) -> Option<(SessionId, WindowId)> {
    let p = state.panes.get(&pane)?;
    let (sid, wid) = (p.session, p.window);
    let w = state.window_mut(sid, wid)?;
    if w.layout.len() <= 1 {
        let s = state.session_mut(sid)?;
        s.remove(wid);
        state.options.forget_window(wid);
        if state.session(sid).is_some_and(|s| s.windows.is_empty()) {
            state.destroy_session(sid, "[exited]");
        } else {
            renumber_if_asked(state, sid);
        }
    } else {
        w.layout.remove(pane);
        w.pane_removed(pane);
        sync_window(state, sid, wid);
    }
    Some((sid, wid))
}

/// Moves a pane into a new window of session `dst` (break-pane). Returns the new window.
pub fn break_pane(
    state: &mut State,
    pane: PaneId,
    dst: SessionId,
    index: Option<u32>,
    name: Option<String>,
    detached: bool,
) -> Result<WindowId, String> {
    let p = state.panes.get(&pane).ok_or("no such pane")?;
    let (sid, wid) = (p.session, p.window);
    if state.window(sid, wid).is_some_and(|w| w.layout.len() <= 1) && sid == dst {
        return Err("can't break with only one pane".into());
    }
    let base = state.options.session(dst, "base-index").as_index();
    let session = state.session(dst).ok_or("no such session")?;
    let index = match index {
        Some(i) if session.window_at(i).is_some() => return Err(format!("index {i} in use")),
        Some(i) => i,
        None => session.free_index(base),
    };
    let (cols, rows) = session.size;
    let new_name = name.clone().unwrap_or_else(|| {
        state
            .panes
            .get(&pane)
            .and_then(|p| p.current_command())
            .unwrap_or_default()
    });
    detach_pane(state, pane);
    let new = WindowId(state.next_ids.window);
    state.next_ids.window += 1;
    let window = Window::new(new, index, new_name, pane, cols, rows);
    let session = state.session_mut(dst).ok_or("no such session")?;
    session.insert(window);
    if !detached {
        session.select(new);
    }
    if name.is_some() {
        automatic_rename_off(state, new);
    }
    if let Some(p) = state.panes.get_mut(&pane) {
        p.session = dst;
        p.window = new;
    }
    sync_window(state, dst, new);
    Ok(new)
}

/// Moves pane `src` next to pane `dst` by splitting it (join-pane, move-pane).
pub fn join_pane(
    state: &mut State,
    src: PaneId,
    dst: PaneId,
    split: &SplitSpec,
) -> Result<(), String> {
    if src == dst {
        return Err("source and target panes must be different".into());
    }
    let d = state.panes.get(&dst).ok_or("no such pane")?;
    let (sid, wid) = (d.session, d.window);
    let mut trial = state
        .window(sid, wid)
        .ok_or("no such window")?
        .layout
        .clone();
    if trial.contains(src) {
        trial.remove(src);
    }
    trial
        .split(dst, src, split.dir, split.size, split.before)
        .map_err(|e| e.to_string())?;
    detach_pane(state, src);
    let w = state.window_mut(sid, wid).ok_or("no such window")?;
    if w.layout.contains(src) {
        w.layout.remove(src);
    }
    w.layout
        .split(dst, src, split.dir, split.size, split.before)
        .map_err(|e| e.to_string())?;
    if !split.detached {
        w.select_pane(src);
    }
    w.zoomed = false;
    if let Some(p) = state.panes.get_mut(&src) {
        p.session = sid;
        p.window = wid;
    }
    sync_window(state, sid, wid);
    Ok(())
}

/// Starts a new program in a pane (respawn-pane): the launch's command, or the one the pane
/// ran before when it has none. The pane keeps its id, as in tmux; the old program's last
/// events carry its own program id and are dropped.
pub fn respawn_pane(state: &mut State, pane: PaneId, launch: &Launch<'_>) -> Result<(), String> {
    let p = state.panes.get(&pane).ok_or("no such pane")?;
    let (sid, wid) = (p.session, p.window);
    let size = p.term.size();
    let before = p.command.clone();
    let launch = Launch {
        command: if launch.command.is_empty() {
            &before
        } else {
            launch.command
        },
        ..*launch
    };
    let mut fresh = start_program(state, pane, (sid, wid), &launch, size)?;
    // As in tmux, the pane's pipe or log goes on with its new program.
    fresh.pipe = state.panes.get_mut(&pane).and_then(|p| p.pipe.take());
    if let Some(old) = state.panes.insert(pane, fresh) {
        old.hangup();
    }
    crate::model::pipes::update_tap(state, pane);
    state.mark_session_dirty(sid);
    Ok(())
}

/// Returns an OS error as a person reads it: `No such file or directory`, without Rust's
/// `(os error 2)`.
pub fn describe(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Returns the host name up to its first dot, as tmux's `#h`.
pub fn short_hostname(full: &str) -> String {
    full.split('.').next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests;
