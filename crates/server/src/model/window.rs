//! A window: a layout of panes over ids, which of them is active, and its alert flags.

use crate::ids::{PaneId, WindowId};
use crate::model::layout::{Layout, Preset, Rect};

/// One window of a session.
#[derive(Debug, Clone)]
pub struct Window {
    /// The window's id (`@N`).
    pub id: WindowId,
    /// Its index in the session (`C-b 0`..`9`, `-t :N`).
    pub index: u32,
    /// Its name, shown in the status line.
    pub name: String,
    /// Where its panes are.
    pub layout: Layout,
    /// The active pane.
    pub active: PaneId,
    /// The previously active pane, for `last-pane` and `C-b ;`.
    pub last_pane: Option<PaneId>,
    /// The panes in the order they were last active, the most recent last; it breaks ties
    /// when selecting a pane by direction, as tmux does.
    recent: Vec<PaneId>,
    /// Whether the active pane is zoomed to fill the window.
    pub zoomed: bool,
    /// The preset last applied, for `next-layout`.
    pub preset: Option<Preset>,
    /// A pane rang the bell while the window was not current.
    pub bell: bool,
    /// A pane wrote output while the window was not current (with monitor-activity).
    pub activity: bool,
}

impl Window {
    /// Creates a window holding one pane that fills `cols`×`rows`.
    pub fn new(id: WindowId, index: u32, name: String, pane: PaneId, cols: u16, rows: u16) -> Self {
        Window {
            id,
            index,
            name,
            layout: Layout::new(pane, cols, rows),
            active: pane,
            last_pane: None,
            recent: vec![pane],
            zoomed: false,
            preset: None,
            bell: false,
            activity: false,
        }
    }

    /// Makes `pane` the active pane, remembering the previous one.
    pub fn select_pane(&mut self, pane: PaneId) {
        if pane != self.active && self.layout.contains(pane) {
            self.last_pane = Some(self.active);
            self.active = pane;
            self.touch(pane);
        }
    }

    /// Records `pane` as the most recently active.
    fn touch(&mut self, pane: PaneId) {
        self.recent.retain(|p| *p != pane);
        self.recent.push(pane);
    }

    /// Returns how recently `pane` was active: higher is more recent, 0 for never.
    pub fn recency(&self, pane: PaneId) -> usize {
        self.recent
            .iter()
            .position(|p| *p == pane)
            .map_or(0, |i| i + 1)
    }

    /// Returns the panes in index order.
    pub fn panes(&self) -> Vec<PaneId> {
        self.layout.panes()
    }

    /// Returns a pane's index (its position in the layout, from 0).
    pub fn pane_position(&self, pane: PaneId) -> Option<usize> {
        self.layout.panes().iter().position(|p| *p == pane)
    }

    /// Returns where a pane is drawn: its layout rectangle, or the whole window when zoomed.
    pub fn visible_rect(&self, pane: PaneId) -> Option<Rect> {
        if self.zoomed {
            if pane != self.active {
                return None;
            }
            let (cols, rows) = self.layout.size();
            return Some(Rect {
                x: 0,
                y: 0,
                cols,
                rows,
            });
        }
        self.layout.rect(pane)
    }

    /// Returns the panes to draw with their rectangles.
    pub fn visible(&self) -> Vec<(PaneId, Rect)> {
        if self.zoomed {
            let (cols, rows) = self.layout.size();
            return vec![(
                self.active,
                Rect {
                    x: 0,
                    y: 0,
                    cols,
                    rows,
                },
            )];
        }
        self.layout.geometry()
    }

    /// Forgets a pane that left the layout: another becomes active when it was.
    pub fn pane_removed(&mut self, pane: PaneId) {
        self.recent.retain(|p| *p != pane);
        if self.last_pane == Some(pane) {
            self.last_pane = None;
        }
        if self.active == pane {
            let next = self
                .last_pane
                .take()
                .filter(|p| self.layout.contains(*p))
                .or_else(|| self.layout.panes().first().copied());
            if let Some(next) = next {
                self.active = next;
                self.touch(next);
            }
        }
        if self.layout.len() < 2 {
            self.zoomed = false;
        }
    }

    /// Returns tmux's window flags: `*` current, `-` last, `#` activity, `!` bell, `Z` zoomed.
    pub fn flags(&self, current: bool, last: bool) -> String {
        let mut f = String::new();
        if current {
            f.push('*');
        }
        if last {
            f.push('-');
        }
        if self.activity {
            f.push('#');
        }
        if self.bell {
            f.push('!');
        }
        if self.zoomed {
            f.push('Z');
        }
        f
    }
}
