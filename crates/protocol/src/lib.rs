//! The wire protocol between the `mux` client and server: handshake, messages and framing.
//!
//! A connection starts with a fixed handshake ([`Hello`] from the client, [`HelloReply`] from
//! the server) whose encoding never changes, so that two builds with different
//! [`PROTOCOL_VERSION`]s can always tell each other apart. After an accepted handshake the client
//! sends [`ClientMsg`]s and the server sends [`ServerMsg`]s, each in one frame (see [`frame`]).
//! The payload codec (postcard) is private to this crate: callers only see [`encode`],
//! [`decode`], [`FrameDecoder`] and the blocking helpers.

mod cell_text;
pub mod frame;
mod messages;
mod types;

pub use frame::{decode, encode, read_frame, write_frame, FrameDecoder, FrameError, MAX_FRAME_LEN};
pub use messages::{
    ClientMsg, ClientTerminal, CommandRequest, FrozenReply, Hello, HelloReply, HelloStatus,
    MouseReport, ServerMsg, UpgradeRequest, HELLO_MAGIC, MAX_ESCAPE_TIME, UPGRADE_MAGIC,
};
pub use types::{
    Attrs, Cell, CellText, Color, Cursor, Key, KeyCode, Mods, MouseAction, MouseButton, MouseEvent,
    MouseKey, MouseKind, MousePlace, Point, Row, ScreenUpdate, Size, Style,
};

/// The protocol version this build speaks. Bump it on any change to [`ClientMsg`],
/// [`ServerMsg`] or the types they carry.
pub const PROTOCOL_VERSION: u32 = 11;

/// The largest piece of a paste in one [`ClientMsg::Paste`], in bytes: far under
/// [`MAX_FRAME_LEN`], so a paste of any size streams in frames the server reads without
/// drawing on its budget for large frames.
pub const PASTE_CHUNK: usize = 64 * 1024;

/// Splits pasted text into [`ClientMsg::Paste`] pieces of at most [`PASTE_CHUNK`] bytes,
/// each ending on a character boundary, in order. Empty text is one empty piece.
pub fn paste_pieces(text: &str) -> impl Iterator<Item = ClientMsg> + '_ {
    let mut rest = text;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut end = rest.len().min(PASTE_CHUNK);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (piece, after) = rest.split_at(end);
        rest = after;
        done = rest.is_empty();
        Some(ClientMsg::Paste {
            text: piece.to_string(),
            more: !done,
        })
    })
}
