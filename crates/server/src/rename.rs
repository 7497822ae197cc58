//! automatic-rename: a window is named after the command in the foreground of its pane. It is
//! looked at when the pane writes output (no timer wakes an idle server), and `/proc` is read
//! only when the foreground process group changed.

use crate::event::PaneId;
use crate::state::State;

/// Renames the pane's window when its foreground command changed.
pub fn after_output(state: &mut State, id: PaneId) {
    let Some(pane) = state.panes.get_mut(&id) else {
        return;
    };
    let pgrp = pane.foreground();
    if pane.named_after == Some(pgrp) {
        return;
    }
    let Some(name) = pane.current_command() else {
        return;
    };
    pane.named_after = Some(pgrp);
    let (session, window) = (pane.session, pane.window);
    let Some(s) = state.sessions.iter_mut().find(|s| s.id == session) else {
        return;
    };
    if let Some(w) = s.windows.iter_mut().find(|w| w.id == window) {
        if w.name != name {
            w.name = name;
            state.mark_session_dirty(session);
        }
    }
}
