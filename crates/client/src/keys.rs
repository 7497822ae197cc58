//! Converting crossterm's terminal events into protocol messages for the server.

use crossterm::event::{
    Event, KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton as CtButton,
    MouseEvent as CtMouse, MouseEventKind,
};
use mux_protocol::{
    ClientMsg, Key, KeyCode, Mods, MouseButton, MouseEvent, MouseKind, Point, Size,
};

/// Converts one terminal event into the message the server wants, if any. A paste is not
/// one message but many: see [`mux_protocol::paste_pieces`].
pub fn event_to_msg(event: Event) -> Option<ClientMsg> {
    match event {
        Event::Key(key) => convert_key(key).map(ClientMsg::Key),
        Event::Paste(_) => None,
        Event::FocusGained => Some(ClientMsg::Focus(true)),
        Event::FocusLost => Some(ClientMsg::Focus(false)),
        Event::Resize(cols, rows) => Some(ClientMsg::Resize(Size { cols, rows })),
        Event::Mouse(m) => convert_mouse(m).map(ClientMsg::Mouse),
    }
}

/// Converts a mouse report; sideways scrolling has no name in tmux and gives `None`.
pub fn convert_mouse(m: CtMouse) -> Option<MouseEvent> {
    let button = |b: CtButton| match b {
        CtButton::Left => MouseButton::Left,
        CtButton::Middle => MouseButton::Middle,
        CtButton::Right => MouseButton::Right,
    };
    let kind = match m.kind {
        MouseEventKind::Down(b) => MouseKind::Down(button(b)),
        MouseEventKind::Up(b) => MouseKind::Up(button(b)),
        MouseEventKind::Drag(b) => MouseKind::Drag(button(b)),
        MouseEventKind::Moved => MouseKind::Moved,
        MouseEventKind::ScrollUp => MouseKind::Down(MouseButton::WheelUp),
        MouseEventKind::ScrollDown => MouseKind::Down(MouseButton::WheelDown),
        MouseEventKind::ScrollLeft | MouseEventKind::ScrollRight => return None,
    };
    Some(MouseEvent {
        kind,
        pos: Point {
            row: m.row,
            col: m.column,
        },
        mods: convert_mods(m.modifiers),
    })
}

/// Converts a key press (or repeat) into a protocol key; releases and keys the protocol has
/// no name for give `None`.
pub fn convert_key(key: KeyEvent) -> Option<Key> {
    if !matches!(key.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
        return None;
    }
    let code = convert_code(key.code)?;
    let mut mods = convert_mods(key.modifiers);
    // A character already carries its shift, and Shift-Tab is its own key.
    if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods = mods.without(Mods::SHIFT);
    }
    Some(Key { code, mods })
}

/// Maps crossterm's key code to the protocol's.
fn convert_code(code: CtKey) -> Option<KeyCode> {
    Some(match code {
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::F(n) => KeyCode::F(n),
        CtKey::Enter => KeyCode::Enter,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::Insert => KeyCode::Insert,
        CtKey::Delete => KeyCode::Delete,
        _ => return None,
    })
}

/// Maps crossterm's modifiers to the protocol's Shift, Alt and Control bits.
fn convert_mods(m: KeyModifiers) -> Mods {
    let mut mods = Mods::NONE;
    if m.contains(KeyModifiers::SHIFT) {
        mods = mods | Mods::SHIFT;
    }
    if m.contains(KeyModifiers::ALT) {
        mods = mods | Mods::ALT;
    }
    if m.contains(KeyModifiers::CONTROL) {
        mods = mods | Mods::CTRL;
    }
    mods
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn key(code: CtKey, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn control_keys_are_char_plus_ctrl() {
        let k = convert_key(key(CtKey::Char('b'), KeyModifiers::CONTROL));
        assert_eq!(
            k,
            Some(Key {
                code: KeyCode::Char('b'),
                mods: Mods::CTRL
            })
        );
    }

    #[test]
    fn shift_is_dropped_from_characters_only() {
        let upper = convert_key(key(CtKey::Char('A'), KeyModifiers::SHIFT)).expect("key");
        assert_eq!(upper.mods, Mods::NONE);
        let back = convert_key(key(CtKey::BackTab, KeyModifiers::SHIFT)).expect("key");
        assert_eq!((back.code, back.mods), (KeyCode::BackTab, Mods::NONE));
        let up = convert_key(key(CtKey::Up, KeyModifiers::SHIFT | KeyModifiers::ALT)).expect("up");
        assert_eq!(up.mods, Mods::SHIFT | Mods::ALT);
        let alt = convert_key(key(CtKey::Char('x'), KeyModifiers::ALT)).expect("alt");
        assert_eq!(alt.mods, Mods::ALT);
    }

    #[test]
    fn named_keys_map_and_others_are_ignored() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            convert_key(key(CtKey::F(5), none)).map(|k| k.code),
            Some(KeyCode::F(5))
        );
        assert_eq!(
            convert_key(key(CtKey::Esc, none)).map(|k| k.code),
            Some(KeyCode::Esc)
        );
        assert_eq!(
            convert_key(key(CtKey::PageDown, none)).map(|k| k.code),
            Some(KeyCode::PageDown)
        );
        assert_eq!(convert_key(key(CtKey::CapsLock, none)), None);
        assert_eq!(convert_key(key(CtKey::Null, none)), None);
    }

    #[test]
    fn releases_are_ignored() {
        let release = KeyEvent::new_with_kind_and_state(
            CtKey::Char('a'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
            KeyEventState::NONE,
        );
        assert_eq!(convert_key(release), None);
    }

    #[test]
    fn other_events_become_messages() {
        assert_eq!(
            event_to_msg(Event::Resize(100, 30)),
            Some(ClientMsg::Resize(Size {
                cols: 100,
                rows: 30
            }))
        );
        assert_eq!(
            event_to_msg(Event::FocusLost),
            Some(ClientMsg::Focus(false))
        );
        assert_eq!(event_to_msg(Event::Paste("hi".into())), None);
    }
}
