//! How a cell is drawn: its colours and its attributes.

use serde::{Deserialize, Serialize};

/// A colour as a terminal knows it.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Color {
    /// The terminal's default foreground or background.
    #[default]
    Default,
    /// A palette entry: 0 to 15 the ANSI colours, 16 to 255 the 256-colour cube and greys.
    Indexed(u8),
    /// A 24-bit colour.
    Rgb(u8, u8, u8),
}

/// Text attributes as a set of bit flags. At most one of the underline flags is set at a time.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attrs(pub u16);

impl Attrs {
    /// No attribute.
    pub const NONE: Attrs = Attrs(0);
    /// Bold or increased intensity (SGR 1).
    pub const BOLD: Attrs = Attrs(1);
    /// Faint or decreased intensity (SGR 2).
    pub const DIM: Attrs = Attrs(1 << 1);
    /// Italic (SGR 3).
    pub const ITALIC: Attrs = Attrs(1 << 2);
    /// Underlined with a single line (SGR 4 or 4:1).
    pub const UNDERLINE: Attrs = Attrs(1 << 3);
    /// Foreground and background swapped (SGR 7).
    pub const REVERSE: Attrs = Attrs(1 << 4);
    /// Blinking (SGR 5 or 6).
    pub const BLINK: Attrs = Attrs(1 << 5);
    /// Hidden (SGR 8).
    pub const HIDDEN: Attrs = Attrs(1 << 6);
    /// Struck through (SGR 9).
    pub const STRIKE: Attrs = Attrs(1 << 7);
    /// Overlined (SGR 53).
    pub const OVERLINE: Attrs = Attrs(1 << 8);
    /// Underlined with a double line (SGR 21 or 4:2).
    pub const DOUBLE_UNDERLINE: Attrs = Attrs(1 << 9);
    /// Underlined with a curly line (SGR 4:3).
    pub const CURLY_UNDERLINE: Attrs = Attrs(1 << 10);
    /// Underlined with a dotted line (SGR 4:4).
    pub const DOTTED_UNDERLINE: Attrs = Attrs(1 << 11);
    /// Underlined with a dashed line (SGR 4:5).
    pub const DASHED_UNDERLINE: Attrs = Attrs(1 << 12);
    /// Every underline flag together.
    pub const ANY_UNDERLINE: Attrs = Attrs(
        Attrs::UNDERLINE.0
            | Attrs::DOUBLE_UNDERLINE.0
            | Attrs::CURLY_UNDERLINE.0
            | Attrs::DOTTED_UNDERLINE.0
            | Attrs::DASHED_UNDERLINE.0,
    );

    /// Returns whether every flag of `other` is set in `self`.
    pub fn contains(self, other: Attrs) -> bool {
        self.0 & other.0 == other.0
    }

    /// Returns whether any flag of `other` is set in `self`.
    pub fn intersects(self, other: Attrs) -> bool {
        self.0 & other.0 != 0
    }

    /// Sets the flags of `other`.
    pub fn insert(&mut self, other: Attrs) {
        self.0 |= other.0;
    }

    /// Clears the flags of `other`.
    pub fn remove(&mut self, other: Attrs) {
        self.0 &= !other.0;
    }

    /// Sets the flags of `other` when `on`, else clears them.
    pub fn set(&mut self, other: Attrs, on: bool) {
        if on {
            self.insert(other);
        } else {
            self.remove(other);
        }
    }

    /// Flips the flags of `other`.
    pub fn toggle(&mut self, other: Attrs) {
        self.0 ^= other.0;
    }

    /// Replaces whatever underline is set with `underline`, one of the underline flags or
    /// [`Attrs::NONE`] for no underline.
    pub fn set_underline(&mut self, underline: Attrs) {
        self.remove(Attrs::ANY_UNDERLINE);
        self.insert(Attrs(underline.0 & Attrs::ANY_UNDERLINE.0));
    }
}

impl std::ops::BitOr for Attrs {
    type Output = Attrs;

    /// Returns the flags set in either operand.
    fn bitor(self, rhs: Attrs) -> Attrs {
        Attrs(self.0 | rhs.0)
    }
}

/// How a cell is drawn.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Style {
    /// The foreground colour.
    pub fg: Color,
    /// The background colour.
    pub bg: Color,
    /// The attributes.
    pub attrs: Attrs,
    /// The underline's colour (SGR 58); `Default` draws it in the foreground colour.
    pub underline_color: Color,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_inserted_removed_set_and_toggled() {
        let mut a = Attrs::NONE;
        a.insert(Attrs::BOLD | Attrs::ITALIC);
        assert!(a.contains(Attrs::BOLD) && a.contains(Attrs::ITALIC));
        a.remove(Attrs::BOLD);
        assert_eq!(a, Attrs::ITALIC);
        a.set(Attrs::STRIKE, true);
        a.set(Attrs::ITALIC, false);
        assert_eq!(a, Attrs::STRIKE);
        a.toggle(Attrs::REVERSE | Attrs::STRIKE);
        assert_eq!(a, Attrs::REVERSE);
    }

    #[test]
    fn contains_wants_every_flag_and_intersects_any() {
        let a = Attrs::BOLD | Attrs::DIM;
        assert!(a.contains(Attrs::BOLD | Attrs::DIM));
        assert!(!a.contains(Attrs::BOLD | Attrs::ITALIC));
        assert!(a.intersects(Attrs::BOLD | Attrs::ITALIC));
        assert!(!a.intersects(Attrs::ITALIC));
        assert!(a.contains(Attrs::NONE) && !a.intersects(Attrs::NONE));
    }

    #[test]
    fn one_underline_at_a_time() {
        let mut a = Attrs::BOLD | Attrs::UNDERLINE;
        a.set_underline(Attrs::CURLY_UNDERLINE);
        assert_eq!(a, Attrs::BOLD | Attrs::CURLY_UNDERLINE);
        a.set_underline(Attrs::NONE);
        assert_eq!(a, Attrs::BOLD);
        a.set_underline(Attrs::DOTTED_UNDERLINE | Attrs::ITALIC);
        assert_eq!(
            a,
            Attrs::BOLD | Attrs::DOTTED_UNDERLINE,
            "only underline flags"
        );
    }

    #[test]
    fn the_flag_values_are_the_wire_values() {
        // The bits travel in Attrs' u16: changing one would change the protocol.
        let flags = [
            Attrs::BOLD,
            Attrs::DIM,
            Attrs::ITALIC,
            Attrs::UNDERLINE,
            Attrs::REVERSE,
            Attrs::BLINK,
            Attrs::HIDDEN,
            Attrs::STRIKE,
            Attrs::OVERLINE,
            Attrs::DOUBLE_UNDERLINE,
            Attrs::CURLY_UNDERLINE,
            Attrs::DOTTED_UNDERLINE,
            Attrs::DASHED_UNDERLINE,
        ];
        for (i, flag) in flags.into_iter().enumerate() {
            assert_eq!(flag.0, 1 << i);
        }
        assert_eq!(Attrs::ANY_UNDERLINE.0, 8 | 512 | 1024 | 2048 | 4096);
    }
}
