use super::words::word;
use super::{parse, write};
use crate::model::layout::Split;
use crate::model::persist::{
    NodeKind, Saved, SavedNode, SavedOption, SavedPane, SavedSession, SavedSize, SavedWindow,
};

fn sample() -> Saved {
    let pane = |cwd: &str, size: u16| SavedNode {
        size: Some(SavedSize::Cells(size)),
        kind: NodeKind::Pane(SavedPane {
            cwd: Some(cwd.into()),
            ..Default::default()
        }),
    };
    let less = SavedNode {
        size: Some(SavedSize::Percent(40)),
        kind: NodeKind::Pane(SavedPane {
            cwd: Some("/tmp/with space".into()),
            command: Some("less 'my notes.txt'".into()),
            title: Some("a \"title\"".into()),
            active: true,
            options: vec![SavedOption {
                name: "remain-on-exit".into(),
                value: "on".into(),
            }],
            history: vec![
                "\x1b[1mbold\x1b[m and a \\ backslash".into(),
                "  indented | bar".into(),
                String::new(),
            ],
        }),
    };
    Saved {
        boot: Some("6a1f2b3c-0000-4000-8000-000000000001".into()),
        sessions: vec![SavedSession {
            name: "work".into(),
            size: Some((120, 40)),
            cwd: Some("/home/me".into()),
            options: vec![SavedOption {
                name: "status-style".into(),
                value: "bg=red,fg=white".into(),
            }],
            windows: vec![
                SavedWindow {
                    index: Some(0),
                    name: None,
                    active: true,
                    zoomed: false,
                    size: Some((120, 40)),
                    options: Vec::new(),
                    layout: SavedNode {
                        size: None,
                        kind: NodeKind::Split(
                            Split::Horizontal,
                            vec![
                                pane("/home/me", 60),
                                SavedNode {
                                    size: Some(SavedSize::Cells(59)),
                                    kind: NodeKind::Split(
                                        Split::Vertical,
                                        vec![pane("/home/me", 20), less],
                                    ),
                                },
                            ],
                        ),
                    },
                },
                SavedWindow {
                    index: Some(3),
                    name: Some("my logs".into()),
                    active: false,
                    zoomed: true,
                    size: None,
                    options: vec![SavedOption {
                        name: "@user".into(),
                        value: "it's #{x}".into(),
                    }],
                    layout: SavedNode::pane(SavedPane::default()),
                },
            ],
        }],
    }
}

#[test]
fn what_is_written_reads_back_the_same() {
    let saved = sample();
    let text = write(&saved);
    assert_eq!(parse(&text), Ok(saved), "{text}");
}

#[test]
fn the_text_is_readable() {
    let text = write(&sample());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "mux-sessions 1");
    assert_eq!(lines[3], "session work size=120x40 cwd=/home/me");
    assert_eq!(lines[4], "  option status-style \"bg=red,fg=white\"");
    assert_eq!(lines[5], "  window index=0 size=120x40 active");
    assert_eq!(lines[6], "    split h");
    assert_eq!(lines[7], "      pane 60 cwd=/home/me");
    assert_eq!(lines[8], "      split v 59");
    assert_eq!(
        lines[10],
        "        pane 40% cwd=\"/tmp/with space\" command=\"less 'my notes.txt'\" \
         title=\"a \\\"title\\\"\" active"
    );
    assert_eq!(
        lines[12],
        "          | \\e[1mbold\\e[m and a \\\\ backslash"
    );
}

#[test]
fn a_hand_written_layout_needs_only_its_structure() {
    let text = "\
# my project
session dev
  window name=editor
    split h
      pane 70% command=\"vim .\"
      pane
  window
    pane cwd=~/logs
";
    let saved = parse(text).expect("parses");
    assert_eq!(saved.boot, None);
    let s = &saved.sessions[0];
    assert_eq!(s.name, "dev");
    assert_eq!(s.windows.len(), 2);
    assert_eq!(s.windows[0].name.as_deref(), Some("editor"));
    let panes = s.windows[0].layout.panes();
    assert_eq!(panes[0].command.as_deref(), Some("vim ."));
    assert_eq!(panes.len(), 2);
    assert_eq!(
        s.windows[1].layout.panes()[0].cwd.as_deref(),
        Some("~/logs")
    );
    // Tabs indent as well as spaces.
    let tabs = parse("session t\n\twindow\n\t\tsplit v\n\t\t\tpane\n\t\t\tpane\n").expect("parses");
    assert_eq!(tabs.sessions[0].windows[0].layout.panes().len(), 2);
    // A window with nothing under it has one pane.
    let bare = parse("session s\n  window\n").expect("parses");
    assert_eq!(bare.sessions[0].windows[0].layout.panes().len(), 1);
}

#[test]
fn mistakes_are_reported_with_their_line() {
    let cases = [
        ("mux-sessions 2\n", "line 1: version 2 is not 1"),
        ("window\n", "line 1: expected a session, not \"window\""),
        ("session s\n", "line 1: a session needs a window"),
        (
            "session s\n  window\n    split x\n",
            "line 3: a split is h or v, not Some(\"x\")",
        ),
        (
            "session s\n  window\n    split h\n",
            "line 3: a split needs panes",
        ),
        (
            "session s\n  window\n    pane\n    pane\n",
            "line 4: a window has one pane or split; put them in a split",
        ),
        (
            "session s\n  window\n    pane 0\n",
            "line 3: bad size \"0\" (want cells, or a percentage such as 30%)",
        ),
        (
            "session s size=80\n  window\n",
            "line 1: bad size \"80\" (want COLSxROWS)",
        ),
        (
            "session s\n  window\n    pane cwd=\"/x\n",
            "line 3: a quote is not closed",
        ),
        (
            "session s\n  window bogus=1\n",
            "line 2: unknown word \"bogus=1\"",
        ),
    ];
    for (text, error) in cases {
        assert_eq!(parse(text), Err(error.to_string()), "{text:?}");
    }
}

#[test]
fn the_readmes_examples_read() {
    let saved = "\
mux-sessions 1
boot 6a1fb0e2-0000                  # save files only: the boot they were written in
session work size=120x40 cwd=/home/me/src
  option status-style \"bg=red\"     # options set on the session
  window index=0 active            # no name=: it follows its program (automatic-rename)
    split h                        # side by side; v stacks them
      pane 67 cwd=/home/me/src active
      split v 52                   # 52 columns wide
        pane 27 cwd=/home/me/src
        pane 12 cwd=/tmp command=\"less notes.txt\"
  window index=1 name=logs zoomed
    option remain-on-exit on       # a window option
    pane cwd=/var/log title=\"syslog\"
      | \\e[32mrestored history\\e[0m, one line each (restore-history on)
";
    let s = parse(saved).expect("the save file example");
    assert_eq!(s.boot.as_deref(), Some("6a1fb0e2-0000"));
    let work = &s.sessions[0];
    assert_eq!(work.options[0].value, "bg=red");
    assert_eq!(work.windows[0].layout.panes().len(), 3);
    let logs = work.windows[1].layout.panes()[0];
    assert_eq!(
        logs.history,
        ["\x1b[32mrestored history\x1b[0m, one line each (restore-history on)"]
    );
    let short = "\
session dev
  window name=edit
    split h
      pane 70% command=\"vim .\"
      pane command=\"make watch\"
  window name=shell
";
    assert_eq!(
        parse(short).expect("the layout example").sessions[0]
            .windows
            .len(),
        2
    );
}

#[test]
fn a_file_holds_a_bounded_number_of_panes() {
    let mut text = String::from("session s\n  window\n    split h\n");
    for _ in 0..2001 {
        text.push_str("      pane\n");
    }
    assert!(parse(&text).unwrap_err().contains("more than 2000 panes"));
}

#[test]
fn splits_may_not_nest_without_end() {
    let mut text = String::from("session s\n  window\n");
    for depth in 0..40 {
        text.push_str(&" ".repeat(4 + depth));
        text.push_str("split h\n");
    }
    assert!(parse(&text).unwrap_err().contains("nest too deeply"));
}

#[test]
fn words_are_quoted_only_when_they_need_it() {
    assert_eq!(word("plain-word_1.2"), "plain-word_1.2");
    assert_eq!(word("two words"), "\"two words\"");
    assert_eq!(word("#comment"), "\"#comment\"");
    assert_eq!(word(""), "\"\"");
    assert_eq!(word("a=b"), "\"a=b\"");
    assert_eq!(word("é"), "é");
}
