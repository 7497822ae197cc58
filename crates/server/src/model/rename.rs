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

/// Looks at the command of a pane that just became its window's active pane, so that the
/// window takes its name at once, as in tmux, rather than at the pane's next output.
pub fn became_active(state: &mut State, id: PaneId) {
    check(state, id, true);
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
    if pane.current_command().is_none() {
        return;
    }
    pane.named_after = Some(pgrp);
    let (session, window) = (pane.session, pane.window);
    if !state.options.window(window, "automatic-rename").as_flag() {
        return;
    }
    let scope = crate::model::vars::Scope {
        session: Some(session),
        window: Some(window),
        pane: Some(id),
        client: None,
    };
    let format = state
        .options
        .window(window, "automatic-rename-format")
        .as_text();
    let name = crate::model::vars::expand(state, scope, &format);
    let Some(s) = state.sessions.iter_mut().find(|s| s.id == session) else {
        return;
    };
    if let Some(w) = s.windows.iter_mut().find(|w| w.id == window) {
        if w.active == id && w.name != name {
            w.name = name;
            state.mark_session_dirty(session);
            state.notify("window-renamed", Some(session), Some(window), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Harness;

    #[test]
    fn output_names_the_window_after_the_foreground_command() {
        let mut h = Harness::with_session();
        h.set_foreground(PaneId(0), "vim");
        h.output(PaneId(0), "~");
        assert_eq!(h.window_list(""), ["0 vim *"]);
    }

    #[test]
    fn a_second_look_after_the_output_catches_a_command_started_since() {
        let mut h = Harness::with_session();
        h.set_foreground(PaneId(0), "bash");
        h.output(PaneId(0), "$ ");
        assert_eq!(h.window_list(""), ["0 bash *"]);
        // The same process group: output alone does not read the command again...
        h.set_foreground(PaneId(0), "top");
        h.output(PaneId(0), "top\r\n");
        assert_eq!(h.window_list(""), ["0 bash *"]);
        assert!(h.state.rename_at.is_some());
        // ...the second look a little later does.
        h.pass_time(RECHECK);
        assert_eq!(h.window_list(""), ["0 top *"]);
        assert_eq!(h.state.rename_at, None);
    }

    #[test]
    fn only_the_active_pane_names_its_window() {
        let mut h = Harness::with_session();
        h.ok("split-window -d");
        h.set_foreground(PaneId(1), "htop");
        h.output(PaneId(1), "x");
        h.pass_time(RECHECK);
        assert_eq!(h.window_list(""), ["0 sh *"]);
        // Once active it names the window at once, without waiting for its next output.
        h.ok("select-pane -t %1");
        assert_eq!(h.window_list(""), ["0 htop *"]);
        h.ok("select-pane -t %0");
        h.set_foreground(PaneId(0), "bash");
        h.ok("last-pane");
        h.ok("last-pane");
        assert_eq!(h.window_list(""), ["0 bash *"]);
    }

    #[test]
    fn windows_with_automatic_rename_off_keep_their_name() {
        let mut h = Harness::with_session();
        h.ok("setw automatic-rename off");
        h.set_foreground(PaneId(0), "vim");
        h.output(PaneId(0), "x");
        h.pass_time(RECHECK);
        assert_eq!(h.window_list(""), ["0 sh *"]);
    }

    #[test]
    fn a_pane_whose_command_is_unknown_leaves_the_name() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "x");
        h.pass_time(RECHECK);
        assert_eq!(h.window_list(""), ["0 sh *"]);
    }

    #[test]
    fn an_idle_pane_starts_no_timer() {
        let mut h = Harness::with_session();
        assert_eq!(h.state.rename_at, None);
        assert_eq!(h.state.next_timer(), None);
        h.output(PaneId(0), "x");
        assert!(h.state.next_timer().is_some());
        h.pass_time(RECHECK);
        assert_eq!(h.state.next_timer(), None);
    }

    #[test]
    fn an_attached_client_sees_the_new_name_on_its_status_line() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        h.set_foreground(PaneId(0), "man");
        h.output(PaneId(0), "x");
        assert!(h.screen(c)[23].contains("0:man*"), "{:?}", h.screen(c)[23]);
    }
}
