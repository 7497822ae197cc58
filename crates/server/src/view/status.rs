//! The status line in tmux's look and options: `status-left`, the window list from
//! `window-status-format` and `window-status-current-format` with their styles, and
//! `status-right`, all `#{...}` formats with `#[...]` styles; or the client's prompt or message.

use mux_protocol::{Cell, Style};

use crate::config::style::{layout_cells, parse_style, runs_width, styled_runs, Run};
use crate::ids::{ClientId, SessionId, WindowId};
use crate::model::client::StatusTarget;
use crate::model::mode::Mode;
use crate::model::state::State;
use crate::model::vars::{self, Scope};
use crate::view::status_list::{self, Justify, List};

/// The status row for a client and where its cursor goes when it is typing there.
pub struct StatusRow {
    /// The cells, exactly the client's width.
    pub cells: Vec<Cell>,
    /// The cursor column when a prompt is open.
    pub cursor: Option<u16>,
    /// Where its parts are: columns and what is there.
    pub ranges: Vec<(usize, usize, StatusTarget)>,
}

/// Returns an option's style on top of `base`, tolerating bad styles (they are refused when set).
/// For `status-style`, the older `status-fg` and `status-bg` override its colours when set,
/// as in tmux.
pub fn option_style(state: &State, scope: Scope, name: &str, base: Style) -> Style {
    let text = option_text(state, scope, name);
    let expanded = vars::expand(state, scope, &text);
    let mut style = parse_style(&expanded, base).unwrap_or(base);
    if name == "status-style" {
        let colour = |option: &str| {
            crate::config::style::parse_colour(&option_text(state, scope, option))
                .filter(|c| *c != mux_protocol::Color::Default)
        };
        if let Some(fg) = colour("status-fg") {
            style.fg = fg;
        }
        if let Some(bg) = colour("status-bg") {
            style.bg = bg;
        }
    }
    style
}

fn option_text(state: &State, scope: Scope, name: &str) -> String {
    vars::lookup(state, scope, name).unwrap_or_default()
}

/// Builds the status row of `client`, attached to `sid`, `width` cells wide.
pub fn status_row(state: &State, client: ClientId, sid: SessionId, width: usize) -> StatusRow {
    let scope = scope_of(state, client, sid);
    let base = option_style(state, scope, "status-style", Style::default());
    if let Some(row) = prompt_row(state, client, scope, width) {
        return row;
    }
    let left = side(state, scope, "status-left", base);
    let right = side(state, scope, "status-right", base);
    let mut cells = cells_of(&left, width, base);
    let lw = runs_width(&left).min(width);
    let rw = runs_width(&right);
    let area = width - lw - if rw < width - lw { rw } else { 0 };
    let justify = Justify::parse(&option_text(state, scope, "status-justify"));
    let (list, windows) = window_list(state, client, sid, base);
    let shown = status_list::place(&mut cells, &list, (lw, area), justify, base);
    let mut ranges = vec![(0, lw, StatusTarget::Left)];
    for (entry, wid) in list.entries.iter().zip(windows) {
        if let Some((from, to)) = shown.columns(*entry) {
            ranges.push((from, to, StatusTarget::Window(wid)));
        }
    }
    if rw < width {
        let right_cells = layout_cells(&right, rw);
        for (i, (text, style)) in right_cells.into_iter().enumerate() {
            cells[width - rw + i] = Cell::new(text, style);
        }
        ranges.push((width - rw, width, StatusTarget::Right));
    }
    StatusRow {
        cells,
        cursor: None,
        ranges,
    }
}

/// Returns the scope formats on the status line are expanded in.
fn scope_of(state: &State, client: ClientId, sid: SessionId) -> Scope {
    let w = state.session(sid).and_then(|s| s.current_window());
    Scope {
        session: Some(sid),
        window: w.map(|w| w.id),
        pane: w.map(|w| w.active),
        client: Some(client),
    }
}

/// Expands status-left or status-right (strftime, then formats) and cuts it to its length.
fn side(state: &State, scope: Scope, name: &str, base: Style) -> Vec<Run> {
    let text = option_text(state, scope, name);
    let timed = crate::config::time::format(state.os.wall_clock(), &text);
    let expanded = vars::expand(state, scope, &timed);
    let style = option_style(state, scope, &format!("{name}-style"), base);
    let max = vars::lookup(state, scope, &format!("{name}-length"))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(usize::MAX);
    let runs = styled_runs(&expanded, style);
    truncate(runs, max)
}

/// Keeps the first `max` cells of `runs`.
fn truncate(runs: Vec<Run>, max: usize) -> Vec<Run> {
    if runs_width(&runs) <= max {
        return runs;
    }
    let cells = layout_cells(&runs, max);
    cells
        .into_iter()
        .filter(|(t, _)| !t.is_empty())
        .map(|(text, style)| Run { text, style })
        .collect()
}

/// The window list: each window's format in its style, with the separator between, laid out
/// in cells, and where the current window's entry is.
fn window_list(
    state: &State,
    client: ClientId,
    sid: SessionId,
    base: Style,
) -> (List, Vec<WindowId>) {
    let mut runs = Vec::new();
    let mut focus = (0, 0);
    let mut entries = Vec::new();
    let mut windows = Vec::new();
    let Some(session) = state.session(sid) else {
        let empty = List {
            cells: Vec::new(),
            focus,
            entries,
        };
        return (empty, windows);
    };
    for (i, w) in session.windows.iter().enumerate() {
        let scope = Scope {
            session: Some(sid),
            window: Some(w.id),
            pane: Some(w.active),
            client: Some(client),
        };
        if i > 0 {
            let sep = option_text(state, scope, "window-status-separator");
            runs.extend(styled_runs(&sep, base));
        }
        let current = w.id == session.current;
        let (fmt, style_name) = if current {
            (
                "window-status-current-format",
                "window-status-current-style",
            )
        } else {
            ("window-status-format", "window-status-style")
        };
        let mut style = option_style(state, scope, "window-status-style", base);
        if current {
            style = option_style(state, scope, style_name, style);
        } else if session.last_window() == Some(w.id) {
            style = option_style(state, scope, "window-status-last-style", style);
        }
        if !current && w.bell {
            style = option_style(state, scope, "window-status-bell-style", style);
        } else if !current && (w.activity || w.silence) {
            style = option_style(state, scope, "window-status-activity-style", style);
        }
        let text = vars::expand(state, scope, &option_text(state, scope, fmt));
        let before = runs_width(&runs);
        runs.extend(styled_runs(&text, style));
        let entry = (before, runs_width(&runs));
        if current {
            focus = entry;
        }
        entries.push(entry);
        windows.push(w.id);
    }
    let list = List {
        cells: layout_cells(&runs, usize::MAX),
        focus,
        entries,
    };
    (list, windows)
}

/// Lays runs out into exactly `width` cells, padding with the base style.
fn cells_of(runs: &[Run], width: usize, base: Style) -> Vec<Cell> {
    let mut cells: Vec<Cell> = layout_cells(runs, width)
        .into_iter()
        .map(|(text, style)| Cell::new(text, style))
        .collect();
    cells.resize(
        width,
        Cell {
            text: " ".into(),
            style: base,
            link: None,
        },
    );
    cells
}

/// The prompt or message row, when the client has one.
fn prompt_row(state: &State, client: ClientId, scope: Scope, width: usize) -> Option<StatusRow> {
    let c = state.clients.get(&client)?;
    let command_mode = matches!(&c.mode, Mode::Prompt(p) if p.command_mode);
    let name = match command_mode {
        true => "message-command-style",
        false => "message-style",
    };
    let style = option_style(state, scope, name, Style::default());
    let (text, cursor) = match (&c.mode, &c.message) {
        (Mode::Prompt(p), _) => {
            let before: String = p.input.chars().take(p.cursor).collect();
            let at = unicode_width::UnicodeWidthStr::width(format!("{}{before}", p.label).as_str());
            (
                format!("{}{}", p.label, p.input),
                Some(u16::try_from(at.min(width.saturating_sub(1))).unwrap_or(u16::MAX)),
            )
        }
        (_, Some((message, _))) => (message.clone(), None),
        _ if c.prefix_hint.is_some_and(|(_, shown)| shown) => {
            let text = crate::view::hint::text(state, width);
            let style = option_style(state, scope, "status-style", Style::default());
            let runs = vec![Run { text, style }];
            return Some(StatusRow {
                cells: cells_of(&runs, width, style),
                cursor: None,
                ranges: Vec::new(),
            });
        }
        _ => return None,
    };
    let runs = vec![Run { text, style }];
    let mut cells = cells_of(&runs, width, style);
    let used = runs_width(&runs).min(width);
    for cell in cells.iter_mut().skip(used) {
        cell.style = option_style(state, scope, "status-style", Style::default());
    }
    Some(StatusRow {
        cells,
        cursor,
        ranges: Vec::new(),
    })
}
