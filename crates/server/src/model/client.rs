//! A connected client as the state owner sees it: its queue, attachment, size, key-table
//! state and what its screen currently shows.

use std::time::Instant;

use mux_protocol::{Cell, ClientTerminal, CommandRequest, Cursor, ServerMsg, Size};
use tokio::sync::mpsc;

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
    /// When it last did something (a counter), to find the most recently active client.
    pub last_active: u64,
    /// What its screen shows: rows of cells, as last sent.
    pub shown: Vec<Vec<Cell>>,
    /// Its cursor, as last sent.
    pub shown_cursor: Option<Cursor>,
    /// Whether its screen may differ from what it should show.
    pub dirty: bool,
    /// When the last screen update was queued.
    pub last_flush: Option<Instant>,
}

impl Client {
    /// Makes the state for a client that sent `request`.
    pub fn new(id: ClientId, tx: mpsc::Sender<ServerMsg>, request: &CommandRequest) -> Client {
        Client {
            id,
            tx,
            session: None,
            terminal: request.terminal.clone(),
            cwd: request.cwd.clone(),
            env: request.env.clone(),
            pid: 0,
            last_session: None,
            shown_title: None,
            key_table: "root".into(),
            repeat_until: None,
            mode: Mode::Normal,
            message: None,
            last_active: 0,
            shown: Vec::new(),
            shown_cursor: None,
            dirty: false,
            last_flush: None,
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

    /// Returns the client's terminal size (80×24 without a terminal).
    pub fn size(&self) -> Size {
        self.terminal
            .as_ref()
            .map(|t| t.size)
            .unwrap_or(Size { cols: 80, rows: 24 })
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

    /// Returns whether a screen update may be queued now without crowding out control messages.
    pub fn can_take_frame(&self) -> bool {
        self.tx.capacity() > 2
    }

    /// Forgets what the client shows, so the next update redraws everything.
    pub fn invalidate(&mut self) {
        self.shown.clear();
        self.shown_cursor = None;
        self.dirty = true;
    }
}
