//! Client connections: peer-uid check, handshake, then a reader that turns frames into events
//! and a writer that drains a small bounded queue, so a client that stops reading can never
//! block the server or grow its memory.

use std::time::Duration;

use mux_protocol::{
    encode, ClientMsg, FrameDecoder, FrameError, Hello, HelloReply, HelloStatus, ServerMsg,
    HELLO_MAGIC, PROTOCOL_VERSION,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::mpsc;

use crate::ids::ClientId;
use crate::io::event::{Event, EventTx};
use crate::log::log;

/// How many messages may wait for one client. Screen updates are only queued while there is
/// room for more than two, so control messages always fit.
pub const CLIENT_QUEUE: usize = 8;

/// How long a new connection may take to say hello and send its command.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Accepts connections forever, one task each. `alive` is cloned into every writer so the
/// server can wait for queued messages to be written before it exits.
pub async fn accept_loop(listener: UnixListener, events: EventTx, alive: mpsc::Sender<()>) {
    let mut next = 1u32;
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                let id = ClientId(next);
                next = next.wrapping_add(1);
                tokio::spawn(serve_connection(id, stream, events.clone(), alive.clone()));
            }
            Err(e) => {
                // Out of descriptors and similar: back off instead of spinning.
                log!("accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

/// Runs one connection from accept to close.
async fn serve_connection(
    id: ClientId,
    mut stream: UnixStream,
    events: EventTx,
    alive: mpsc::Sender<()>,
) {
    if !peer_allowed(&stream) {
        log!("client {}: refused, another user", id.0);
        let reply = HelloReply {
            version: PROTOCOL_VERSION,
            status: HelloStatus::AccessDenied,
        };
        let _ = write_reply(&mut stream, &reply).await;
        return;
    }
    let stream_pid = stream.peer_cred().ok().and_then(|c| c.pid());
    let mut decoder = FrameDecoder::new();
    let request =
        match tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake(&mut stream, &mut decoder)).await {
            Ok(Ok(Some(request))) => request,
            Ok(Ok(None)) => return,
            Ok(Err(e)) => {
                log!("client {}: handshake failed: {e}", id.0);
                return;
            }
            Err(_) => {
                log!("client {}: handshake timed out", id.0);
                return;
            }
        };
    let (rd, wr) = stream.into_split();
    let (tx, rx) = mpsc::channel(CLIENT_QUEUE);
    tokio::spawn(write_loop(id, wr, rx, events.clone(), alive));
    if events
        .send(Event::Connected {
            id,
            tx,
            request,
            pid: stream_pid.unwrap_or(0),
        })
        .await
        .is_err()
    {
        return;
    }
    let reason = read_loop(id, rd, decoder, &events).await;
    let _ = events.send(Event::Gone(id, reason)).await;
}

/// Returns whether the peer is this server's user (or root).
fn peer_allowed(stream: &UnixStream) -> bool {
    let me = nix::unistd::getuid().as_raw();
    match stream.peer_cred() {
        Ok(cred) => cred.uid() == me || cred.uid() == 0,
        Err(_) => false,
    }
}

/// Reads the hello, answers it, and reads the command request. `Ok(None)` means the
/// connection was refused politely (version mismatch) or closed.
async fn handshake(
    stream: &mut UnixStream,
    decoder: &mut FrameDecoder,
) -> Result<Option<mux_protocol::CommandRequest>, FrameError> {
    let Some(payload) = next_payload(stream, decoder).await? else {
        return Ok(None);
    };
    let hello: Hello = mux_protocol::decode(&payload)?;
    if hello.magic != HELLO_MAGIC {
        return Err(FrameError::Malformed("not a mux client".into()));
    }
    let status = if hello.version == PROTOCOL_VERSION {
        HelloStatus::Accepted
    } else {
        HelloStatus::VersionMismatch
    };
    let reply = HelloReply {
        version: PROTOCOL_VERSION,
        status,
    };
    write_reply(stream, &reply).await?;
    if status != HelloStatus::Accepted {
        return Ok(None);
    }
    let Some(payload) = next_payload(stream, decoder).await? else {
        return Ok(None);
    };
    match mux_protocol::decode::<ClientMsg>(&payload)? {
        ClientMsg::Command(request) => Ok(Some(request)),
        other => Err(FrameError::Malformed(format!(
            "expected a command first, got {other:?}"
        ))),
    }
}

/// Reads until one complete payload is buffered; `Ok(None)` at a clean end of stream.
async fn next_payload<R: AsyncReadExt + Unpin>(
    stream: &mut R,
    decoder: &mut FrameDecoder,
) -> Result<Option<Vec<u8>>, FrameError> {
    let mut buf = [0u8; 8192];
    loop {
        if let Some(payload) = decoder.next_payload()? {
            return Ok(Some(payload));
        }
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return if decoder.has_partial() {
                Err(FrameError::Truncated)
            } else {
                Ok(None)
            };
        }
        decoder.push(&buf[..n]);
    }
}

/// Turns frames into events until the connection ends; returns why, when it was an error.
async fn read_loop(
    id: ClientId,
    mut rd: OwnedReadHalf,
    mut decoder: FrameDecoder,
    events: &EventTx,
) -> Option<String> {
    loop {
        let payload = match next_payload(&mut rd, &mut decoder).await {
            Ok(Some(p)) => p,
            Ok(None) => return None,
            Err(e) => return Some(e.to_string()),
        };
        match mux_protocol::decode::<ClientMsg>(&payload) {
            Ok(ClientMsg::Command(_)) => return Some("unexpected second command".into()),
            Ok(msg) => {
                if events.send(Event::Message(id, msg)).await.is_err() {
                    return None;
                }
            }
            Err(e) => return Some(e.to_string()),
        }
    }
}

/// Writes queued messages; reports each time the queue empties.
async fn write_loop(
    id: ClientId,
    mut wr: OwnedWriteHalf,
    mut rx: mpsc::Receiver<ServerMsg>,
    events: EventTx,
    _alive: mpsc::Sender<()>,
) {
    while let Some(msg) = rx.recv().await {
        let bytes = match encode(&msg) {
            Ok(b) => b,
            Err(e) => {
                log!("client {}: cannot encode a message: {e}", id.0);
                continue;
            }
        };
        if wr.write_all(&bytes).await.is_err() {
            break;
        }
        if rx.is_empty() && events.send(Event::Drained).await.is_err() {
            break;
        }
    }
    let _ = wr.shutdown().await;
}

/// Writes the handshake reply on a stream that is not split yet.
async fn write_reply(stream: &mut UnixStream, reply: &HelloReply) -> Result<(), FrameError> {
    let bytes = encode(reply)?;
    stream.write_all(&bytes).await?;
    Ok(())
}
