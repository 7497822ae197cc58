//! The server's state as plain data for checkpoints (DESIGN 9): the session tree (sessions,
//! windows, layouts, names, options, key tables, buffers, environments, the message log)
//! in one record, each pane's terminal in a record of its own, and putting them back into
//! a fresh [`State`] around the programs a keeper kept.
//!
//! What is not kept: clients (they reconnect), copy and view modes, the clock mode, commands
//! waiting in the queue, running jobs (`run-shell`, `#()`), prompt state and timers.
//!
//! Records are postcard; each starts with [`FORMAT`]. A newer server reads the formats of
//! the servers it can take over from (an upgrade); a record of an unknown format is refused.

use std::collections::{HashMap, VecDeque};
use std::time::SystemTime;

use mux_term_emu::Terminal;
use serde::{Deserialize, Serialize};

use crate::config::bindings::KeyTables;
use crate::config::options::OptionStore;
use crate::ids::{PaneId, ProgramId, SessionId, WindowId};
use crate::model::buffers::Buffers;
use crate::model::environ::Environ;
use crate::model::os::Started;
use crate::model::pane::{Pane, PanePlace};
use crate::model::session::Session;
use crate::model::state::State;
use crate::model::window::Window;

/// The version of the records' layout.
pub const FORMAT: u32 = 1;

/// What a checkpoint keeps of a pane besides its terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaneMeta {
    /// The pane.
    pub id: PaneId,
    /// The program it ran when the tree was written.
    pub program: ProgramId,
    /// Its session and window.
    pub session: SessionId,
    /// Its window.
    pub window: WindowId,
    /// The title shown until the program sets one.
    pub default_title: String,
    /// The process group that last named the window.
    pub named_after: Option<i32>,
    /// The command words it was started with.
    pub command: Vec<String>,
    /// The history limit its terminal was made with.
    pub history_limit: usize,
}

/// The session tree, borrowed for writing.
#[derive(Serialize)]
struct TreeRef<'a> {
    format: u32,
    sessions: &'a [Session],
    panes: Vec<PaneMeta>,
    options: &'a OptionStore,
    keys: &'a KeyTables,
    buffers: &'a Buffers,
    environ: &'a Environ,
    next: [u64; 4],
    tick: u64,
    messages: &'a VecDeque<(SystemTime, String)>,
    prompt_history: &'a [String],
}

/// The session tree, read back.
#[derive(Deserialize)]
pub struct Tree {
    /// The format it was written in.
    pub format: u32,
    /// The sessions with their windows and layouts.
    pub sessions: Vec<Session>,
    /// What is kept of each pane besides its terminal.
    pub panes: Vec<PaneMeta>,
    /// Every option.
    pub options: OptionStore,
    /// The key tables.
    pub keys: KeyTables,
    /// The paste buffers.
    pub buffers: Buffers,
    /// The global environment.
    pub environ: Environ,
    /// The next session, window, pane and program ids.
    pub next: [u64; 4],
    /// The most-recently-used counter.
    pub tick: u64,
    /// The message log.
    pub messages: VecDeque<(SystemTime, String)>,
    /// What was entered at prompts.
    pub prompt_history: Vec<String>,
}

/// Returns the session tree of `state` as a record.
pub fn encode_tree(state: &State) -> Result<Vec<u8>, String> {
    let mut panes: Vec<PaneMeta> = state
        .panes
        .values()
        .map(|p| PaneMeta {
            id: p.id,
            program: p.program,
            session: p.session,
            window: p.window,
            default_title: p.default_title.clone(),
            named_after: p.named_after,
            command: p.command.clone(),
            history_limit: p.term.history().limit(),
        })
        .collect();
    panes.sort_by_key(|p| p.id);
    let n = &state.next_ids;
    let tree = TreeRef {
        format: FORMAT,
        sessions: &state.sessions,
        panes,
        options: &state.options,
        keys: &state.keys,
        buffers: &state.buffers,
        environ: &state.environ,
        next: [
            u64::from(n.session),
            u64::from(n.window),
            u64::from(n.pane),
            n.program,
        ],
        tick: state.tick,
        messages: &state.messages,
        prompt_history: &state.prompt_history,
    };
    postcard::to_allocvec(&tree).map_err(|e| e.to_string())
}

/// Reads a session tree record.
pub fn decode_tree(bytes: &[u8]) -> Result<Tree, String> {
    let tree: Tree = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    if tree.format != FORMAT {
        return Err(format!("unknown checkpoint format {}", tree.format));
    }
    Ok(tree)
}

/// A pane's terminal record, borrowed for writing.
#[derive(Serialize)]
struct PaneRef<'a> {
    format: u32,
    id: PaneId,
    program: ProgramId,
    processed: u64,
    term: &'a Terminal,
}

/// A pane's terminal record, read back: the terminal after `processed` bytes of `program`'s
/// output (the journal holds what came after).
#[derive(Deserialize)]
pub struct PaneRecord {
    /// The format it was written in.
    pub format: u32,
    /// The pane.
    pub id: PaneId,
    /// The program whose output the terminal shows.
    pub program: ProgramId,
    /// How many bytes of that output it has parsed.
    pub processed: u64,
    /// The terminal.
    pub term: Terminal,
}

/// Returns pane `pane`'s terminal record, `processed` bytes into its program's output.
pub fn encode_pane(pane: &Pane, processed: u64) -> Result<Vec<u8>, String> {
    let record = PaneRef {
        format: FORMAT,
        id: pane.id,
        program: pane.program,
        processed,
        term: &pane.term,
    };
    postcard::to_allocvec(&record).map_err(|e| e.to_string())
}

/// Reads a pane's terminal record.
pub fn decode_pane(bytes: &[u8]) -> Result<PaneRecord, String> {
    let record: PaneRecord = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    if record.format != FORMAT {
        return Err(format!("unknown checkpoint format {}", record.format));
    }
    Ok(record)
}

/// A program a keeper kept, with the terminal rebuilt for it, ready to become a pane again.
pub struct Revived {
    /// The pane it ran in.
    pub id: PaneId,
    /// The program.
    pub program: ProgramId,
    /// Its terminal: the checkpoint's with the journal replayed, or a new one.
    pub term: Terminal,
    /// Its PTY and pid, behind the OS seam.
    pub started: Started,
    /// Its exit status, if it exited while no server ran.
    pub exit_status: Option<i32>,
}

/// Puts a checkpointed tree into a fresh `state` around the revived programs. Panes of the
/// tree whose program is gone leave their layouts (and windows and sessions left empty go);
/// revived programs the tree does not know are returned, for [`adopt_orphans`].
pub fn restore(state: &mut State, tree: Tree, revived: Vec<Revived>) -> Vec<Revived> {
    let mut revived: HashMap<PaneId, Revived> = revived.into_iter().map(|r| (r.id, r)).collect();
    let meta: HashMap<PaneId, PaneMeta> = tree.panes.into_iter().map(|m| (m.id, m)).collect();
    let mut sessions = tree.sessions;
    for session in &mut sessions {
        let sid = session.id;
        for window in &mut session.windows {
            for pane in window.layout.panes() {
                let known = meta.get(&pane).is_some_and(|m| m.window == window.id)
                    && revived.contains_key(&pane);
                if !known && window.layout.len() > 1 {
                    window.layout.remove(pane);
                    window.pane_removed(pane);
                }
            }
            if !window.layout.contains(window.active) {
                if let Some(first) = window.layout.panes().first() {
                    window.active = *first;
                }
            }
        }
        session
            .windows
            .retain(|w| w.layout.panes().iter().all(|p| revived.contains_key(p)));
        if session.window(session.current).is_none() {
            if let Some(first) = session.windows.first() {
                session.current = first.id;
            }
        }
        let windows: Vec<WindowId> = session.windows.iter().map(|w| w.id).collect();
        session.history.retain(|w| windows.contains(w));
        // Panes whose window survived become panes again.
        for window in &session.windows {
            for id in window.layout.panes() {
                let (Some(r), Some(m)) = (revived.remove(&id), meta.get(&id)) else {
                    continue;
                };
                state.panes.insert(id, revive(r, m, sid, window.id));
            }
        }
    }
    sessions.retain(|s| !s.windows.is_empty());
    state.sessions = sessions;
    state.options = tree.options;
    state.keys = tree.keys;
    state.buffers = tree.buffers;
    state.environ = tree.environ;
    state.tick = tree.tick;
    state.messages = tree.messages;
    state.prompt_history = tree.prompt_history;
    let n = &mut state.next_ids;
    n.session = u32::try_from(tree.next[0]).unwrap_or(u32::MAX);
    n.window = u32::try_from(tree.next[1]).unwrap_or(u32::MAX);
    n.pane = u32::try_from(tree.next[2]).unwrap_or(u32::MAX);
    n.program = tree.next[3];
    let orphans: Vec<Revived> = revived.into_values().collect();
    bump_ids(state, &orphans);
    orphans
}

/// Makes a pane of a revived program, with what the tree kept of it.
fn revive(r: Revived, m: &PaneMeta, session: SessionId, window: WindowId) -> Pane {
    let place = PanePlace {
        id: r.id,
        program: r.program,
        session,
        window,
        size: r.term.size(),
        history: m.history_limit,
        default_title: m.default_title.clone(),
    };
    let mut pane = Pane::new(place, r.started);
    pane.term = r.term;
    pane.command = m.command.clone();
    pane.named_after = m.named_after;
    pane.exit_status = r.exit_status;
    pane
}

/// Makes every id counter pass the ids in use, so nothing new takes an id a kept program or
/// its journal has.
fn bump_ids(state: &mut State, orphans: &[Revived]) {
    let panes = state.panes.values().map(|p| (p.id, p.program));
    let all: Vec<(PaneId, ProgramId)> = panes
        .chain(orphans.iter().map(|r| (r.id, r.program)))
        .collect();
    let n = &mut state.next_ids;
    for (pane, program) in all {
        n.pane = n.pane.max(pane.0.saturating_add(1));
        n.program = n.program.max(program.0.saturating_add(1));
    }
    for s in &state.sessions {
        n.session = n.session.max(s.id.0.saturating_add(1));
        for w in &s.windows {
            n.window = n.window.max(w.id.0.saturating_add(1));
        }
    }
}

/// Puts programs the tree did not know (started after its last checkpoint, or all of them
/// when there was no tree to read) into a new session, `recovered`, one window each.
pub fn adopt_orphans(state: &mut State, orphans: Vec<Revived>, cwd: &str) {
    if orphans.is_empty() {
        return;
    }
    let sid = SessionId(state.next_ids.session);
    state.next_ids.session += 1;
    let name = free_name(state, "recovered");
    let mut session = Session::new(sid, name, Vec::new(), cwd.to_string());
    let base = state.options.session(sid, "base-index").as_index();
    let mut orphans = orphans;
    orphans.sort_by_key(|r| r.id);
    for r in orphans {
        let wid = WindowId(state.next_ids.window);
        state.next_ids.window += 1;
        let size = r.term.size();
        let index = session.free_index(base);
        let window = Window::new(wid, index, "recovered".into(), r.id, size.cols, size.rows);
        session.insert(window);
        let meta = PaneMeta {
            id: r.id,
            program: r.program,
            session: sid,
            window: wid,
            default_title: String::new(),
            named_after: None,
            command: Vec::new(),
            history_limit: r.term.history().limit(),
        };
        let pane = revive(r, &meta, sid, wid);
        state.panes.insert(pane.id, pane);
        session.select(wid);
    }
    session.size = session
        .current_window()
        .map_or((80, 23), |w| w.layout.size());
    state.sessions.push(session);
    bump_ids(state, &[]);
}

/// Returns `base`, or `base-N` for the first N that no session has.
fn free_name(state: &State, base: &str) -> String {
    let taken = |n: &str| state.sessions.iter().any(|s| s.name == n);
    if !taken(base) {
        return base.to_string();
    }
    (1..)
        .map(|i| format!("{base}-{i}"))
        .find(|n| !taken(n))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
