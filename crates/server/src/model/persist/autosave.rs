//! When the server saves its sessions by itself (`save-interval`, in minutes): something
//! happening schedules one save, a moment later and no sooner than the interval after the
//! last; the save is written only when the file would change. Nothing is scheduled while
//! nothing happens, so an idle server is never woken (DESIGN 7).

use std::time::{Duration, Instant};

/// How long after the first event a save waits, so a burst of changes is saved once.
pub const SETTLE: Duration = Duration::from_secs(2);

/// The autosave's state.
#[derive(Debug, Default)]
pub struct Autosave {
    /// When the scheduled save is due, if one is.
    pub due: Option<Instant>,
    /// When the last save was made.
    pub last: Option<Instant>,
    /// A hash of the text last written, to skip writing the same again.
    pub written: Option<u64>,
    /// Whether the server has looked at `restore-on-start` yet.
    pub started: bool,
}

impl Autosave {
    /// Something happened: schedules a save when `minutes` is not 0 and none is due.
    pub fn after_event(&mut self, now: Instant, minutes: u64) {
        if minutes == 0 {
            self.due = None;
            return;
        }
        if self.due.is_some() {
            return;
        }
        let interval = Duration::from_secs(minutes.saturating_mul(60));
        let earliest = self.last.map_or(now, |t| t + interval);
        self.due = Some(earliest.max(now + SETTLE));
    }

    /// Returns whether the scheduled save is due at `now`, and if it is, forgets it.
    pub fn take_due(&mut self, now: Instant) -> bool {
        if self.due.is_some_and(|t| t <= now) {
            self.due = None;
            self.last = Some(now);
            return true;
        }
        false
    }

    /// Returns whether `text` differs from what was last written, and remembers it.
    pub fn changed(&mut self, text: &str) -> bool {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        let hash = h.finish();
        let changed = self.written != Some(hash);
        self.written = Some(hash);
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_is_scheduled_once_and_never_sooner_than_the_interval() {
        let start = Instant::now();
        let mut a = Autosave::default();
        a.after_event(start, 0);
        assert_eq!(a.due, None, "off");
        a.after_event(start, 1);
        assert_eq!(a.due, Some(start + SETTLE));
        a.after_event(start + Duration::from_secs(1), 1);
        assert_eq!(a.due, Some(start + SETTLE), "one at a time");
        assert!(!a.take_due(start + Duration::from_secs(1)));
        assert!(a.take_due(start + SETTLE));
        assert_eq!(a.due, None, "nothing more until something happens");
        a.after_event(start + Duration::from_secs(5), 1);
        assert_eq!(a.due, Some(start + SETTLE + Duration::from_secs(60)));
    }

    #[test]
    fn the_same_text_is_not_written_twice() {
        let mut a = Autosave::default();
        assert!(a.changed("one"));
        assert!(!a.changed("one"));
        assert!(a.changed("two"));
    }
}
