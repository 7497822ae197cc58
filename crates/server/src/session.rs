//! Sessions and their windows, as plain data over ids.

use std::time::SystemTime;

use crate::event::{PaneId, SessionId, WindowId};

/// A window: for now exactly one pane fills it (layouts come with split-window).
#[derive(Debug, Clone)]
pub struct Window {
    /// The window's id (`@N`).
    pub id: WindowId,
    /// Its index in the session's window list.
    pub index: u32,
    /// Its name, shown in the status line.
    pub name: String,
    /// The pane that fills it.
    pub pane: PaneId,
}

/// A session: a named set of windows that outlives its clients.
#[derive(Debug, Clone)]
pub struct Session {
    /// The session's id (`$N`).
    pub id: SessionId,
    /// Its name.
    pub name: String,
    /// When it was created.
    pub created: SystemTime,
    /// Its windows, in index order.
    pub windows: Vec<Window>,
    /// The index into `windows` of the current window.
    pub current: usize,
    /// A counter value updated whenever the session is used, to find the most recent one.
    pub last_used: u64,
}

impl Session {
    /// Returns the current window.
    pub fn current_window(&self) -> Option<&Window> {
        self.windows.get(self.current)
    }
}
