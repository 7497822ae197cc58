//! The few timers the server has, all started by something happening (DESIGN 7: an idle
//! server sleeps): the automatic-rename second look, status-line messages and pane numbers
//! that go away after a while.

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
            message.into_iter().chain(numbers)
        });
        clients.chain(self.rename_at).min()
    }

    /// Runs every timer that is due.
    pub fn run_timers(&mut self, now: Instant) {
        if self.rename_at.is_some_and(|t| t <= now) {
            crate::model::rename::recheck(self);
        }
        for c in self.clients.values_mut() {
            if c.message.as_ref().is_some_and(|(_, t)| *t <= now) {
                c.message = None;
                c.dirty = true;
            }
            if matches!(c.mode, Mode::PaneNumbers(t) if t <= now) {
                c.mode = Mode::Normal;
                c.dirty = true;
            }
        }
    }
}
