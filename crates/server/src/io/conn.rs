//! Client connections: peer-uid check, handshake, then a reader that turns frames into events
//! and a writer that drains a small bounded queue, so a client that stops reading can never
//! block the server or grow its memory.
//!
//! What a connection can make the server hold is bounded: a frame must arrive whole within
//! [`FRAME_TIMEOUT`] of its first byte; frames larger than [`SMALL_FRAME`] draw their buffer
//! from one budget shared by every connection ([`FRAME_BUDGET`]); and a reader hands the
//! event loop one message at a time (the client's [`InputGate`]), so input that waits (a
//! paste a pane cannot take yet) leaves the rest in the client's socket.

use std::sync::Arc;
use std::time::Duration;

use mux_protocol::{
    encode, ClientMsg, FrameError, Hello, HelloReply, HelloStatus, ServerMsg, UpgradeRequest,
    HELLO_MAGIC, MAX_FRAME_LEN, PROTOCOL_VERSION, UPGRADE_MAGIC,
};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{mpsc, Semaphore, SemaphorePermit};

use crate::ids::ClientId;
use crate::io::daemon::SocketFile;
use crate::io::event::{Event, EventTx};
use crate::log::log;
use crate::model::client::InputGate;

/// How many messages may wait for one client. Screen updates are only queued while there is
/// room for more than two, so control messages always fit.
pub const CLIENT_QUEUE: usize = 8;

/// The kernel's send buffer for a client's socket, in bytes (the kernel doubles it).
const SEND_BUFFER: usize = 32 * 1024;

/// How long a new connection may take to say hello and send its command.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a frame may take to arrive once its first byte has: one that stops arriving
/// drops its connection and gives its buffer back.
pub const FRAME_TIMEOUT: Duration = Duration::from_secs(5);

/// Frames up to this size (every message the client sends in normal use: keys, paste
/// pieces, its command) are read without drawing on [`FRAME_BUDGET`].
pub const SMALL_FRAME: usize = 128 * 1024;

/// How many bytes all connections together may hold in frames larger than [`SMALL_FRAME`]
/// while they arrive; a connection that needs more waits (within [`FRAME_TIMEOUT`]).
pub const FRAME_BUDGET: usize = 64 << 20;

/// The budget, in KiB permits.
static BUDGET: Semaphore = Semaphore::const_new(FRAME_BUDGET / 1024);

/// The id of the next client: connections are numbered from 1.
static NEXT_CLIENT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// Accepts connections until aborted, one task each. `alive` is cloned into every writer so
/// the server can wait for queued messages to be written before it exits. SIGUSR1 binds the
/// socket again if it was deleted.
pub async fn accept_loop(
    mut listener: UnixListener,
    socket: SocketFile,
    events: EventTx,
    alive: mpsc::Sender<()>,
) {
    use tokio::signal::unix::{signal, SignalKind};
    let mut usr1 = signal(SignalKind::user_defined1()).ok();
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            Some(()) = async {
                match usr1.as_mut() {
                    Some(s) => s.recv().await,
                    None => std::future::pending().await,
                }
            } => {
                if let Some(l) = socket.recreate().and_then(|l| {
                    l.set_nonblocking(true).ok()?;
                    UnixListener::from_std(l).ok()
                }) {
                    listener = l;
                }
                continue;
            }
        };
        match accepted {
            Ok((stream, _)) => {
                // Ids go on from where an earlier accept loop left them (one stops while the
                // server tries to hand over to another binary).
                let id = ClientId(NEXT_CLIENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
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
    let request = match tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake(&mut stream)).await {
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
    // Little may wait in the kernel for a client that does not read: what it misses is
    // redrawn from the current screen, not replayed (see Client::can_take_frame).
    if let Err(e) =
        nix::sys::socket::setsockopt(&stream, nix::sys::socket::sockopt::SndBuf, &SEND_BUFFER)
    {
        log!("client {}: cannot size its send buffer: {e}", id.0);
    }
    let (rd, wr) = stream.into_split();
    let (tx, rx) = mpsc::channel(CLIENT_QUEUE);
    tokio::spawn(write_loop(id, wr, rx, events.clone(), alive));
    let (gate, turns) = InputGate::new();
    if events
        .send(Event::Connected {
            id,
            tx,
            request,
            pid: stream_pid.unwrap_or(0),
        })
        .await
        .is_err()
        || events.send(Event::Gate(id, gate)).await.is_err()
    {
        return;
    }
    let reason = read_loop(id, BufReader::new(rd), &turns, &events).await;
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
) -> Result<Option<mux_protocol::CommandRequest>, FrameError> {
    let Some(payload) = read_payload(stream).await? else {
        return Ok(None);
    };
    let hello: Hello = mux_protocol::decode(&payload.bytes)?;
    let ours = crate::hooks::protocol_version().unwrap_or(PROTOCOL_VERSION);
    if hello.magic == UPGRADE_MAGIC {
        return upgrade_request(stream, ours).await;
    }
    if hello.magic != HELLO_MAGIC {
        return Err(FrameError::Malformed("not a mux client".into()));
    }
    let status = if hello.version == ours {
        HelloStatus::Accepted
    } else {
        HelloStatus::VersionMismatch
    };
    let reply = HelloReply {
        version: ours,
        status,
    };
    write_reply(stream, &reply).await?;
    if status != HelloStatus::Accepted {
        return Ok(None);
    }
    let Some(payload) = read_payload(stream).await? else {
        return Ok(None);
    };
    match mux_protocol::decode::<ClientMsg>(&payload.bytes)? {
        ClientMsg::Command(request) => Ok(Some(request)),
        other => Err(FrameError::Malformed(format!(
            "expected a command first, got {other:?}"
        ))),
    }
}

/// Answers an upgrade hello (whatever the versions) and reads its request, which becomes the
/// command `server-upgrade EXE` run for the connection like any other.
async fn upgrade_request(
    stream: &mut UnixStream,
    ours: u32,
) -> Result<Option<mux_protocol::CommandRequest>, FrameError> {
    let reply = HelloReply {
        version: ours,
        status: HelloStatus::Accepted,
    };
    write_reply(stream, &reply).await?;
    let Some(payload) = read_payload(stream).await? else {
        return Ok(None);
    };
    let request: UpgradeRequest = mux_protocol::decode(&payload.bytes)?;
    Ok(Some(mux_protocol::CommandRequest {
        argv: vec!["server-upgrade".into(), request.exe],
        cwd: String::new(),
        terminal: None,
        env: request.env,
    }))
}

/// One frame's payload, holding its share of [`FRAME_BUDGET`] until dropped.
struct Payload {
    /// The payload.
    bytes: Vec<u8>,
    /// The budget it holds, when it is larger than [`SMALL_FRAME`].
    _budget: Option<SemaphorePermit<'static>>,
}

/// Reads one frame's payload; `Ok(None)` at a clean end of stream. Waits as long as it takes
/// for a frame to begin, then at most [`FRAME_TIMEOUT`] for the rest of it. The buffer is
/// allocated once, at the frame's size, after its length is checked.
async fn read_payload<R: AsyncRead + Unpin>(rd: &mut R) -> Result<Option<Payload>, FrameError> {
    let mut prefix = [0u8; 4];
    if rd.read(&mut prefix[..1]).await? == 0 {
        return Ok(None);
    }
    let rest = async {
        rd.read_exact(&mut prefix[1..]).await.map_err(truncated)?;
        let len = usize::try_from(u32::from_le_bytes(prefix)).unwrap_or(usize::MAX);
        if len > MAX_FRAME_LEN {
            return Err(FrameError::TooLarge(len));
        }
        let budget = if len > SMALL_FRAME {
            let kib = u32::try_from(len.div_ceil(1024)).unwrap_or(u32::MAX);
            let permit = BUDGET
                .acquire_many(kib)
                .await
                .map_err(|_| FrameError::Malformed("no frame budget".into()))?;
            Some(permit)
        } else {
            None
        };
        let mut bytes = vec![0u8; len];
        rd.read_exact(&mut bytes).await.map_err(truncated)?;
        Ok(Payload {
            bytes,
            _budget: budget,
        })
    };
    match tokio::time::timeout(FRAME_TIMEOUT, rest).await {
        Ok(payload) => payload.map(Some),
        Err(_) => Err(FrameError::Malformed(format!(
            "a frame did not arrive whole within {} s",
            FRAME_TIMEOUT.as_secs()
        ))),
    }
}

/// Maps an end of stream inside a frame to [`FrameError::Truncated`].
fn truncated(e: std::io::Error) -> FrameError {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => FrameError::Truncated,
        _ => FrameError::Io(e),
    }
}

/// Turns frames into events until the connection ends, one at a time: each waits for the
/// client's turn (see [`InputGate`]) before it is read. Returns why it ended, when it was an
/// error.
async fn read_loop(
    id: ClientId,
    mut rd: BufReader<OwnedReadHalf>,
    turns: &Arc<Semaphore>,
    events: &EventTx,
) -> Option<String> {
    loop {
        // The gate closes when the client is forgotten: nothing more to read.
        match turns.acquire().await {
            Ok(permit) => permit.forget(),
            Err(_) => return None,
        }
        let payload = match read_payload(&mut rd).await {
            Ok(Some(p)) => p,
            Ok(None) => return None,
            Err(e) => return Some(e.to_string()),
        };
        match mux_protocol::decode::<ClientMsg>(&payload.bytes) {
            Ok(ClientMsg::Command(_)) => return Some("unexpected second command".into()),
            Ok(msg) => {
                drop(payload);
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
    'messages: while let Some(msg) = rx.recv().await {
        for bytes in encode_capped(id, msg) {
            if wr.write_all(&bytes).await.is_err() {
                break 'messages;
            }
        }
        if rx.is_empty() && events.send(Event::Drained).await.is_err() {
            break;
        }
    }
    let _ = wr.shutdown().await;
}

/// Encodes a message as frames under the frame limit: a screen update too large for one
/// frame goes as several, each with part of its rows (a row alone too large loses its
/// hyperlinks). Anything else that cannot be encoded is logged and dropped.
fn encode_capped(id: ClientId, msg: ServerMsg) -> Vec<Vec<u8>> {
    match encode(&msg) {
        Ok(bytes) => vec![bytes],
        Err(FrameError::TooLarge(_)) => match msg {
            ServerMsg::Screen(mut update) if update.rows.len() > 1 => {
                let second = update.rows.split_off(update.rows.len() / 2);
                let mut rest = update.clone();
                rest.rows = second;
                let mut frames = encode_capped(id, ServerMsg::Screen(update));
                frames.extend(encode_capped(id, ServerMsg::Screen(rest)));
                frames
            }
            ServerMsg::Screen(mut update)
                if update
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .any(|c| c.link.is_some()) =>
            {
                for cell in update.rows.iter_mut().flat_map(|r| &mut r.cells) {
                    cell.link = None;
                }
                encode_capped(id, ServerMsg::Screen(update))
            }
            other => {
                log!(
                    "client {}: message too large, dropped: {:.80?}",
                    id.0,
                    other
                );
                Vec::new()
            }
        },
        Err(e) => {
            log!("client {}: cannot encode a message: {e}", id.0);
            Vec::new()
        }
    }
}

/// Writes the handshake reply on a stream that is not split yet.
async fn write_reply(stream: &mut UnixStream, reply: &HelloReply) -> Result<(), FrameError> {
    let bytes = encode(reply)?;
    stream.write_all(&bytes).await?;
    Ok(())
}
