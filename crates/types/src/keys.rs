//! Keys as the user pressed them, independent of how any terminal encodes them.

use serde::{Deserialize, Serialize};

/// Modifier keys held with a key, as bit flags. The bits match xterm's modifier parameter
/// minus one (Shift 1, Alt 2, Control 4), so `CSI 1 ; m A` has `m` = bits + 1.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mods(pub u8);

impl Mods {
    /// No modifier.
    pub const NONE: Mods = Mods(0);
    /// Shift.
    pub const SHIFT: Mods = Mods(1);
    /// Alt (Meta).
    pub const ALT: Mods = Mods(2);
    /// Control.
    pub const CTRL: Mods = Mods(4);

    /// Returns whether every flag of `other` is set in `self`.
    pub fn contains(self, other: Mods) -> bool {
        self.0 & other.0 == other.0
    }

    /// Returns these modifiers with the flags of `other` cleared.
    pub fn without(self, other: Mods) -> Mods {
        Mods(self.0 & !other.0)
    }
}

impl std::ops::BitOr for Mods {
    type Output = Mods;

    /// Returns the flags set in either operand.
    fn bitor(self, rhs: Mods) -> Mods {
        Mods(self.0 | rhs.0)
    }
}

/// A key without its modifiers.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyCode {
    /// A character key; with [`Mods::CTRL`] it is a control key (`C-b` is `Char('b')` with
    /// Control).
    Char(char),
    /// A function key, F1 to F24 (a pane is sent F1 to F12; the others send nothing).
    F(u8),
    /// Return.
    Enter,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Escape.
    Esc,
    /// Cursor up.
    Up,
    /// Cursor down.
    Down,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Insert.
    Insert,
    /// Delete (forward).
    Delete,
    /// A mouse event as key tables name it (`MouseDown1Pane`, `WheelUpStatus`): bindable,
    /// never sent by a client (clients send [`crate::MouseEvent`]s).
    Mouse(crate::mouse::MouseKey),
    /// A keypad key, named by what it types: `0`–`9`, `/`, `*`, `-`, `+`, `.`, and `\r`
    /// for the keypad's Enter (tmux's `KP0`..`KP9`, `KP/`, `KPEnter`...).
    Keypad(char),
}

/// A key press: which key, with which modifiers.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Which modifiers were held.
    pub mods: Mods,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifier_flags_combine_and_clear() {
        let both = Mods::ALT | Mods::CTRL;
        assert_eq!(both.0, 6, "xterm's modifier parameter 7, minus one");
        assert!(both.contains(Mods::CTRL));
        assert!(both.contains(Mods::NONE));
        assert!(!both.contains(Mods::SHIFT | Mods::CTRL));
        assert_eq!(both.without(Mods::ALT), Mods::CTRL);
        assert_eq!(Mods::SHIFT.without(Mods::CTRL), Mods::SHIFT);
    }
}
