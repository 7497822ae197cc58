//! The status line in tmux's default look: `[session] 0:name*` on the left and
//! `"pane title" HH:MM DD-Mon-YY` on the right, black on green.

use std::time::SystemTime;

use mux_protocol::{Attrs, Cell, Color, Style};

use crate::session::Session;
use crate::state::State;

/// tmux's `status-left-length` default.
const LEFT_MAX: usize = 10;
/// tmux's `status-right-length` default.
const RIGHT_MAX: usize = 40;
/// tmux's default `=21` truncation of the pane title.
const TITLE_MAX: usize = 21;

/// Builds the status row for a session, `width` cells wide.
pub fn status_row(state: &State, session: &Session, width: usize) -> Vec<Cell> {
    let style = Style {
        fg: Color::Indexed(0),
        bg: Color::Indexed(2),
        attrs: Attrs::default(),
    };
    let mut row = vec![
        Cell {
            text: " ".into(),
            style,
        };
        width
    ];
    let left: String = format!("[{}] ", session.name)
        .chars()
        .take(LEFT_MAX)
        .collect();
    let mut x = put(&mut row, 0, &left, style);
    for (i, w) in session.windows.iter().enumerate() {
        let flag = if i == session.current { "*" } else { " " };
        let text = format!("{}:{}{}", w.index, w.name, flag);
        x = put(&mut row, x, &text, style);
        if i + 1 < session.windows.len() {
            x = put(&mut row, x, " ", style);
        }
    }
    let right = right_text(state, session);
    let len = right.chars().count();
    if len + x < width {
        put(&mut row, width - len, &right, style);
    }
    row
}

/// Returns the right-hand text: the pane title and the time.
fn right_text(state: &State, session: &Session) -> String {
    let title = session
        .current_window()
        .and_then(|w| state.panes.get(&w.pane))
        .map(|p| p.term.title().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(hostname);
    let title: String = title.chars().take(TITLE_MAX).collect();
    let time = crate::time::format(SystemTime::now(), "%H:%M %d-%b-%y");
    format!("\"{title}\" {time}")
        .chars()
        .take(RIGHT_MAX)
        .collect()
}

/// Returns the machine's short host name, the default pane title.
pub fn hostname() -> String {
    nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .map(|h| h.split('.').next().unwrap_or("").to_string())
        .unwrap_or_default()
}

/// Writes `text` into `row` from column `x`, one character a cell (control characters become
/// spaces); returns the column after it.
fn put(row: &mut [Cell], mut x: usize, text: &str, style: Style) -> usize {
    for ch in text.chars() {
        let Some(cell) = row.get_mut(x) else {
            break;
        };
        let ch = if ch.is_control() { ' ' } else { ch };
        *cell = Cell {
            text: ch.to_string(),
            style,
        };
        x += 1;
    }
    x
}
