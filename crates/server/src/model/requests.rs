//! What a pane's program asks of things beyond its own screen: a window name with `ESC k`
//! (taken only under allow-rename, as tmux) and sequences wrapped in tmux's passthrough for
//! the outer terminal (sent only under allow-passthrough).

use mux_protocol::ServerMsg;

use crate::ids::{PaneId, SessionId, WindowId};
use crate::model::state::State;

/// Names the pane's window after `ESC k` when allow-rename is on: a name turns
/// automatic-rename off for the window, an empty one gives the window back to it.
pub fn rename(state: &mut State, pane: PaneId, wid: WindowId, sid: SessionId, name: String) {
    if !state.options.pane(pane, wid, "allow-rename").as_flag() {
        return;
    }
    let target = crate::config::options::OptionTarget::Window(wid);
    if name.is_empty() {
        if let Err(e) = state.options.unset("automatic-rename", target) {
            crate::log::log!("window @{}: {e}", wid.0);
        }
        crate::model::rename::became_active(state, pane);
    } else {
        if let Some(w) = state.window_mut(sid, wid) {
            w.name = name;
        }
        crate::model::ops::automatic_rename_off(state, wid);
        state.notify("window-renamed", Some(sid), Some(wid), None);
    }
    state.mark_session_dirty(sid);
}

/// Sends passthrough sequences to the terminals of the clients that show the pane's window
/// (allow-passthrough `on`) or of every client of its session (`all`).
pub fn passthrough(
    state: &mut State,
    pane: PaneId,
    wid: WindowId,
    sid: SessionId,
    wrapped: Vec<Vec<u8>>,
) {
    let mode = state.options.pane(pane, wid, "allow-passthrough").as_text();
    if mode == "off" {
        return;
    }
    let shown = state.session(sid).is_some_and(|s| s.current == wid);
    if mode == "on" && !shown {
        return;
    }
    for c in state.clients.values_mut() {
        if c.session == Some(sid) {
            for bytes in &wrapped {
                c.send(ServerMsg::Passthrough(bytes.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn esc_k_renames_the_window_only_with_allow_rename() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "\x1bkeditor\x1b\\");
        assert_ne!(
            h.ok("display -p '#W'"),
            "editor\n",
            "allow-rename is off by default"
        );
        h.ok("set -g allow-rename on");
        h.output(PaneId(0), "\x1bkeditor\x1b\\");
        assert_eq!(h.ok("display -p '#W'"), "editor\n");
        assert_eq!(h.ok("show -wv automatic-rename"), "off\n");
        h.output(PaneId(0), "\x1bk\x1b\\");
        assert_eq!(
            h.ok("show -wv automatic-rename"),
            "",
            "an empty name gives it back"
        );
    }

    #[test]
    fn passthrough_reaches_clients_only_when_allowed_and_shown() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 6);
        let wrapped = "\x1bPtmux;\x1b\x1b]1337;X\x07\x1b\\";
        let sent = |h: &mut Harness| {
            h.take_messages(c)
                .into_iter()
                .filter_map(|m| match m {
                    mux_protocol::ServerMsg::Passthrough(b) => Some(b),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        h.output(PaneId(0), wrapped);
        assert!(
            sent(&mut h).is_empty(),
            "allow-passthrough is off by default"
        );
        h.ok("set -g allow-passthrough on");
        h.output(PaneId(0), wrapped);
        assert_eq!(sent(&mut h), vec![b"\x1b]1337;X\x07".to_vec()]);
        h.ok("new-window");
        h.output(PaneId(0), wrapped);
        assert!(
            sent(&mut h).is_empty(),
            "`on` passes only a pane that is shown"
        );
        h.ok("set -g allow-passthrough all");
        h.output(PaneId(0), wrapped);
        assert_eq!(sent(&mut h).len(), 1, "`all` passes it anyway");
    }
}
