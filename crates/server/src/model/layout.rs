//! The pane layout tree of a window (tmux's `layout_cell` model): where each pane sits, and the
//! arithmetic of splitting, closing, resizing, moving between panes and the preset layouts.

use crate::ids::PaneId;
use std::fmt;

/// How a node divides its area between its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// A preset layout for `select-layout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// All panes side by side with equal widths.
    EvenHorizontal,
    /// All panes stacked with equal heights.
    EvenVertical,
    /// The first pane across the top, the others side by side below it.
    MainHorizontal,
    /// The first pane down the left, the others stacked on its right.
    MainVertical,
    /// A grid of equal cells.
    Tiled,
}

impl Preset {
    /// Every preset in `next-layout` order.
    pub const ALL: [Preset; 5] = [
        Preset::EvenHorizontal,
        Preset::EvenVertical,
        Preset::MainHorizontal,
        Preset::MainVertical,
        Preset::Tiled,
    ];

    /// Returns the tmux name of the preset, such as `even-horizontal`.
    pub fn name(self) -> &'static str {
        match self {
            Preset::EvenHorizontal => "even-horizontal",
            Preset::EvenVertical => "even-vertical",
            Preset::MainHorizontal => "main-horizontal",
            Preset::MainVertical => "main-vertical",
            Preset::Tiled => "tiled",
        }
    }

    /// Returns the preset with this tmux name, if any.
    pub fn from_name(s: &str) -> Option<Preset> {
        Self::ALL.into_iter().find(|p| p.name() == s)
    }

    /// Returns the preset after this one, wrapping round (`C-b Space`).
    pub fn next(self) -> Preset {
        let i = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
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
#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    cols: u16,
    rows: u16,
    kind: Kind,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Pane(PaneId),
    Split(Split, Vec<Node>),
}

/// The layout of one window's panes.
///
/// Every pane is at least 1×1. When the window is too small for the tree (fewer cells than
/// its panes and borders need), each pane keeps its minimum and the tree extends past the
/// window's right or bottom edge; `geometry` then has rectangles beyond `size`.
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// Rebuilds the tree as `preset` with the panes in `panes` order (`select-layout`).
    ///
    /// Even splits give the cells left over to the last pane, as tmux does. The main pane of `MainHorizontal` is
    /// `main_rows` high and that of `MainVertical` `main_cols` wide, clamped to leave the others
    /// 1 cell and a border. `Tiled` uses tmux's grid and arithmetic (see [`tiled`]).
    pub fn apply(&mut self, preset: Preset, main_cols: u16, main_rows: u16) {
        let panes = self.panes();
        let (cols, rows) = (self.cols, self.rows);
        let leaves = |ps: &[PaneId]| ps.iter().map(|&p| Node::leaf(p, 1, 1)).collect::<Vec<_>>();
        self.root = match preset {
            _ if panes.len() < 2 => even(Split::Horizontal, leaves(&panes), cols, rows),
            Preset::EvenHorizontal => even(Split::Horizontal, leaves(&panes), cols, rows),
            Preset::EvenVertical => even(Split::Vertical, leaves(&panes), cols, rows),
            Preset::MainHorizontal => {
                with_main(Split::Vertical, leaves(&panes), cols, rows, main_rows)
            }
            Preset::MainVertical => {
                with_main(Split::Horizontal, leaves(&panes), cols, rows, main_cols)
            }
            Preset::Tiled => tiled(&panes, cols, rows),
        };
        self.fit();
    }

    /// Spreads the children of every node evenly, keeping the tree's shape (`select-layout -E`).
    pub fn spread(&mut self) {
        self.root.spread(self.cols, self.rows);
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

/// Returns the axis of `direction` and whether it points right or down.
fn direction_axis(direction: Direction) -> (Split, bool) {
    match direction {
        Direction::Left => (Split::Horizontal, false),
        Direction::Right => (Split::Horizontal, true),
        Direction::Up => (Split::Vertical, false),
        Direction::Down => (Split::Vertical, true),
    }
}

/// Returns the cells `r` covers along `axis` as `(first, past the last)`.
fn span(r: &Rect, axis: Split) -> (u32, u32) {
    let (at, len) = axis.pick((r.x, r.cols), (r.y, r.rows));
    (u32::from(at), u32::from(at) + u32::from(len))
}

/// Returns the pane of `found` sharing some of `me`'s span along `axis` that `recency` ranks
/// highest, then that shares most of the span, then the first along it.
fn best_overlap<'a>(
    found: impl Iterator<Item = &'a (PaneId, Rect)>,
    me: &Rect,
    axis: Split,
    recency: &dyn Fn(PaneId) -> usize,
) -> Option<PaneId> {
    let (lo, hi) = span(me, axis);
    let overlap = |r: &Rect| {
        let (a, b) = span(r, axis);
        hi.min(b).saturating_sub(lo.max(a))
    };
    let key = |(p, r): &&(PaneId, Rect)| {
        let first = std::cmp::Reverse(span(r, axis).0);
        (recency(*p), overlap(r), first)
    };
    found
        .filter(|(_, r)| overlap(r) > 0)
        .max_by_key(key)
        .map(|(p, _)| *p)
}

/// Returns tmux's tiled grid for `n` panes as `(rows, columns)`.
fn tiled_grid(n: usize) -> (usize, usize) {
    let (mut rows, mut cols) = (1, 1);
    while rows * cols < n {
        rows += 1;
        if rows * cols < n {
            cols += 1;
        }
    }
    (rows, cols)
}

/// Returns tmux's tiled layout of `panes` over `cols`×`rows`: a grid whose rows grow first
/// (2 panes make 2 rows, 5 make 3 rows of 2); every cell has the same size, the last cell
/// of each row takes what is left of the width and the last row what is left of the height,
/// and a row holding one pane spans the whole width.
fn tiled(panes: &[PaneId], cols: u16, rows: u16) -> Node {
    let (nrows, ncols) = tiled_grid(panes.len());
    let share = |total: u16, n: usize| {
        let n = u16::try_from(n).unwrap_or(u16::MAX).max(1);
        (total.saturating_sub(n - 1) / n).max(1)
    };
    let (width, height) = (share(cols, ncols), share(rows, nrows));
    // What is left for the last of `n` cells of `each` after the others and their borders.
    let last = |total: u16, n: usize, each: u16| {
        let before = u16::try_from(n.saturating_sub(1)).unwrap_or(u16::MAX);
        total.saturating_sub(before.saturating_mul(each + 1)).max(1)
    };
    let chunks: Vec<&[PaneId]> = panes.chunks(ncols.max(1)).collect();
    let count = chunks.len();
    let grid = chunks.iter().enumerate().map(|(j, chunk)| {
        let h = if j + 1 == count {
            last(rows, count, height)
        } else {
            height
        };
        let cells = chunk.iter().enumerate().map(|(i, &p)| {
            let w = if i + 1 == chunk.len() {
                last(cols, chunk.len(), width)
            } else {
                width
            };
            Node::leaf(p, w, h)
        });
        let mut row = group(Split::Horizontal, cells.collect());
        (row.cols, row.rows) = (cols, h);
        row
    });
    let mut node = group(Split::Vertical, grid.collect());
    (node.cols, node.rows) = (cols, rows);
    node
}

/// Returns the only child, or a `dir` split of the children (sizes set later).
fn group(dir: Split, mut children: Vec<Node>) -> Node {
    match children.pop() {
        Some(only) if children.is_empty() => only,
        last => {
            children.extend(last);
            Node::new(1, 1, Kind::Split(dir, children))
        }
    }
}

/// Returns the children grouped in a `dir` split, spread evenly over `cols`×`rows`.
fn even(dir: Split, children: Vec<Node>, cols: u16, rows: u16) -> Node {
    let mut node = group(dir, children);
    node.spread(cols, rows);
    node
}

/// Returns a `dir` split of the first leaf, `main` cells long, and the others in a cross stack.
fn with_main(dir: Split, mut leaves: Vec<Node>, cols: u16, rows: u16, main: u16) -> Node {
    let rest = leaves.split_off(1.min(leaves.len()));
    let total = dir.pick(cols, rows);
    let main = main.max(1).min(total.saturating_sub(2).max(1));
    let other = total.saturating_sub(main.saturating_add(1)).max(1);
    let mut children = leaves;
    children.push(group(dir.cross(), rest));
    for (child, len) in children.iter_mut().zip([main, other]) {
        match dir {
            Split::Horizontal => child.spread(len, rows),
            Split::Vertical => child.spread(cols, len),
        }
    }
    Node::new(cols, rows, Kind::Split(dir, children))
}

/// Returns the cells left for `n` children of a node `len` long, after the borders.
fn content(len: u16, n: usize) -> u16 {
    len.saturating_sub(u16::try_from(n.saturating_sub(1)).unwrap_or(u16::MAX))
}

/// Returns `old` scaled to sum to `total`, each at least its minimum, the last absorbing rounding.
fn proportional(old: &[u16], mins: &[u16], total: u16) -> Vec<u16> {
    let sum = old.iter().map(|&s| u64::from(s)).sum::<u64>().max(1);
    let mut sizes: Vec<u16> = old
        .iter()
        .zip(mins)
        .map(|(&s, &m)| {
            u16::try_from(u64::from(s) * u64::from(total) / sum)
                .unwrap_or(u16::MAX)
                .max(m)
        })
        .collect();
    let Some((last, rest)) = sizes.split_last_mut() else {
        return sizes;
    };
    let given: i64 = rest.iter().map(|&s| i64::from(s)).sum();
    let last_min = i64::from(mins.last().copied().unwrap_or(1));
    let last_len = (i64::from(total) - given).max(last_min);
    *last = u16::try_from(last_len).unwrap_or(u16::MAX);
    let mut excess = given + last_len - i64::from(total);
    for (size, &min) in rest.iter_mut().zip(mins).rev() {
        let take = (i64::from(*size) - i64::from(min)).clamp(0, excess.max(0));
        *size = u16::try_from(i64::from(*size) - take).unwrap_or(min);
        excess -= take;
    }
    sizes
}

/// Returns `total` cells shared evenly, the cells left over to the last (as tmux 3.3a's
/// `layout_spread_cell`), each at least its minimum.
fn even_lens(mins: &[u16], total: u16) -> Vec<u16> {
    let mut sizes = mins.to_vec();
    let mut fixed = vec![false; mins.len()];
    loop {
        let free: Vec<usize> = (0..mins.len()).filter(|&i| !fixed[i]).collect();
        let used: u32 = sizes
            .iter()
            .zip(&fixed)
            .filter(|f| *f.1)
            .map(|f| u32::from(*f.0))
            .sum();
        let rem = u32::from(total).saturating_sub(used);
        let n = u32::try_from(free.len()).unwrap_or(u32::MAX).max(1);
        let (share, extra) = (rem / n, rem % n);
        let big: Vec<usize> = free
            .iter()
            .copied()
            .filter(|&i| u32::from(mins[i]) > share)
            .collect();
        if big.is_empty() {
            let last = free.len().saturating_sub(1);
            for (k, &i) in free.iter().enumerate() {
                let len = if k == last { share + extra } else { share };
                sizes[i] = u16::try_from(len).unwrap_or(u16::MAX);
            }
            return sizes;
        }
        big.into_iter().for_each(|i| fixed[i] = true);
    }
}

impl Node {
    fn new(cols: u16, rows: u16, kind: Kind) -> Node {
        Node { cols, rows, kind }
    }

    fn leaf(pane: PaneId, cols: u16, rows: u16) -> Node {
        Node::new(cols.max(1), rows.max(1), Kind::Pane(pane))
    }

    /// Returns the direction and children of a split node.
    fn split_mut(&mut self) -> Option<(Split, &mut Vec<Node>)> {
        match &mut self.kind {
            Kind::Split(dir, ch) => Some((*dir, ch)),
            Kind::Pane(_) => None,
        }
    }

    fn len(&self, axis: Split) -> u16 {
        axis.pick(self.cols, self.rows)
    }

    fn set_len(&mut self, axis: Split, len: u16) {
        match axis {
            Split::Horizontal => self.cols = len,
            Split::Vertical => self.rows = len,
        }
    }

    /// Returns the fewest cells the subtree can have along `axis` with 1-cell panes.
    fn min_len(&self, axis: Split) -> u16 {
        match &self.kind {
            Kind::Pane(_) => 1,
            Kind::Split(dir, ch) if *dir == axis => ch
                .iter()
                .fold(0u16, |sum, c| {
                    sum.saturating_add(c.min_len(axis)).saturating_add(1)
                })
                .saturating_sub(1),
            Kind::Split(_, ch) => ch.iter().map(|c| c.min_len(axis)).max().unwrap_or(1),
        }
    }

    fn count(&self) -> usize {
        match &self.kind {
            Kind::Pane(_) => 1,
            Kind::Split(_, ch) => ch.iter().map(Node::count).sum(),
        }
    }

    /// Returns the child indices leading from this node to `pane`.
    fn path(&self, pane: PaneId) -> Option<Vec<usize>> {
        match &self.kind {
            Kind::Pane(p) => (*p == pane).then(Vec::new),
            Kind::Split(_, ch) => ch.iter().enumerate().find_map(|(i, c)| {
                let mut path = c.path(pane)?;
                path.insert(0, i);
                Some(path)
            }),
        }
    }

    fn at(&self, path: &[usize]) -> Option<&Node> {
        path.iter().try_fold(self, |node, &i| match &node.kind {
            Kind::Split(_, ch) => ch.get(i),
            Kind::Pane(_) => None,
        })
    }

    fn at_mut(&mut self, path: &[usize]) -> Option<&mut Node> {
        path.iter().try_fold(self, |node, &i| match &mut node.kind {
            Kind::Split(_, ch) => ch.get_mut(i),
            Kind::Pane(_) => None,
        })
    }

    /// Appends the rectangles of the subtree placed at `x`, `y` to `out`.
    fn collect(&self, x: u16, y: u16, out: &mut Vec<(PaneId, Rect)>) {
        let (mut x, mut y) = (x, y);
        match &self.kind {
            Kind::Pane(p) => out.push((
                *p,
                Rect {
                    x,
                    y,
                    cols: self.cols,
                    rows: self.rows,
                },
            )),
            Kind::Split(dir, ch) => {
                for c in ch {
                    c.collect(x, y, out);
                    match dir {
                        Split::Horizontal => x = x.saturating_add(c.cols).saturating_add(1),
                        Split::Vertical => y = y.saturating_add(c.rows).saturating_add(1),
                    }
                }
            }
        }
    }

    fn each_pane(&mut self, f: &mut impl FnMut(&mut PaneId)) {
        match &mut self.kind {
            Kind::Pane(p) => f(p),
            Kind::Split(_, ch) => ch.iter_mut().for_each(|c| c.each_pane(f)),
        }
    }

    /// Replaces single-child splits by their child and flattens children split like the parent.
    fn normalise(&mut self) {
        let Kind::Split(dir, ch) = &mut self.kind else {
            return;
        };
        let dir = *dir;
        let mut flat = Vec::with_capacity(ch.len());
        for mut c in std::mem::take(ch) {
            c.normalise();
            match c.kind {
                Kind::Split(d, grand) if d == dir => flat.extend(grand),
                kind => flat.push(Node { kind, ..c }),
            }
        }
        match flat.pop() {
            Some(only) if flat.is_empty() => *self = only,
            last => {
                flat.extend(last);
                *ch = flat;
            }
        }
    }

    /// Finds the border to move for `pane` along `axis`: its far (right or bottom) edge when
    /// inside the tree, else its near edge. Returns the split's path, the index of the child
    /// before the border and whether it is the far edge.
    fn border(&self, pane: PaneId, axis: Split) -> Option<(Vec<usize>, usize, bool)> {
        let path = self.path(pane)?;
        let mut near = None;
        for depth in (0..path.len()).rev() {
            let Some(Kind::Split(dir, ch)) = self.at(&path[..depth]).map(|n| &n.kind) else {
                continue;
            };
            let i = path.get(depth).copied().unwrap_or(0);
            if *dir == axis && i + 1 < ch.len() {
                return Some((path[..depth].to_vec(), i, true));
            }
            if *dir == axis && near.is_none() && i > 0 {
                near = Some((path[..depth].to_vec(), i - 1, false));
            }
        }
        near
    }

    /// Moves the border after child `k` of this split by up to `amount` cells, forward (right
    /// or down) or back; the children it passes shrink in turn. Returns the cells moved.
    fn move_border(&mut self, k: usize, forward: bool, amount: u16) -> u16 {
        let Kind::Split(axis, ch) = &mut self.kind else {
            return 0;
        };
        let (grower, takers): (usize, Vec<usize>) = if forward {
            (k, (k + 1..ch.len()).collect())
        } else {
            (k + 1, (0..=k).rev().collect())
        };
        let mut moved = 0;
        for i in takers {
            if let Some(c) = ch.get_mut(i) {
                moved += c.shrink_edge(*axis, amount - moved, !forward);
            }
        }
        if let Some(c) = ch.get_mut(grower) {
            c.grow_edge(*axis, moved, forward);
        }
        moved
    }

    /// Shrinks by up to `amount` along `axis`, at the end (or start) first. Returns the cells.
    fn shrink_edge(&mut self, axis: Split, amount: u16, at_end: bool) -> u16 {
        let len = self.len(axis);
        let cut = amount.min(len.saturating_sub(self.min_len(axis)));
        self.set_len(axis, len - cut);
        match &mut self.kind {
            Kind::Split(dir, ch) if *dir == axis => {
                let mut left = cut;
                let mut order: Vec<&mut Node> = ch.iter_mut().collect();
                if at_end {
                    order.reverse();
                }
                for c in order {
                    left -= c.shrink_edge(axis, left, at_end);
                }
            }
            Kind::Split(_, ch) => ch
                .iter_mut()
                .for_each(|c| _ = c.shrink_edge(axis, cut, at_end)),
            Kind::Pane(_) => {}
        }
        cut
    }

    /// Grows by `amount` along `axis`, giving the cells to the panes at the end (or start).
    fn grow_edge(&mut self, axis: Split, amount: u16, at_end: bool) {
        self.set_len(axis, self.len(axis).saturating_add(amount));
        match &mut self.kind {
            Kind::Split(dir, ch) if *dir == axis => {
                let edge = if at_end {
                    ch.last_mut()
                } else {
                    ch.first_mut()
                };
                edge.into_iter()
                    .for_each(|c| c.grow_edge(axis, amount, at_end));
            }
            Kind::Split(_, ch) => ch
                .iter_mut()
                .for_each(|c| c.grow_edge(axis, amount, at_end)),
            Kind::Pane(_) => {}
        }
    }

    /// Sets the length along `axis` to `target` (at least the minimum), scaling children.
    fn scale(&mut self, axis: Split, target: u16) {
        let len = target.max(self.min_len(axis));
        self.set_len(axis, len);
        match &mut self.kind {
            Kind::Split(dir, ch) if *dir == axis => {
                let old: Vec<u16> = ch.iter().map(|c| c.len(axis)).collect();
                let mins: Vec<u16> = ch.iter().map(|c| c.min_len(axis)).collect();
                let lens = proportional(&old, &mins, content(len, ch.len()));
                ch.iter_mut().zip(lens).for_each(|(c, l)| c.scale(axis, l));
            }
            Kind::Split(_, ch) => ch.iter_mut().for_each(|c| c.scale(axis, len)),
            Kind::Pane(_) => {}
        }
    }

    /// Lays the subtree out over `cols`×`rows` (at least its minimum), sharing evenly.
    fn spread(&mut self, cols: u16, rows: u16) {
        self.cols = cols.max(self.min_len(Split::Horizontal));
        self.rows = rows.max(self.min_len(Split::Vertical));
        let (cols, rows) = (self.cols, self.rows);
        let Kind::Split(dir, ch) = &mut self.kind else {
            return;
        };
        let mins: Vec<u16> = ch.iter().map(|c| c.min_len(*dir)).collect();
        let along = dir.pick(cols, rows);
        for (c, len) in ch
            .iter_mut()
            .zip(even_lens(&mins, content(along, mins.len())))
        {
            match dir {
                Split::Horizontal => c.spread(len, rows),
                Split::Vertical => c.spread(cols, len),
            }
        }
    }
}

#[cfg(test)]
mod tests;
