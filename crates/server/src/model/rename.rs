//! automatic-rename: a window is named after the command in the foreground of its pane.
//!
//! It is looked at when the pane writes output, and once more shortly after the last output,
//! since a command typed at a shell usually takes the foreground after its echo was written.
//! An idle pane costs nothing: no timer runs unless output arrived. On output, `/proc` is read
//! only when the foreground process group changed.

use std::time::Duration;

use crate::ids::PaneId;
use crate::model::state::State;

/// How long after output the foreground command is looked at again.
const RECHECK: Duration = Duration::from_millis(250);

/// Renames the pane's window when its foreground command changed, and schedules a second look.
pub fn after_output(state: &mut State, id: PaneId) {
    if let Some(pane) = state.panes.get_mut(&id) {
        pane.name_stale = true;
    }
    // The second look comes a little after the latest output, not the first: a command
    // typed just after a prompt must not be looked at before it started.
    state.rename_at = Some(state.os.now() + RECHECK);
    check(state, id, false);
}

/// Looks again at every pane that wrote output since the last look.
pub fn recheck(state: &mut State) {
    state.rename_at = None;
    let stale: Vec<PaneId> = state
        .panes
        .values_mut()
        .filter_map(|p| std::mem::take(&mut p.name_stale).then_some(p.id))
        .collect();
    for id in stale {
        check(state, id, true);
    }
}

/// Renames the pane's window after its foreground command if that changed. Unless `again`,
/// nothing is read when the foreground process group is the one the name came from; the
/// second look reads it anyway, since a process that just forked carries its parent's name
/// until it executes its command.
fn check(state: &mut State, id: PaneId, again: bool) {
    let Some(pane) = state.panes.get_mut(&id) else {
        return;
    };
    let pgrp = pane.foreground();
    if !again && pane.named_after == Some(pgrp) {
        return;
    }
    let Some(name) = pane.current_command() else {
        return;
    };
    pane.named_after = Some(pgrp);
    let (session, window) = (pane.session, pane.window);
    if !state.options.window(window, "automatic-rename").as_flag() {
        return;
    }
    let Some(s) = state.sessions.iter_mut().find(|s| s.id == session) else {
        return;
    };
    if let Some(w) = s.windows.iter_mut().find(|w| w.id == window) {
        if w.active == id && w.name != name {
            w.name = name;
            state.mark_session_dirty(session);
        }
    }
}
