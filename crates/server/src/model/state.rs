//! The single owner of mutable server state: sessions, panes, clients, options, key tables
//! and buffers, with the accessors every layer uses. The event loop (the `server` module) hands
//! it one event at a time; nothing else holds it.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use crate::config::bindings::KeyTables;
use crate::config::options::OptionStore;
use crate::ids::{ClientId, PaneId, SessionId, WindowId};
use crate::model::client::Client;
use crate::model::os::Os;
use crate::model::pane::Pane;
use crate::model::session::Session;
use crate::model::window::Window;

/// Everything the server knows.
pub struct State {
    /// Sessions, in creation order.
    pub sessions: Vec<Session>,
    /// Every pane, by id.
    pub panes: HashMap<PaneId, Pane>,
    /// Every connected client, by id.
    pub clients: BTreeMap<ClientId, Client>,
    /// The socket path, for `$MUX` and messages.
    pub socket: PathBuf,
    /// The operating system: PTYs, spawning, clocks (DESIGN 9).
    pub os: Box<dyn Os>,
    /// Id counters.
    pub next_ids: NextIds,
    /// Counter for "most recently used" ordering.
    pub tick: u64,
    /// Set when the server should exit, with its status.
    pub exit: Option<i32>,
    /// When to look again at the foreground commands of panes that wrote output.
    pub rename_at: Option<Instant>,
    /// Every option's value (one table, DESIGN 5).
    pub options: OptionStore,
    /// The key tables.
    pub keys: KeyTables,
    /// The paste buffers.
    pub buffers: crate::model::buffers::Buffers,
    /// The default colours of the most recent client terminal that reported them (OSC 10,
    /// 11 and 12), answered to panes that ask.
    pub outer_colours: OuterColours,
    /// What was entered at prompts, oldest first, at most `prompt-history-limit` entries.
    pub prompt_history: Vec<String>,
    /// The marked pane (`select-pane -m`, `C-b m`), if any: the default source of
    /// join-pane, swap-pane and swap-window, and the target `{marked}`.
    pub marked: Option<PaneId>,
    /// Whether a client ever connected: the server does not end for having no sessions
    /// before the client that started it has connected.
    pub had_client: bool,
    /// The history-file the prompt history was last read from.
    pub history_file_read: Option<String>,
    /// Commands waiting to run (tmux's command queue).
    pub queue: crate::model::queue::Queue,
    /// Shell commands running for commands and formats.
    pub jobs: crate::model::jobs::Jobs,
    /// The global environment (`set-environment -g`).
    pub environ: crate::model::environ::Environ,
    /// The message log (`show-messages`): when and what, oldest first, at most
    /// `message-limit` entries.
    pub messages: std::collections::VecDeque<(std::time::SystemTime, String)>,
    /// Errors from loading the config file at startup, shown to the first client that
    /// attaches.
    pub config_errors: Vec<String>,
    /// The command lines waiting for a pane's output (`wait-output`).
    pub waits: crate::model::waits::Waits,
    /// When the server next saves its sessions by itself (`save-interval`).
    pub autosave: crate::model::persist::autosave::Autosave,
    /// What the first client to attach is told after the server recovered its sessions
    /// from a crash or an upgrade (`recovered 4 panes after a server crash`).
    pub recovered: Option<String>,
    /// A hand-over to another server binary that a command asked for (`server-upgrade`),
    /// for the event loop to carry out after the batch.
    pub upgrade: Option<crate::model::upgrade::Upgrade>,
}

/// An RGB colour.
pub type Rgb = (u8, u8, u8);

/// A client terminal's default colours, where it gave them.
#[derive(Debug, Default, Clone, Copy)]
pub struct OuterColours {
    /// The default foreground.
    pub fg: Option<Rgb>,
    /// The default background.
    pub bg: Option<Rgb>,
    /// The cursor colour.
    pub cursor: Option<Rgb>,
}

/// The next free id of each kind.
#[derive(Default)]
pub struct NextIds {
    /// Next session id.
    pub session: u32,
    /// Next window id.
    pub window: u32,
    /// Next pane id.
    pub pane: u32,
    /// Next program id.
    pub program: u64,
    /// Next pipe or log id.
    pub sink: u64,
}

impl State {
    /// Returns an empty state.
    pub fn new(socket: PathBuf, os: Box<dyn Os>) -> State {
        State {
            sessions: Vec::new(),
            panes: HashMap::new(),
            clients: BTreeMap::new(),
            socket,
            os,
            next_ids: NextIds::default(),
            tick: 0,
            exit: None,
            rename_at: None,
            options: OptionStore::new(),
            keys: KeyTables::with_defaults(),
            buffers: Default::default(),
            outer_colours: OuterColours::default(),
            prompt_history: Vec::new(),
            marked: None,
            had_client: false,
            history_file_read: None,
            queue: Default::default(),
            jobs: Default::default(),
            environ: Default::default(),
            messages: Default::default(),
            config_errors: Vec::new(),
            waits: Default::default(),
            autosave: Default::default(),
            recovered: None,
            upgrade: None,
        }
    }

    /// Marks `id` as the most recently active client and applies the window size it implies.
    pub fn touch_client(&mut self, id: ClientId) {
        self.tick += 1;
        let tick = self.tick;
        let Some(c) = self.clients.get_mut(&id) else {
            return;
        };
        c.last_active = tick;
        if let Some(sid) = c.session {
            if let Some(s) = self.sessions.iter_mut().find(|s| s.id == sid) {
                s.last_used = tick;
            }
            crate::model::resize::apply_window_size(self, sid);
        }
    }

    /// Shows a message on a client's status line for `display-time` milliseconds.
    pub fn show_message(&mut self, client: ClientId, text: &str) {
        self.show_message_for(client, text, None);
    }

    /// Shows a message on a client's status line for `ms` milliseconds (`display-time` when
    /// `None`); 0 keeps it until a key is pressed. The message is also kept in the log that
    /// show-messages prints.
    pub fn show_message_for(&mut self, client: ClientId, text: &str, ms: Option<u64>) {
        let Some(sid) = self.clients.get(&client).and_then(|c| c.session) else {
            return;
        };
        let ms = ms.unwrap_or_else(|| {
            let n = self.options.session(sid, "display-time").as_count();
            u64::try_from(n).unwrap_or(0)
        });
        // Until a key: a day is as good as for ever, and still a time the timers can hold.
        let ms = if ms == 0 { 86_400_000 } else { ms };
        let text = text.lines().next().unwrap_or_default().to_string();
        self.log_message(&text);
        if let Some(c) = self.clients.get_mut(&client) {
            let until = self.os.now() + std::time::Duration::from_millis(ms);
            c.message = Some((text, until));
            c.dirty = true;
        }
    }

    /// Returns the marked pane while it still exists.
    pub fn marked_pane(&self) -> Option<PaneId> {
        self.marked.filter(|p| self.panes.contains_key(p))
    }

    /// Marks every client attached to a session for redraw, and tells panes that lost or
    /// gained focus when the session's active pane changed.
    pub fn mark_session_dirty(&mut self, id: SessionId) {
        self.update_focus(id);
        for c in self.clients.values_mut() {
            if c.session == Some(id) {
                c.dirty = true;
            }
        }
    }

    /// Returns the session with this id.
    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// Returns the session with this id, mutably.
    pub fn session_mut(&mut self, id: SessionId) -> Option<&mut Session> {
        self.sessions.iter_mut().find(|s| s.id == id)
    }

    /// Returns a window of a session.
    pub fn window(&self, sid: SessionId, wid: WindowId) -> Option<&Window> {
        self.session(sid)?.window(wid)
    }

    /// Returns a window of a session, mutably.
    pub fn window_mut(&mut self, sid: SessionId, wid: WindowId) -> Option<&mut Window> {
        self.session_mut(sid)?.window_mut(wid)
    }

    /// Returns the active pane of the window a client looks at.
    pub fn client_pane(&self, id: ClientId) -> Option<PaneId> {
        let sid = self.clients.get(&id)?.session?;
        Some(self.session(sid)?.current_window()?.active)
    }

    /// Adds a line to the message log, dropping the oldest past `message-limit`.
    pub fn log_message(&mut self, text: &str) {
        let when = self.os.wall_clock();
        self.messages.push_back((when, text.to_string()));
        let limit = self.options.server("message-limit").as_count();
        while self.messages.len() > limit {
            self.messages.pop_front();
        }
    }

    /// Returns the active pane of the window a client looks at, mutably.
    pub fn client_pane_mut(&mut self, id: ClientId) -> Option<&mut Pane> {
        let pane = self.client_pane(id)?;
        self.panes.get_mut(&pane)
    }
}
