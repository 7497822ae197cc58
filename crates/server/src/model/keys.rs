//! Writing keys to panes: a key encoded for the pane's modes (DESIGN 4), written to the
//! pane a client looks at or, with synchronize-panes, to every pane of its window.

use mux_protocol::Key;

use crate::ids::{ClientId, PaneId, SessionId, WindowId};
use crate::model::state::State;

/// Encodes a key for the client's active pane (and, with synchronize-panes, every pane of its
/// window) and writes it there.
pub fn send_key(state: &mut State, client: ClientId, key: Key) {
    let Some(found) = crate::model::target::current(state, client) else {
        return;
    };
    let targets = input_targets(state, found.session, found.window, found.pane);
    for id in targets {
        if let Some(pane) = state.panes.get(&id) {
            if pane.exit_status.is_none() {
                let bytes = pane.term.encode_key(key);
                pane.write(bytes);
            }
        }
    }
}

/// Returns the panes input for `pane` goes to: itself, or its whole window when
/// synchronize-panes is on.
pub fn input_targets(state: &State, sid: SessionId, wid: WindowId, pane: PaneId) -> Vec<PaneId> {
    if state.options.window(wid, "synchronize-panes").as_flag() {
        if let Some(w) = state.window(sid, wid) {
            return w.panes();
        }
    }
    vec![pane]
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_protocol::{KeyCode, Mods};

    #[test]
    fn modifiers_carry_over_to_term_keys() {
        // A wire key is term-emu's key (both are mux-types'): Alt and Control reach the pane
        // as xterm's modifier parameter 7.
        let term = mux_term_emu::Terminal::new(mux_protocol::Size { rows: 1, cols: 1 }, 0);
        let key = Key {
            code: KeyCode::Up,
            mods: Mods::ALT | Mods::CTRL,
        };
        assert_eq!(term.encode_key(key), b"\x1b[1;7A");
    }
}
