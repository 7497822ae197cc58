//! Sessions: a named, ordered set of windows that outlives its clients.

use std::time::SystemTime;

use crate::ids::{SessionId, WindowId};
use crate::model::window::Window;

/// A session.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Session {
    /// The session's id (`$N`).
    pub id: SessionId,
    /// Its name.
    pub name: String,
    /// When it was created.
    pub created: SystemTime,
    /// Its windows, sorted by index.
    pub windows: Vec<Window>,
    /// The current window.
    pub current: WindowId,
    /// Previously current windows, most recent last (for `last-window`).
    pub history: Vec<WindowId>,
    /// A counter value updated whenever the session is used, to find the most recent one.
    pub last_used: u64,
    /// The environment its panes start from (the creating client's).
    pub env: Vec<(String, String)>,
    /// Its own environment, over the global one (`update-environment`, `set-environment`).
    pub environ: crate::model::environ::Environ,
    /// The directory new windows start in when none is given (the creating client's).
    pub cwd: String,
    /// The size of its windows (columns, rows), set by its clients' sizes.
    pub size: (u16, u16),
    /// The pane that last got focus, for focus reports (mode 1004) when it changes.
    pub focused: Option<crate::ids::PaneId>,
}

impl Session {
    /// Creates a session with no window yet; the caller adds one and selects it.
    pub fn new(id: SessionId, name: String, env: Vec<(String, String)>, cwd: String) -> Session {
        Session {
            id,
            name,
            created: SystemTime::now(),
            current: WindowId(u32::MAX),
            windows: Vec::new(),
            history: Vec::new(),
            last_used: 0,
            env,
            environ: Default::default(),
            cwd,
            size: (80, 23),
            focused: None,
        }
    }

    /// Returns the current window.
    pub fn current_window(&self) -> Option<&Window> {
        self.window(self.current)
    }

    /// Returns a window by id.
    pub fn window(&self, id: WindowId) -> Option<&Window> {
        self.windows.iter().find(|w| w.id == id)
    }

    /// Returns a window by id, mutably.
    pub fn window_mut(&mut self, id: WindowId) -> Option<&mut Window> {
        self.windows.iter_mut().find(|w| w.id == id)
    }

    /// Returns the window with this index.
    pub fn window_at(&self, index: u32) -> Option<&Window> {
        self.windows.iter().find(|w| w.index == index)
    }

    /// Returns the last (previously current) window, if it still exists.
    pub fn last_window(&self) -> Option<WindowId> {
        self.history.last().copied()
    }

    /// Makes `id` the current window; its alerts are cleared, the old one becomes last.
    pub fn select(&mut self, id: WindowId) {
        if self.window(id).is_none() {
            return;
        }
        if id != self.current {
            let old = self.current;
            self.history.retain(|w| *w != old && *w != id);
            // A new session's first select has no real window to leave.
            if self.window(old).is_some() {
                self.history.push(old);
            }
        }
        self.current = id;
        if let Some(w) = self.window_mut(id) {
            w.bell = false;
            w.activity = false;
            w.silence = false;
        }
    }

    /// Inserts a window keeping the index order.
    pub fn insert(&mut self, window: Window) {
        let at = self
            .windows
            .iter()
            .position(|w| w.index > window.index)
            .unwrap_or(self.windows.len());
        self.windows.insert(at, window);
    }

    /// Removes a window; the current window moves to the last one, or a neighbour.
    pub fn remove(&mut self, id: WindowId) -> Option<Window> {
        let pos = self.windows.iter().position(|w| w.id == id)?;
        let window = self.windows.remove(pos);
        self.history.retain(|w| *w != id);
        if self.current == id {
            let next = self
                .history
                .pop()
                .or_else(|| self.windows.get(pos.saturating_sub(1)).map(|w| w.id))
                .or_else(|| self.windows.first().map(|w| w.id));
            if let Some(next) = next {
                self.current = next;
            }
        }
        Some(window)
    }

    /// Returns the first free index at or above `base`.
    pub fn free_index(&self, base: u32) -> u32 {
        (base..)
            .find(|i| self.window_at(*i).is_none())
            .unwrap_or(base)
    }

    /// Returns the window after (or before, with `back`) the current one, wrapping around.
    pub fn neighbour_window(&self, back: bool) -> Option<WindowId> {
        let pos = self.windows.iter().position(|w| w.id == self.current)?;
        let n = self.windows.len();
        let next = if back {
            (pos + n - 1) % n
        } else {
            (pos + 1) % n
        };
        self.windows.get(next).map(|w| w.id)
    }

    /// Renumbers windows from `base` in their order (renumber-windows, move-window -r).
    pub fn renumber(&mut self, base: u32) {
        for (w, index) in self.windows.iter_mut().zip(base..) {
            w.index = index;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns a session whose windows have these indexes (window ids from 0 in the same
    /// order), the first of them current.
    fn session(indexes: &[u32]) -> Session {
        let mut s = Session::new(SessionId(0), "s".into(), Vec::new(), "/".into());
        for (n, &index) in indexes.iter().enumerate() {
            let id = u32::try_from(n).unwrap();
            s.insert(Window::new(
                WindowId(id),
                index,
                format!("w{id}"),
                PaneId(id),
                80,
                24,
            ));
        }
        s.select(WindowId(0));
        s
    }

    /// Returns the session's window indexes in order.
    fn indexes(s: &Session) -> Vec<u32> {
        s.windows.iter().map(|w| w.index).collect()
    }

    #[test]
    fn a_new_session_has_no_last_window() {
        let s = session(&[0]);
        assert_eq!(s.current, WindowId(0));
        assert_eq!(s.last_window(), None);
        let mut h = Harness::with_session();
        assert_eq!(h.err("select-window -l"), "no last window");
        assert_eq!(h.err("last-window"), "no last window");
    }

    #[test]
    fn killing_the_first_window_of_a_new_session_makes_the_remaining_one_current() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n two");
        h.ok("kill-window -t 0");
        assert_eq!(h.window_list(""), ["1 two *"]);
        assert_eq!(h.ok("display -p '#{window_name}'"), "two\n");
    }

    #[test]
    fn windows_are_kept_in_index_order_whatever_order_they_come_in() {
        let s = session(&[5, 1, 3]);
        assert_eq!(indexes(&s), [1, 3, 5]);
        assert_eq!(s.window_at(3).map(|w| w.id), Some(WindowId(2)));
        assert_eq!(s.free_index(0), 0);
        assert_eq!(s.free_index(1), 2);
        assert_eq!(s.free_index(5), 6);
    }

    #[test]
    fn selecting_makes_the_old_window_last_and_clears_the_new_ones_alerts() {
        let mut s = session(&[0, 1, 2]);
        if let Some(w) = s.window_mut(WindowId(2)) {
            w.bell = true;
            w.activity = true;
        }
        s.select(WindowId(2));
        assert_eq!(s.current, WindowId(2));
        assert_eq!(s.last_window(), Some(WindowId(0)));
        let w = s.window(WindowId(2)).unwrap();
        assert!(!w.bell && !w.activity);
        s.select(WindowId(1));
        assert_eq!(s.last_window(), Some(WindowId(2)));
        // Selecting the current window again changes nothing; a missing one is ignored.
        s.select(WindowId(1));
        s.select(WindowId(9));
        assert_eq!(s.current, WindowId(1));
        assert_eq!(s.last_window(), Some(WindowId(2)));
    }

    #[test]
    fn removing_the_current_window_goes_back_to_the_last_one() {
        let mut s = session(&[0, 1, 2]);
        s.select(WindowId(2));
        s.select(WindowId(1));
        let removed = s.remove(WindowId(1)).map(|w| w.id);
        assert_eq!(removed, Some(WindowId(1)));
        assert_eq!(s.current, WindowId(2));
        assert_eq!(s.last_window(), Some(WindowId(0)));
        assert!(s.remove(WindowId(1)).is_none());
    }

    #[test]
    fn removing_the_current_window_without_history_goes_to_its_left_neighbour() {
        let mut s = session(&[0, 1, 2]);
        s.select(WindowId(2));
        s.history.clear();
        s.remove(WindowId(2));
        assert_eq!(s.current, WindowId(1));
        let mut s = session(&[0, 1, 2]);
        s.remove(WindowId(0));
        assert_eq!(s.current, WindowId(1));
    }

    #[test]
    fn removing_another_window_keeps_the_current_one_and_forgets_it_as_last() {
        let mut s = session(&[0, 1]);
        s.select(WindowId(1));
        s.remove(WindowId(0));
        assert_eq!(s.current, WindowId(1));
        assert_eq!(s.last_window(), None);
    }

    #[test]
    fn neighbours_wrap_around_and_renumbering_closes_gaps() {
        let mut s = session(&[2, 4, 9]);
        assert_eq!(s.neighbour_window(false), Some(WindowId(1)));
        assert_eq!(s.neighbour_window(true), Some(WindowId(2)));
        s.select(WindowId(2));
        assert_eq!(s.neighbour_window(false), Some(WindowId(0)));
        s.renumber(1);
        assert_eq!(indexes(&s), [1, 2, 3]);
        assert_eq!(s.window_at(3).map(|w| w.id), Some(WindowId(2)));
    }
}
