//! A window: a layout of panes over ids, which of them is active, and its alert flags.

use crate::ids::{PaneId, WindowId};
use crate::model::layout::{Layout, Preset, Rect};

/// One window of a session.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
    /// Its panes printed nothing for monitor-silence seconds while it was not current.
    pub silence: bool,
    /// When it falls silent unless a pane prints something first (with monitor-silence);
    /// not kept in checkpoints (the clock starts again with the next output).
    #[serde(skip)]
    pub silence_at: Option<std::time::Instant>,
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
            silence: false,
            silence_at: None,
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

    /// Returns tmux's window flags in tmux's order: `#` activity, `!` bell, `~` silence, `*`
    /// current, `-` last, `M` holding the marked pane, `Z` zoomed.
    pub fn flags(&self, current: bool, last: bool, marked: bool) -> String {
        let mut f = String::new();
        if self.activity {
            f.push('#');
        }
        if self.bell {
            f.push('!');
        }
        if self.silence {
            f.push('~');
        }
        if current {
            f.push('*');
        }
        if last {
            f.push('-');
        }
        if marked {
            f.push('M');
        }
        if self.zoomed {
            f.push('Z');
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::layout::Split;

    /// Returns an 80x24 window whose panes 0, 1 and 2 sit side by side, with pane 0 active.
    fn three_panes() -> Window {
        let mut w = Window::new(WindowId(0), 0, "w".into(), PaneId(0), 80, 24);
        for (target, new) in [(0, 1), (1, 2)] {
            w.layout
                .split(PaneId(target), PaneId(new), Split::Horizontal, None, false)
                .unwrap();
        }
        w
    }

    #[test]
    fn selecting_a_pane_remembers_the_previous_one() {
        let mut w = three_panes();
        assert_eq!((w.active, w.last_pane), (PaneId(0), None));
        w.select_pane(PaneId(2));
        assert_eq!((w.active, w.last_pane), (PaneId(2), Some(PaneId(0))));
        // The active pane again, or a pane not in the window, changes nothing.
        w.select_pane(PaneId(2));
        w.select_pane(PaneId(9));
        assert_eq!((w.active, w.last_pane), (PaneId(2), Some(PaneId(0))));
    }

    #[test]
    fn recency_ranks_panes_by_when_they_were_last_active() {
        let mut w = three_panes();
        w.select_pane(PaneId(2));
        w.select_pane(PaneId(1));
        assert!(w.recency(PaneId(1)) > w.recency(PaneId(2)));
        assert!(w.recency(PaneId(2)) > w.recency(PaneId(0)));
        assert_eq!(w.recency(PaneId(9)), 0);
    }

    #[test]
    fn removing_the_active_pane_makes_the_last_one_active() {
        let mut w = three_panes();
        w.select_pane(PaneId(2));
        w.select_pane(PaneId(1));
        w.layout.remove(PaneId(1));
        w.pane_removed(PaneId(1));
        assert_eq!((w.active, w.last_pane), (PaneId(2), None));
        // Without a last pane, the first pane becomes active.
        w.layout.remove(PaneId(2));
        w.pane_removed(PaneId(2));
        assert_eq!(w.active, PaneId(0));
    }

    #[test]
    fn removing_the_last_pane_forgets_it_and_keeps_the_active_one() {
        let mut w = three_panes();
        w.select_pane(PaneId(1));
        w.layout.remove(PaneId(0));
        w.pane_removed(PaneId(0));
        assert_eq!((w.active, w.last_pane), (PaneId(1), None));
        assert_eq!(w.panes(), [PaneId(1), PaneId(2)]);
        assert_eq!(w.pane_position(PaneId(2)), Some(1));
        assert_eq!(w.pane_position(PaneId(0)), None);
    }

    #[test]
    fn a_zoomed_window_shows_only_its_active_pane_over_the_whole_window() {
        let mut w = three_panes();
        w.select_pane(PaneId(1));
        w.zoomed = true;
        let whole = Rect {
            x: 0,
            y: 0,
            cols: 80,
            rows: 24,
        };
        assert_eq!(w.visible(), [(PaneId(1), whole)]);
        assert_eq!(w.visible_rect(PaneId(1)), Some(whole));
        assert_eq!(w.visible_rect(PaneId(0)), None);
        w.zoomed = false;
        assert_eq!(w.visible().len(), 3);
        assert_eq!(w.visible_rect(PaneId(0)), w.layout.rect(PaneId(0)));
    }

    #[test]
    fn zoom_ends_when_one_pane_is_left() {
        let mut w = three_panes();
        w.zoomed = true;
        w.layout.remove(PaneId(2));
        w.pane_removed(PaneId(2));
        assert!(w.zoomed);
        w.layout.remove(PaneId(1));
        w.pane_removed(PaneId(1));
        assert!(!w.zoomed);
    }

    #[test]
    fn flags_come_in_tmuxs_order() {
        let mut w = three_panes();
        assert_eq!(w.flags(false, false, false), "");
        assert_eq!(w.flags(true, false, false), "*");
        assert_eq!(w.flags(false, true, false), "-");
        w.activity = true;
        w.bell = true;
        w.zoomed = true;
        // tmux 3.3a shows a last window with activity, zoomed, as `#-Z`.
        assert_eq!(w.flags(false, true, false), "#!-Z");
        assert_eq!(w.flags(true, false, false), "#!*Z");
    }
}
