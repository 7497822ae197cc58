//! Commands waiting to run, as data (tmux's command queue): each command line from a client,
//! a key binding, the config file or a hook is a batch of parsed commands that runs in order
//! and may stop to wait (for a shell command, a channel, a client's standard input) and go
//! on later. The `cmd` layer runs them; the model only keeps them, so that the event loop can
//! hand a finished job back to the batch that waits for it.

use std::collections::{BTreeMap, VecDeque};

use crate::ids::{ClientId, SessionId};
use crate::model::target::Found;

/// Identifies a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BatchId(pub u64);

/// Where a batch came from, which decides where its output and errors go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A command client's command line: output and errors are printed by the client, which
    /// exits with status 1 after an error.
    Request,
    /// A key binding, prompt or chooser of an attached client: output appears in the view
    /// mode of its pane, an error on its status line.
    Binding,
    /// The config file loaded when the server starts: errors are kept for the first client
    /// that attaches.
    Config,
    /// A hook, or a command that went on in the background (`if-shell -b`): errors go to the
    /// message log.
    Detached,
}

/// Where a command was written: a file and a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, as it was named.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// How deeply the file is nested in files that sourced it (1 for a file sourced from
    /// elsewhere).
    pub depth: usize,
}

/// One command waiting to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its words, the command name first.
    pub words: Vec<String>,
    /// Its group: after an error the rest of the group is skipped.
    pub group: u64,
    /// Where it was written, for commands from a file.
    pub place: Option<Place>,
    /// The target it runs on when it names none (a hook's object).
    pub current: Option<Found>,
    /// Format variables it sees besides the usual ones (`hook`, `hook_pane`, ...).
    pub vars: Vec<(String, String)>,
}

/// A batch of commands for one client (or none).
#[derive(Debug)]
pub struct Batch {
    /// The client it runs for; [`ClientId::NONE`] for the config file and hooks.
    pub client: ClientId,
    /// Where it came from.
    pub origin: Origin,
    /// The commands still to run.
    pub items: VecDeque<Item>,
    /// Output so far.
    pub out: String,
    /// Errors so far, each with its place when it has one.
    pub errors: Vec<String>,
    /// Whether an error without a place happened (a command line's error).
    pub failed: bool,
    /// Warnings so far (options mux does not have), each with its place when it has one.
    pub warnings: Vec<String>,
    /// Whether an error or warning came from a file (and so names its place).
    pub placed: bool,
    /// The session the client attaches to at the end (`new-session`, `attach-session`).
    pub attach: Option<SessionId>,
    /// The command that waits, if one does; the batch goes on when it is resumed.
    pub waiting: Option<Waiting>,
    /// Whether it waits for the config file to finish loading before it starts.
    pub held: bool,
    /// The exit status its command client gets, when a command chose one (`wait-output`
    /// gives 2 when the pane's program ended first).
    pub exit_status: Option<i32>,
}

/// The command a batch waits for: its group, place and context, for an error it ends with
/// and the commands it runs when it ends (`if-shell`'s branch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// Its group.
    pub group: u64,
    /// Where it was written.
    pub place: Option<Place>,
    /// Its current target.
    pub current: Option<Found>,
    /// Its extra format variables.
    pub vars: Vec<(String, String)>,
}

/// What the command running now sees besides its client.
#[derive(Debug, Clone, Default)]
pub struct Running {
    /// The target it runs on when it names none.
    pub current: Option<Found>,
    /// Extra format variables.
    pub vars: Vec<(String, String)>,
}

/// Something a hook is run for (tmux's notifications): its name and the objects it
/// happened to, with their names as they were then (a closed session has none by the time
/// its hook runs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HookEvent {
    /// The hook's name, such as `session-created`.
    pub name: &'static str,
    /// The session, and its name.
    pub session: Option<(crate::ids::SessionId, String)>,
    /// The window, and its name.
    pub window: Option<(crate::ids::WindowId, String)>,
    /// The pane.
    pub pane: Option<crate::ids::PaneId>,
    /// The client, and its name.
    pub client: Option<(ClientId, String)>,
}

/// A `wait-for` channel.
#[derive(Debug, Default)]
pub struct Channel {
    /// The batches waiting for a signal.
    pub waiters: Vec<BatchId>,
    /// Whether it was signalled while nobody waited.
    pub woken: bool,
    /// Whether someone holds its lock.
    pub locked: bool,
    /// The batches waiting for the lock, in order.
    pub lockers: VecDeque<BatchId>,
}

/// Every batch, and the counters that name them.
#[derive(Debug, Default)]
pub struct Queue {
    /// Command clients whose standard input goes into a pane (`display-message -I`).
    pub stdin_panes: std::collections::HashMap<ClientId, crate::ids::PaneId>,
    /// The `wait-for` channels in use, by name.
    pub channels: std::collections::HashMap<String, Channel>,
    /// Hooks due to run, in the order their events happened.
    pub due_hooks: Vec<HookEvent>,
    /// The batches that have not finished, by id.
    pub batches: BTreeMap<BatchId, Batch>,
    /// What the running command sees.
    pub running: Running,
    /// The batch loading the config file at startup, while it has not finished.
    pub config: Option<BatchId>,
    /// The next batch id.
    next: u64,
    /// The next group number.
    next_group: u64,
}

impl Queue {
    /// Adds a batch and returns its id.
    pub fn add(&mut self, batch: Batch) -> BatchId {
        self.next += 1;
        let id = BatchId(self.next);
        self.batches.insert(id, batch);
        id
    }

    /// Returns a new group number.
    pub fn group(&mut self) -> u64 {
        self.next_group += 1;
        self.next_group
    }

    /// Returns the batch of a client that waits for something, if any.
    pub fn waiting_for(&self, client: ClientId) -> Option<BatchId> {
        self.batches
            .iter()
            .find(|(_, b)| b.client == client && b.waiting.is_some() && b.origin == Origin::Request)
            .map(|(id, _)| *id)
    }
}

impl crate::model::state::State {
    /// Records that hook `name` is due for a pane, window or session (whichever are given),
    /// with their names now.
    pub fn notify(
        &mut self,
        name: &'static str,
        session: Option<SessionId>,
        window: Option<crate::ids::WindowId>,
        pane: Option<crate::ids::PaneId>,
    ) {
        let session = session.and_then(|s| Some((s, self.session(s)?.name.clone())));
        let window = window.and_then(|w| {
            let name = self
                .sessions
                .iter()
                .find_map(|s| s.window(w))
                .map(|w| w.name.clone())?;
            Some((w, name))
        });
        self.queue.due_hooks.push(HookEvent {
            name,
            session,
            window,
            pane,
            client: None,
        });
    }

    /// Records that hook `name` is due for a client, in the session it is attached to.
    pub fn notify_client(&mut self, name: &'static str, client: ClientId) {
        let Some(c) = self.clients.get(&client) else {
            return;
        };
        let (client_name, sid) = (c.name(), c.session);
        self.notify(name, sid, None, None);
        if let Some(event) = self.queue.due_hooks.last_mut() {
            event.client = Some((client, client_name));
        }
    }
}

impl Batch {
    /// Returns a batch of `items` for `client`.
    pub fn new(client: ClientId, origin: Origin, items: Vec<Item>) -> Batch {
        Batch {
            client,
            origin,
            items: items.into(),
            out: String::new(),
            errors: Vec::new(),
            failed: false,
            warnings: Vec::new(),
            placed: false,
            attach: None,
            waiting: None,
            held: false,
            exit_status: None,
        }
    }
}

impl Item {
    /// Returns an item of `words` in `group`, written nowhere in particular.
    pub fn new(words: Vec<String>, group: u64) -> Item {
        Item {
            words,
            group,
            place: None,
            current: None,
            vars: Vec::new(),
        }
    }
}
