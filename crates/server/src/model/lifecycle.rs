//! The end of things and what a pane's output changes: parsing output, bells and activity,
//! panes whose program exited (closed, or kept dead with remain-on-exit), sessions ending,
//! clients leaving, and the server shutting down.

use mux_protocol::ServerMsg;

use crate::ids::{ClientId, PaneId, SessionId};
use crate::log::log;
use crate::model::state::State;

impl State {
    /// Parses a pane's output, raises its window's alerts and marks the clients that show it.
    pub(crate) fn on_output(&mut self, id: PaneId, bytes: &[u8]) {
        let now = self.os.now();
        let Some(pane) = self.panes.get_mut(&id) else {
            return;
        };
        let effects = crate::model::contain::process(&mut pane.term, id.0, bytes);
        pane.write(effects.replies);
        pane.track_synchronized(now);
        let (sid, wid) = (pane.session, pane.window);
        crate::model::rename::after_output(self, id);
        crate::model::clipboard::apply(self, sid, effects.clipboard, effects.dropped_clipboard);
        let monitor = self.options.window(wid, "monitor-activity").as_flag();
        let Some(session) = self.session_mut(sid) else {
            return;
        };
        let current = session.current == wid;
        let mut alert = false;
        if let Some(w) = session.window_mut(wid) {
            if !current && effects.bells > 0 && !w.bell {
                w.bell = true;
                alert = true;
            }
            if !current && monitor && !w.activity {
                w.activity = true;
                alert = true;
            }
        }
        for c in self.clients.values_mut() {
            if c.session == Some(sid) {
                c.dirty |= current || alert;
                if effects.bells > 0 {
                    c.send(ServerMsg::Bell);
                }
            }
        }
    }

    /// Records that a pane's child exited; the pane goes once its output is drained.
    pub(crate) fn on_pane_exited(&mut self, id: PaneId, status: i32) {
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
    pub(crate) fn on_pane_closed(&mut self, id: PaneId) {
        let Some(pane) = self.panes.get_mut(&id) else {
            return;
        };
        pane.closed = true;
        if pane.exit_status.is_some() {
            self.close_pane(id);
        }
    }

    /// A pane whose program is gone: kept showing `Pane is dead` with remain-on-exit, else
    /// removed (and its window and session with it when it was the last).
    fn close_pane(&mut self, id: PaneId) {
        let Some(pane) = self.panes.get(&id) else {
            return;
        };
        let (sid, wid) = (pane.session, pane.window);
        let status = pane.exit_status.unwrap_or(0);
        let remain = self.options.pane(id, wid, "remain-on-exit").as_text();
        if remain == "on" || (remain == "failed" && status != 0) {
            self.mark_session_dirty(sid);
            return;
        }
        crate::model::ops::kill_pane(self, id);
    }

    /// Ends a session: hangs up its panes, detaches its clients with `message`, and exits the
    /// server when it was the last session.
    pub fn destroy_session(&mut self, id: SessionId, message: &str) {
        let Some(pos) = self.sessions.iter().position(|s| s.id == id) else {
            return;
        };
        let session = self.sessions.remove(pos);
        for w in &session.windows {
            for pane in w.panes() {
                if let Some(p) = self.panes.remove(&pane) {
                    p.hangup();
                }
                self.options.forget_pane(pane);
            }
            self.options.forget_window(w.id);
        }
        self.options.forget_session(id);
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

    /// Sends focus-out to the pane that had focus and focus-in to the session's active pane,
    /// when they differ (only panes that asked for focus reports get anything).
    pub(crate) fn update_focus(&mut self, sid: SessionId) {
        let Some(s) = self.session(sid) else {
            return;
        };
        let now = s.current_window().map(|w| w.active);
        if now == s.focused {
            return;
        }
        let before = s.focused;
        if let Some(s) = self.session_mut(sid) {
            s.focused = now;
        }
        for (pane, gained) in [(before, false), (now, true)] {
            if let Some(p) = pane.and_then(|p| self.panes.get(&p)) {
                p.write(p.term.encode_focus(gained));
            }
        }
    }

    /// Tells an attached client to leave and forgets it.
    pub fn detach_client(&mut self, id: ClientId, message: &str, status: i32) {
        if let Some(c) = self.clients.remove(&id) {
            c.send(ServerMsg::Detach {
                message: message.to_string(),
                status,
            });
            if let Some(sid) = c.session {
                crate::model::resize::apply_window_size(self, sid);
            }
        }
    }

    /// Forgets a client whose connection ended, resizing what it was attached to.
    pub(crate) fn remove_client(&mut self, id: ClientId) {
        if let Some(c) = self.clients.remove(&id) {
            if let Some(sid) = c.session {
                crate::model::resize::apply_window_size(self, sid);
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
}
