//! The pane layout tree of a window (tmux's `layout_cell` model): a pure tree over pane ids
//! saying where each pane sits, with splitting, closing, swapping and moving between panes.
//! The arithmetic of sizes and borders is in [`geometry`], the preset layouts in [`presets`].

mod dump;
mod geometry;
mod presets;

use crate::ids::PaneId;
use std::fmt;

pub use dump::Tree;
use geometry::{best_overlap, direction_axis, span};
pub use presets::Preset;

/// How a node divides its area between its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Split {
    /// Children side by side, left to right (`split-window -h`).
    Horizontal,
    /// Children stacked top to bottom (`split-window -v`).
    Vertical,
}

impl Split {
    /// Returns `h` for `Horizontal` and `v` for `Vertical`.
    fn pick<T>(self, h: T, v: T) -> T {
        if self == Split::Horizontal {
            h
        } else {
            v
        }
    }

    /// Returns the other split direction.
    fn cross(self) -> Split {
        self.pick(Split::Vertical, Split::Horizontal)
    }
}

/// A direction on screen, for moving between panes and resizing them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards column 0.
    Left,
    /// Towards the last column.
    Right,
    /// Towards row 0.
    Up,
    /// Towards the last row.
    Down,
}

/// A pane's rectangle in window cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rect {
    /// The leftmost column.
    pub x: u16,
    /// The top row.
    pub y: u16,
    /// The width in cells, never 0.
    pub cols: u16,
    /// The height in cells, never 0.
    pub rows: u16,
}

/// The size asked for a new pane (`split-window -l`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitSize {
    /// This many cells along the split axis.
    Cells(u16),
    /// This percentage of the target pane's size along the split axis.
    Percent(u16),
}

/// Why a layout change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutError {
    /// The target pane is too small to hold another pane and a border.
    NoSpace,
    /// The target pane is not in the layout.
    NoPane,
    /// The new pane id is already in the layout.
    Duplicate,
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LayoutError::NoSpace => "no space for new pane",
            LayoutError::NoPane => "can't find pane",
            LayoutError::Duplicate => "pane already in layout",
        })
    }
}

impl std::error::Error for LayoutError {}

/// A node of the tree: a pane, or a split whose children tile its area with 1-cell borders.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Node {
    cols: u16,
    rows: u16,
    kind: Kind,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Kind {
    Pane(PaneId),
    Split(Split, Vec<Node>),
}

/// The layout of one window's panes.
///
/// Every pane is at least 1×1. When the window is too small for the tree (fewer cells than
/// its panes and borders need), each pane keeps its minimum and the tree extends past the
/// window's right or bottom edge; `geometry` then has rectangles beyond `size`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    cols: u16,
    rows: u16,
    root: Node,
}

impl Layout {
    /// Creates a layout holding one pane that fills a `cols`×`rows` window (0 counts as 1).
    pub fn new(pane: PaneId, cols: u16, rows: u16) -> Layout {
        let (cols, rows) = (cols.max(1), rows.max(1));
        let root = Node::leaf(pane, cols, rows);
        Layout { cols, rows, root }
    }

    /// Returns the window size as `(cols, rows)`.
    pub fn size(&self) -> (u16, u16) {
        (self.cols, self.rows)
    }

    /// Returns the panes depth first, left to right and top to bottom (tmux's pane index order).
    pub fn panes(&self) -> Vec<PaneId> {
        self.geometry().into_iter().map(|(p, _)| p).collect()
    }

    /// Returns the number of panes, always at least 1.
    pub fn len(&self) -> usize {
        self.root.count()
    }

    /// Returns whether the layout has no panes, which never happens: it always has one.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Returns whether `pane` is in the layout.
    pub fn contains(&self, pane: PaneId) -> bool {
        self.root.path(pane).is_some()
    }

    /// Returns every pane's rectangle, in `panes` order.
    pub fn geometry(&self) -> Vec<(PaneId, Rect)> {
        let mut out = Vec::new();
        self.root.collect(0, 0, &mut out);
        out
    }

    /// Returns the rectangle of `pane`, if it is in the layout.
    pub fn rect(&self, pane: PaneId) -> Option<Rect> {
        self.geometry()
            .into_iter()
            .find(|(p, _)| *p == pane)
            .map(|(_, r)| r)
    }

    /// Splits `target` in direction `dir`, placing `new` after it (right or below), or before
    /// it when `before` (`split-window -b`).
    ///
    /// The new pane gets `size` cells along the split axis, clamped so both panes keep at least
    /// one cell besides the border; by default it gets half, the target keeping any odd cell.
    /// Splitting in the direction of the target's parent adds a sibling rather than a level.
    /// Fails with `NoSpace` when the target has fewer than 3 cells along the axis, `NoPane`
    /// when `target` is absent and `Duplicate` when `new` is already present.
    pub fn split(
        &mut self,
        target: PaneId,
        new: PaneId,
        dir: Split,
        size: Option<SplitSize>,
        before: bool,
    ) -> Result<(), LayoutError> {
        if self.contains(new) {
            return Err(LayoutError::Duplicate);
        }
        let path = self.root.path(target).ok_or(LayoutError::NoPane)?;
        let node = self.root.at_mut(&path).ok_or(LayoutError::NoPane)?;
        let avail = node.len(dir);
        let new_len = new_pane_len(avail, size).ok_or(LayoutError::NoSpace)?;
        node.set_len(dir, avail.saturating_sub(new_len + 1));
        let mut leaf = Node::leaf(new, node.cols, node.rows);
        leaf.set_len(dir, new_len);
        let index = path.last().map_or(0, |&i| if before { i } else { i + 1 });
        let parent = path.split_last().and_then(|(_, up)| self.root.at_mut(up));
        match parent.and_then(Node::split_mut) {
            Some((d, ch)) if d == dir => ch.insert(index, leaf),
            _ => node_wrap(self.root.at_mut(&path), dir, leaf, before),
        }
        Ok(())
    }

    /// Removes `pane`, giving its cells and border to the previous sibling, or to the next one
    /// when it was first. Returns false when it is absent or the only pane.
    pub fn remove(&mut self, pane: PaneId) -> bool {
        let Some(path) = self.root.path(pane) else {
            return false;
        };
        let Some((&i, parent_path)) = path.split_last() else {
            return false;
        };
        let Some((axis, ch)) = self.root.at_mut(parent_path).and_then(Node::split_mut) else {
            return false;
        };
        if i >= ch.len() {
            return false;
        }
        let gone = ch.remove(i).len(axis).saturating_add(1);
        if let Some(heir) = ch.get_mut(i.saturating_sub(1)) {
            heir.grow_edge(axis, gone, i > 0);
        }
        self.root.normalise();
        self.fit();
        true
    }

    /// Resizes the window to `cols`×`rows` (0 counts as 1), scaling every node's children in
    /// proportion, the last child absorbing the rounding. Panes never go below 1×1: if the
    /// window is too small, the tree keeps its minimum size and extends past the window edge.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.cols = cols.max(1);
        self.rows = rows.max(1);
        self.fit();
    }

    /// Moves a border of `pane` by up to `amount` cells in `direction` (`resize-pane -L/-R/-U/-D`).
    ///
    /// As in tmux, the border moved is the pane's right (or bottom) edge when that is inside
    /// the window, else its left (or top) edge; so `Right` grows a pane that has a neighbour
    /// on the right and shrinks one on the window's right edge. Panes being squeezed push the
    /// panes behind them once they reach 1 cell. Returns whether anything changed.
    pub fn resize_pane(&mut self, pane: PaneId, direction: Direction, amount: u16) -> bool {
        let (axis, forward) = direction_axis(direction);
        self.move_pane_border(pane, axis, forward, amount)
    }

    /// Sets the width and/or height of `pane` as far as its neighbours allow (`resize-pane -x/-y`),
    /// moving the same border as `resize_pane`. Returns whether anything changed.
    pub fn set_pane_size(&mut self, pane: PaneId, cols: Option<u16>, rows: Option<u16>) -> bool {
        let mut changed = false;
        for (axis, want) in [(Split::Horizontal, cols), (Split::Vertical, rows)] {
            let (Some(want), Some(rect)) = (want, self.rect(pane)) else {
                continue;
            };
            let have = axis.pick(rect.cols, rect.rows);
            let far = self.root.border(pane, axis).is_some_and(|(_, _, far)| far);
            let grow = want.max(1) > have;
            changed |= self.move_pane_border(pane, axis, grow == far, want.max(1).abs_diff(have));
        }
        changed
    }

    /// Returns the pane across the border in `direction` from `pane` (`select-pane -L/-R/-U/-D`).
    ///
    /// Among the panes adjacent on that side and sharing some of the pane's span, the most
    /// recently active wins (`recency` ranks them, higher is more recent), as in tmux; then the
    /// one sharing most of the span, then the topmost or leftmost. With none, it wraps to the
    /// panes on the far opposite side of the window. Returns None for an absent pane or when
    /// no other pane is found even after wrapping (a single pane, or one spanning the whole
    /// window along that axis).
    pub fn neighbour(
        &self,
        pane: PaneId,
        direction: Direction,
        recency: &dyn Fn(PaneId) -> usize,
    ) -> Option<PaneId> {
        let (axis, forward) = direction_axis(direction);
        let geo = self.geometry();
        let me = geo.iter().find(|(p, _)| *p == pane)?.1;
        let (start, end) = span(&me, axis);
        let extent = u32::from(self.root.len(axis));
        let touches = |r: &Rect, wrap: bool| {
            let (a, b) = span(r, axis);
            match (forward, wrap) {
                (true, false) => a == end + 1,
                (false, false) => b + 1 == start,
                (true, true) => a == 0,
                (false, true) => b == extent,
            }
        };
        let pick = |wrap: bool| {
            let found = geo.iter().filter(|(p, r)| *p != pane && touches(r, wrap));
            best_overlap(found, &me, axis.cross(), recency)
        };
        pick(false).or_else(|| pick(true))
    }

    /// Swaps the positions of panes `a` and `b` (`swap-pane`). Returns whether both are present.
    pub fn swap(&mut self, a: PaneId, b: PaneId) -> bool {
        if !self.contains(a) || !self.contains(b) {
            return false;
        }
        let other = |p: PaneId| if p == a { b } else { a };
        self.root
            .each_pane(&mut |p| *p = if *p == a || *p == b { other(*p) } else { *p });
        true
    }

    /// Rotates the panes through the positions (`rotate-window`): the pane at position i moves to
    /// i+1 and the last to the first, or when `reverse` the pane at i moves to i-1 and the first
    /// to the last (tmux's default `-U`).
    pub fn rotate(&mut self, reverse: bool) {
        let mut ids = self.panes();
        let step = 1.min(ids.len());
        if reverse {
            ids.rotate_left(step);
        } else {
            ids.rotate_right(step);
        }
        let mut ids = ids.into_iter();
        self.root.each_pane(&mut |p| *p = ids.next().unwrap_or(*p));
    }

    /// Puts pane id `new` in place of `old`. Returns false when `old` is absent or `new` is
    /// already elsewhere in the layout.
    pub fn replace(&mut self, old: PaneId, new: PaneId) -> bool {
        if !self.contains(old) || (old != new && self.contains(new)) {
            return false;
        }
        self.root
            .each_pane(&mut |p| *p = if *p == old { new } else { *p });
        true
    }

    /// Scales the tree to the window size, or to its minimum when the window is smaller.
    fn fit(&mut self) {
        self.root.scale(Split::Horizontal, self.cols);
        self.root.scale(Split::Vertical, self.rows);
    }

    /// Moves the border `resize_pane` picks for `pane` along `axis`; returns whether it moved.
    fn move_pane_border(&mut self, pane: PaneId, axis: Split, forward: bool, amount: u16) -> bool {
        let Some((path, k, _)) = self.root.border(pane, axis) else {
            return false;
        };
        self.root
            .at_mut(&path)
            .is_some_and(|n| n.move_border(k, forward, amount) > 0)
    }
}

/// Returns the new pane's length when splitting `avail` cells, or None without room.
fn new_pane_len(avail: u16, size: Option<SplitSize>) -> Option<u16> {
    let max = avail.checked_sub(2).filter(|&m| m >= 1)?;
    let want = match size {
        None => (avail - 1) / 2,
        Some(SplitSize::Cells(n)) => n,
        Some(SplitSize::Percent(p)) => {
            u16::try_from(u32::from(avail) * u32::from(p) / 100).unwrap_or(u16::MAX)
        }
    };
    Some(want.max(1).min(max))
}

/// Turns the pane at `node` into a `dir` split of itself and `leaf`.
fn node_wrap(node: Option<&mut Node>, dir: Split, leaf: Node, before: bool) {
    let Some(node) = node else { return };
    let old = node.clone();
    node.set_len(
        dir,
        old.len(dir).saturating_add(leaf.len(dir)).saturating_add(1),
    );
    let children = if before { [leaf, old] } else { [old, leaf] };
    node.kind = Kind::Split(dir, children.into());
}

#[cfg(test)]
mod tests;
