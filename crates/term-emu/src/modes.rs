//! Modes vt100 ignores or keeps to itself, tracked so DECRQM and DECRQSS can be answered
//! and callers can see them (focus reporting, synchronized output).

use vt100::{MouseProtocolEncoding as Encoding, MouseProtocolMode as Mouse, Screen};

use crate::filter::Csi;

/// What term-emu knows about the program's modes beyond what vt100 exposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tracker {
    /// Mode 1004: focus changes are reported.
    pub focus: bool,
    /// Mode 2026: the program is in the middle of a synchronized update.
    pub synchronized: bool,
    /// Mode 7, DECAWM, as the program set it (vt100 always wraps).
    pub autowrap: bool,
    /// Mode 6, origin mode, for the primary and alternate screens.
    origin: [bool; 2],
    /// The scroll region (0-based, inclusive) of the primary and alternate screens, if set.
    region: [Option<(u16, u16)>; 2],
}

impl Default for Tracker {
    fn default() -> Tracker {
        Tracker {
            focus: false,
            synchronized: false,
            autowrap: true,
            origin: [false; 2],
            region: [None; 2],
        }
    }
}

impl Tracker {
    /// Records private modes vt100 does not handle, as `CSI ? … h` (`on`) or `l` set them.
    pub(crate) fn private_modes(&mut self, params: &[&[u16]], on: bool) {
        for p in params {
            match p.first() {
                Some(7) => self.autowrap = on,
                Some(1004) => self.focus = on,
                Some(2026) => self.synchronized = on,
                _ => {}
            }
        }
    }

    /// Mirrors a sequence vt100 has just acted on without telling term-emu.
    pub(crate) fn observe(&mut self, csi: &Csi, screen: &Screen) {
        let alt = usize::from(screen.alternate_screen());
        if csi.is_scroll_region() {
            let rows = screen.size().0.get();
            let params = csi.params();
            let top = params.first().copied().filter(|&t| t > 0).unwrap_or(1) - 1;
            let bottom = params.get(1).copied().filter(|&b| b > 0).unwrap_or(rows);
            let bottom = (bottom - 1).min(rows - 1);
            self.region[alt] = (top < bottom).then_some((top, bottom));
            return;
        }
        for &p in csi.params() {
            match p {
                6 => self.origin[alt] = csi.sets(),
                1049 if csi.sets() => {
                    // vt100 clears the alternate screen, with its region and origin mode.
                    self.origin[1] = false;
                    self.region[1] = None;
                }
                _ => {}
            }
        }
    }

    /// Forgets the scroll regions, which vt100 resets when the size changes.
    pub(crate) fn resized(&mut self) {
        self.region = [None; 2];
    }

    /// Returns the scroll region of the visible screen as 1-based top and bottom rows.
    pub(crate) fn scroll_region(&self, screen: &Screen) -> (u16, u16) {
        let rows = screen.size().0.get();
        match self.region[usize::from(screen.alternate_screen())] {
            Some((top, bottom)) if bottom < rows => (top + 1, bottom + 1),
            _ => (1, rows),
        }
    }

    /// Returns the DECRQM state of private mode `mode`: 1 set, 2 reset, 0 not recognised.
    pub(crate) fn private_mode_state(&self, screen: &Screen, mode: u16) -> u8 {
        let mouse = screen.mouse_protocol_mode();
        let encoding = screen.mouse_protocol_encoding();
        let set = match mode {
            1 => screen.application_cursor(),
            6 => self.origin[usize::from(screen.alternate_screen())],
            7 => self.autowrap,
            9 => mouse == Mouse::Press,
            25 => !screen.hide_cursor(),
            47 | 1047 | 1049 => screen.alternate_screen(),
            1000 => mouse == Mouse::PressRelease,
            1002 => mouse == Mouse::ButtonMotion,
            1003 => mouse == Mouse::AnyMotion,
            1004 => self.focus,
            1005 => encoding == Encoding::Utf8,
            1006 => encoding == Encoding::Sgr,
            2004 => screen.bracketed_paste(),
            2026 => self.synchronized,
            _ => return 0,
        };
        if set {
            1
        } else {
            2
        }
    }

    /// Returns the DECRQM state of ANSI mode `mode`: only IRM (4) is known, and it is reset.
    pub(crate) fn ansi_mode_state(mode: u16) -> u8 {
        if mode == 4 {
            2
        } else {
            0
        }
    }
}
