//! Character sets: G0 and G1 designations, SO/SI shifts, and the DEC special graphics set
//! that the filter draws.

/// The DEC special graphics characters for bytes 0x5f to 0x7e, as xterm draws them.
const DEC_GRAPHICS: [&str; 32] = [
    " ", "◆", "▒", "␉", "␌", "␍", "␊", "°", "±", "␤", "␋", "┘", "┐", "┌", "└", "┼", "⎺", "⎻", "─",
    "⎼", "⎽", "├", "┤", "┴", "┬", "│", "≤", "≥", "π", "≠", "£", "·",
];

/// Returns whether byte `b` has a different glyph in the DEC special graphics set.
pub(super) fn is_graphic(b: u8) -> bool {
    (0x5f..=0x7e).contains(&b)
}

/// Returns the UTF-8 text for byte `b` in the DEC special graphics set.
pub(super) fn dec_graphic(b: u8) -> &'static str {
    DEC_GRAPHICS
        .get(usize::from(b.wrapping_sub(0x5f)))
        .copied()
        .unwrap_or(" ")
}

/// Which character sets are designated and which one is in use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Sets {
    /// Whether G0 and G1 are the DEC special graphics set (else ASCII).
    graphics: [bool; 2],
    /// Whether G1 is shifted in (SO) rather than G0 (SI).
    g1: bool,
}

/// The character set state, with the copy DECSC saves.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Charsets {
    current: Sets,
    saved: Sets,
}

impl Charsets {
    /// Returns whether printable bytes are drawn from the DEC special graphics set.
    pub(super) fn graphics_active(&self) -> bool {
        self.current.graphics[usize::from(self.current.g1)]
    }

    /// Shifts G1 in (SO) or G0 (SI).
    pub(super) fn shift(&mut self, g1: bool) {
        self.current.g1 = g1;
    }

    /// Applies `ESC intermediate final`: `(` designates G0 and `)` G1; `0` is DEC graphics,
    /// anything else is taken as ASCII.
    pub(super) fn designate(&mut self, intermediate: u8, final_byte: u8) {
        let slot = match intermediate {
            b'(' => 0,
            b')' => 1,
            _ => return,
        };
        self.current.graphics[slot] = final_byte == b'0';
    }

    /// Saves the state, as DECSC does.
    pub(super) fn save(&mut self) {
        self.saved = self.current;
    }

    /// Restores the state DECSC saved.
    pub(super) fn restore(&mut self) {
        self.current = self.saved;
    }

    /// Saves or restores the state for modes 1048 and 1049, which save the cursor.
    pub(super) fn on_private_modes(&mut self, csi: &super::Csi) {
        if csi.private_modes(&[1048, 1049]) {
            if csi.sets() {
                self.save();
            } else {
                self.restore();
            }
        }
    }
}
