//! Format variables: what `#{session_name}`, `#{pane_id}` and the rest mean for a given
//! session, window, pane and client, and expanding formats with them.

use crate::ids::{ClientId, PaneId, SessionId, WindowId};
use crate::model::state::State;

mod mouse;

/// The objects a format is expanded for; any may be missing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// The session.
    pub session: Option<SessionId>,
    /// The window.
    pub window: Option<WindowId>,
    /// The pane.
    pub pane: Option<PaneId>,
    /// The client.
    pub client: Option<ClientId>,
}

impl Scope {
    /// Returns the scope of a session alone.
    pub fn of_session(session: SessionId) -> Scope {
        Scope {
            session: Some(session),
            ..Scope::default()
        }
    }

    /// Returns the scope of a pane with its window and session.
    pub fn of_pane(session: SessionId, window: WindowId, pane: PaneId) -> Scope {
        Scope {
            session: Some(session),
            window: Some(window),
            pane: Some(pane),
            client: None,
        }
    }
}

/// Expands `fmt` for `scope`.
pub fn expand(state: &State, scope: Scope, fmt: &str) -> String {
    crate::config::format::expand(fmt, &|name| lookup(state, scope, name))
}

/// Expands `fmt` for a paste buffer (list-buffers, choose-buffer): its `buffer_*` variables,
/// then those of `scope`.
pub fn expand_buffer(
    state: &State,
    scope: Scope,
    buffer: &crate::model::buffers::Buffer,
    fmt: &str,
) -> String {
    crate::config::format::expand(fmt, &|name| {
        buffer.var(name).or_else(|| lookup(state, scope, name))
    })
}

/// Returns a variable's value, or an option's when the name is one.
pub fn lookup(state: &State, scope: Scope, name: &str) -> Option<String> {
    if let Some(command) = name.strip_prefix("#(") {
        return Some(state.shell_value(command));
    }
    if let Some((_, value)) = state.queue.running.vars.iter().find(|(n, _)| n == name) {
        return Some(value.clone());
    }
    let found = session_var(state, scope, name)
        .or_else(|| window_var(state, scope, name))
        .or_else(|| pane_var(state, scope, name))
        .or_else(|| client_var(state, scope, name))
        .or_else(|| mouse::mouse_var(state, scope, name))
        .or_else(|| server_var(state, name));
    found.or_else(|| option_var(state, scope, name))
}

fn flag(b: bool) -> Option<String> {
    Some(if b { "1" } else { "0" }.to_string())
}

fn session_var(state: &State, scope: Scope, name: &str) -> Option<String> {
    let s = state.session(scope.session?)?;
    let attached = state
        .clients
        .values()
        .filter(|c| c.session == Some(s.id))
        .count();
    Some(match name {
        "session_name" => s.name.clone(),
        "session_id" => format!("${}", s.id.0),
        "session_windows" => s.windows.len().to_string(),
        "session_attached" => attached.to_string(),
        "session_created" => crate::config::time::unix_seconds(s.created).to_string(),
        "session_width" => s.size.0.to_string(),
        "session_height" => s.size.1.to_string(),
        _ => return None,
    })
}

fn window_var(state: &State, scope: Scope, name: &str) -> Option<String> {
    let s = state.session(scope.session?)?;
    let w = s.window(scope.window?)?;
    let current = s.current == w.id;
    let last = s.last_window() == Some(w.id);
    let (cols, rows) = w.layout.size();
    let marked = state
        .marked_pane()
        .is_some_and(|p| w.layout.rect(p).is_some());
    match name {
        "window_index" => Some(w.index.to_string()),
        "window_marked_flag" => flag(marked),
        "window_name" => Some(w.name.clone()),
        "window_id" => Some(format!("@{}", w.id.0)),
        "window_active" => flag(current),
        "window_last_flag" => flag(last),
        "window_flags" => Some(w.flags(current, last, marked)),
        "window_raw_flags" => Some(w.flags(current, last, marked)),
        "window_panes" => Some(w.layout.len().to_string()),
        "window_zoomed_flag" => flag(w.zoomed),
        "window_bell_flag" => flag(w.bell),
        "window_activity_flag" => flag(w.activity),
        "window_silence_flag" => flag(w.silence),
        "window_width" => Some(cols.to_string()),
        "window_height" => Some(rows.to_string()),
        "window_layout" => Some(w.layout.tmux_string()),
        "window_visible_layout" if w.zoomed => Some(
            crate::model::layout::Layout::single_tmux_string(w.active, cols, rows),
        ),
        "window_visible_layout" => Some(w.layout.tmux_string()),
        _ => None,
    }
}

fn pane_var(state: &State, scope: Scope, name: &str) -> Option<String> {
    let id = scope.pane?;
    let p = state.panes.get(&id)?;
    let w = state.window(p.session, p.window)?;
    let base = state.options.window(w.id, "pane-base-index").as_count();
    let rect = w
        .visible_rect(id)
        .or_else(|| w.layout.rect(id))
        .unwrap_or_default();
    let cursor = p.term.cursor().pos;
    Some(match name {
        "pane_index" => (w.pane_position(id).unwrap_or(0) + base).to_string(),
        "pane_id" => format!("%{}", id.0),
        "pane_pid" => p.pid.to_string(),
        "pane_tty" => p.tty.clone(),
        "pane_title" => p.title().to_string(),
        "pane_current_command" => p.current_command().unwrap_or_default(),
        "pane_current_path" => p.current_path(),
        "pane_width" => rect.cols.to_string(),
        "pane_height" => rect.rows.to_string(),
        "pane_left" => rect.x.to_string(),
        "pane_top" => rect.y.to_string(),
        "pane_right" => (rect.x + rect.cols).saturating_sub(1).to_string(),
        "pane_bottom" => (rect.y + rect.rows).saturating_sub(1).to_string(),
        "pane_active" => return flag(w.active == id),
        "pane_marked" => return flag(state.marked_pane() == Some(id)),
        "pane_marked_set" => return flag(state.marked_pane().is_some()),
        "pane_last" => return flag(w.last_pane == Some(id)),
        "pane_dead" => return flag(p.exit_status.is_some()),
        "pane_pipe" => return flag(p.pipe.is_some()),
        "pane_dead_status" => p.exit_status.map(|s| s.to_string()).unwrap_or_default(),
        "pane_in_mode" => return flag(p.copy.is_some() || p.clock),
        "mouse_any_flag" => return flag(crate::model::mouse::wants_mouse(state, id)),
        "pane_mode" => match (&p.copy, &p.view) {
            (Some(_), Some(_)) => "view-mode".into(),
            (Some(_), None) => "copy-mode".into(),
            (None, _) if p.clock => "clock-mode".into(),
            (None, _) => String::new(),
        },
        "pane_synchronized" => {
            return flag(state.options.window(w.id, "synchronize-panes").as_flag())
        }
        "cursor_x" => cursor.col.to_string(),
        "cursor_y" => cursor.row.to_string(),
        "history_size" => p.term.history().len().to_string(),
        "history_limit" => p.term.history().limit().to_string(),
        // As tmux: the memory the history's lines take, in bytes.
        "history_bytes" => p.term.history().heap_bytes().to_string(),
        "alternate_on" => return flag(p.term.modes().alternate_screen),
        _ => return copy_var(state, p, name),
    })
}

/// The copy-mode variables of a pane (empty when it is not in copy mode, as tmux).
fn copy_var(state: &State, p: &crate::model::pane::Pane, name: &str) -> Option<String> {
    use crate::model::copy::CopyMode;
    let known = [
        "scroll_position",
        "copy_cursor_x",
        "copy_cursor_y",
        "copy_cursor_word",
        "copy_cursor_line",
        "selection_present",
        "selection_active",
        "search_present",
        "pane_search_string",
        "selection_start_x",
        "selection_start_y",
        "selection_end_x",
        "selection_end_y",
        "rectangle_toggle",
    ];
    if !known.contains(&name) {
        return None;
    }
    let Some(c) = p.copy.as_ref() else {
        return Some(String::new());
    };
    let term = p.copy_term();
    Some(match name {
        "scroll_position" => c.scrolled_back(term).to_string(),
        "copy_cursor_x" => c.cx.to_string(),
        "copy_cursor_y" => c.cy.saturating_sub(c.top).to_string(),
        "copy_cursor_word" => {
            let seps = state.options.window(p.window, "word-separators").as_text();
            CopyMode::word_at(term, &seps, (c.cy, c.cx))
                .map(|(a, b)| crate::model::copy::motion::text_of(term, c.cy, a, b))
                .unwrap_or_default()
        }
        "copy_cursor_line" => term.line_text(c.cy),
        "selection_present" => return flag(c.sel.is_some()),
        "selection_active" => return flag(c.sel.is_some_and(|s| s.following)),
        // As tmux: 1 while matches are marked, so 0 after a search that found nothing.
        "search_present" => return flag(c.search.as_ref().is_some_and(|s| s.count > 0)),
        "rectangle_toggle" => return flag(c.kind == crate::model::copy::SelKind::Rect),
        "selection_start_x" | "selection_start_y" | "selection_end_x" | "selection_end_y" => {
            // As tmux: rows counted from the top of the history, empty without a selection.
            let Some((a, b)) = c.selection_range(term) else {
                return Some(String::new());
            };
            let first = CopyMode::first(term);
            let end = if name.starts_with("selection_start") {
                a
            } else {
                b
            };
            if name.ends_with('x') {
                end.1.to_string()
            } else {
                end.0.saturating_sub(first).to_string()
            }
        }
        _ => c
            .search
            .as_ref()
            .map(|s| s.pattern.clone())
            .unwrap_or_default(),
    })
}

fn client_var(state: &State, scope: Scope, name: &str) -> Option<String> {
    let c = state.clients.get(&scope.client?)?;
    let size = c.size();
    Some(match name {
        "client_width" => size.cols.to_string(),
        "client_height" => size.rows.to_string(),
        "client_name" => c.name(),
        "client_tty" => c.name(),
        "client_termname" => c
            .terminal
            .as_ref()
            .map(|t| t.term.clone())
            .unwrap_or_default(),
        "client_session" => c
            .session
            .and_then(|s| state.session(s))
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        "client_pid" => c.pid().to_string(),
        _ => return None,
    })
}

fn server_var(state: &State, name: &str) -> Option<String> {
    Some(match name {
        "host" => state.os.hostname(),
        "host_short" => crate::model::ops::short_hostname(&state.os.hostname()),
        "pid" => std::process::id().to_string(),
        "version" => env!("CARGO_PKG_VERSION").to_string(),
        "socket_path" => state.socket.display().to_string(),
        "start_time" => String::new(),
        _ => return None,
    })
}

fn option_var(state: &State, scope: Scope, name: &str) -> Option<String> {
    let spec = crate::config::options::lookup(name)?;
    let value = match (spec.scope, scope.session, scope.window, scope.pane) {
        (crate::config::options::Scope::Server, ..) => state.options.server(name),
        (crate::config::options::Scope::Session, Some(s), ..) => state.options.session(s, name),
        (_, _, Some(w), Some(p)) => state.options.pane(p, w, name),
        (_, _, Some(w), None) => state.options.window(w, name),
        _ => return None,
    };
    // In formats a flag is 1 or 0, as tmux expands it, so `#{?synchronize-panes,...}` works.
    Some(match value {
        crate::config::options::Value::Flag(b) => if b { "1" } else { "0" }.to_string(),
        v => v.as_text(),
    })
}
