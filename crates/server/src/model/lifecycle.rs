//! The end of things and what a pane's output changes: parsing output, bells and activity,
//! panes whose program exited (closed, or kept dead with remain-on-exit), sessions ending,
//! clients leaving, and the server shutting down.

use mux_protocol::ServerMsg;

use crate::ids::{ClientId, PaneId, SessionId};
use crate::log::log;
use crate::model::state::State;

impl State {
    /// Parses a pane's output, raises its window's alerts and marks the clients that show it;
    /// then the output goes to the pane's pipe or log and wakes what waits for it.
    pub(crate) fn on_output(&mut self, id: PaneId, bytes: &[u8]) {
        self.parse_output(id, bytes);
        crate::model::pipes::after_output(self, id, bytes);
    }

    /// Parses a pane's output, raises its window's alerts and marks the clients that show it.
    fn parse_output(&mut self, id: PaneId, bytes: &[u8]) {
        let now = self.os.now();
        let Some(pane) = self.panes.get_mut(&id) else {
            return;
        };
        let effects = crate::model::contain::process(&mut pane.term, id.0, bytes);
        pane.write(effects.replies);
        pane.track_synchronized(now);
        // Output that changes only the pane's own rows redraws only those; a title or a
        // directory the status line may show, or a pane in copy mode, redraws everything.
        let rows_only = effects.title.is_none() && !effects.cwd_changed && pane.copy.is_none();
        let (sid, wid) = (pane.session, pane.window);
        crate::model::silence::restart(self, sid, wid, now);
        crate::model::rename::after_output(self, id);
        crate::model::clipboard::apply(self, sid, effects.clipboard, effects.dropped_clipboard);
        if let Some(name) = effects.name {
            crate::model::requests::rename(self, id, wid, sid, name);
        }
        if !effects.passthrough.is_empty() {
            crate::model::requests::passthrough(self, id, wid, sid, effects.passthrough);
        }
        let monitor = self.options.window(wid, "monitor-activity").as_flag();
        let monitor_bell = self.options.window(wid, "monitor-bell").as_flag();
        let Some(session) = self.session_mut(sid) else {
            return;
        };
        let current = session.current == wid;
        let mut index = None;
        let (mut new_bell, mut new_activity) = (false, false);
        if let Some(w) = session.window_mut(wid) {
            index = Some(w.index);
            if !current && monitor_bell && effects.bells > 0 && !w.bell {
                w.bell = true;
                new_bell = true;
            }
            if !current && monitor && !w.activity {
                w.activity = true;
                new_activity = true;
            }
        }
        let alert = new_bell || new_activity;
        if new_bell {
            self.notify("alert-bell", Some(sid), Some(wid), Some(id));
        }
        if new_activity {
            self.notify("alert-activity", Some(sid), Some(wid), Some(id));
        }
        let visual = |name: &str| self.options.session(sid, name).as_text();
        let (visual_bell, visual_activity) = (visual("visual-bell"), visual("visual-activity"));
        let mut messages = Vec::new();
        if new_bell && visual_bell != "off" {
            messages.extend(index.map(|i| format!("Bell in window {i}")));
        }
        if new_activity && visual_activity != "off" {
            messages.extend(index.map(|i| format!("Activity in window {i}")));
        }
        // With visual-bell `on` the message replaces the terminal's bell; `both` keeps it.
        let audible = effects.bells > 0 && !(new_bell && visual_bell == "on");
        for c in self.clients.values_mut() {
            if c.session == Some(sid) {
                if alert || (current && !rows_only) {
                    c.dirty = true;
                } else if current && !c.dirty_panes.contains(&id) {
                    c.dirty_panes.push(id);
                }
                if audible {
                    c.send(ServerMsg::Bell);
                }
            }
        }
        let clients: Vec<ClientId> = self
            .clients
            .values()
            .filter(|c| c.session == Some(sid))
            .map(|c| c.id)
            .collect();
        for text in messages {
            for &c in &clients {
                self.show_message(c, &text);
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
            self.notify("pane-died", Some(sid), Some(wid), Some(id));
            return;
        }
        self.notify("pane-exited", Some(sid), Some(wid), Some(id));
        crate::model::ops::kill_pane(self, id);
    }

    /// Ends a session: hangs up its panes, detaches its clients with `message`, and exits the
    /// server when it was the last session.
    pub fn destroy_session(&mut self, id: SessionId, message: &str) {
        let Some(pos) = self.sessions.iter().position(|s| s.id == id) else {
            return;
        };
        self.notify("session-closed", Some(id), None, None);
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
        if self.sessions.is_empty() && self.options.server("exit-empty").as_flag() {
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
        // As tmux: panes hear of focus only with focus-events on.
        let focus_events = self.options.server("focus-events").as_flag();
        for (pane, gained) in [(before, false), (now, true)] {
            if let Some(p) = pane
                .and_then(|p| self.panes.get(&p))
                .filter(|_| focus_events)
            {
                p.write(p.term.encode_focus(gained));
            }
        }
        if let Some(pane) = now {
            crate::model::rename::became_active(self, pane);
        }
        // A window with aggressive-resize takes the session's size when it becomes current.
        crate::model::resize::apply_window_size(self, sid);
    }

    /// Tells an attached client to leave and forgets it.
    pub fn detach_client(&mut self, id: ClientId, message: &str, status: i32) {
        if self.clients.get(&id).is_some_and(|c| c.session.is_some()) {
            self.notify_client("client-detached", id);
        }
        if let Some(c) = self.clients.remove(&id) {
            c.send(ServerMsg::Detach {
                message: message.to_string(),
                status,
            });
            if let Some(sid) = c.session {
                self.client_left(sid);
            }
        }
    }

    /// Forgets a client whose connection ended, resizing what it was attached to.
    pub(crate) fn remove_client(&mut self, id: ClientId) {
        if self.clients.get(&id).is_some_and(|c| c.session.is_some()) {
            self.notify_client("client-detached", id);
        }
        if let Some(c) = self.clients.remove(&id) {
            if let Some(sid) = c.session {
                self.client_left(sid);
            }
        }
    }

    /// After a client left a session: its windows take the size of the clients left, and a
    /// session with `destroy-unattached` on and no client left ends.
    fn client_left(&mut self, sid: SessionId) {
        crate::model::resize::apply_window_size(self, sid);
        let attached = self.clients.values().any(|c| c.session == Some(sid));
        if !attached && self.options.session(sid, "destroy-unattached").as_flag() {
            self.destroy_session(sid, "[exited]");
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

#[cfg(test)]
mod tests {
    use mux_protocol::ServerMsg;

    use crate::ids::{ClientId, PaneId};
    use crate::io::event::Event;
    use crate::testing::Harness;

    /// Returns how a client was told to leave, if it was.
    fn detached(h: &mut Harness, c: ClientId) -> Option<(String, i32)> {
        h.take_messages(c).into_iter().find_map(|m| match m {
            ServerMsg::Detach { message, status } => Some((message, status)),
            _ => None,
        })
    }

    #[test]
    fn a_bell_in_another_window_flags_it_and_rings_the_clients() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n other");
        let c = h.attach("attach -t work", 80, 24);
        h.take_messages(c);
        h.output(PaneId(1), "\x07");
        assert_eq!(h.window_list(""), ["0 sh *", "1 other !"]);
        let rang = h.take_messages(c);
        assert!(
            rang.iter().any(|m| matches!(m, ServerMsg::Bell)),
            "{rang:?}"
        );
        assert!(
            h.screen(c)[23].contains("1:other!"),
            "{:?}",
            h.screen(c)[23]
        );
    }

    #[test]
    fn the_current_window_gets_no_alert_flags() {
        let mut h = Harness::with_session();
        h.ok("set -g monitor-activity on");
        h.output(PaneId(0), "\x07 busy");
        assert_eq!(h.window_list(""), ["0 sh *"]);
    }

    #[test]
    fn activity_is_flagged_only_with_monitor_activity() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n quiet");
        h.output(PaneId(1), "text");
        assert_eq!(h.window_list(""), ["0 sh *", "1 quiet"]);
        h.ok("setw -t 1 monitor-activity on");
        h.output(PaneId(1), "more");
        assert_eq!(h.window_list(""), ["0 sh *", "1 quiet #"]);
    }

    #[test]
    fn a_pane_goes_once_its_program_exited_and_its_output_is_drained() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        let program = h.state.panes[&PaneId(1)].program;
        h.event(Event::Exited(PaneId(1), program, 0));
        assert_eq!(h.panes(), [PaneId(0), PaneId(1)]);
        assert!(h.fake.pane(PaneId(1)).drained);
        h.event(Event::Closed(PaneId(1), program));
        assert_eq!(h.panes(), [PaneId(0)]);
        assert_eq!(h.pane_sizes(""), ["0 80x24*"]);
        // The other order, the PTY closing first, ends the same way.
        h.ok("split-window");
        let program = h.state.panes[&PaneId(2)].program;
        h.event(Event::Closed(PaneId(2), program));
        assert_eq!(h.panes(), [PaneId(0), PaneId(2)]);
        h.event(Event::Exited(PaneId(2), program, 0));
        assert_eq!(h.panes(), [PaneId(0)]);
    }

    #[test]
    fn remain_on_exit_keeps_a_dead_pane_showing_its_status() {
        let mut h = Harness::with_session();
        h.ok("set -g remain-on-exit on");
        h.ok("split-window");
        let c = h.attach("attach -t work", 40, 11);
        h.output(PaneId(1), "last words");
        h.exit(PaneId(1), 3);
        assert_eq!(h.panes(), [PaneId(0), PaneId(1)]);
        assert_eq!(
            h.ok("display -p -t %1 '#{pane_dead} #{pane_dead_status}'"),
            "1 3\n"
        );
        let screen = h.screen(c);
        assert_eq!(screen[5], "last words");
        assert_eq!(screen[6], "Pane is dead (status 3)");
        // Keys typed into a dead pane go nowhere.
        h.type_text(c, "x");
        assert_eq!(h.take_bytes(PaneId(1)), b"");
    }

    #[test]
    fn remain_on_exit_failed_keeps_only_panes_that_failed() {
        let mut h = Harness::with_session();
        h.ok("set -g remain-on-exit failed");
        h.ok("split-window");
        h.ok("split-window");
        h.exit(PaneId(1), 0);
        h.exit(PaneId(2), 1);
        assert_eq!(h.panes(), [PaneId(0), PaneId(2)]);
    }

    #[test]
    fn the_last_pane_exiting_ends_the_session_and_its_clients_leave() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let c = h.attach("attach -t work", 80, 24);
        h.take_messages(c);
        h.exit(PaneId(0), 0);
        assert_eq!(detached(&mut h, c), Some(("[exited]".to_string(), 0)));
        assert!(h
            .err("has-session -t work")
            .starts_with("can't find session"));
        assert!(h.fake.pane(PaneId(1)).spawned.len() == 1 && !h.fake.pane(PaneId(1)).hung_up);
        assert_eq!(h.state.exit, None);
        // With the last session gone, the server exits.
        h.exit(PaneId(1), 0);
        assert_eq!(h.state.exit, Some(0));
    }

    #[test]
    fn killing_a_session_hangs_up_every_pane_it_had() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-window");
        h.ok("new-session -d -s other");
        let work = h.state.sessions[0].id;
        h.state.destroy_session(work, "[gone]");
        for pane in 0..3 {
            assert!(h.fake.pane(PaneId(pane)).hung_up, "%{pane}");
        }
        assert!(!h.fake.pane(PaneId(3)).hung_up);
        assert_eq!(h.panes(), [PaneId(3)]);
    }

    #[test]
    fn shutting_down_hangs_up_every_pane_and_tells_every_client() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 80, 24);
        let b = h.attach("attach -t other", 80, 24);
        h.event(Event::Terminate);
        for pane in 0..3 {
            assert!(h.fake.pane(PaneId(pane)).hung_up, "%{pane}");
        }
        assert_eq!(
            detached(&mut h, a),
            Some(("[server exited]".to_string(), 1))
        );
        assert_eq!(
            detached(&mut h, b),
            Some(("[server exited]".to_string(), 1))
        );
        assert!(h.state.panes.is_empty() && h.state.sessions.is_empty());
        assert_eq!(h.state.exit, Some(0));
    }

    #[test]
    fn a_client_that_goes_away_no_longer_sizes_the_session() {
        let mut h = Harness::with_session();
        let _big = h.attach("attach -t work", 100, 30);
        let small = h.attach("attach -t work", 60, 20);
        let size = |h: &Harness| h.fake.pane(PaneId(0)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size(&h), Some((60, 19)));
        h.event(Event::Gone(small, None));
        assert_eq!(size(&h), Some((100, 29)));
    }

    #[test]
    fn focus_reports_go_to_panes_that_asked_when_the_active_pane_changes() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.output(PaneId(0), "\x1b[?1004h");
        h.take_bytes(PaneId(0));
        h.ok("select-pane -t %0");
        assert_eq!(
            h.take_bytes(PaneId(0)),
            b"",
            "focus-events is off, as tmux's default"
        );
        h.ok("select-pane -t %1");
        h.ok("set -s focus-events on");
        h.output(PaneId(0), "\x1b[?1004h");
        h.output(PaneId(1), "\x1b[?1004h");
        h.take_bytes(PaneId(0));
        h.take_bytes(PaneId(1));
        h.ok("select-pane -t %0");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x1b[I");
        assert_eq!(h.take_bytes(PaneId(1)), b"\x1b[O");
    }
}
