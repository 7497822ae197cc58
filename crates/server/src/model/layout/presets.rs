//! The preset layouts (`select-layout`, `C-b Space`, `C-b M-1`..`M-5`): even horizontal and
//! vertical, main horizontal and vertical, and tmux's tiled grid.

use super::{Kind, Layout, Node, Split};
use crate::ids::PaneId;

/// A preset layout for `select-layout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

impl Layout {
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
}

/// Returns tmux's tiled grid for `n` panes as `(rows, columns)`.
pub(super) fn tiled_grid(n: usize) -> (usize, usize) {
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
pub(super) fn tiled(panes: &[PaneId], cols: u16, rows: u16) -> Node {
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
pub(super) fn group(dir: Split, mut children: Vec<Node>) -> Node {
    match children.pop() {
        Some(only) if children.is_empty() => only,
        last => {
            children.extend(last);
            Node::new(1, 1, Kind::Split(dir, children))
        }
    }
}

/// Returns the children grouped in a `dir` split, spread evenly over `cols`×`rows`.
pub(super) fn even(dir: Split, children: Vec<Node>, cols: u16, rows: u16) -> Node {
    let mut node = group(dir, children);
    node.spread(cols, rows);
    node
}

/// Returns a `dir` split of the first leaf, `main` cells long, and the others in a cross stack.
pub(super) fn with_main(
    dir: Split,
    mut leaves: Vec<Node>,
    cols: u16,
    rows: u16,
    main: u16,
) -> Node {
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
