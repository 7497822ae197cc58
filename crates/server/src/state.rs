//! The single owner of mutable server state and its event loop: every change to sessions,
//! panes and clients happens here, in response to one [`Event`] at a time.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use mux_protocol::{ClientMsg, ServerMsg};
use tokio::sync::mpsc;

use crate::client::Client;
use crate::event::{ClientId, Event, EventTx, PaneId, SessionId};
use crate::log::log;
use crate::pane::Pane;
use crate::session::Session;

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
            _ = sleep_until(state.rename_at) => { crate::rename::recheck(&mut state); None }
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
    fn new(socket: PathBuf, events: EventTx) -> State {
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
        }
    }

    /// Handles one event.
    fn handle(&mut self, event: Event) {
        match event {
            Event::Connected { id, tx, request } => {
                let client = Client::new(id, tx, &request);
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
            Event::Output(pane, bytes) => self.on_output(pane, &bytes),
            Event::Closed(pane) => self.on_pane_closed(pane),
            Event::Exited(pane, status) => self.on_pane_exited(pane, status),
            Event::Terminate => self.shutdown("[server exited]"),
        }
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

    /// Parses a pane's output and marks the clients that show it.
    fn on_output(&mut self, id: PaneId, bytes: &[u8]) {
        let Some(pane) = self.panes.get_mut(&id) else {
            return;
        };
        let effects = pane.term.process(bytes);
        pane.write(effects.replies);
        let session = pane.session;
        crate::rename::after_output(self, id);
        for c in self.clients.values_mut() {
            if c.session == Some(session) {
                c.dirty = true;
                if effects.bells > 0 {
                    c.send(ServerMsg::Bell);
                }
            }
        }
    }

    /// Records that a pane's child exited; the pane goes once its output is drained.
    fn on_pane_exited(&mut self, id: PaneId, status: i32) {
        let Some(pane) = self.panes.get_mut(&id) else {
            return;
        };
        log!("pane %{} exited with status {status}", id.0);
        pane.exit_status = Some(status);
        if pane.closed {
            self.close_pane(id);
        } else {
            pane.start_drain();
        }
    }

    /// Records that a pane's PTY has no more output.
    fn on_pane_closed(&mut self, id: PaneId) {
        let Some(pane) = self.panes.get_mut(&id) else {
            return;
        };
        pane.closed = true;
        if pane.exit_status.is_some() {
            self.close_pane(id);
        }
    }

    /// Removes a dead pane, its window, and its session when that was the last window.
    fn close_pane(&mut self, id: PaneId) {
        let Some(pane) = self.panes.remove(&id) else {
            return;
        };
        let Some(session) = self.sessions.iter_mut().find(|s| s.id == pane.session) else {
            return;
        };
        session.windows.retain(|w| w.pane != id);
        if session.windows.is_empty() {
            self.destroy_session(pane.session, "[exited]");
        } else {
            session.current = session.current.min(session.windows.len() - 1);
            self.mark_session_dirty(pane.session);
        }
    }

    /// Ends a session: hangs up its panes, detaches its clients with `message`, and exits the
    /// server when it was the last session.
    pub fn destroy_session(&mut self, id: SessionId, message: &str) {
        let Some(pos) = self.sessions.iter().position(|s| s.id == id) else {
            return;
        };
        let session = self.sessions.remove(pos);
        for w in &session.windows {
            if let Some(pane) = self.panes.remove(&w.pane) {
                pane.hangup();
            }
        }
        let attached: Vec<ClientId> = self
            .clients
            .values()
            .filter(|c| c.session == Some(id))
            .map(|c| c.id)
            .collect();
        for cid in attached {
            self.detach_client(cid, message, 0);
        }
        log!("session {} ({}) destroyed", session.name, id.0);
        if self.sessions.is_empty() {
            self.exit = Some(0);
        }
    }

    /// Tells an attached client to leave and forgets it.
    pub fn detach_client(&mut self, id: ClientId, message: &str, status: i32) {
        if let Some(c) = self.clients.remove(&id) {
            c.send(ServerMsg::Detach {
                message: message.to_string(),
                status,
            });
        }
    }

    /// Forgets a client whose connection ended, resizing what it was attached to.
    fn remove_client(&mut self, id: ClientId) {
        if let Some(c) = self.clients.remove(&id) {
            if let Some(sid) = c.session {
                crate::resize::apply_window_size(self, sid);
            }
        }
    }

    /// SIGTERM or kill-server: hang up every pane, tell every client, and exit.
    pub fn shutdown(&mut self, message: &str) {
        for pane in self.panes.values() {
            pane.hangup();
        }
        self.panes.clear();
        self.sessions.clear();
        let ids: Vec<ClientId> = self.clients.keys().copied().collect();
        for id in ids {
            let attached = self.clients.get(&id).is_some_and(|c| c.session.is_some());
            if attached {
                self.detach_client(id, message, 1);
            }
        }
        self.exit = Some(0);
    }

    /// Marks every client attached to a session for redraw.
    pub fn mark_session_dirty(&mut self, id: SessionId) {
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

    /// Returns the active pane of the window a client looks at.
    pub fn client_pane_mut(&mut self, id: ClientId) -> Option<&mut Pane> {
        let sid = self.clients.get(&id)?.session?;
        let pane = self.session(sid)?.current_window()?.pane;
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
