//! A connected client as the state owner sees it: its queue, attachment, size, key-table
//! state and what its screen currently shows.

use std::sync::Arc;
use std::time::Instant;

use mux_protocol::{Cell, ClientTerminal, CommandRequest, Cursor, ServerMsg, Size};
use tokio::sync::{mpsc, Semaphore};

use crate::ids::{ClientId, SessionId};
use crate::model::mode::Mode;

/// One connected client.
pub struct Client {
    /// The client's id.
    pub id: ClientId,
    /// Its message queue.
    tx: mpsc::Sender<ServerMsg>,
    /// The session it is attached to, if any.
    pub session: Option<SessionId>,
    /// Its terminal, when it has one.
    pub terminal: Option<ClientTerminal>,
    /// Its working directory when it connected.
    pub cwd: String,
    /// Its environment when it connected.
    pub env: Vec<(String, String)>,
    /// The client process's pid.
    pub pid: i32,
    /// The title last sent to its terminal (set-titles).
    pub shown_title: Option<String>,
    /// The session it showed before the last switch-client.
    pub last_session: Option<SessionId>,
    /// The key table the next key is looked up in (`root`, or `prefix` after the prefix).
    pub key_table: String,
    /// Until when a repeatable binding may be pressed again without the prefix.
    pub repeat_until: Option<Instant>,
    /// What the client's keys drive: the pane, a prompt, a chooser, pane numbers.
    pub mode: Mode,
    /// A message shown on the status line until the given time.
    pub message: Option<(String, Instant)>,
    /// After the prefix: when the hint of prefix keys is due (`prefix-hint-delay`) and
    /// whether it shows.
    pub prefix_hint: Option<(Instant, bool)>,
    /// When it last did something (a counter), to find the most recently active client.
    pub last_active: u64,
    /// What its screen shows: rows of cells, as last sent.
    pub shown: Vec<Vec<Cell>>,
    /// Which of its rows wrap into the next one, as last sent.
    pub shown_wrapped: Vec<bool>,
    /// Its cursor, as last sent.
    pub shown_cursor: Option<Cursor>,
    /// Whether its screen may differ from what it should show anywhere (a full compose).
    pub dirty: bool,
    /// Panes whose rows changed since its screen was composed, when nothing else did: only
    /// their changed rows are composed again.
    pub dirty_panes: Vec<crate::ids::PaneId>,
    /// Panes whose rows went in the last update (and since, at once): a dirty pane not
    /// among them was quiet, and its rows need not wait for the frame interval.
    pub flushed_panes: Vec<crate::ids::PaneId>,
    /// For each pane it shows, the pane's generation when its rows were last composed.
    pub pane_seen: Vec<(crate::ids::PaneId, u64)>,
    /// When the last screen update was queued.
    pub last_flush: Option<Instant>,
    /// Where the parts of its status line are, as last drawn: columns and what is there.
    pub status_ranges: Vec<(usize, usize, StatusTarget)>,
    /// The mouse reporting it was last told to ask its terminal for.
    pub shown_mouse: Option<mux_protocol::MouseReport>,
    /// The escape-time the client was last told, in milliseconds.
    pub shown_escape_time: Option<u32>,
    /// Which part of a window larger than the client it shows (`refresh-client -L/-R/-U/-D`):
    /// the column and row of its top-left corner, or `None` to follow the cursor.
    pub pan: Option<(usize, usize)>,
    /// What its mouse is doing.
    pub mouse: MouseState,
    /// Its standard input, while a command reads it (`load-buffer -`): the buffer it goes
    /// to and what arrived so far.
    pub stdin: Option<(Option<String>, Vec<u8>)>,
    /// Lets its connection hand over the next message (see [`InputGate`]).
    pub gate: InputGate,
    /// The paste it is sending in pieces, while one is under way.
    pub paste: Option<crate::model::paste::PasteStream>,
}

/// A connection's turn to hand the event loop a message: its reader takes the one permit
/// before it passes a message on, and the event loop gives it back (a [`Turn`] dropped) once
/// the message is dealt with. Input that must wait (a paste the pane cannot take yet) keeps
/// the turn, so nothing the client sends after it overtakes it and the client's socket pushes
/// back, while the server holds at most one message per connection. Dropping the gate (the
/// client forgotten) ends the reader.
#[derive(Debug)]
pub struct InputGate(Arc<Semaphore>);

impl InputGate {
    /// Returns a gate and the semaphore its connection's reader takes turns from.
    pub fn new() -> (InputGate, Arc<Semaphore>) {
        let sem = Arc::new(Semaphore::new(1));
        (InputGate(sem.clone()), sem)
    }

    /// Returns the turn of the message being handled; dropping it lets the next one in.
    pub fn turn(&self) -> Turn {
        Turn(self.0.clone())
    }
}

impl Drop for InputGate {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// The turn of a message being handled (see [`InputGate`]).
pub struct Turn(Arc<Semaphore>);

impl Drop for Turn {
    fn drop(&mut self) {
        self.0.add_permits(1);
    }
}

/// A part of the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusTarget {
    /// `status-left`.
    Left,
    /// `status-right`.
    Right,
    /// A window's entry in the list.
    Window(crate::ids::WindowId),
    /// Anywhere else.
    Other,
}

/// What a client's mouse is doing, and where the event a binding runs for happened.
#[derive(Debug, Clone, Default)]
pub struct MouseState {
    /// The button held and where it went down, while one is held.
    pub down: Option<(mux_protocol::MouseButton, crate::model::hit::Hit)>,
    /// Whether the mouse moved with the button held since it went down.
    pub dragging: bool,
    /// What dragging does, once a binding began a drag.
    pub drag: Option<Drag>,
    /// The last press: when, where, which button and how many clicks it made.
    pub last_click: Option<(Instant, mux_protocol::Point, mux_protocol::MouseButton, u8)>,
    /// The event a mouse binding is running for (tmux's `-t =`, `send-keys -M`).
    pub current: Option<MouseTarget>,
}

/// What moving the mouse with a button held does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drag {
    /// Extends a copy-mode selection in a pane.
    Select(crate::ids::PaneId),
    /// Moves a border; the last point it was dragged to, in the window.
    Border(mux_protocol::Point),
    /// Goes to a pane's program as mouse events.
    Pane(crate::ids::PaneId),
}

/// Where a mouse event happened, for the commands its binding runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseTarget {
    /// The event, its position relative to `pane` when there is one.
    pub event: mux_protocol::MouseEvent,
    /// Where it happened on the client's screen.
    pub screen: mux_protocol::Point,
    /// What was under it.
    pub hit: crate::model::hit::Hit,
}

impl Client {
    /// Makes the state for a client that sent `request`, with a gate of its own until the
    /// connection's is set.
    pub fn new(id: ClientId, tx: mpsc::Sender<ServerMsg>, request: &CommandRequest) -> Client {
        Client {
            id,
            tx,
            session: None,
            terminal: request.terminal.clone().map(|mut t| {
                t.size = crate::model::resize::clamp(t.size);
                t
            }),
            cwd: request.cwd.clone(),
            env: request.env.clone(),
            pid: 0,
            last_session: None,
            shown_title: None,
            key_table: "root".into(),
            repeat_until: None,
            mode: Mode::Normal,
            message: None,
            prefix_hint: None,
            last_active: 0,
            shown: Vec::new(),
            shown_wrapped: Vec::new(),
            shown_cursor: None,
            dirty: false,
            dirty_panes: Vec::new(),
            flushed_panes: Vec::new(),
            pane_seen: Vec::new(),
            last_flush: None,
            status_ranges: Vec::new(),
            shown_mouse: None,
            shown_escape_time: None,
            pan: None,
            mouse: MouseState::default(),
            stdin: None,
            gate: InputGate::new().0,
            paste: None,
        }
    }

    /// Returns the client's name as tmux shows it: its terminal's path.
    pub fn name(&self) -> String {
        std::fs::read_link(format!("/proc/{}/fd/0", self.pid))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| format!("client-{}", self.id.0))
    }

    /// Returns the client process's pid.
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Returns the client's terminal size (80×24 without a terminal), within
    /// [`crate::model::resize::MAX_COLS`] by [`crate::model::resize::MAX_ROWS`].
    pub fn size(&self) -> Size {
        self.terminal
            .as_ref()
            .map(|t| crate::model::resize::clamp(t.size))
            .unwrap_or(Size { cols: 80, rows: 24 })
    }

    /// Records the client's new terminal size, clamped as [`Client::size`] says, and forgets
    /// what its screen shows. Returns whether the size changed.
    pub fn set_size(&mut self, size: Size) -> bool {
        let size = crate::model::resize::clamp(size);
        let Some(t) = self.terminal.as_mut() else {
            return false;
        };
        let changed = t.size != size;
        t.size = size;
        self.invalidate();
        changed
    }

    /// Returns the value of an environment variable the client had.
    pub fn env_var(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Queues a message that must not be dropped (output, exit, detach). Returns false if the
    /// client is gone or hopelessly behind.
    pub fn send(&self, msg: ServerMsg) -> bool {
        self.tx.try_send(msg).is_ok()
    }

    /// Returns whether a screen update may be queued now: only when nothing waits for the
    /// client, so a client that stops reading (or is stopped) has at most one stale update
    /// ahead of it, and catches up with one redraw of the current screen when it reads again.
    pub fn can_take_frame(&self) -> bool {
        self.tx.capacity() == self.tx.max_capacity()
    }

    /// Forgets what the client shows, so the next update redraws everything.
    pub fn invalidate(&mut self) {
        self.shown.clear();
        self.shown_wrapped.clear();
        self.shown_cursor = None;
        self.shown_mouse = None;
        self.dirty = true;
    }
}
