//! escape-time: an Escape followed, within the server's escape-time, by another key is read
//! as Alt with that key, as tmux reads it, even when the two bytes arrive in separate reads
//! (typed over a slow link). An Escape alone reaches the server that much later.

use std::io;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Reads terminal events, joining Escape and the key after it.
pub struct EscapeJoin {
    /// The escape-time in milliseconds, as the server last said.
    ms: Arc<AtomicU32>,
    /// An event read while waiting after an Escape that did not join it.
    held: Option<Event>,
}

impl EscapeJoin {
    /// Creates a reader that waits `ms` milliseconds (shared with whoever hears the server)
    /// after a bare Escape.
    pub fn new(ms: Arc<AtomicU32>) -> EscapeJoin {
        EscapeJoin { ms, held: None }
    }

    /// Returns the next event, with a bare Escape and the key right after it joined.
    pub fn next(&mut self) -> io::Result<Event> {
        if let Some(event) = self.held.take() {
            return Ok(event);
        }
        let event = crossterm::event::read()?;
        let ms = self.ms.load(Ordering::Relaxed);
        if ms == 0 || !is_bare_escape(&event) {
            return Ok(event);
        }
        if !crossterm::event::poll(Duration::from_millis(u64::from(ms)))? {
            return Ok(event);
        }
        let next = crossterm::event::read()?;
        Ok(match join(&next) {
            Some(joined) => joined,
            None => {
                self.held = Some(next);
                event
            }
        })
    }
}

/// Returns whether an event is Escape pressed without modifiers.
fn is_bare_escape(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.code == KeyCode::Esc
        && k.modifiers.is_empty()
        && k.kind == KeyEventKind::Press)
}

/// Returns the key after an Escape with Alt added, or `None` when it is not a key press
/// without Alt.
fn join(next: &Event) -> Option<Event> {
    match next {
        Event::Key(k)
            if k.kind == KeyEventKind::Press && !k.modifiers.contains(KeyModifiers::ALT) =>
        {
            Some(Event::Key(KeyEvent {
                modifiers: k.modifiers | KeyModifiers::ALT,
                ..*k
            }))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn a_key_after_escape_gains_alt_and_others_do_not_join() {
        assert!(is_bare_escape(&key(KeyCode::Esc, KeyModifiers::NONE)));
        assert!(!is_bare_escape(&key(KeyCode::Esc, KeyModifiers::ALT)));
        assert_eq!(
            join(&key(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(key(KeyCode::Char('x'), KeyModifiers::ALT))
        );
        assert_eq!(
            join(&key(KeyCode::Up, KeyModifiers::CONTROL)),
            Some(key(KeyCode::Up, KeyModifiers::CONTROL | KeyModifiers::ALT))
        );
        assert_eq!(join(&key(KeyCode::Char('x'), KeyModifiers::ALT)), None);
        assert_eq!(join(&Event::FocusGained), None);
    }
}
