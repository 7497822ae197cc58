use super::{directory, lengths, to_tree, Build, Programs};
use crate::ids::PaneId;
use crate::model::layout::{Split, Tree};
use crate::model::persist::{NodeKind, SavedNode, SavedPane, SavedSize};

fn leaf(size: Option<SavedSize>) -> SavedNode {
    SavedNode {
        size,
        kind: NodeKind::Pane(SavedPane::default()),
    }
}

#[test]
fn cells_percentages_and_even_shares_fill_a_split() {
    use SavedSize::{Cells, Percent};
    // 100 cells, 2 borders: 98 to share.
    let children = [leaf(Some(Cells(30))), leaf(Some(Percent(50))), leaf(None)];
    assert_eq!(lengths(&children, 100), [30, 49, 19]);
    assert_eq!(lengths(&[leaf(None), leaf(None)], 81), [40, 40]);
}

#[test]
fn a_saved_layout_becomes_a_tree_numbered_depth_first() {
    let node = SavedNode {
        size: None,
        kind: NodeKind::Split(
            Split::Horizontal,
            vec![
                leaf(Some(SavedSize::Cells(59))),
                SavedNode {
                    size: None,
                    kind: NodeKind::Split(Split::Vertical, vec![leaf(None), leaf(None)]),
                },
            ],
        ),
    };
    let mut next = 0;
    let tree = to_tree(&node, 120, 40, &mut next);
    assert_eq!(next, 3);
    assert_eq!(tree.panes(), [PaneId(0), PaneId(1), PaneId(2)]);
    let Tree::Split { children, .. } = tree else {
        panic!("a split");
    };
    assert_eq!(children[0].len(Split::Horizontal), 59);
    assert_eq!(children[1].len(Split::Horizontal), 60);
    assert_eq!(children[1].len(Split::Vertical), 40);
}

#[test]
fn directories_are_taken_from_home_and_the_session() {
    let how = Build {
        name: "s".into(),
        size: (80, 24),
        env: vec![("HOME".into(), "/home/me".into())],
        cwd: "/work/proj".into(),
        programs: Programs::All,
        history: false,
    };
    assert_eq!(directory(None, &how), "/work/proj");
    assert_eq!(directory(Some("~"), &how), "/home/me");
    assert_eq!(directory(Some("~/logs"), &how), "/home/me/logs");
    assert_eq!(directory(Some("/tmp"), &how), "/tmp");
    assert_eq!(directory(Some("src"), &how), "/work/proj/src");
}

#[test]
fn only_allowed_programs_run_again() {
    let only = Programs::Only(vec!["less".into(), "vim".into()]);
    assert!(only.allows("less notes.txt"));
    assert!(only.allows("/usr/bin/vim -O a b"));
    assert!(!only.allows("rm -rf /tmp/x"));
    assert!(Programs::All.allows("make -j2"));
}
