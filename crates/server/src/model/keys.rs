//! Writing keys to panes: a key encoded for the pane's modes (DESIGN 4), written to the
//! pane a client looks at or, with synchronize-panes, to every pane of its window.

use mux_protocol::{Key, KeyCode};

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
                let bytes = pane.term.encode_key(to_term_key(key));
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

/// Converts a wire key to term-emu's key.
pub fn to_term_key(key: Key) -> mux_term_emu::Key {
    use mux_term_emu::KeyCode as T;
    let code = match key.code {
        KeyCode::Char(c) => T::Char(c),
        KeyCode::F(n) => T::F(n),
        KeyCode::Enter => T::Enter,
        KeyCode::Tab => T::Tab,
        KeyCode::BackTab => T::BackTab,
        KeyCode::Backspace => T::Backspace,
        KeyCode::Esc => T::Esc,
        KeyCode::Up => T::Up,
        KeyCode::Down => T::Down,
        KeyCode::Left => T::Left,
        KeyCode::Right => T::Right,
        KeyCode::Home => T::Home,
        KeyCode::End => T::End,
        KeyCode::PageUp => T::PageUp,
        KeyCode::PageDown => T::PageDown,
        KeyCode::Insert => T::Insert,
        KeyCode::Delete => T::Delete,
    };
    mux_term_emu::Key {
        code,
        mods: mux_term_emu::Mods(key.mods.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_protocol::Mods;

    #[test]
    fn modifiers_carry_over_to_term_keys() {
        let k = to_term_key(Key {
            code: KeyCode::Up,
            mods: Mods::ALT | Mods::CTRL,
        });
        assert_eq!(k.mods.0, 6);
        assert!(matches!(k.code, mux_term_emu::KeyCode::Up));
    }
}
