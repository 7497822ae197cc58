//! The far side of the filter: bytes go to the `vte` parser driving term-emu's screen, strings
//! to term-emu's own handlers, in stream order.

use crate::filter::{dcs, osc, Csi, Sink};
use crate::handler::Handler;
use crate::perform::Core;
use crate::screen::Screen;

/// The parser and the state it drives. A checkpoint keeps the state; the parser starts
/// again in its ground state (checkpoints are taken between sequences).
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Engine {
    #[serde(skip)]
    parser: vte::Parser,
    pub core: Core,
    /// Whether the last byte given to the parser may start a UTF-8 sequence it still waits
    /// on: until it sees the next byte, the fast paths leave everything to it.
    #[serde(skip)]
    utf8_pending: bool,
}

impl Engine {
    /// Creates an engine with a blank screen.
    pub(crate) fn new(rows: usize, cols: usize, history_limit: usize) -> Engine {
        Engine {
            parser: vte::Parser::new(),
            core: Core {
                screen: Screen::new(rows, cols, history_limit),
                h: Handler::default(),
            },
            utf8_pending: false,
        }
    }
}

impl Sink for Engine {
    #[inline]
    fn pass(&mut self, bytes: &[u8]) {
        self.parser.advance(&mut self.core, bytes);
        if let Some(&last) = bytes.last() {
            self.utf8_pending = last >= 0x80;
        }
    }

    fn text(&mut self, bytes: &[u8]) {
        let rest = if self.utf8_pending {
            bytes
        } else {
            crate::fast::text(&mut self.core, bytes)
        };
        if !rest.is_empty() {
            self.pass(rest);
        }
    }

    fn sgr(&mut self, sequence: &[u8]) {
        if self.utf8_pending || !crate::fast::sgr(&mut self.core.screen, sequence) {
            self.pass(sequence);
        }
    }

    fn osc(&mut self, body: &[u8], bel: bool) {
        osc::handle(body, bel, &mut self.core.h, &mut self.core.screen);
    }

    fn dcs(&mut self, body: &[u8]) {
        if let Some(wrapped) = body.strip_prefix(b"tmux;") {
            self.core.h.passthrough(wrapped);
            return;
        }
        dcs::handle(body, &self.core.screen, &mut self.core.h.replies);
    }

    fn rename(&mut self, name: &[u8]) {
        self.core.h.set_name(name);
    }

    fn csi(&mut self, _csi: &Csi) {
        // The engine acts on every CSI sequence itself; nothing is tracked beside it.
    }

    fn reset(&mut self) {
        // `ESC c` reached the parser, which reset the screen.
    }

    fn clipboard_dropped(&mut self) {
        self.core.h.dropped_clipboard += 1;
    }
}
