//! A layout as text and as a plain tree: tmux's layout string (`#{window_layout}`, a
//! checksum and then each cell's size, offset and pane id, which tmux-resurrect and scripts
//! compare), and a tree of sizes that saved sessions and layout files are written from and
//! built back into.

use super::{Kind, Layout, Node, Split};
use crate::ids::PaneId;

/// A layout as plain data: each node's size, and for splits their direction and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tree {
    /// A pane and its size.
    Pane {
        /// The pane (its id in this server, or its place in a file).
        pane: PaneId,
        /// Its width.
        cols: u16,
        /// Its height.
        rows: u16,
    },
    /// Children side by side or stacked, with 1-cell borders between them.
    Split {
        /// How the children are placed.
        dir: Split,
        /// The width of the whole split.
        cols: u16,
        /// The height of the whole split.
        rows: u16,
        /// The children, left to right or top to bottom.
        children: Vec<Tree>,
    },
}

impl Tree {
    /// Returns the node's length along `axis`.
    pub fn len(&self, axis: Split) -> u16 {
        let (cols, rows) = match self {
            Tree::Pane { cols, rows, .. } | Tree::Split { cols, rows, .. } => (*cols, *rows),
        };
        axis.pick(cols, rows)
    }

    /// Returns the panes depth first, in the order [`Layout::panes`] gives them.
    pub fn panes(&self) -> Vec<PaneId> {
        match self {
            Tree::Pane { pane, .. } => vec![*pane],
            Tree::Split { children, .. } => children.iter().flat_map(Tree::panes).collect(),
        }
    }

    /// Returns the node built from this tree with pane ids mapped by `map`.
    fn node(&self, map: &dyn Fn(PaneId) -> PaneId) -> Option<Node> {
        Some(match self {
            Tree::Pane { pane, cols, rows } => Node::leaf(map(*pane), *cols, *rows),
            Tree::Split {
                dir,
                cols,
                rows,
                children,
            } => {
                let nodes: Option<Vec<Node>> = children.iter().map(|c| c.node(map)).collect();
                let nodes = nodes.filter(|n| !n.is_empty())?;
                Node::new((*cols).max(1), (*rows).max(1), Kind::Split(*dir, nodes))
            }
        })
    }
}

/// Returns tmux's checksum of a layout string.
fn checksum(text: &str) -> u16 {
    text.bytes().fold(0u16, |sum, b| {
        let rotated = (sum >> 1) | ((sum & 1) << 15);
        rotated.wrapping_add(u16::from(b))
    })
}

/// Returns `body` with tmux's checksum in front (`b25d,80x24,0,0,1`).
fn with_checksum(body: &str) -> String {
    format!("{:04x},{body}", checksum(body))
}

impl Node {
    /// Appends this node placed at `x`, `y` in tmux's layout syntax.
    fn dump(&self, x: u16, y: u16, out: &mut String) {
        out.push_str(&format!("{}x{},{x},{y}", self.cols, self.rows));
        match &self.kind {
            Kind::Pane(p) => out.push_str(&format!(",{}", p.0)),
            Kind::Split(dir, ch) => {
                let (open, close) = dir.pick(('{', '}'), ('[', ']'));
                out.push(open);
                let (mut x, mut y) = (x, y);
                for (i, c) in ch.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    c.dump(x, y, out);
                    match dir {
                        Split::Horizontal => x = x.saturating_add(c.cols).saturating_add(1),
                        Split::Vertical => y = y.saturating_add(c.rows).saturating_add(1),
                    }
                }
                out.push(close);
            }
        }
    }

    /// Returns the subtree as plain data.
    fn tree(&self) -> Tree {
        match &self.kind {
            Kind::Pane(p) => Tree::Pane {
                pane: *p,
                cols: self.cols,
                rows: self.rows,
            },
            Kind::Split(dir, ch) => Tree::Split {
                dir: *dir,
                cols: self.cols,
                rows: self.rows,
                children: ch.iter().map(Node::tree).collect(),
            },
        }
    }
}

impl Layout {
    /// Returns tmux's layout string for the window (`#{window_layout}`), such as
    /// `d67e,80x24,0,0{40x24,0,0,0,39x24,41,0,1}`.
    pub fn tmux_string(&self) -> String {
        let mut body = String::new();
        self.root.dump(0, 0, &mut body);
        with_checksum(&body)
    }

    /// Returns tmux's layout string for one pane filling a `cols`×`rows` window, as a zoomed
    /// window's visible layout reads.
    pub fn single_tmux_string(pane: PaneId, cols: u16, rows: u16) -> String {
        with_checksum(&format!("{cols}x{rows},0,0,{}", pane.0))
    }

    /// Returns the layout as plain data.
    pub fn tree(&self) -> Tree {
        self.root.tree()
    }

    /// Builds a layout of a `cols`×`rows` window from a tree whose panes `map` renames. The
    /// tree's sizes are kept where they fit the window and scaled in proportion where they do
    /// not (a layout saved at another size, or written by hand). Returns `None` for a split
    /// without children or a pane named twice.
    pub fn from_tree(
        tree: &Tree,
        map: &dyn Fn(PaneId) -> PaneId,
        cols: u16,
        rows: u16,
    ) -> Option<Layout> {
        let mut root = tree.node(map)?;
        let mut panes: Vec<PaneId> = tree.panes().into_iter().map(map).collect();
        let count = panes.len();
        panes.sort_unstable();
        panes.dedup();
        if panes.len() != count {
            return None;
        }
        root.normalise();
        let mut layout = Layout {
            cols: cols.max(1),
            rows: rows.max(1),
            root,
        };
        layout.fit();
        Some(layout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_string_is_tmuxs_with_its_checksum() {
        // tmux 3.3a: new -x 80 -y 24, split -h, split -v on the right pane.
        let mut l = Layout::new(PaneId(0), 80, 24);
        l.split(PaneId(0), PaneId(1), Split::Horizontal, None, false)
            .unwrap();
        l.split(PaneId(1), PaneId(2), Split::Vertical, None, false)
            .unwrap();
        assert_eq!(
            l.tmux_string(),
            "d67e,80x24,0,0{40x24,0,0,0,39x24,41,0[39x12,41,0,1,39x11,41,13,2]}"
        );
        assert_eq!(
            Layout::new(PaneId(3), 80, 24).tmux_string(),
            Layout::single_tmux_string(PaneId(3), 80, 24)
        );
    }

    #[test]
    fn a_tree_builds_the_same_layout_back_with_new_ids() {
        let mut l = Layout::new(PaneId(0), 120, 40);
        l.split(PaneId(0), PaneId(1), Split::Horizontal, None, false)
            .unwrap();
        l.split(PaneId(1), PaneId(2), Split::Vertical, None, false)
            .unwrap();
        l.resize_pane(PaneId(0), super::super::Direction::Right, 7);
        let tree = l.tree();
        assert_eq!(tree.panes(), [PaneId(0), PaneId(1), PaneId(2)]);
        let back = Layout::from_tree(&tree, &|p| p, 120, 40).unwrap();
        assert_eq!(back, l);
        let moved = Layout::from_tree(&tree, &|p| PaneId(p.0 + 10), 120, 40).unwrap();
        assert_eq!(moved.panes(), [PaneId(10), PaneId(11), PaneId(12)]);
        // At another size the panes keep their proportions.
        let small = Layout::from_tree(&tree, &|p| p, 60, 20).unwrap();
        let widths: Vec<u16> = small.geometry().iter().map(|(_, r)| r.cols).collect();
        assert_eq!(widths[0] + widths[1] + 1, 60);
        assert!(widths[0] > widths[1], "{widths:?}");
    }

    #[test]
    fn a_bad_tree_builds_nothing() {
        let twice = Tree::Split {
            dir: Split::Vertical,
            cols: 10,
            rows: 10,
            children: vec![
                Tree::Pane {
                    pane: PaneId(1),
                    cols: 10,
                    rows: 5,
                },
                Tree::Pane {
                    pane: PaneId(1),
                    cols: 10,
                    rows: 4,
                },
            ],
        };
        assert!(Layout::from_tree(&twice, &|p| p, 10, 10).is_none());
        let empty = Tree::Split {
            dir: Split::Vertical,
            cols: 10,
            rows: 10,
            children: Vec::new(),
        };
        assert!(Layout::from_tree(&empty, &|p| p, 10, 10).is_none());
    }
}
