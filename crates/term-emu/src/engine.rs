//! The far side of the filter: bytes go to vt100, strings and tracked sequences to
//! term-emu's own handlers, in stream order.

use crate::filter::{dcs, osc, Csi, Sink};
use crate::handler::Handler;
use crate::modes::Tracker;

impl Sink for vt100::Parser<Handler> {
    fn pass(&mut self, bytes: &[u8]) {
        self.process(bytes);
    }

    fn osc(&mut self, body: &[u8], bel: bool) {
        osc::handle(body, bel, self.callbacks_mut());
    }

    fn dcs(&mut self, body: &[u8]) {
        let (screen, h) = self.screen_and_callbacks_mut();
        dcs::handle(body, screen, &h.modes, &mut h.replies);
    }

    fn csi(&mut self, csi: &Csi) {
        let (screen, h) = self.screen_and_callbacks_mut();
        h.modes.observe(csi, screen);
        if csi.private_modes(&[1047, 1048]) {
            emulate_xterm_modes(self, csi);
        }
    }

    fn reset(&mut self) {
        self.callbacks_mut().modes = Tracker::default();
    }

    fn clipboard_dropped(&mut self) {
        self.callbacks_mut().dropped_clipboard += 1;
    }
}

/// Carries out modes 1047 (alternate screen) and 1048 (save cursor), which vt100 ignores, with
/// the sequences it does know.
fn emulate_xterm_modes(parser: &mut vt100::Parser<Handler>, csi: &Csi) {
    for &mode in csi.params() {
        let alternate = parser.screen().alternate_screen();
        let bytes: &[u8] = match (mode, csi.sets()) {
            (1047, true) if !alternate => b"\x1b[?47h",
            // xterm clears the alternate screen as it leaves it.
            (1047, false) if alternate => b"\x1b[2J\x1b[?47l",
            (1048, true) => b"\x1b7",
            (1048, false) => b"\x1b8",
            _ => continue,
        };
        parser.process(bytes);
    }
}
