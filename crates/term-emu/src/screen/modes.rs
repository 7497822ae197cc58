//! Terminal modes: what `CSI h`/`CSI l` and `CSI ? h`/`CSI ? l` set, and their DECRQM state.

use super::Screen;
use crate::types::MouseMode;

/// How mouse reports are encoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum MouseEncoding {
    /// The X10 default.
    #[default]
    Default,
    /// Mode 1005: UTF-8 coordinates.
    Utf8,
    /// Mode 1006: SGR reports.
    Sgr,
}

/// The modes a program has set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct ModeState {
    pub application_cursor: bool,
    pub application_keypad: bool,
    pub origin: bool,
    pub autowrap: bool,
    pub reverse_video: bool,
    pub cursor_visible: bool,
    pub insert: bool,
    /// Line feed/new line mode (LNM, `CSI 20 h`): a line feed also returns the carriage.
    pub newline: bool,
    pub focus: bool,
    pub bracketed_paste: bool,
    pub synchronized: bool,
    pub alternate_scroll: bool,
    pub mouse: MouseMode,
    pub mouse_encoding: MouseEncoding,
    /// The DECSCUSR cursor shape.
    pub cursor_shape: u8,
}

impl Default for ModeState {
    fn default() -> ModeState {
        ModeState {
            application_cursor: false,
            application_keypad: false,
            origin: false,
            autowrap: true,
            reverse_video: false,
            cursor_visible: true,
            insert: false,
            newline: false,
            focus: false,
            bracketed_paste: false,
            synchronized: false,
            alternate_scroll: true,
            mouse: MouseMode::None,
            mouse_encoding: MouseEncoding::Default,
            cursor_shape: 0,
        }
    }
}

impl ModeState {
    /// Resets what DECSTR resets.
    pub(crate) fn soft_reset(&mut self) {
        self.application_cursor = false;
        self.application_keypad = false;
        self.origin = false;
        self.autowrap = true;
        self.cursor_visible = true;
        self.insert = false;
    }
}

/// Returns the DECRQM answer for a flag: 1 set, 2 reset.
fn state(on: bool) -> u8 {
    if on {
        1
    } else {
        2
    }
}

impl Screen {
    /// Sets (`on`) or resets ANSI mode `mode` (`CSI mode h` or `l`).
    pub(crate) fn set_ansi_mode(&mut self, mode: u16, on: bool) {
        match mode {
            4 => self.modes.insert = on,
            20 => self.modes.newline = on,
            _ => {}
        }
    }

    /// Returns the DECRQM state of ANSI mode `mode`: 1 set, 2 reset, 0 not recognised.
    pub(crate) fn ansi_mode_state(&self, mode: u16) -> u8 {
        match mode {
            4 => state(self.modes.insert),
            20 => state(self.modes.newline),
            _ => 0,
        }
    }

    /// Sets (`on`) or resets private mode `mode` (`CSI ? mode h` or `l`).
    pub(crate) fn set_private_mode(&mut self, mode: u16, on: bool) {
        let m = &mut self.modes;
        match mode {
            1 => m.application_cursor = on,
            5 => {
                m.reverse_video = on;
                self.damage_all();
            }
            6 => {
                m.origin = on;
                self.goto(0, 0);
            }
            7 => m.autowrap = on,
            25 => m.cursor_visible = on,
            9 | 1000 | 1002 | 1003 => self.set_mouse(mode, on),
            1004 => m.focus = on,
            1005 | 1006 => {
                let encoding = if mode == 1005 {
                    MouseEncoding::Utf8
                } else {
                    MouseEncoding::Sgr
                };
                if on {
                    m.mouse_encoding = encoding;
                } else if m.mouse_encoding == encoding {
                    m.mouse_encoding = MouseEncoding::Default;
                }
            }
            1007 => m.alternate_scroll = on,
            2004 => m.bracketed_paste = on,
            2026 => m.synchronized = on,
            47 => self.set_alternate(on, false),
            1047 => self.set_alternate(on, !on),
            1048 if on => self.save_cursor(),
            1048 => self.restore_cursor(),
            1049 => self.set_alternate_1049(on),
            _ => {}
        }
    }

    /// Sets or resets a mouse reporting mode.
    fn set_mouse(&mut self, mode: u16, on: bool) {
        let wanted = match mode {
            9 => MouseMode::Press,
            1000 => MouseMode::PressRelease,
            1002 => MouseMode::ButtonMotion,
            _ => MouseMode::AnyMotion,
        };
        if on {
            self.modes.mouse = wanted;
        } else if self.modes.mouse == wanted {
            self.modes.mouse = MouseMode::None;
        }
    }

    /// Returns the DECRQM state of private mode `mode`: 1 set, 2 reset, 0 not recognised.
    pub(crate) fn private_mode_state(&self, mode: u16) -> u8 {
        let m = &self.modes;
        let on = match mode {
            1 => m.application_cursor,
            5 => m.reverse_video,
            6 => m.origin,
            7 => m.autowrap,
            9 => m.mouse == MouseMode::Press,
            25 => m.cursor_visible,
            47 | 1047 | 1049 => self.alt,
            1000 => m.mouse == MouseMode::PressRelease,
            1002 => m.mouse == MouseMode::ButtonMotion,
            1003 => m.mouse == MouseMode::AnyMotion,
            1004 => m.focus,
            1005 => m.mouse_encoding == MouseEncoding::Utf8,
            1006 => m.mouse_encoding == MouseEncoding::Sgr,
            1007 => m.alternate_scroll,
            2004 => m.bracketed_paste,
            2026 => m.synchronized,
            _ => return 0,
        };
        state(on)
    }
}
