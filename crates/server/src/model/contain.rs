//! Keeps a panic inside one pane's terminal emulator from taking the server down: the pane's
//! terminal is rebuilt empty, says so, and every other pane and client carries on.

use std::panic::{catch_unwind, AssertUnwindSafe};

use mux_term_emu::{Effects, Terminal};

use crate::log::log;

/// What a pane shows after its terminal was rebuilt.
const NOTICE: &[u8] = b"\x1b[7m[mux: this pane's terminal was reset after an internal error; \
see the server log]\x1b[m\r\n";

/// Feeds `bytes` to `term`; if the emulator panics, logs it, replaces the terminal by an
/// empty one of the same size and history limit showing [`NOTICE`], and returns no effects.
pub(crate) fn process(term: &mut Terminal, pane: u32, bytes: &[u8]) -> Effects {
    let run = AssertUnwindSafe(|| {
        if crate::hooks::fault_in(bytes) {
            panic!("fault injected by a test hook");
        }
        term.process(bytes)
    });
    match catch_unwind(run) {
        Ok(effects) => effects,
        Err(_) => {
            log!("pane %{pane}: the terminal emulator panicked; its state was reset");
            *term = Terminal::new(term.size(), term.history().limit());
            term.process(NOTICE);
            Effects::default()
        }
    }
}
