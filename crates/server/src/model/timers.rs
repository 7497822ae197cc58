//! The few timers the server has, all started by something happening (DESIGN 7: an idle
//! server sleeps): the automatic-rename second look, status-line messages and pane numbers
//! that go away after a while, and a paste the program does not read being cut short.

use std::time::Instant;

use crate::model::mode::Mode;
use crate::model::state::State;

impl State {
    /// Returns when the next timer is due, if any is running.
    pub fn next_timer(&self) -> Option<Instant> {
        let clients = self.clients.values().flat_map(|c| {
            let message = c.message.as_ref().map(|(_, t)| *t);
            let numbers = match c.mode {
                Mode::PaneNumbers(t) => Some(t),
                _ => None,
            };
            let hint = c.prefix_hint.filter(|(_, shown)| !shown).map(|(t, _)| t);
            message.into_iter().chain(numbers).chain(hint)
        });
        let sleeps = self.jobs.sleeps.iter().map(|s| s.until);
        let formats = self.format_jobs_due();
        let panes = self.panes.values().filter_map(|p| p.backlog_deadline());
        clients
            .chain(self.rename_at)
            .chain(self.waits.next_deadline())
            .chain(self.autosave.due)
            .chain(sleeps)
            .chain(formats)
            .chain(panes)
            .chain(crate::model::silence::next_due(self))
            .min()
    }

    /// Runs every timer that is due.
    pub fn run_timers(&mut self, now: Instant) {
        if self.rename_at.is_some_and(|t| t <= now) {
            crate::model::rename::recheck(self);
        }
        self.format_jobs_tick();
        crate::model::silence::check(self, now);
        let mut stalled = Vec::new();
        for pane in self.panes.values_mut() {
            if let Some((Some(from), _)) = pane.drop_stalled(now) {
                stalled.push((from, pane.id));
            }
        }
        // The rest of a paste whose waiting part was dropped is refused as it arrives.
        for (from, pane) in stalled {
            if let Some(p) = self.clients.get_mut(&from).and_then(|c| c.paste.as_mut()) {
                if p.pane == pane {
                    p.truncated = true;
                }
            }
        }
        for c in self.clients.values_mut() {
            if c.message.as_ref().is_some_and(|(_, t)| *t <= now) {
                c.message = None;
                c.dirty = true;
            }
            if let Some((due, shown @ false)) = c.prefix_hint.as_mut() {
                if *due <= now {
                    *shown = true;
                    c.dirty = true;
                }
            }
            if matches!(c.mode, Mode::PaneNumbers(t) if t <= now) {
                c.mode = Mode::Normal;
                c.dirty = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session with a client of 40x5 attached, F3 bound to show `hello`.
    fn with_message_key() -> (Harness, crate::ids::ClientId) {
        let mut h = Harness::with_session();
        h.ok("bind -n F3 display-message hello");
        let c = h.attach("attach -t work", 40, 5);
        (h, c)
    }

    #[test]
    fn a_message_goes_away_after_display_time() {
        let (mut h, c) = with_message_key();
        h.keys(c, "F3");
        assert_eq!(h.screen(c)[4], "hello");
        assert!(h.state.next_timer().is_some());
        // The default display-time is 750 milliseconds. (Each step of the harness moves
        // the clock a little too, so the checks stay clear of the deadline.)
        h.pass_time(Duration::from_millis(300));
        assert_eq!(h.screen(c)[4], "hello");
        h.pass_time(Duration::from_millis(600));
        assert!(h.screen(c)[4].starts_with("[work]"), "{:?}", h.screen(c)[4]);
        assert_eq!(h.state.next_timer(), None);
    }

    #[test]
    fn display_time_sets_how_long_a_message_stays() {
        let (mut h, c) = with_message_key();
        h.ok("set display-time 3000");
        h.keys(c, "F3");
        h.pass_time(Duration::from_millis(2000));
        assert_eq!(h.screen(c)[4], "hello");
        h.pass_time(Duration::from_millis(1500));
        assert!(h.screen(c)[4].starts_with("[work]"));
    }

    #[test]
    fn the_next_timer_is_the_soonest_of_messages_and_renaming() {
        let (mut h, c) = with_message_key();
        h.keys(c, "F3");
        let message = h.state.next_timer().expect("a message timer");
        h.output(PaneId(0), "x");
        let soonest = h.state.next_timer().expect("a timer");
        assert!(soonest < message);
        assert_eq!(Some(soonest), h.state.rename_at);
    }

    #[test]
    fn pane_numbers_go_away_after_display_panes_time() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("set display-panes-time 500");
        let c = h.attach("attach -t work", 40, 10);
        let before = h.screen(c);
        h.keys(c, "C-b q");
        assert_ne!(h.screen(c), before);
        h.pass_time(Duration::from_millis(200));
        assert_ne!(h.screen(c), before);
        h.pass_time(Duration::from_millis(400));
        assert_eq!(h.screen(c), before);
        assert_eq!(h.state.next_timer(), None);
    }
}
