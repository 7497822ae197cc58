//! Key tables: the prefix key, the prefix table's bindings, and passing every other key to the
//! active pane encoded for its modes (DESIGN 4).

use mux_protocol::{Key, KeyCode, Mods};

use crate::event::ClientId;
use crate::state::State;

/// The prefix key, `C-b`.
pub const PREFIX: Key = Key {
    code: KeyCode::Char('b'),
    mods: Mods::CTRL,
};

/// Returns the command line bound to `key` in the prefix table, as tmux's defaults.
fn prefix_binding(key: Key) -> Option<&'static str> {
    match (key.code, key.mods) {
        (KeyCode::Char('d'), Mods::NONE) => Some("detach-client"),
        (KeyCode::Char('b'), Mods::CTRL) => Some("send-prefix"),
        _ => None,
    }
}

/// Handles a key from an attached client.
pub fn handle_key(state: &mut State, client: ClientId, key: Key) {
    let Some(c) = state.clients.get_mut(&client) else {
        return;
    };
    if c.prefix_pending {
        c.prefix_pending = false;
        // Keys after the prefix that are not bound are dropped, as in tmux.
        if let Some(line) = prefix_binding(key) {
            crate::cmd::run_binding(state, client, line);
        }
        return;
    }
    if key == PREFIX {
        c.prefix_pending = true;
        return;
    }
    send_key(state, client, key);
}

/// Encodes a key for the client's active pane and writes it there.
pub fn send_key(state: &mut State, client: ClientId, key: Key) {
    if let Some(pane) = state.client_pane_mut(client) {
        let bytes = pane.term.encode_key(to_term_key(key));
        pane.write(bytes);
    }
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

    #[test]
    fn prefix_table_has_tmux_defaults_and_nothing_else_yet() {
        let key = |c, mods| Key {
            code: KeyCode::Char(c),
            mods,
        };
        assert_eq!(prefix_binding(key('d', Mods::NONE)), Some("detach-client"));
        assert_eq!(prefix_binding(key('b', Mods::CTRL)), Some("send-prefix"));
        assert_eq!(prefix_binding(key('x', Mods::NONE)), None);
        assert_eq!(prefix_binding(key('d', Mods::CTRL)), None);
    }

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
