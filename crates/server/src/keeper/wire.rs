//! What the server and the keeper say to each other: one postcard message per packet on a
//! `SOCK_SEQPACKET` Unix socket (so message boundaries and the descriptors riding with them
//! stay together), at most [`MAX_PACKET`] bytes, a PTY master passed with `SCM_RIGHTS` beside
//! [`Reply::Spawned`] and [`Reply::Child`].
//!
//! A keeper outlives the binary that started it (an upgrade hands its children to a newer
//! server), so this is a stable format: [`VERSION`] says which messages a keeper knows, and
//! variants and fields are only ever appended.

use std::io;
use std::io::{IoSlice, IoSliceMut};
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

use nix::sys::socket::{recvmsg, sendmsg, ControlMessage, ControlMessageOwned, MsgFlags, UnixAddr};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Opens every [`Request::Hello`] and [`Reply::Welcome`]: `mxk!` as a little-endian u32.
pub const MAGIC: u32 = u32::from_le_bytes(*b"mxk!");

/// The messages this build knows.
pub const VERSION: u32 = 1;

/// The largest message, in bytes (a spawn request with its environment is the largest).
pub const MAX_PACKET: usize = 128 << 10;

/// What the server asks of the keeper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// The first message: the server wants to hold the keeper. Answered with
    /// [`Reply::Welcome`] and a [`Reply::Child`] for every program kept, or [`Reply::Busy`].
    Hello {
        /// Always [`MAGIC`].
        magic: u32,
        /// The server's [`VERSION`].
        version: u32,
    },
    /// Start a program on a new PTY; answered with [`Reply::Spawned`] or
    /// [`Reply::SpawnFailed`].
    Spawn(Spawn),
    /// The server is done with a program: the keeper closes its copy of the PTY master (so
    /// the terminal hangs up once the server's copy is closed too) and forgets the program
    /// once it has been reaped.
    Release {
        /// The program.
        program: u64,
    },
    /// The server is ending on purpose (kill-server, SIGTERM, its last session gone): when it
    /// disconnects, the keeper hangs up every program it still has, kills what ignores
    /// that, and exits.
    Shutdown,
    /// Instead of a hello: is the keeper held, and how many programs does it keep? Answered
    /// with [`Reply::State`], then the connection closes. A client asks when no server
    /// answers on the socket: programs that wait to be adopted mean a server should start.
    Ask,
}

/// A program to start, as [`Request::Spawn`] carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spawn {
    /// The server's pane id.
    pub pane: u32,
    /// The server's program id: the keeper's name for the program from now on.
    pub program: u64,
    /// The executable.
    pub path: Vec<u8>,
    /// argv[0].
    pub argv0: Vec<u8>,
    /// The arguments after argv[0].
    pub args: Vec<String>,
    /// The whole environment.
    pub env: Vec<(String, String)>,
    /// The working directory.
    pub cwd: Vec<u8>,
    /// The PTY's width.
    pub cols: u16,
    /// The PTY's height.
    pub rows: u16,
}

/// A program the keeper holds, as it tells a server that adopts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// The pane it was started for.
    pub pane: u32,
    /// Its program id.
    pub program: u64,
    /// Its pid.
    pub pid: i32,
    /// Its PTY slave's path.
    pub tty: String,
    /// Its exit status (`128 + signal` when killed), when it has exited.
    pub status: Option<i32>,
}

/// What the keeper answers or reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// The server now holds the keeper; `children` [`Reply::Child`] messages follow.
    Welcome {
        /// Always [`MAGIC`].
        magic: u32,
        /// The keeper's [`VERSION`].
        version: u32,
        /// The keeper's pid.
        pid: i32,
        /// How many programs it holds.
        children: u32,
    },
    /// Another server holds the keeper, or it is ending.
    Busy,
    /// A program the keeper holds, its PTY master riding with it.
    Child(Kept),
    /// The program of a [`Request::Spawn`] started; its PTY master rides with this.
    Spawned {
        /// The program id from the request.
        program: u64,
        /// Its pid.
        pid: i32,
        /// Its PTY slave's path.
        tty: String,
    },
    /// The program of a [`Request::Spawn`] could not start.
    SpawnFailed {
        /// The program id from the request.
        program: u64,
        /// The OS error number, 0 when there is none.
        errno: i32,
        /// What went wrong.
        message: String,
    },
    /// A program exited (`128 + signal` when killed) and was reaped.
    Exited {
        /// Its program id.
        program: u64,
        /// Its exit status.
        status: i32,
    },
    /// The answer to [`Request::Ask`].
    State {
        /// Whether a server holds the keeper.
        held: bool,
        /// How many programs it keeps for a server.
        programs: u32,
    },
}

/// Sends one message, with `fd` riding along when given.
pub fn send<T: Serialize>(
    sock: BorrowedFd<'_>,
    msg: &T,
    fd: Option<BorrowedFd<'_>>,
) -> io::Result<()> {
    let bytes = postcard::to_allocvec(msg).map_err(io::Error::other)?;
    if bytes.len() > MAX_PACKET {
        return Err(io::Error::from_raw_os_error(nix::libc::E2BIG));
    }
    let fds: Vec<RawFd> = fd.iter().map(|f| f.as_raw_fd()).collect();
    let rights = [ControlMessage::ScmRights(&fds)];
    let cmsgs: &[ControlMessage<'_>] = if fds.is_empty() { &[] } else { &rights };
    let iov = [IoSlice::new(&bytes)];
    loop {
        match sendmsg::<UnixAddr>(sock.as_raw_fd(), &iov, cmsgs, MsgFlags::MSG_NOSIGNAL, None) {
            Ok(_) => return Ok(()),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// Receives one message and the descriptor that rode with it, if any (close-on-exec).
/// `Ok(None)` at the end of the connection. `buf` must hold [`MAX_PACKET`] bytes.
pub fn recv<T: DeserializeOwned>(
    sock: BorrowedFd<'_>,
    buf: &mut [u8],
) -> io::Result<Option<(T, Option<OwnedFd>)>> {
    let mut space = nix::cmsg_space!([RawFd; 4]);
    let (len, fds, truncated) = loop {
        let mut iov = [IoSliceMut::new(buf)];
        match recvmsg::<UnixAddr>(
            sock.as_raw_fd(),
            &mut iov,
            Some(&mut space),
            MsgFlags::MSG_CMSG_CLOEXEC,
        ) {
            Ok(msg) => {
                let mut fds = Vec::new();
                // A descriptor that did not fit (this process is out of them: MSG_CTRUNC)
                // is simply missing; the caller sees a message without one.
                let cmsgs = msg.cmsgs().ok().into_iter().flatten();
                for cmsg in cmsgs {
                    if let ControlMessageOwned::ScmRights(raw) = cmsg {
                        // SAFETY: the kernel just gave this process these descriptors; nothing
                        // else owns them.
                        fds.extend(
                            raw.into_iter()
                                .map(|fd| unsafe { OwnedFd::from_raw_fd(fd) }),
                        );
                    }
                }
                let truncated = msg.flags.intersects(MsgFlags::MSG_TRUNC);
                break (msg.bytes, fds, truncated);
            }
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
        }
    };
    if len == 0 && fds.is_empty() {
        return Ok(None);
    }
    if truncated {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "message cut short",
        ));
    }
    let msg = postcard::from_bytes(buf.get(..len).unwrap_or_default())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(Some((msg, fds.into_iter().next())))
}
