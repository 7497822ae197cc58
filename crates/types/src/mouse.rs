//! The mouse: what a client's terminal reports ([`MouseEvent`], in the client's cells) and
//! the names key tables give mouse events ([`MouseKey`], tmux's `MouseDown1Pane` and the
//! rest).

use serde::{Deserialize, Serialize};

use crate::geometry::Point;
use crate::keys::Mods;

/// A mouse button, the wheel counted as two.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MouseButton {
    /// The left button (1).
    Left,
    /// The middle button (2).
    Middle,
    /// The right button (3).
    Right,
    /// The wheel turned up (away from the user).
    WheelUp,
    /// The wheel turned down.
    WheelDown,
}

impl MouseButton {
    /// Returns tmux's number for a button (1, 2, 3), 0 for the wheel.
    pub fn number(self) -> u8 {
        match self {
            MouseButton::Left => 1,
            MouseButton::Middle => 2,
            MouseButton::Right => 3,
            MouseButton::WheelUp | MouseButton::WheelDown => 0,
        }
    }
}

/// What the mouse did.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MouseKind {
    /// A button went down (or the wheel turned).
    Down(MouseButton),
    /// A button came up.
    Up(MouseButton),
    /// The mouse moved with a button held.
    Drag(MouseButton),
    /// The mouse moved with no button held.
    Moved,
}

/// A mouse event as a client's terminal reported it.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MouseEvent {
    /// What happened.
    pub kind: MouseKind,
    /// Where, in the client's cells.
    pub pos: Point,
    /// The modifiers held.
    pub mods: Mods,
}

/// What a mouse key name says happened.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MouseAction {
    /// `MouseDown`.
    Down,
    /// `MouseUp`.
    Up,
    /// `MouseDrag`.
    Drag,
    /// `MouseDragEnd`.
    DragEnd,
    /// `WheelUp`.
    WheelUp,
    /// `WheelDown`.
    WheelDown,
    /// `DoubleClick`.
    DoubleClick,
    /// `TripleClick`.
    TripleClick,
}

/// Where a mouse key name says it happened.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MousePlace {
    /// Over a pane (`Pane`).
    Pane,
    /// On a border between panes (`Border`).
    Border,
    /// On the status line's window list (`Status`).
    Status,
    /// On the status line's left part (`StatusLeft`).
    StatusLeft,
    /// On the status line's right part (`StatusRight`).
    StatusRight,
    /// On the status line anywhere else (`StatusDefault`).
    StatusDefault,
}

/// A mouse event as key tables name it: `MouseDown1Pane` is a [`MouseAction::Down`] of
/// button 1 over a [`MousePlace::Pane`]; the wheel has button 0.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MouseKey {
    /// What happened.
    pub action: MouseAction,
    /// The button (1 to 3; 0 for the wheel).
    pub button: u8,
    /// Where.
    pub place: MousePlace,
}

/// The names of the actions, as key names spell them.
const ACTIONS: &[(MouseAction, &str)] = &[
    (MouseAction::DragEnd, "MouseDragEnd"),
    (MouseAction::Down, "MouseDown"),
    (MouseAction::Up, "MouseUp"),
    (MouseAction::Drag, "MouseDrag"),
    (MouseAction::WheelUp, "WheelUp"),
    (MouseAction::WheelDown, "WheelDown"),
    (MouseAction::DoubleClick, "DoubleClick"),
    (MouseAction::TripleClick, "TripleClick"),
];

/// The names of the places.
const PLACES: &[(MousePlace, &str)] = &[
    (MousePlace::Pane, "Pane"),
    (MousePlace::Border, "Border"),
    (MousePlace::StatusLeft, "StatusLeft"),
    (MousePlace::StatusRight, "StatusRight"),
    (MousePlace::StatusDefault, "StatusDefault"),
    (MousePlace::Status, "Status"),
];

impl MouseKey {
    /// Parses a mouse key name without modifiers (`MouseDown1Pane`, `WheelUpStatus`).
    pub fn parse(name: &str) -> Option<MouseKey> {
        let (action, rest) = ACTIONS
            .iter()
            .find_map(|(a, n)| name.strip_prefix(n).map(|r| (*a, r)))?;
        let wheel = matches!(action, MouseAction::WheelUp | MouseAction::WheelDown);
        let (button, rest) = if wheel {
            (0, rest)
        } else {
            let digit = rest.chars().next()?;
            let button = u8::try_from(digit.to_digit(10)?).ok()?;
            if !(1..=3).contains(&button) {
                return None;
            }
            (button, &rest[1..])
        };
        let place = PLACES.iter().find(|(_, n)| *n == rest).map(|(p, _)| *p)?;
        Some(MouseKey {
            action,
            button,
            place,
        })
    }

    /// Returns the key's name without modifiers.
    pub fn name(self) -> String {
        let action = ACTIONS
            .iter()
            .find(|(a, _)| *a == self.action)
            .map_or("", |(_, n)| n);
        let place = PLACES
            .iter()
            .find(|(p, _)| *p == self.place)
            .map_or("", |(_, n)| n);
        if self.button == 0 {
            format!("{action}{place}")
        } else {
            format!("{action}{}{place}", self.button)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mouse_key_names_round_trip() {
        for name in [
            "MouseDown1Pane",
            "MouseUp3Status",
            "MouseDrag1Border",
            "MouseDragEnd1Pane",
            "WheelUpPane",
            "WheelDownStatus",
            "DoubleClick1Pane",
            "TripleClick1Pane",
            "MouseDown1StatusLeft",
            "MouseDown3StatusDefault",
        ] {
            let key = MouseKey::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(key.name(), name);
        }
        assert_eq!(MouseKey::parse("MouseDown4Pane"), None);
        assert_eq!(MouseKey::parse("MouseDown1Nowhere"), None);
        assert_eq!(MouseKey::parse("Wheel"), None);
    }
}
