//! The single owner of mutable server state and its event loop: every change to sessions,
//! panes and clients happens here, in response to one [`Event`] at a time.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use mux_protocol::ClientMsg;
use tokio::sync::mpsc;

use crate::bindings::KeyTables;
use crate::client::Client;
use crate::event::{ClientId, Event, EventTx, PaneId, ProgramId, SessionId, WindowId};
use crate::log::log;
use crate::options::OptionStore;
use crate::pane::Pane;
use crate::session::Session;
use crate::window::Window;

/// How many events are handled before attached clients are brought up to date.
const BATCH: usize = 64;

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
    /// Where pane tasks send their events.
    pub events: EventTx,
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
    pub buffers: crate::buffers::Buffers,
    /// The default colours of the most recent client terminal that reported them (OSC 10,
    /// 11 and 12), answered to panes that ask.
    pub outer_colours: OuterColours,
    /// What was entered at prompts, oldest first, at most `prompt-history-limit` entries.
    pub prompt_history: Vec<String>,
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
}

/// Runs the server on an already bound listener until it should exit; returns the status.
pub fn serve(listener: std::os::unix::net::UnixListener, socket: PathBuf) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            log!("cannot start the runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(run(listener, socket))
}

/// The event loop.
async fn run(listener: std::os::unix::net::UnixListener, socket: PathBuf) -> i32 {
    let (tx, mut rx) = mpsc::channel::<Event>(256);
    let (alive_tx, mut alive_rx) = mpsc::channel::<()>(1);
    let listener = match listener
        .set_nonblocking(true)
        .and_then(|_| tokio::net::UnixListener::from_std(listener))
    {
        Ok(l) => l,
        Err(e) => {
            log!("cannot listen: {e}");
            return 1;
        }
    };
    let acceptor = tokio::spawn(crate::conn::accept_loop(listener, tx.clone(), alive_tx));
    spawn_signal_handlers(tx.clone());
    let mut state = State::new(socket, tx);
    let mut flush_at: Option<Instant> = None;
    let mut clock_at: Option<Instant> = None;
    while state.exit.is_none() {
        let event = tokio::select! {
            ev = rx.recv() => ev,
            _ = sleep_until(flush_at) => None,
            _ = sleep_until(clock_at) => { state.clock_tick(); None }
            _ = sleep_until(state.next_timer()) => { state.run_timers(Instant::now()); None }
        };
        if let Some(ev) = event {
            state.handle(ev);
            for _ in 0..BATCH {
                match rx.try_recv() {
                    Ok(ev) => state.handle(ev),
                    Err(_) => break,
                }
            }
            // As tmux's exit-empty: no session left (or none made) ends the server.
            if state.sessions.is_empty() {
                state.exit.get_or_insert(0);
            }
        }
        flush_at = crate::render::flush(&mut state, Instant::now());
        clock_at = state.clock_deadline(clock_at);
    }
    acceptor.abort();
    let status = state.exit.unwrap_or(0);
    drop(state);
    drop(rx);
    // Give writers a moment to send the last messages (exit, detach) to their clients.
    let _ = tokio::time::timeout(Duration::from_secs(1), alive_rx.recv()).await;
    status
}

/// Sleeps until `when`, or forever when there is nothing to wait for.
async fn sleep_until(when: Option<Instant>) {
    match when {
        Some(t) => tokio::time::sleep_until(t.into()).await,
        None => std::future::pending().await,
    }
}

/// SIGTERM and SIGINT shut the server down; SIGHUP is caught and ignored.
fn spawn_signal_handlers(tx: EventTx) {
    use tokio::signal::unix::{signal, SignalKind};
    for kind in [SignalKind::terminate(), SignalKind::interrupt()] {
        let tx = tx.clone();
        if let Ok(mut sig) = signal(kind) {
            tokio::spawn(async move {
                while sig.recv().await.is_some() {
                    let _ = tx.send(Event::Terminate).await;
                }
            });
        }
    }
    if let Ok(mut hup) = signal(SignalKind::hangup()) {
        tokio::spawn(async move { while hup.recv().await.is_some() {} });
    }
}

impl State {
    /// Returns an empty state.
    pub(crate) fn new(socket: PathBuf, events: EventTx) -> State {
        State {
            sessions: Vec::new(),
            panes: HashMap::new(),
            clients: BTreeMap::new(),
            socket,
            events,
            next_ids: NextIds::default(),
            tick: 0,
            exit: None,
            rename_at: None,
            options: OptionStore::new(),
            keys: KeyTables::with_defaults(),
            buffers: Default::default(),
            outer_colours: OuterColours::default(),
            prompt_history: Vec::new(),
        }
    }

    /// Handles one event.
    fn handle(&mut self, event: Event) {
        match event {
            Event::Connected {
                id,
                tx,
                request,
                pid,
            } => {
                let mut client = Client::new(id, tx, &request);
                client.pid = pid;
                self.clients.insert(id, client);
                crate::cmd::run_request(self, id, &request.argv);
            }
            Event::Message(id, msg) => self.on_message(id, msg),
            Event::Gone(id, reason) => {
                if let Some(reason) = reason {
                    log!("client {}: dropped: {reason}", id.0);
                }
                self.remove_client(id);
            }
            // A stalled client may take an update again: the flush after this batch sees it.
            Event::Drained => {}
            Event::Output(pane, program, bytes) if self.runs(pane, program) => {
                self.on_output(pane, &bytes);
            }
            Event::Closed(pane, program) if self.runs(pane, program) => self.on_pane_closed(pane),
            Event::Exited(pane, program, status) if self.runs(pane, program) => {
                self.on_pane_exited(pane, status);
            }
            // The program a respawn replaced, or a pane already gone.
            Event::Output(..) | Event::Closed(..) | Event::Exited(..) => {}
            Event::Terminate => self.shutdown("[server exited]"),
        }
    }

    /// Returns whether pane `pane` exists and runs `program`.
    fn runs(&self, pane: PaneId, program: ProgramId) -> bool {
        self.panes.get(&pane).is_some_and(|p| p.program == program)
    }

    /// Handles a message from an attached (or attaching) client.
    fn on_message(&mut self, id: ClientId, msg: ClientMsg) {
        let Some(client) = self.clients.get(&id) else {
            return;
        };
        if client.session.is_none() {
            return;
        }
        match msg {
            ClientMsg::Key(key) => {
                self.touch_client(id);
                crate::keys::handle_key(self, id, key);
            }
            ClientMsg::Paste(text) => {
                self.touch_client(id);
                if let Some(pane) = self.client_pane_mut(id) {
                    let bytes = pane.term.encode_paste(&text);
                    pane.write(bytes);
                }
            }
            ClientMsg::Resize(size) => {
                if let Some(c) = self.clients.get_mut(&id) {
                    if let Some(t) = c.terminal.as_mut() {
                        t.size = size;
                    }
                    c.invalidate();
                }
                self.touch_client(id);
            }
            ClientMsg::Focus(focused) => {
                if let Some(pane) = self.client_pane_mut(id) {
                    let bytes = pane.term.encode_focus(focused);
                    pane.write(bytes);
                }
            }
            ClientMsg::Colours { fg, bg, cursor } => {
                self.outer_colours = OuterColours { fg, bg, cursor };
                for pane in self.panes.values_mut() {
                    pane.term.set_default_colours(fg, bg, cursor);
                }
            }
            ClientMsg::Command(_) => {}
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
            crate::resize::apply_window_size(self, sid);
        }
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

    /// Returns the active pane of the window a client looks at, mutably.
    pub fn client_pane_mut(&mut self, id: ClientId) -> Option<&mut Pane> {
        let pane = self.client_pane(id)?;
        self.panes.get_mut(&pane)
    }

    /// Redraws status lines once a minute for the clock.
    fn clock_tick(&mut self) {
        for c in self.clients.values_mut() {
            if c.session.is_some() {
                c.dirty = true;
            }
        }
    }

    /// Returns when the clock next needs a redraw: only while a client is attached.
    fn clock_deadline(&self, current: Option<Instant>) -> Option<Instant> {
        if !self.clients.values().any(|c| c.session.is_some()) {
            return None;
        }
        match current {
            Some(t) if t > Instant::now() => Some(t),
            _ => Some(Instant::now() + crate::time::until_next_minute()),
        }
    }
}
