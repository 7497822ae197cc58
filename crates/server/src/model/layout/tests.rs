use super::presets::tiled_grid;
use super::*;
use mux_testkit::Rng;

const H: Split = Split::Horizontal;
const V: Split = Split::Vertical;

fn p(n: u32) -> PaneId {
    PaneId(n)
}

fn r(x: u16, y: u16, cols: u16, rows: u16) -> Rect {
    Rect { x, y, cols, rows }
}

fn ids(ns: &[u32]) -> Vec<PaneId> {
    ns.iter().map(|&n| p(n)).collect()
}

/// Checks the tree's sizes add up and it is normalised.
fn check_tree(node: &Node, parent: Option<Split>) {
    assert!(node.cols >= 1 && node.rows >= 1, "zero-sized node {node:?}");
    let Kind::Split(dir, ch) = &node.kind else {
        return;
    };
    assert!(ch.len() >= 2, "split with {} children", ch.len());
    assert_ne!(Some(*dir), parent, "child split like its parent");
    let cross = if *dir == H { V } else { H };
    let sum: usize = ch.iter().map(|c| usize::from(c.len(*dir))).sum();
    assert_eq!(
        sum + ch.len() - 1,
        usize::from(node.len(*dir)),
        "children don't fill {node:?}"
    );
    for c in ch {
        assert_eq!(
            c.len(cross),
            node.len(cross),
            "child not full across {node:?}"
        );
        check_tree(c, Some(*dir));
    }
}

/// Marks the border cells of `node` (placed at x, y) in `grid`, independently of `geometry`.
fn mark_borders(node: &Node, x: usize, y: usize, grid: &mut [Vec<u8>]) {
    let Kind::Split(dir, ch) = &node.kind else {
        return;
    };
    let (mut x, mut y) = (x, y);
    for (i, c) in ch.iter().enumerate() {
        mark_borders(c, x, y, grid);
        let last = i + 1 == ch.len();
        if *dir == H {
            x += usize::from(c.cols);
            for row in grid
                .iter_mut()
                .skip(y)
                .take(usize::from(node.rows))
                .filter(|_| !last)
            {
                row[x] += 1;
            }
            x += 1;
        } else {
            y += usize::from(c.rows);
            if !last {
                grid[y][x..x + usize::from(node.cols)]
                    .iter_mut()
                    .for_each(|v| *v += 1);
            }
            y += 1;
        }
    }
}

/// Checks every cell is covered by exactly one pane or border, and the tree fits the window
/// whenever the window is big enough for it.
fn assert_tiles(l: &Layout) {
    check_tree(&l.root, None);
    let (w, h) = l.size();
    let (ew, eh) = (l.root.cols, l.root.rows);
    assert!(
        ew >= w && eh >= h,
        "tree {ew}x{eh} smaller than window {w}x{h}"
    );
    if l.root.min_len(H) <= w {
        assert_eq!(ew, w, "tree width differs from window");
    }
    if l.root.min_len(V) <= h {
        assert_eq!(eh, h, "tree height differs from window");
    }
    let geo = l.geometry();
    let panes = l.panes();
    assert_eq!(geo.iter().map(|g| g.0).collect::<Vec<_>>(), panes);
    assert_eq!(l.len(), panes.len());
    assert!(!l.is_empty());
    let mut sorted = panes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), panes.len(), "duplicate pane ids");
    let mut grid = vec![vec![0u8; usize::from(ew)]; usize::from(eh)];
    for &(pane, rect) in &geo {
        assert!(rect.cols >= 1 && rect.rows >= 1, "empty rect {rect:?}");
        assert!(
            rect.x + rect.cols <= ew && rect.y + rect.rows <= eh,
            "{rect:?} outside"
        );
        assert_eq!(l.rect(pane), Some(rect));
        assert!(l.contains(pane));
        for row in &mut grid[usize::from(rect.y)..usize::from(rect.y + rect.rows)] {
            row[usize::from(rect.x)..usize::from(rect.x + rect.cols)]
                .iter_mut()
                .for_each(|v| *v += 1);
        }
    }
    mark_borders(&l.root, 0, 0, &mut grid);
    for (y, row) in grid.iter().enumerate() {
        for (x, &v) in row.iter().enumerate() {
            assert_eq!(v, 1, "cell {x},{y} covered {v} times in {:?}", l.geometry());
        }
    }
}

fn rects(l: &Layout) -> Vec<Rect> {
    l.geometry().into_iter().map(|g| g.1).collect()
}

/// Makes a layout with panes 1..=n in `preset` at `cols`×`rows`.
fn preset(preset: Preset, n: u32, cols: u16, rows: u16, main: u16) -> Layout {
    let mut l = Layout::new(p(1), 200, 100);
    for i in 2..=n {
        let dir = if i % 2 == 0 { H } else { V };
        l.split(p(i - 1), p(i), dir, None, false).unwrap();
    }
    l.resize(cols, rows);
    l.apply(preset, main, main);
    assert_tiles(&l);
    assert_eq!(l.panes(), (1..=n).map(p).collect::<Vec<_>>());
    l
}

#[test]
fn new_fills_window() {
    let l = Layout::new(p(1), 80, 24);
    assert_tiles(&l);
    assert_eq!(l.size(), (80, 24));
    assert_eq!(l.geometry(), vec![(p(1), r(0, 0, 80, 24))]);
    assert_eq!(l.len(), 1);
    assert!(l.contains(p(1)) && !l.contains(p(2)));
    assert_eq!(l.rect(p(2)), None);
    let tiny = Layout::new(p(1), 0, 0);
    assert_tiles(&tiny);
    assert_eq!(rects(&tiny), vec![r(0, 0, 1, 1)]);
}

#[test]
fn split_halves_target_keeps_larger() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    assert_tiles(&l);
    assert_eq!(rects(&l), vec![r(0, 0, 40, 24), r(41, 0, 39, 24)]);
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), V, None, false).unwrap();
    assert_tiles(&l);
    assert_eq!(rects(&l), vec![r(0, 0, 80, 12), r(0, 13, 80, 11)]);
}

#[test]
fn split_odd_and_tiny_sizes() {
    let mut l = Layout::new(p(1), 81, 25);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.split(p(2), p(3), V, None, false).unwrap();
    assert_tiles(&l);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 40, 25), r(41, 0, 40, 12), r(41, 13, 40, 12)]
    );
    let mut l = Layout::new(p(1), 3, 3);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.split(p(2), p(3), V, None, false).unwrap();
    assert_tiles(&l);
    assert_eq!(rects(&l), vec![r(0, 0, 1, 3), r(2, 0, 1, 1), r(2, 2, 1, 1)]);
    assert_eq!(
        l.split(p(1), p(4), H, None, false),
        Err(LayoutError::NoSpace)
    );
    assert_eq!(
        l.split(p(3), p(4), V, None, false),
        Err(LayoutError::NoSpace)
    );
    for cols in [1, 2] {
        let mut l = Layout::new(p(1), cols, 10);
        let before = l.clone();
        assert_eq!(
            l.split(p(1), p(2), H, Some(SplitSize::Cells(1)), false),
            Err(LayoutError::NoSpace)
        );
        assert_eq!(l, before);
        assert!(l.split(p(1), p(2), V, None, false).is_ok());
        assert_tiles(&l);
    }
}

#[test]
fn split_sizes_and_before() {
    let split = |size, before| {
        let mut l = Layout::new(p(1), 80, 24);
        l.split(p(1), p(2), H, Some(size), before).unwrap();
        assert_tiles(&l);
        l.geometry()
    };
    let c = SplitSize::Cells;
    assert_eq!(
        split(c(10), false),
        vec![(p(1), r(0, 0, 69, 24)), (p(2), r(70, 0, 10, 24))]
    );
    assert_eq!(
        split(c(10), true),
        vec![(p(2), r(0, 0, 10, 24)), (p(1), r(11, 0, 69, 24))]
    );
    assert_eq!(
        split(SplitSize::Percent(30), false)[1],
        (p(2), r(56, 0, 24, 24))
    );
    assert_eq!(
        split(c(100), false),
        vec![(p(1), r(0, 0, 1, 24)), (p(2), r(2, 0, 78, 24))]
    );
    assert_eq!(split(SplitSize::Percent(250), false)[1].1.cols, 78);
    assert_eq!(split(c(0), false)[1].1.cols, 1);
    assert_eq!(split(SplitSize::Percent(0), false)[1].1.cols, 1);
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), V, None, true).unwrap();
    assert_tiles(&l);
    assert_eq!(
        l.geometry(),
        vec![(p(2), r(0, 0, 80, 11)), (p(1), r(0, 12, 80, 12))]
    );
}

#[test]
fn split_errors() {
    let mut l = Layout::new(p(1), 80, 24);
    assert_eq!(
        l.split(p(9), p(2), H, None, false),
        Err(LayoutError::NoPane)
    );
    assert_eq!(
        l.split(p(1), p(1), H, None, false),
        Err(LayoutError::Duplicate)
    );
    assert_eq!(LayoutError::NoSpace.to_string(), "no space for new pane");
    assert_eq!(l, Layout::new(p(1), 80, 24));
}

#[test]
fn nested_splits_flatten_same_direction() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.split(p(2), p(3), V, None, false).unwrap();
    assert_tiles(&l);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 40, 24), r(41, 0, 39, 12), r(41, 13, 39, 11)]
    );
    l.split(p(1), p(4), H, None, false).unwrap();
    assert_tiles(&l);
    assert_eq!(l.panes(), ids(&[1, 4, 2, 3]));
    assert_eq!(rects(&l)[..2], [r(0, 0, 20, 24), r(21, 0, 19, 24)]);
    assert!(matches!(&l.root.kind, Kind::Split(H, ch) if ch.len() == 3));
    l.split(p(2), p(5), V, None, true).unwrap();
    assert_tiles(&l);
    assert_eq!(l.panes(), ids(&[1, 4, 5, 2, 3]));
    assert_eq!(
        rects(&l)[2..],
        [r(41, 0, 39, 5), r(41, 6, 39, 6), r(41, 13, 39, 11)]
    );
}

#[test]
fn remove_gives_space_to_previous_or_next() {
    let mut l = preset(Preset::EvenHorizontal, 3, 80, 24, 0);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 26, 24), r(27, 0, 26, 24), r(54, 0, 26, 24)]
    );
    let mut first = l.clone();
    assert!(l.remove(p(2)));
    assert_tiles(&l);
    assert_eq!(
        l.geometry(),
        vec![(p(1), r(0, 0, 53, 24)), (p(3), r(54, 0, 26, 24))]
    );
    assert!(first.remove(p(1)));
    assert_tiles(&first);
    assert_eq!(
        first.geometry(),
        vec![(p(2), r(0, 0, 53, 24)), (p(3), r(54, 0, 26, 24))]
    );
    assert!(!l.remove(p(2)));
    assert!(l.remove(p(3)));
    assert!(!l.remove(p(1)));
    assert_eq!(l, Layout::new(p(1), 80, 24));
}

#[test]
fn remove_collapses_nested_nodes() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.split(p(2), p(3), V, None, false).unwrap();
    let mut left_gone = l.clone();
    assert!(left_gone.remove(p(1)));
    assert_tiles(&left_gone);
    assert_eq!(rects(&left_gone), vec![r(0, 0, 80, 12), r(0, 13, 80, 11)]);
    l.split(p(3), p(4), H, None, false).unwrap();
    assert!(l.remove(p(2)));
    assert_tiles(&l);
    assert!(matches!(&l.root.kind, Kind::Split(H, ch) if ch.len() == 3));
    assert_eq!(
        l.geometry()[1..],
        [(p(3), r(41, 0, 19, 24)), (p(4), r(61, 0, 19, 24))]
    );
    assert!(l.remove(p(4)) && l.remove(p(3)));
    assert_eq!(l, Layout::new(p(1), 80, 24));
}

#[test]
fn resize_window_scales_proportionally() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.resize(160, 48);
    assert_tiles(&l);
    assert_eq!(rects(&l), vec![r(0, 0, 80, 48), r(81, 0, 79, 48)]);
    l.resize(40, 12);
    assert_tiles(&l);
    assert_eq!(rects(&l), vec![r(0, 0, 19, 12), r(20, 0, 20, 12)]);
    l.resize(80, 24);
    assert_tiles(&l);
    assert_eq!(l.size(), (80, 24));
}

#[test]
fn resize_window_tiny_keeps_panes() {
    let mut l = preset(Preset::Tiled, 7, 80, 24, 0);
    for (c, rows) in [(5, 5), (1, 1), (0, 0), (3, 40), (200, 2), (80, 24)] {
        l.resize(c, rows);
        assert_tiles(&l);
        assert_eq!(l.len(), 7);
    }
    l.resize(1, 1);
    assert_eq!(l.size(), (1, 1));
    assert_eq!((l.root.cols, l.root.rows), (5, 5));
}

#[test]
fn resize_pane_moves_right_or_left_edge() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    let widths = |l: &Layout| rects(l).iter().map(|r| r.cols).collect::<Vec<_>>();
    assert!(l.resize_pane(p(1), Direction::Right, 5));
    assert_eq!(widths(&l), [45, 34]);
    assert!(l.resize_pane(p(1), Direction::Left, 3));
    assert_eq!(widths(&l), [42, 37]);
    assert!(l.resize_pane(p(2), Direction::Right, 2));
    assert_eq!(widths(&l), [44, 35]);
    assert!(l.resize_pane(p(2), Direction::Left, 4));
    assert_eq!(widths(&l), [40, 39]);
    assert!(l.resize_pane(p(1), Direction::Right, 1000));
    assert_eq!(widths(&l), [78, 1]);
    assert!(!l.resize_pane(p(1), Direction::Right, 1));
    assert!(l.resize_pane(p(2), Direction::Left, 1000));
    assert_eq!(widths(&l), [1, 78]);
    assert_tiles(&l);
    assert!(!l.resize_pane(p(1), Direction::Up, 3));
    assert!(!l.resize_pane(p(9), Direction::Left, 3));
    assert!(!l.resize_pane(p(1), Direction::Left, 0));
    assert!(!Layout::new(p(1), 8, 8).resize_pane(p(1), Direction::Down, 2));
}

#[test]
fn resize_pane_up_down_and_push() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), V, None, false).unwrap();
    let heights = |l: &Layout| rects(l).iter().map(|r| r.rows).collect::<Vec<_>>();
    assert!(l.resize_pane(p(1), Direction::Down, 4));
    assert_eq!(heights(&l), [16, 7]);
    assert!(l.resize_pane(p(1), Direction::Up, 20));
    assert_eq!(heights(&l), [1, 22]);
    assert!(l.resize_pane(p(2), Direction::Down, 30));
    assert_eq!(heights(&l), [22, 1]);
    assert_tiles(&l);
    let mut l = preset(Preset::EvenHorizontal, 3, 80, 24, 0);
    assert!(l.resize_pane(p(1), Direction::Right, 40));
    assert_tiles(&l);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 66, 24), r(67, 0, 1, 24), r(69, 0, 11, 24)]
    );
}

#[test]
fn resize_pane_nested_moves_only_that_edge() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(4), H, None, false).unwrap();
    l.split(p(1), p(3), V, None, false).unwrap();
    l.split(p(1), p(2), H, None, false).unwrap();
    assert_eq!(l.panes(), ids(&[1, 2, 3, 4]));
    let before = rects(&l);
    assert!(l.resize_pane(p(2), Direction::Right, 3));
    assert_tiles(&l);
    let after = rects(&l);
    assert_eq!(after[0], before[0]);
    assert_eq!(after[1].cols, before[1].cols + 3);
    assert_eq!(after[2].cols, before[2].cols + 3);
    assert_eq!(after[3].cols, before[3].cols - 3);
}

#[test]
fn set_pane_size_as_far_as_neighbours_allow() {
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.split(p(2), p(3), V, None, false).unwrap();
    assert!(l.set_pane_size(p(1), Some(60), None));
    assert_eq!(rects(&l)[..2], [r(0, 0, 60, 24), r(61, 0, 19, 12)]);
    assert!(l.set_pane_size(p(3), Some(30), Some(20)));
    assert_tiles(&l);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 49, 24), r(50, 0, 30, 3), r(50, 4, 30, 20)]
    );
    assert!(l.set_pane_size(p(2), None, Some(100)));
    assert_eq!(rects(&l)[1..], [r(50, 0, 30, 22), r(50, 23, 30, 1)]);
    assert!(l.set_pane_size(p(1), Some(0), None));
    assert_eq!(rects(&l)[0], r(0, 0, 1, 24));
    assert!(!l.set_pane_size(p(1), Some(1), None));
    assert!(!l.set_pane_size(p(1), None, Some(5)));
    assert!(!l.set_pane_size(p(1), None, None));
    assert!(!l.set_pane_size(p(7), Some(5), Some(5)));
    assert_tiles(&l);
}

#[test]
fn neighbour_adjacent_and_wrapping() {
    use Direction::*;
    let mut l = Layout::new(p(1), 80, 24);
    assert_eq!(l.neighbour(p(1), Right, &|_| 0), None);
    l.split(p(1), p(2), H, None, false).unwrap();
    assert_eq!(l.neighbour(p(1), Right, &|_| 0), Some(p(2)));
    assert_eq!(l.neighbour(p(2), Right, &|_| 0), Some(p(1)));
    assert_eq!(l.neighbour(p(1), Left, &|_| 0), Some(p(2)));
    assert_eq!(l.neighbour(p(2), Left, &|_| 0), Some(p(1)));
    assert_eq!(l.neighbour(p(1), Up, &|_| 0), None);
    assert_eq!(l.neighbour(p(9), Up, &|_| 0), None);
    l.split(p(2), p(3), V, None, false).unwrap();
    assert_eq!(l.neighbour(p(1), Right, &|_| 0), Some(p(2)));
    assert_eq!(l.neighbour(p(3), Left, &|_| 0), Some(p(1)));
    assert_eq!(l.neighbour(p(3), Right, &|_| 0), Some(p(1)));
    assert_eq!(l.neighbour(p(2), Down, &|_| 0), Some(p(3)));
    assert_eq!(l.neighbour(p(3), Down, &|_| 0), Some(p(2)));
    assert_eq!(l.neighbour(p(2), Up, &|_| 0), Some(p(3)));
    assert_eq!(l.neighbour(p(1), Down, &|_| 0), None);
    l.set_pane_size(p(2), None, Some(5));
    assert_eq!(l.neighbour(p(1), Right, &|_| 0), Some(p(3)));
    l.set_pane_size(p(2), None, Some(11));
    assert_eq!(rects(&l)[1..], [r(41, 0, 39, 11), r(41, 12, 39, 12)]);
    assert_eq!(l.neighbour(p(1), Right, &|_| 0), Some(p(3)));
    l.set_pane_size(p(2), None, Some(12));
    assert_eq!(rects(&l)[1].rows, rects(&l)[2].rows + 1);
    l.resize(80, 25);
    assert_eq!(rects(&l)[1].rows, rects(&l)[2].rows);
    assert_eq!(l.neighbour(p(1), Right, &|_| 0), Some(p(2)));
    let m = preset(Preset::MainHorizontal, 3, 80, 24, 10);
    // Neither pane below was active: the one sharing more of the span (the last, with the
    // odd cell) wins.
    assert_eq!(m.neighbour(p(1), Down, &|_| 0), Some(p(3)));
    assert_eq!(m.neighbour(p(3), Down, &|_| 0), Some(p(1)));
    assert_eq!(m.neighbour(p(2), Up, &|_| 0), Some(p(1)));
}

#[test]
fn swap_rotate_replace() {
    let mut l = preset(Preset::EvenHorizontal, 3, 80, 24, 0);
    let before = rects(&l);
    assert!(l.swap(p(1), p(3)));
    assert_eq!(l.panes(), ids(&[3, 2, 1]));
    assert_eq!(rects(&l), before);
    assert!(!l.swap(p(1), p(9)));
    assert!(l.swap(p(2), p(2)));
    l.rotate(false);
    assert_eq!(l.panes(), ids(&[1, 3, 2]));
    l.rotate(true);
    assert_eq!(l.panes(), ids(&[3, 2, 1]));
    l.rotate(true);
    assert_eq!(l.panes(), ids(&[2, 1, 3]));
    assert!(l.replace(p(2), p(7)));
    assert_eq!(l.panes(), ids(&[7, 1, 3]));
    assert!(!l.replace(p(7), p(1)));
    assert!(!l.replace(p(2), p(8)));
    assert!(l.replace(p(7), p(7)));
    assert_eq!(rects(&l), before);
    assert_tiles(&l);
    let mut one = Layout::new(p(1), 10, 10);
    one.rotate(false);
    one.rotate(true);
    assert_eq!(one, Layout::new(p(1), 10, 10));
}

#[test]
fn preset_names_cycle() {
    assert_eq!(
        Preset::ALL.map(Preset::name),
        [
            "even-horizontal",
            "even-vertical",
            "main-horizontal",
            "main-vertical",
            "tiled"
        ]
    );
    for pr in Preset::ALL {
        assert_eq!(Preset::from_name(pr.name()), Some(pr));
    }
    assert_eq!(Preset::from_name("bogus"), None);
    assert_eq!(Preset::Tiled.next(), Preset::EvenHorizontal);
    assert_eq!(Preset::EvenHorizontal.next(), Preset::EvenVertical);
}

#[test]
fn presets_single_pane_fill() {
    for pr in Preset::ALL {
        let mut l = Layout::new(p(1), 80, 24);
        l.apply(pr, 50, 10);
        assert_eq!(rects(&l), vec![r(0, 0, 80, 24)]);
    }
}

#[test]
fn presets_even() {
    let l = preset(Preset::EvenHorizontal, 4, 80, 24, 0);
    assert_eq!(
        rects(&l).iter().map(|r| r.cols).collect::<Vec<_>>(),
        [19, 19, 19, 20]
    );
    let l = preset(Preset::EvenVertical, 3, 80, 24, 0);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 80, 7), r(0, 8, 80, 7), r(0, 16, 80, 8)]
    );
    let l = preset(Preset::EvenHorizontal, 7, 10, 5, 0);
    assert_eq!(rects(&l)[6], r(12, 0, 1, 5));
}

#[test]
fn presets_main() {
    let l = preset(Preset::MainHorizontal, 3, 80, 24, 10);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 80, 10), r(0, 11, 39, 13), r(40, 11, 40, 13)]
    );
    let l = preset(Preset::MainVertical, 3, 80, 24, 50);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 50, 24), r(51, 0, 29, 11), r(51, 12, 29, 12)]
    );
    let l = preset(Preset::MainVertical, 2, 80, 24, 200);
    assert_eq!(rects(&l), vec![r(0, 0, 78, 24), r(79, 0, 1, 24)]);
    let l = preset(Preset::MainHorizontal, 4, 80, 24, 0);
    assert_eq!(rects(&l)[0], r(0, 0, 80, 1));
    let l = preset(Preset::MainVertical, 5, 10, 5, 6);
    assert_eq!(rects(&l)[0], r(0, 0, 6, 7));
}

#[test]
fn presets_tiled_grid() {
    // tmux 3.3a's figures for these counts at 80x24 (`list-panes` after `select-layout tiled`).
    let l = preset(Preset::Tiled, 2, 80, 24, 0);
    assert_eq!(rects(&l), vec![r(0, 0, 80, 11), r(0, 12, 80, 12)]);
    let l = preset(Preset::Tiled, 3, 80, 24, 0);
    assert_eq!(
        rects(&l),
        vec![r(0, 0, 39, 11), r(40, 0, 40, 11), r(0, 12, 80, 12)]
    );
    let l = preset(Preset::Tiled, 4, 80, 24, 0);
    assert_eq!(rects(&l)[3], r(40, 12, 40, 12));
    let l = preset(Preset::Tiled, 5, 80, 24, 0);
    assert_eq!(rects(&l)[3..], [r(40, 8, 40, 7), r(0, 16, 80, 8)]);
    let l = preset(Preset::Tiled, 7, 80, 24, 0);
    assert_eq!(
        rects(&l)[..3],
        [r(0, 0, 26, 7), r(27, 0, 26, 7), r(54, 0, 26, 7)]
    );
    assert_eq!(rects(&l)[6], r(0, 16, 80, 8));
    // The last cell of a row takes the rest of the width, even in a short last row.
    let l = preset(Preset::Tiled, 7, 100, 30, 0);
    assert_eq!(rects(&l)[2], r(66, 0, 34, 9));
    assert_eq!(rects(&l)[6], r(0, 20, 100, 10));
    let l = preset(Preset::Tiled, 8, 100, 30, 0);
    assert_eq!(rects(&l)[6..], [r(0, 20, 32, 10), r(33, 20, 67, 10)]);
    assert_eq!(tiled_grid(6), (3, 2));
    assert_eq!(tiled_grid(10), (4, 3));
}

#[test]
fn presets_all_counts_and_sizes() {
    for pr in Preset::ALL {
        for n in [1, 2, 3, 4, 5, 7] {
            for (c, rows) in [(80, 24), (10, 5), (3, 2), (1, 1)] {
                let l = preset(pr, n, c, rows, 30);
                assert_eq!(
                    l.len(),
                    usize::try_from(n).unwrap(),
                    "{pr:?} {n} {c}x{rows}"
                );
            }
        }
    }
}

#[test]
fn spread_evens_every_node() {
    let mut l = preset(Preset::EvenHorizontal, 3, 80, 24, 0);
    l.split(p(3), p(4), V, None, false).unwrap();
    l.split(p(3), p(5), V, None, false).unwrap();
    l.resize_pane(p(1), Direction::Right, 30);
    l.resize_pane(p(4), Direction::Up, 4);
    l.resize(90, 30);
    l.spread();
    assert_tiles(&l);
    assert_eq!(rects(&l)[..2], [r(0, 0, 29, 30), r(30, 0, 29, 30)]);
    assert_eq!(
        rects(&l)[2..],
        [r(60, 0, 30, 9), r(60, 10, 30, 9), r(60, 20, 30, 10)]
    );
    l.resize(4, 4);
    l.spread();
    assert_tiles(&l);
}

#[test]
fn extreme_sizes_never_panic() {
    let max = u16::MAX;
    let mut l = Layout::new(p(1), max, max);
    l.split(p(1), p(2), H, Some(SplitSize::Percent(max)), false)
        .unwrap();
    l.split(p(2), p(3), V, Some(SplitSize::Cells(max)), true)
        .unwrap();
    l.split(p(1), p(4), V, None, false).unwrap();
    for d in [
        Direction::Left,
        Direction::Right,
        Direction::Up,
        Direction::Down,
    ] {
        l.resize_pane(p(3), d, max);
        assert!(l.neighbour(p(3), d, &|_| 0).is_some());
    }
    l.set_pane_size(p(4), Some(max), Some(max));
    check_tree(&l.root, None);
    for pr in Preset::ALL {
        l.apply(pr, max, max);
        check_tree(&l.root, None);
    }
    l.spread();
    l.resize(1, 1);
    check_tree(&l.root, None);
    l.resize(max, max);
    check_tree(&l.root, None);
    assert_eq!((l.root.cols, l.root.rows), (max, max));
}

/// Returns a random number below `n` as a cell count.
fn small(rng: &mut Rng, n: u64) -> u16 {
    u16::try_from(rng.below(n)).unwrap_or(u16::MAX)
}

fn fuzz_step(l: &mut Layout, rng: &mut Rng, next_id: &mut u32) {
    let panes = l.panes();
    let any = |rng: &mut Rng| {
        let i = usize::try_from(rng.below(panes.len() as u64 + 1)).unwrap();
        panes.get(i).copied().unwrap_or(p(999))
    };
    let dirs = [
        Direction::Left,
        Direction::Right,
        Direction::Up,
        Direction::Down,
    ];
    let before = l.panes().len();
    match rng.below(12) {
        0..=2 => {
            let size = match rng.below(3) {
                0 => None,
                1 => Some(SplitSize::Cells(small(rng, 60))),
                _ => Some(SplitSize::Percent(small(rng, 120))),
            };
            let dir = if rng.below(2) == 0 { H } else { V };
            if l.split(any(rng), p(*next_id), dir, size, rng.below(2) == 0)
                .is_ok()
            {
                *next_id += 1;
                assert_eq!(l.len(), before + 1);
            }
        }
        3 | 4 => _ = l.remove(any(rng)),
        5 => l.resize(small(rng, 130), small(rng, 50)),
        6 => _ = l.resize_pane(any(rng), rng.pick(&dirs), small(rng, 40)),
        7 => {
            let (c, r) = (small(rng, 100), small(rng, 40));
            _ = l.set_pane_size(any(rng), Some(c).filter(|_| rng.below(3) > 0), Some(r));
        }
        8 => l.apply(
            Preset::ALL[usize::from(small(rng, 5))],
            small(rng, 100),
            small(rng, 40),
        ),
        9 => _ = l.swap(any(rng), any(rng)),
        10 => l.rotate(rng.below(2) == 0),
        _ => {
            let me = any(rng);
            match l.neighbour(me, rng.pick(&dirs), &|p| p.0 as usize) {
                Some(other) => assert!(other != me && l.contains(other)),
                None => l.spread(),
            }
        }
    }
}

#[test]
fn fuzz_operations_keep_tiling() {
    for seed in [0x9e37_79b9_7f4a_7c15, 42, 7] {
        let mut rng = Rng::new(seed);
        let mut l = Layout::new(p(0), 80, 24);
        let mut next_id = 1;
        for _ in 0..2000 {
            fuzz_step(&mut l, &mut rng, &mut next_id);
            assert_tiles(&l);
        }
    }
}

#[test]
fn neighbour_prefers_the_most_recently_active_pane() {
    use Direction::*;
    // One pane on the left, two stacked on the right: going right from 1 reaches 2 or 3.
    let mut l = Layout::new(p(1), 80, 24);
    l.split(p(1), p(2), H, None, false).unwrap();
    l.split(p(2), p(3), V, None, false).unwrap();
    assert_eq!(
        l.neighbour(p(1), Right, &|_| 0),
        Some(p(2)),
        "never active: the topmost"
    );
    let recent = |id: PaneId| if id == p(3) { 2 } else { 1 };
    assert_eq!(
        l.neighbour(p(1), Right, &recent),
        Some(p(3)),
        "the most recent"
    );
}
