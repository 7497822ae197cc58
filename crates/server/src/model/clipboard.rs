//! What happens to a pane's OSC 52 clipboard writes: a paste buffer and the outer terminals
//! of the session's clients, as the `set-clipboard` option says.

use mux_protocol::ServerMsg;
use mux_term_emu::ClipboardSet;

use crate::ids::SessionId;
use crate::log::log;
use crate::model::state::State;

/// Applies the clipboard writes a pane in session `sid` asked for. With `set-clipboard on`
/// each write becomes the newest paste buffer and goes to every client attached to the
/// session; with `external` it only goes to the clients; with `off` it is dropped.
pub fn apply(state: &mut State, sid: SessionId, writes: Vec<ClipboardSet>, dropped: usize) {
    if dropped > 0 {
        log!(
            "session ${}: {dropped} clipboard write(s) over 1 MiB dropped",
            sid.0
        );
    }
    if writes.is_empty() {
        return;
    }
    let mode = state.options.server("set-clipboard").as_text();
    if mode == "off" {
        return;
    }
    for write in writes {
        // Only valid base64 reaches an outer terminal: nothing a pane sends can smuggle
        // control characters through.
        let Some(bytes) = crate::model::base64::decode(&write.data_base64) else {
            log!("clipboard write is not valid base64; dropped");
            continue;
        };
        if mode == "on" {
            add_buffer(state, bytes);
        }
        for c in state.clients.values_mut() {
            if c.session == Some(sid) {
                c.send(ServerMsg::Clipboard(write.data_base64.clone()));
            }
        }
    }
}

/// Makes decoded clipboard contents the newest paste buffer, unless they are empty.
fn add_buffer(state: &mut State, bytes: Vec<u8>) {
    if bytes.is_empty() {
        return;
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let limit = state.options.server("buffer-limit").as_count().max(1);
    state.buffers.add(None, text, limit);
}
