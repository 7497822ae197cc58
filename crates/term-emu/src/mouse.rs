//! Encoding mouse events for a program, as xterm does: which events it gets depends on the
//! mode it asked for (X10 9, normal 1000, button 1002, any-event 1003) and how they are
//! written on the encoding (the legacy bytes, UTF-8 1005, SGR 1006).

use mux_types::{Mods, MouseButton, MouseEvent, MouseKind};

use crate::types::{Modes, MouseMode};

/// Returns the bytes for `event` (its position inside the pane, from 0) under `modes`.
pub fn encode(event: MouseEvent, modes: &Modes) -> Vec<u8> {
    let wanted = match (modes.mouse, event.kind) {
        (MouseMode::None, _) => false,
        (MouseMode::Press, MouseKind::Down(_)) => true,
        (MouseMode::Press, _) => false,
        (_, MouseKind::Down(_) | MouseKind::Up(_)) => true,
        (MouseMode::ButtonMotion | MouseMode::AnyMotion, MouseKind::Drag(_)) => true,
        (MouseMode::AnyMotion, MouseKind::Moved) => true,
        _ => false,
    };
    if !wanted {
        return Vec::new();
    }
    let x10 = modes.mouse == MouseMode::Press;
    let (button, release) = code(event.kind);
    let mods = if x10 { 0 } else { modifier_bits(event.mods) };
    let x = u32::from(event.pos.col) + 1;
    let y = u32::from(event.pos.row) + 1;
    if modes.mouse_sgr {
        let b = button.unwrap_or(0) + mods;
        let end = if release { 'm' } else { 'M' };
        return format!("\x1b[<{b};{x};{y}{end}").into_bytes();
    }
    // The legacy encodings cannot say which button came up.
    let b = if release { 3 } else { button.unwrap_or(3) } + mods;
    let mut out = b"\x1b[M".to_vec();
    if modes.mouse_utf8 {
        for v in [b + 32, x + 32, y + 32] {
            let Some(c) = char::from_u32(v).filter(|_| v < 2048) else {
                return Vec::new();
            };
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    } else {
        for v in [b + 32, x + 32, y + 32] {
            match u8::try_from(v) {
                Ok(byte) => out.push(byte),
                // Beyond column or row 223 the legacy encoding has no byte: nothing is sent.
                Err(_) => return Vec::new(),
            }
        }
    }
    out
}

/// Returns an event's button code (without modifiers) and whether it is a release.
fn code(kind: MouseKind) -> (Option<u32>, bool) {
    let base = |b: MouseButton| match b {
        MouseButton::Left => 0,
        MouseButton::Middle => 1,
        MouseButton::Right => 2,
        MouseButton::WheelUp => 64,
        MouseButton::WheelDown => 65,
    };
    match kind {
        MouseKind::Down(b) => (Some(base(b)), false),
        MouseKind::Up(b) => (Some(base(b)), true),
        MouseKind::Drag(b) => (Some(base(b) + 32), false),
        MouseKind::Moved => (Some(35), false),
    }
}

/// Returns the modifier bits of a mouse report: Shift 4, Alt (Meta) 8, Control 16.
fn modifier_bits(mods: Mods) -> u32 {
    let mut bits = 0;
    if mods.contains(Mods::SHIFT) {
        bits |= 4;
    }
    if mods.contains(Mods::ALT) {
        bits |= 8;
    }
    if mods.contains(Mods::CTRL) {
        bits |= 16;
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_types::Point;

    fn event(kind: MouseKind, row: u16, col: u16) -> MouseEvent {
        MouseEvent {
            kind,
            pos: Point { row, col },
            mods: Mods::NONE,
        }
    }

    fn modes(mouse: MouseMode, sgr: bool, utf8: bool) -> Modes {
        Modes {
            mouse,
            mouse_sgr: sgr,
            mouse_utf8: utf8,
            ..Modes::default()
        }
    }

    #[test]
    fn each_mode_gets_only_the_events_it_asked_for() {
        let down = event(MouseKind::Down(MouseButton::Left), 0, 0);
        let up = event(MouseKind::Up(MouseButton::Left), 0, 0);
        let drag = event(MouseKind::Drag(MouseButton::Left), 0, 0);
        let moved = event(MouseKind::Moved, 0, 0);
        let got = |m: MouseMode| {
            [down, up, drag, moved].map(|e| !encode(e, &modes(m, true, false)).is_empty())
        };
        assert_eq!(got(MouseMode::None), [false; 4]);
        assert_eq!(got(MouseMode::Press), [true, false, false, false]);
        assert_eq!(got(MouseMode::PressRelease), [true, true, false, false]);
        assert_eq!(got(MouseMode::ButtonMotion), [true, true, true, false]);
        assert_eq!(got(MouseMode::AnyMotion), [true; 4]);
    }

    #[test]
    fn sgr_legacy_and_utf8_encodings() {
        let press = event(MouseKind::Down(MouseButton::Right), 4, 9);
        let release = event(MouseKind::Up(MouseButton::Right), 4, 9);
        let sgr = modes(MouseMode::PressRelease, true, false);
        assert_eq!(encode(press, &sgr), b"\x1b[<2;10;5M");
        assert_eq!(encode(release, &sgr), b"\x1b[<2;10;5m");
        let legacy = modes(MouseMode::PressRelease, false, false);
        assert_eq!(encode(press, &legacy), b"\x1b[M\x22\x2a\x25");
        assert_eq!(encode(release, &legacy), b"\x1b[M\x23\x2a\x25");
        let far = event(MouseKind::Down(MouseButton::Left), 0, 300);
        assert!(encode(far, &legacy).is_empty(), "no byte for column 301");
        let utf8 = modes(MouseMode::PressRelease, false, true);
        assert_eq!(encode(far, &utf8), "\x1b[M\u{20}\u{14d}\u{21}".as_bytes());
        let wheel = event(MouseKind::Down(MouseButton::WheelUp), 0, 0);
        assert_eq!(encode(wheel, &sgr), b"\x1b[<64;1;1M");
        let mut ctrl_drag = event(MouseKind::Drag(MouseButton::Left), 1, 1);
        ctrl_drag.mods = Mods::CTRL;
        let button = modes(MouseMode::ButtonMotion, true, false);
        assert_eq!(encode(ctrl_drag, &button), b"\x1b[<48;2;2M");
    }
}
