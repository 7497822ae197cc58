//! Building saved sessions back into the running server: each window with its panes in
//! their layout (sizes scaled to the session's size when it differs), directories, names,
//! options and titles; history fed to each pane's screen; and the commands the caller allows
//! typed into the pane's new shell once it shows its prompt, as if the user typed them.

use mux_term_emu::Size as TermSize;

use crate::config::options::OptionTarget;
use crate::ids::{PaneId, SessionId, WindowId};
use crate::model::layout::{Layout, Split, Tree};
use crate::model::ops::{self, Launch};
use crate::model::persist::{program_name, SavedWindow};
use crate::model::persist::{NodeKind, SavedNode, SavedOption, SavedPane, SavedSession, SavedSize};
use crate::model::session::Session;
use crate::model::state::State;

/// Which saved commands are typed into their pane again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Programs {
    /// Every one (a layout file, written by the user).
    All,
    /// Those whose program is named here (`restore-programs`).
    Only(Vec<String>),
}

impl Programs {
    /// Returns whether `command` may run again.
    fn allows(&self, command: &str) -> bool {
        match self {
            Programs::All => true,
            Programs::Only(names) => names.iter().any(|n| n == program_name(command)),
        }
    }
}

/// How to build a session.
#[derive(Debug, Clone)]
pub struct Build {
    /// Its name.
    pub name: String,
    /// Its size.
    pub size: (u16, u16),
    /// The environment its panes start from.
    pub env: Vec<(String, String)>,
    /// The directory its new windows start in, and relative directories are taken from.
    pub cwd: String,
    /// Which commands run again.
    pub programs: Programs,
    /// Whether saved history is put back on the panes' screens.
    pub history: bool,
}

/// Creates a session from `saved`; returns it and what could not be restored (an option
/// that no longer exists, a window whose program could not start). Fails only when no
/// window could be made.
pub fn session(
    state: &mut State,
    saved: &SavedSession,
    how: &Build,
) -> Result<(SessionId, Vec<String>), String> {
    let id = SessionId(state.next_ids.session);
    let mut session = Session::new(id, how.name.clone(), how.env.clone(), how.cwd.clone());
    session.created = state.os.wall_clock();
    session.size = how.size;
    state.tick += 1;
    session.last_used = state.tick;
    state.next_ids.session += 1;
    state.sessions.push(session);
    let mut problems = set_options(state, &saved.options, OptionTarget::Session(id));
    let mut current = None;
    for w in &saved.windows {
        match window(state, id, w, how, &mut problems) {
            Ok(wid) if w.active || current.is_none() => current = Some(wid),
            Ok(_) => {}
            Err(e) => problems.push(e),
        }
    }
    let Some(current) = current else {
        state.sessions.retain(|s| s.id != id);
        state.options.forget_session(id);
        return Err(problems.join("; "));
    };
    if let Some(s) = state.session_mut(id) {
        s.select(current);
        s.history.clear();
    }
    state.mark_session_dirty(id);
    state.notify("session-created", Some(id), None, None);
    Ok((id, problems))
}

/// Sets saved options on an object; returns the ones that could not be set.
fn set_options(state: &mut State, options: &[SavedOption], target: OptionTarget) -> Vec<String> {
    let mut problems = Vec::new();
    for o in options {
        if let Err(e) = state.options.set(&o.name, Some(&o.value), target, false) {
            problems.push(format!("option {}: {e}", o.name));
        }
    }
    problems
}

/// Creates a window from `saved` in session `sid`, with all its panes.
fn window(
    state: &mut State,
    sid: SessionId,
    saved: &SavedWindow,
    how: &Build,
    problems: &mut Vec<String>,
) -> Result<WindowId, String> {
    let (cols, rows) = how.size;
    let (wc, wr) = saved.size.unwrap_or(how.size);
    let mut count = 0;
    let tree = to_tree(&saved.layout, wc, wr, &mut count);
    let shape = Layout::from_tree(&tree, &|p| p, cols, rows).ok_or("a layout is not valid")?;
    let panes = saved.layout.panes();
    let cwd = |p: &SavedPane| directory(p.cwd.as_deref(), how);
    let first_cwd = panes.first().map(|p| cwd(p));
    let launch = Launch {
        cwd: first_cwd.as_deref(),
        ..Default::default()
    };
    let wid = ops::new_window(state, sid, saved.index, saved.name.clone(), &launch, true)?;
    let mut ids = vec![state.window(sid, wid).map_or(PaneId(0), |w| w.active)];
    for (k, p) in panes.iter().enumerate().skip(1) {
        let rect = shape.rect(PaneId(u32::try_from(k).unwrap_or(u32::MAX)));
        let size = rect.map_or(TermSize { cols, rows }, |r| TermSize {
            cols: r.cols,
            rows: r.rows,
        });
        let dir = cwd(p);
        let launch = Launch {
            cwd: Some(&dir),
            ..Default::default()
        };
        match ops::spawn_pane(state, sid, wid, &launch, size) {
            Ok(id) => ids.push(id),
            Err(e) => {
                discard_window(state, sid, wid, &ids);
                return Err(e);
            }
        }
    }
    let map = |p: PaneId| ids.get(p.0 as usize).copied().unwrap_or(p);
    let active = panes.iter().position(|p| p.active).unwrap_or(0);
    let active = ids.get(active).or(ids.first()).copied();
    if let Some(w) = state.window_mut(sid, wid) {
        if let Some(layout) = Layout::from_tree(&tree, &map, cols, rows) {
            w.layout = layout;
        }
        if let Some(active) = active {
            w.select_pane(active);
        }
        w.last_pane = None;
        w.zoomed = saved.zoomed && ids.len() > 1;
    }
    ops::sync_window(state, sid, wid);
    problems.extend(set_options(
        state,
        &saved.options,
        OptionTarget::Window(wid),
    ));
    for (p, id) in panes.iter().zip(&ids) {
        fill_pane(state, *id, wid, p, how, problems);
    }
    Ok(wid)
}

/// Takes a window that could not be made whole out of its session, with the panes made for
/// it. (Not `kill_window`: the session is still being built, and must not end with it.)
fn discard_window(state: &mut State, sid: SessionId, wid: WindowId, panes: &[PaneId]) {
    for id in panes {
        if let Some(pane) = state.panes.remove(id) {
            pane.hangup();
        }
        state.options.forget_pane(*id);
    }
    if let Some(s) = state.session_mut(sid) {
        s.remove(wid);
    }
    state.options.forget_window(wid);
}

/// Puts back what a pane had: options, title, history, and its command when allowed.
fn fill_pane(
    state: &mut State,
    id: PaneId,
    wid: WindowId,
    saved: &SavedPane,
    how: &Build,
    problems: &mut Vec<String>,
) {
    problems.extend(set_options(
        state,
        &saved.options,
        OptionTarget::Pane(id, wid),
    ));
    let Some(pane) = state.panes.get_mut(&id) else {
        return;
    };
    if let Some(title) = &saved.title {
        let clean: String = title.chars().filter(|c| !c.is_control()).collect();
        pane.term.process(format!("\x1b]2;{clean}\x07").as_bytes());
    }
    if how.history {
        for line in &saved.history {
            pane.term.process(line.as_bytes());
            pane.term.process(b"\x1b[m\r\n");
        }
    }
    if let Some(command) = saved.command.as_deref().filter(|c| how.programs.allows(c)) {
        let line: String = command.chars().filter(|c| !c.is_control()).collect();
        crate::model::waits::type_when_ready(state, id, format!("{line}\r"));
    }
}

/// Returns the directory a saved pane starts in: `~` is the home directory, a relative
/// path is the session's directory's; none is the session's.
fn directory(saved: Option<&str>, how: &Build) -> String {
    let home = how
        .env
        .iter()
        .find(|(k, _)| k == "HOME")
        .map(|(_, v)| v.as_str());
    match saved {
        None | Some("") => how.cwd.clone(),
        Some("~") => home.unwrap_or("/").to_string(),
        Some(path) => match (path.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => format!("{}/{rest}", home.trim_end_matches('/')),
            _ if path.starts_with('/') => path.to_string(),
            _ => format!("{}/{path}", how.cwd.trim_end_matches('/')),
        },
    }
}

/// Turns a saved layout into a tree of cells for a `cols`×`rows` area, numbering its panes
/// from `next` depth first. A child's size is its cells, its percentage of the parent, or
/// an even share of what the others leave.
fn to_tree(node: &SavedNode, cols: u16, rows: u16, next: &mut u32) -> Tree {
    match &node.kind {
        NodeKind::Pane(_) => {
            let pane = PaneId(*next);
            *next += 1;
            Tree::Pane { pane, cols, rows }
        }
        NodeKind::Split(dir, children) => {
            let along = if *dir == Split::Horizontal {
                cols
            } else {
                rows
            };
            let lens = lengths(children, along);
            let children = children
                .iter()
                .zip(lens)
                .map(|(c, len)| match dir {
                    Split::Horizontal => to_tree(c, len, rows, next),
                    Split::Vertical => to_tree(c, cols, len, next),
                })
                .collect();
            Tree::Split {
                dir: *dir,
                cols,
                rows,
                children,
            }
        }
    }
}

/// Returns the children's lengths along a split `along` cells long (borders between them).
fn lengths(children: &[SavedNode], along: u16) -> Vec<u16> {
    let borders = u32::try_from(children.len().saturating_sub(1)).unwrap_or(0);
    let room = u32::from(along).saturating_sub(borders).max(1);
    let given: Vec<Option<u32>> = children
        .iter()
        .map(|c| match c.size {
            Some(SavedSize::Cells(n)) => Some(u32::from(n)),
            Some(SavedSize::Percent(p)) => Some(room * u32::from(p) / 100),
            None => None,
        })
        .collect();
    let taken: u32 = given.iter().flatten().sum();
    let free = u32::try_from(given.iter().filter(|g| g.is_none()).count()).unwrap_or(1);
    let share = room.saturating_sub(taken) / free.max(1);
    given
        .into_iter()
        .map(|g| u16::try_from(g.unwrap_or(share).max(1)).unwrap_or(u16::MAX))
        .collect()
}

#[cfg(test)]
mod tests;
