//! View mode (tmux's `view-mode`): text shown over a pane — a command's output, the key list
//! of `C-b ?`, config errors — in a terminal of its own that copy mode looks at instead of
//! the pane's, so it scrolls with copy-mode keys and `q` leaves it. The pane's program runs
//! on underneath; more text appends to the view.

use mux_term_emu::{Size as TermSize, Terminal};

use crate::ids::{ClientId, PaneId};
use crate::model::copy::CopyMode;
use crate::model::state::State;

/// How many lines a view keeps.
const VIEW_LINES: usize = 50_000;

/// Shows `text` in view mode over the active pane of the window `client` looks at.
pub fn show_for_client(state: &mut State, client: ClientId, text: &str) {
    if let Some(pane) = state.client_pane(client) {
        show(state, pane, text);
    }
}

/// Shows `text` in view mode over `pane`: a new view starts at its first line; text added
/// to a view already shown leaves the view where it is.
pub fn show(state: &mut State, pane: PaneId, text: &str) {
    let Some(p) = state.panes.get_mut(&pane) else {
        return;
    };
    if p.view.is_none() || p.copy.is_none() {
        let size = p.term.size();
        let mut view = Terminal::new(
            TermSize {
                cols: size.cols.max(1),
                rows: size.rows.max(1),
            },
            VIEW_LINES,
        );
        view.process(&printable(text));
        let mut copy = CopyMode::new(&view);
        copy.top = view.first_line();
        copy.cy = copy.top;
        copy.cx = 0;
        copy.want_cx = 0;
        p.copy = Some(copy);
        p.view = Some(view);
    } else if let (Some(view), Some(copy)) = (p.view.as_mut(), p.copy.as_mut()) {
        view.process(&printable(text));
        copy.clamp(view);
    }
    let sid = p.session;
    state.mark_session_dirty(sid);
}

/// Returns the bytes a view's terminal is fed for `text`: lines end with CR LF, and control
/// characters other than tabs show as `?` so that output cannot drive the view's terminal.
fn printable(text: &str) -> Vec<u8> {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\r\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('?'),
            c => out.push(c),
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_cannot_reach_the_views_terminal() {
        assert_eq!(printable("a\x1b[2Jb\n\tc"), b"a?[2Jb\r\n\tc".to_vec());
    }
}
