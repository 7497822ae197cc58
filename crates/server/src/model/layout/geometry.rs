//! The layout tree's arithmetic: node lengths and minimums, moving borders, scaling and
//! spreading children, and which pane lies beside another.

use super::{Direction, Kind, Node, Rect, Split};
use crate::ids::PaneId;

/// Returns the axis of `direction` and whether it points right or down.
pub(super) fn direction_axis(direction: Direction) -> (Split, bool) {
    match direction {
        Direction::Left => (Split::Horizontal, false),
        Direction::Right => (Split::Horizontal, true),
        Direction::Up => (Split::Vertical, false),
        Direction::Down => (Split::Vertical, true),
    }
}

/// Returns the cells `r` covers along `axis` as `(first, past the last)`.
pub(super) fn span(r: &Rect, axis: Split) -> (u32, u32) {
    let (at, len) = axis.pick((r.x, r.cols), (r.y, r.rows));
    (u32::from(at), u32::from(at) + u32::from(len))
}

/// Returns the pane of `found` sharing some of `me`'s span along `axis` that `recency` ranks
/// highest, then that shares most of the span, then the first along it.
pub(super) fn best_overlap<'a>(
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

/// Returns the cells left for `n` children of a node `len` long, after the borders.
pub(super) fn content(len: u16, n: usize) -> u16 {
    len.saturating_sub(u16::try_from(n.saturating_sub(1)).unwrap_or(u16::MAX))
}

/// Returns `old` scaled to sum to `total`, each at least its minimum, the last absorbing rounding.
pub(super) fn proportional(old: &[u16], mins: &[u16], total: u16) -> Vec<u16> {
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
pub(super) fn even_lens(mins: &[u16], total: u16) -> Vec<u16> {
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
    pub(super) fn new(cols: u16, rows: u16, kind: Kind) -> Node {
        Node { cols, rows, kind }
    }

    pub(super) fn leaf(pane: PaneId, cols: u16, rows: u16) -> Node {
        Node::new(cols.max(1), rows.max(1), Kind::Pane(pane))
    }

    /// Returns the direction and children of a split node.
    pub(super) fn split_mut(&mut self) -> Option<(Split, &mut Vec<Node>)> {
        match &mut self.kind {
            Kind::Split(dir, ch) => Some((*dir, ch)),
            Kind::Pane(_) => None,
        }
    }

    pub(super) fn len(&self, axis: Split) -> u16 {
        axis.pick(self.cols, self.rows)
    }

    pub(super) fn set_len(&mut self, axis: Split, len: u16) {
        match axis {
            Split::Horizontal => self.cols = len,
            Split::Vertical => self.rows = len,
        }
    }

    /// Returns the fewest cells the subtree can have along `axis` with 1-cell panes.
    pub(super) fn min_len(&self, axis: Split) -> u16 {
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

    pub(super) fn count(&self) -> usize {
        match &self.kind {
            Kind::Pane(_) => 1,
            Kind::Split(_, ch) => ch.iter().map(Node::count).sum(),
        }
    }

    /// Returns the child indices leading from this node to `pane`.
    pub(super) fn path(&self, pane: PaneId) -> Option<Vec<usize>> {
        match &self.kind {
            Kind::Pane(p) => (*p == pane).then(Vec::new),
            Kind::Split(_, ch) => ch.iter().enumerate().find_map(|(i, c)| {
                let mut path = c.path(pane)?;
                path.insert(0, i);
                Some(path)
            }),
        }
    }

    pub(super) fn at(&self, path: &[usize]) -> Option<&Node> {
        path.iter().try_fold(self, |node, &i| match &node.kind {
            Kind::Split(_, ch) => ch.get(i),
            Kind::Pane(_) => None,
        })
    }

    pub(super) fn at_mut(&mut self, path: &[usize]) -> Option<&mut Node> {
        path.iter().try_fold(self, |node, &i| match &mut node.kind {
            Kind::Split(_, ch) => ch.get_mut(i),
            Kind::Pane(_) => None,
        })
    }

    /// Appends the rectangles of the subtree placed at `x`, `y` to `out`.
    pub(super) fn collect(&self, x: u16, y: u16, out: &mut Vec<(PaneId, Rect)>) {
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

    pub(super) fn each_pane(&mut self, f: &mut impl FnMut(&mut PaneId)) {
        match &mut self.kind {
            Kind::Pane(p) => f(p),
            Kind::Split(_, ch) => ch.iter_mut().for_each(|c| c.each_pane(f)),
        }
    }

    /// Replaces single-child splits by their child and flattens children split like the parent.
    pub(super) fn normalise(&mut self) {
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
    pub(super) fn border(&self, pane: PaneId, axis: Split) -> Option<(Vec<usize>, usize, bool)> {
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
    pub(super) fn move_border(&mut self, k: usize, forward: bool, amount: u16) -> u16 {
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
    pub(super) fn shrink_edge(&mut self, axis: Split, amount: u16, at_end: bool) -> u16 {
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
    pub(super) fn grow_edge(&mut self, axis: Split, amount: u16, at_end: bool) {
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
    pub(super) fn scale(&mut self, axis: Split, target: u16) {
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
    pub(super) fn spread(&mut self, cols: u16, rows: u16) {
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
