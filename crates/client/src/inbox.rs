//! The main thread's inbox: messages from the server, read straight off the socket, and the
//! other threads' events (input errors, resizes, signals), waited for together with poll(2).
//! The thread that reads a screen update is the one that draws it: a keystroke's echo wakes
//! one client thread, not a reader thread and then the drawing thread (issue 16).

use std::io;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

use mux_protocol::{FrameDecoder, ServerMsg};
use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{recv, MsgFlags};

/// How many bytes one read of the socket takes at most.
const READ_CHUNK: usize = 64 * 1024;

/// What the inbox gives the main thread.
pub enum Incoming<E> {
    /// A message from the server.
    Server(ServerMsg),
    /// The connection ended or sent something that is not a frame.
    Lost,
    /// An event another thread posted.
    Local(E),
}

/// Posts events to the main thread from other threads, waking it if it waits.
pub struct Poster<E> {
    /// The events.
    tx: Sender<E>,
    /// The write end of the wake-up pipe.
    wake: Arc<OwnedFd>,
}

impl<E> Clone for Poster<E> {
    fn clone(&self) -> Self {
        Poster {
            tx: self.tx.clone(),
            wake: Arc::clone(&self.wake),
        }
    }
}

impl<E> Poster<E> {
    /// Posts `event`; returns false when the main thread is gone.
    pub fn post(&self, event: E) -> bool {
        if self.tx.send(event).is_err() {
            return false;
        }
        // A full pipe already holds a wake-up; nothing else can go wrong that matters here.
        let _ = nix::unistd::write(&*self.wake, &[1]);
        true
    }
}

/// The main thread's side: the socket it reads and the events other threads posted.
pub struct Inbox<E> {
    /// Events from other threads.
    rx: Receiver<E>,
    /// The read end of the wake-up pipe (non-blocking).
    wake: OwnedFd,
    /// The connection to the server; reads never block (MSG_DONTWAIT), so the input thread
    /// can keep writing to a clone of it with blocking writes.
    socket: UnixStream,
    /// Bytes read from the socket and not yet whole frames.
    frames: FrameDecoder,
    /// Where reads land.
    buf: Vec<u8>,
    /// Whether the connection ended.
    lost: bool,
}

/// Returns an inbox reading `socket` and a poster for other threads.
pub fn inbox<E>(socket: UnixStream) -> io::Result<(Inbox<E>, Poster<E>)> {
    use nix::fcntl::OFlag;
    let (rd, wr) = nix::unistd::pipe2(OFlag::O_CLOEXEC | OFlag::O_NONBLOCK)?;
    let (tx, rx) = mpsc::channel();
    let inbox = Inbox {
        rx,
        wake: rd,
        socket,
        frames: FrameDecoder::new(),
        buf: vec![0; READ_CHUNK],
        lost: false,
    };
    let poster = Poster {
        tx,
        wake: Arc::new(wr),
    };
    Ok((inbox, poster))
}

impl<E> Inbox<E> {
    /// Returns the next event or message, waiting for one.
    pub fn next(&mut self) -> Incoming<E> {
        loop {
            if let Some(incoming) = self.try_next() {
                return incoming;
            }
            let mut fds = [
                PollFd::new(self.socket.as_fd(), PollFlags::POLLIN),
                PollFd::new(self.wake.as_fd(), PollFlags::POLLIN),
            ];
            match poll(&mut fds, PollTimeout::NONE) {
                Ok(_) | Err(Errno::EINTR) => {}
                Err(_) => return Incoming::Lost,
            }
            let mut sink = [0u8; 64];
            while matches!(nix::unistd::read(&self.wake, &mut sink), Ok(n) if n > 0) {}
        }
    }

    /// Reads from `socket` from now on (the server that took over after a crash or an
    /// upgrade), forgetting what was half read from the old one.
    pub fn replace_socket(&mut self, socket: UnixStream) {
        self.socket = socket;
        self.frames = FrameDecoder::new();
        self.lost = false;
    }

    /// Returns the next event or message if one is there, without waiting.
    pub fn try_next(&mut self) -> Option<Incoming<E>> {
        if let Ok(event) = self.rx.try_recv() {
            return Some(Incoming::Local(event));
        }
        if let Some(msg) = self.decoded() {
            return Some(msg);
        }
        self.read_socket();
        self.decoded()
    }

    /// Takes the next whole message already read, or tells that the connection is lost.
    fn decoded(&mut self) -> Option<Incoming<E>> {
        match self.frames.next_msg::<ServerMsg>() {
            Ok(Some(msg)) => Some(Incoming::Server(msg)),
            Ok(None) if self.lost => Some(Incoming::Lost),
            Ok(None) => None,
            Err(_) => {
                self.lost = true;
                Some(Incoming::Lost)
            }
        }
    }

    /// Reads what the socket holds, without waiting.
    fn read_socket(&mut self) {
        if self.lost {
            return;
        }
        match recv(
            self.socket.as_raw_fd(),
            &mut self.buf,
            MsgFlags::MSG_DONTWAIT,
        ) {
            Ok(0) => self.lost = true,
            Ok(n) => self.frames.push(self.buf.get(..n).unwrap_or_default()),
            Err(Errno::EAGAIN | Errno::EINTR) => {}
            Err(_) => self.lost = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_protocol::write_frame;

    #[test]
    fn frames_and_posted_events_both_arrive_and_an_end_is_lost() {
        let (ours, mut theirs) = UnixStream::pair().unwrap();
        let (mut inbox, poster) = inbox::<u32>(ours).unwrap();
        assert!(inbox.try_next().is_none());
        write_frame(&mut theirs, &ServerMsg::Bell).unwrap();
        write_frame(&mut theirs, &ServerMsg::Exit(3)).unwrap();
        assert!(matches!(inbox.next(), Incoming::Server(ServerMsg::Bell)));
        assert!(matches!(inbox.next(), Incoming::Server(ServerMsg::Exit(3))));
        let other = std::thread::spawn(move || poster.post(7));
        assert!(matches!(inbox.next(), Incoming::Local(7)));
        assert!(other.join().unwrap());
        drop(theirs);
        assert!(matches!(inbox.next(), Incoming::Lost));
    }
}
