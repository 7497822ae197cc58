//! Structure-aware fuzzing of the protocol: a stream of frames built from arbitrary
//! messages (every variant of `ClientMsg`, `ServerMsg`, the handshake), with lengths, bytes
//! and order mutated, cut into arbitrary pieces. Checks that every message survives an
//! encode and decode unchanged, that the decoder never panics, never hands out a payload over
//! the frame limit and stops at the first bad length, and that decoding any payload as any
//! message type fails cleanly or succeeds.
//!
//! Frames that ever broke the server are kept in `fuzz/regressions/protocol/` and replayed
//! against the real server by `tests/tests/hardening.rs`.

#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use mux_protocol::{
    decode, encode, ClientMsg, FrameDecoder, FrameError, Hello, HelloReply, ServerMsg,
    MAX_FRAME_LEN,
};

/// One piece of the stream.
#[derive(Debug, Arbitrary)]
enum Piece {
    /// A well-formed client message.
    Client(ClientMsg),
    /// A well-formed server message.
    Server(ServerMsg),
    /// A handshake.
    Hello(Hello),
    /// A handshake reply.
    Reply(HelloReply),
    /// A client message whose length prefix is off by `delta`.
    BadLength(ClientMsg, i32),
    /// A client message with one byte of its payload changed.
    Flipped(ClientMsg, u16, u8),
    /// A frame header claiming `len` bytes and what follows it.
    Header(u32, Vec<u8>),
    /// Raw bytes.
    Raw(Vec<u8>),
}

/// The whole input: pieces, and how the stream is cut when fed to the decoder.
#[derive(Debug, Arbitrary)]
struct Input {
    pieces: Vec<Piece>,
    cuts: Vec<u16>,
}

/// Encodes a message and checks it decodes back to itself.
fn round_trip<T>(msg: &T) -> Vec<u8>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    match encode(msg) {
        Ok(frame) => {
            let back: T = decode(&frame[4..]).expect("a message decodes back");
            assert_eq!(&back, msg, "a message changed in a round trip");
            frame
        }
        Err(FrameError::TooLarge(_)) => Vec::new(),
        Err(e) => panic!("a message failed to encode: {e}"),
    }
}

fuzz_target!(|input: Input| {
    let mut stream = Vec::new();
    for piece in &input.pieces {
        match piece {
            Piece::Client(m) => stream.extend(round_trip(m)),
            Piece::Server(m) => stream.extend(round_trip(m)),
            Piece::Hello(m) => stream.extend(round_trip(m)),
            Piece::Reply(m) => stream.extend(round_trip(m)),
            Piece::BadLength(m, delta) => {
                let mut frame = round_trip(m);
                if frame.len() >= 4 {
                    let len = u32::from_le_bytes([frame[0], frame[1], frame[2], frame[3]]);
                    frame[..4].copy_from_slice(&len.wrapping_add_signed(*delta).to_le_bytes());
                }
                stream.extend(frame);
            }
            Piece::Flipped(m, at, byte) => {
                let mut frame = round_trip(m);
                if frame.len() > 4 {
                    let i = 4 + usize::from(*at) % (frame.len() - 4);
                    frame[i] = *byte;
                }
                stream.extend(frame);
            }
            Piece::Header(len, rest) => {
                stream.extend(len.to_le_bytes());
                stream.extend(rest);
            }
            Piece::Raw(bytes) => stream.extend(bytes),
        }
    }
    let mut decoder = FrameDecoder::new();
    let mut rest = stream.as_slice();
    let mut cuts = input.cuts.iter();
    'feed: while !rest.is_empty() {
        let n = cuts.next().map_or(rest.len(), |&c| usize::from(c).max(1)).min(rest.len());
        decoder.push(&rest[..n]);
        rest = &rest[n..];
        loop {
            match decoder.next_payload() {
                Ok(Some(payload)) => {
                    assert!(payload.len() <= MAX_FRAME_LEN);
                    let _ = decode::<ClientMsg>(&payload);
                    let _ = decode::<ServerMsg>(&payload);
                    let _ = decode::<Hello>(&payload);
                    let _ = decode::<HelloReply>(&payload);
                }
                Ok(None) => break,
                // A bad length makes the stream unusable: the server drops the connection.
                Err(_) => break 'feed,
            }
        }
    }
});
