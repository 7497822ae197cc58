//! Framing: a u32 little-endian payload length, then the postcard-encoded payload.
//!
//! The length is checked against [`MAX_FRAME_LEN`] before any buffer is sized for it, so a
//! hostile peer cannot make either side allocate more than that.

use std::fmt;
use std::io::{self, Read, Write};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The largest payload either side accepts, in bytes (16 MiB: a full 500×200 screen update or a
/// large paste fits; a bogus length does not).
pub const MAX_FRAME_LEN: usize = 16 << 20;

/// Why a frame could not be read, written or decoded.
#[derive(Debug)]
pub enum FrameError {
    /// The length prefix exceeds [`MAX_FRAME_LEN`].
    TooLarge(usize),
    /// The payload is not a valid message.
    Malformed(String),
    /// The stream ended inside a frame.
    Truncated,
    /// The underlying stream failed.
    Io(io::Error),
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::TooLarge(n) => {
                write!(f, "frame of {n} bytes exceeds the limit of {MAX_FRAME_LEN}")
            }
            FrameError::Malformed(why) => write!(f, "malformed message: {why}"),
            FrameError::Truncated => write!(f, "connection closed inside a frame"),
            FrameError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for FrameError {}

impl From<io::Error> for FrameError {
    fn from(e: io::Error) -> Self {
        FrameError::Io(e)
    }
}

/// Encodes `msg` as one complete frame (length prefix included).
pub fn encode<T: Serialize>(msg: &T) -> Result<Vec<u8>, FrameError> {
    let mut out = vec![0u8; 4];
    out = postcard::to_extend(msg, out).map_err(|e| FrameError::Malformed(e.to_string()))?;
    let len = out.len() - 4;
    if len > MAX_FRAME_LEN {
        return Err(FrameError::TooLarge(len));
    }
    let len = u32::try_from(len).map_err(|_| FrameError::TooLarge(len))?;
    out[..4].copy_from_slice(&len.to_le_bytes());
    Ok(out)
}

/// Decodes one payload (without its length prefix) into a message. Trailing bytes are an error.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    let (msg, rest) =
        postcard::take_from_bytes(payload).map_err(|e| FrameError::Malformed(e.to_string()))?;
    if !rest.is_empty() {
        return Err(FrameError::Malformed(format!(
            "{} trailing bytes after the message",
            rest.len()
        )));
    }
    Ok(msg)
}

/// How much buffer a [`FrameDecoder`] keeps between frames.
const KEEP_CAPACITY: usize = 64 * 1024;

/// Reassembles frames from bytes that arrive in arbitrary pieces.
#[derive(Debug, Default)]
pub struct FrameDecoder {
    buf: Vec<u8>,
}

impl FrameDecoder {
    /// Returns an empty decoder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends bytes read from the stream.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Returns whether bytes of an incomplete frame are buffered.
    pub fn has_partial(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Takes the next complete payload, `Ok(None)` if more bytes are needed, or an error if the
    /// announced length is over the limit (the stream is then unusable).
    pub fn next_payload(&mut self) -> Result<Option<Vec<u8>>, FrameError> {
        let Some(prefix) = self.buf.get(..4) else {
            return Ok(None);
        };
        let len = u32::from_le_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]) as usize;
        if len > MAX_FRAME_LEN {
            return Err(FrameError::TooLarge(len));
        }
        if self.buf.len() < 4 + len {
            return Ok(None);
        }
        let payload = self.buf[4..4 + len].to_vec();
        self.buf.drain(..4 + len);
        // Give back the memory of a large frame once it is taken.
        if self.buf.capacity() > KEEP_CAPACITY && self.buf.len() <= KEEP_CAPACITY {
            self.buf.shrink_to(KEEP_CAPACITY);
        }
        Ok(Some(payload))
    }

    /// Returns how many bytes the decoder's buffer holds room for.
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Takes and decodes the next complete message, if one is buffered.
    pub fn next_msg<T: DeserializeOwned>(&mut self) -> Result<Option<T>, FrameError> {
        match self.next_payload()? {
            Some(payload) => decode(&payload).map(Some),
            None => Ok(None),
        }
    }
}

/// Reads one message from a blocking stream. `Ok(None)` means the stream ended cleanly between
/// frames.
pub fn read_frame<T: DeserializeOwned, R: Read>(r: &mut R) -> Result<Option<T>, FrameError> {
    let mut prefix = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match r.read(&mut prefix[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(FrameError::Truncated),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let len = u32::from_le_bytes(prefix) as usize;
    if len > MAX_FRAME_LEN {
        return Err(FrameError::TooLarge(len));
    }
    let mut payload = vec![0u8; len];
    r.read_exact(&mut payload).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => FrameError::Truncated,
        _ => FrameError::Io(e),
    })?;
    decode(&payload).map(Some)
}

/// Writes one message to a blocking stream and flushes it.
pub fn write_frame<T: Serialize, W: Write>(w: &mut W, msg: &T) -> Result<(), FrameError> {
    let bytes = encode(msg)?;
    w.write_all(&bytes)?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests;
