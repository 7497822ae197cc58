//! Keeps a panic inside one pane's terminal emulator from taking the server down: the pane's
//! terminal is rebuilt empty, says so, and every other pane and client carries on.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use mux_term_emu::{Effects, Terminal};

use crate::log::log;

/// What a pane shows after its terminal was rebuilt.
const NOTICE: &[u8] = b"\x1b[7m[mux: this pane's terminal was reset after an internal error; \
see the server log]\x1b[m\r\n";

/// Feeds `bytes` to `term`; if the emulator panics, logs it, replaces the terminal by an
/// empty one of the same size and history limit showing [`NOTICE`], and returns no effects.
pub(crate) fn process(term: &mut Terminal, pane: u32, bytes: &[u8]) -> Effects {
    let run = AssertUnwindSafe(|| {
        if injected_fault(bytes) {
            panic!("fault injected by MUX_FAULT_PANIC_ON");
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

/// Returns whether `bytes` hold the marker of the `MUX_FAULT_PANIC_ON` variable, read once
/// when the server starts. It exists so that the end-to-end tests can check this module
/// through the real binary; unset, it costs one check of an empty option.
fn injected_fault(bytes: &[u8]) -> bool {
    static MARKER: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    let marker = MARKER.get_or_init(|| {
        std::env::var("MUX_FAULT_PANIC_ON")
            .ok()
            .filter(|m| m.len() >= 8)
            .map(String::into_bytes)
    });
    marker
        .as_deref()
        .is_some_and(|m| bytes.windows(m.len()).any(|w| w == m))
}
