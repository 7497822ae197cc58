//! Copy mode over real terminals: moving, selecting and copying over wrapped and wide text,
//! searching, and the view staying on its text while output goes on.

use mux_term_emu::{Size, Terminal};

use super::motion::ViewLine;
use super::search::Direction;
use super::{CopyMode, Jump, SelKind};

const SEPS: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~";

/// A terminal of `rows` by `cols` that printed `text` (`\n` ends a line).
fn term(rows: u16, cols: u16, text: &str) -> Terminal {
    let mut t = Terminal::new(Size { rows, cols }, 100);
    t.process(text.replace('\n', "\r\n").as_bytes());
    t
}

/// Copy mode with the cursor at the start of the history's first line.
fn at_top(t: &Terminal) -> CopyMode {
    let mut c = CopyMode::new(t);
    c.history_top(t);
    c
}

fn right(c: &mut CopyMode, t: &Terminal, n: usize) {
    for _ in 0..n {
        c.cursor_right(t);
    }
}

#[test]
fn entering_puts_the_cursor_where_the_program_left_it_and_the_view_at_the_bottom() {
    let t = term(3, 20, "one\ntwo\nthree\nfour");
    let c = CopyMode::new(&t);
    assert_eq!(c.scrolled_back(&t), 0);
    assert_eq!(t.line_text(c.cy), "four");
    assert_eq!(c.cx, 4);
    assert_eq!(CopyMode::history_size(&t), 1);
}

#[test]
fn a_selection_includes_the_cursor_with_vi_keys_and_not_with_emacs_keys() {
    let t = term(3, 20, "alpha beta  \ngamma delta\n");
    let mut c = at_top(&t);
    c.begin_selection();
    right(&mut c, &t, 2);
    assert_eq!(c.selection_text(&t, true).as_deref(), Some("alp"));
    assert_eq!(c.selection_text(&t, false).as_deref(), Some("al"));
    c.end_of_line(&t);
    assert_eq!(
        c.selection_text(&t, true).as_deref(),
        Some("alpha beta\n"),
        "past the end takes the newline; trailing blanks are not copied"
    );
    assert_eq!(c.selection_text(&t, false).as_deref(), Some("alpha beta"));
}

#[test]
fn a_line_selection_copies_whole_lines() {
    let t = term(4, 20, "alpha beta  \ngamma delta\nthird\n");
    let mut c = at_top(&t);
    right(&mut c, &t, 3);
    c.select_line(&t);
    c.cursor_vertical(&t, false);
    assert_eq!(
        c.selection_text(&t, true).as_deref(),
        Some("alpha beta\ngamma delta\n")
    );
    assert_eq!(
        c.selection_text(&t, false).as_deref(),
        Some("alpha beta\ngamma delta")
    );
}

#[test]
fn a_wrapped_line_copies_as_one_line() {
    let t = term(3, 10, "0123456789abcdefghij\nnext\n");
    let mut c = at_top(&t);
    c.select_line(&t);
    assert!(
        t.line_wrapped(c.cy - 1),
        "the cursor goes to the line's last row"
    );
    assert_eq!(
        c.selection_text(&t, true).as_deref(),
        Some("0123456789abcdefghij\n")
    );
}

#[test]
fn a_wide_character_is_never_cut_in_half() {
    let t = term(3, 20, "\u{4e2d}\u{6587} wide\n\n");
    let mut c = at_top(&t);
    c.cursor_right(&t);
    assert_eq!(
        c.cx, 2,
        "the cursor steps over a wide character's right half"
    );
    c.cx = 1;
    c.begin_selection();
    c.cx = 2;
    assert_eq!(
        c.selection_text(&t, true).as_deref(),
        Some("\u{4e2d}\u{6587}"),
        "starting on a right half takes the whole character"
    );
}

#[test]
fn a_rectangle_copies_columns_of_each_line() {
    let t = term(3, 20, "alpha beta\ngamma delta\n");
    let mut c = at_top(&t);
    c.begin_selection();
    c.rectangle_toggle();
    assert_eq!(c.kind, SelKind::Rect);
    c.cursor_vertical(&t, false);
    right(&mut c, &t, 2);
    assert_eq!(c.selection_text(&t, true).as_deref(), Some("alp\ngam"));
    c.other_end(&t);
    assert_eq!((c.cy, c.cx), (t.first_line(), 0));
}

#[test]
fn word_motions_follow_the_word_separators() {
    let t = term(3, 40, "foo.bar baz  qux\nnext line\n");
    let mut c = at_top(&t);
    c.next_word(&t, SEPS);
    assert_eq!(c.cx, 3, "a separator is a word of its own");
    c.next_word(&t, SEPS);
    assert_eq!(c.cx, 4);
    c.next_word(&t, "");
    assert_eq!(c.cx, 8, "with no separators only blanks split words");
    c.next_word_end(&t, SEPS, true);
    assert_eq!(c.cx, 10);
    c.next_word(&t, SEPS);
    c.next_word(&t, SEPS);
    assert_eq!((t.line_text(c.cy), c.cx), ("next line".to_string(), 0));
    c.previous_word(&t, SEPS);
    assert_eq!(c.cx, 13);
    assert_eq!(
        CopyMode::word_at(&t, SEPS, (t.first_line(), 5)),
        Some((4, 6))
    );
}

#[test]
fn jumps_find_a_character_and_repeat() {
    let t = term(3, 40, "a,b,c,d\n");
    let mut c = at_top(&t);
    let f = Jump {
        target: ',',
        forward: true,
        before: false,
    };
    c.jump(&t, f);
    assert_eq!(c.cx, 1);
    c.jump(&t, f);
    assert_eq!(c.cx, 3);
    c.jump(&t, Jump { before: true, ..f });
    assert_eq!(c.cx, 4, "t stops before the next comma");
    c.jump(
        &t,
        Jump {
            forward: false,
            ..f
        },
    );
    assert_eq!(c.cx, 3);
}

#[test]
fn paging_and_the_view_lines_move_through_the_history() {
    let mut t = Terminal::new(Size { rows: 5, cols: 20 }, 100);
    for n in 1..=30 {
        t.process(format!("line {n}\r\n").as_bytes());
    }
    let mut c = CopyMode::new(&t);
    c.page(&t, true, false);
    assert_eq!(
        c.scrolled_back(&t),
        3,
        "a page is two lines less than the view"
    );
    c.page(&t, true, true);
    assert_eq!(c.scrolled_back(&t), 5);
    c.view_line(&t, ViewLine::Top);
    assert_eq!(t.line_text(c.cy), "line 22");
    c.history_top(&t);
    assert_eq!(t.line_text(c.cy), "line 1");
    c.cursor_vertical(&t, false);
    let row = c.cy - c.top;
    c.goto_line(&t, 4);
    assert_eq!(c.scrolled_back(&t), 4);
    assert_eq!(
        c.cy - c.top,
        row,
        "the cursor keeps its row in the view, as tmux"
    );
    c.history_bottom(&t);
    assert_eq!(c.scrolled_back(&t), 0);
}

#[test]
fn the_view_stays_on_its_text_while_output_goes_on() {
    let mut t = Terminal::new(Size { rows: 4, cols: 20 }, 100);
    for n in 1..=10 {
        t.process(format!("line {n}\r\n").as_bytes());
    }
    let mut c = CopyMode::new(&t);
    c.page(&t, true, false);
    let top_text = t.line_text(c.top);
    let back = c.scrolled_back(&t);
    for n in 11..=15 {
        t.process(format!("line {n}\r\n").as_bytes());
    }
    c.clamp(&t);
    assert_eq!(t.line_text(c.top), top_text);
    assert_eq!(
        c.scrolled_back(&t),
        back + 5,
        "the indicator counts the new lines"
    );
}

#[test]
fn a_search_wraps_counts_and_finds_across_a_wrap() {
    let t = term(4, 10, "apple\nbanana\nthe apple pie\nxxxxxxxxapple\n");
    let mut c = CopyMode::new(&t);
    assert!(c.search(
        &t,
        "apple",
        Direction {
            forward: false,
            wrap: true,
            literal: false
        }
    ));
    assert_eq!(c.search.as_ref().map(|s| s.count), Some(3));
    assert_eq!(
        t.line_text(c.cy),
        "xxxxxxxxap",
        "the last match runs across a wrap"
    );
    assert!(c.search_step(&t, false, true, false));
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("the apple ", 4));
    assert!(c.search_step(&t, false, true, false));
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("apple", 0));
    assert!(
        c.search_step(&t, false, true, false),
        "wraps round to the end"
    );
    assert_eq!(t.line_text(c.cy), "xxxxxxxxap");
    assert!(!c.search(
        &t,
        "missing",
        Direction {
            forward: true,
            wrap: true,
            literal: false
        }
    ));
    assert!(
        c.search(
            &t,
            "APPLE",
            Direction {
                forward: true,
                wrap: true,
                literal: false
            }
        ) || c.search.is_some()
    );
    assert_eq!(
        c.search.as_ref().map(|s| s.count),
        Some(0),
        "a capital letter makes the search case-sensitive"
    );
}

#[test]
fn a_resize_keeps_the_cursor_on_its_text() {
    let mut t = Terminal::new(Size { rows: 4, cols: 20 }, 100);
    for n in 1..=12 {
        t.process(format!("line number {n}\r\n").as_bytes());
    }
    let mut c = CopyMode::new(&t);
    c.page(&t, true, false);
    let text = t.line_text(c.cy);
    c.resize(&mut t, Size { rows: 6, cols: 7 });
    assert!(
        text.starts_with(&t.line_text(c.cy)),
        "{text:?} vs {:?}",
        t.line_text(c.cy)
    );
    assert!(c.cy >= c.top && c.cy < c.top + 6);
}

#[test]
fn percent_finds_the_matching_bracket_across_lines() {
    let t = term(4, 20, "f(a, [b])\n{\n  x\n}\n");
    let mut c = at_top(&t);
    c.matching_bracket(&t, false);
    assert_eq!(c.cx, 8, "from before the bracket: the next one's match");
    c.matching_bracket(&t, false);
    assert_eq!(c.cx, 1);
    c.cursor_vertical(&t, false);
    c.start_of_line(&t);
    c.matching_bracket(&t, false);
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("}", 0));
}

#[test]
fn every_copy_command_in_the_default_tables_exists() {
    use crate::testing::Harness;
    let mut h = Harness::with_session();
    h.output(crate::ids::PaneId(0), "some text (here)\r\n");
    let tables = crate::config::bindings::KeyTables::with_defaults();
    for line in tables
        .list(Some("copy-mode-vi"))
        .into_iter()
        .chain(tables.list(Some("copy-mode")))
    {
        let Some(at) = line.find("send-keys -X ") else {
            continue;
        };
        let name = line[at + "send-keys -X ".len()..]
            .split(' ')
            .next()
            .unwrap_or("");
        h.ok("copy-mode");
        let reply = h.run(&format!("send -X {name} x"));
        assert!(
            !reply.stderr.contains("unknown copy-mode command"),
            "{name}: {}",
            reply.stderr
        );
    }
}

#[test]
fn a_bracket_search_from_past_the_end_of_the_line_is_harmless() {
    // The cursor past a line's text (after a prompt's blank) once indexed out of bounds.
    let t = term(3, 20, "$ \nx (a) y");
    let mut c = CopyMode::new(&t);
    c.cx = 10;
    c.matching_bracket(&t, true);
    c.matching_bracket(&t, false);
    let mut c = CopyMode::new(&t);
    c.cy = c.cy.saturating_sub(1);
    c.cx = 15;
    c.matching_bracket(&t, true);
    assert_eq!(c.cx, 15, "no bracket on that line: the cursor stays");
}

#[test]
fn line_motions_and_line_copies_take_a_wrapped_line_whole() {
    // One line of 25 characters wrapping over three rows of 10, then a short one.
    let t = term(5, 10, "abcdefghijklmnopqrstuvwxy\nshort");
    let mut c = at_top(&t);
    c.cursor_vertical(&t, false);
    right(&mut c, &t, 3);
    c.start_of_line(&t);
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("abcdefghij", 0));
    c.end_of_line(&t);
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("uvwxy", 5));
    c.back_to_indentation(&t);
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("abcdefghij", 0));
    c.cursor_vertical(&t, false);
    c.select_line(&t);
    assert_eq!(
        c.selection_text(&t, true).as_deref(),
        Some("abcdefghijklmnopqrstuvwxy\n")
    );
}

#[test]
fn emacs_next_word_end_stops_just_past_the_word() {
    let t = term(3, 30, "alpha beta-gamma\nnext");
    let mut c = at_top(&t);
    c.next_word_end(&t, SEPS, false);
    assert_eq!(c.cx, 5, "past alpha");
    c.next_word_end(&t, SEPS, false);
    assert_eq!(c.cx, 10, "past beta");
    c.next_word_end(&t, SEPS, false);
    assert_eq!(c.cx, 11, "past the separator");
    c.next_word_end(&t, SEPS, false);
    assert_eq!(c.cx, 16, "past gamma, at the end of the line");
    let mut c = at_top(&t);
    c.next_word_end(&t, SEPS, true);
    assert_eq!(c.cx, 4, "vi: on alpha's last character");
}

#[test]
fn a_text_search_takes_the_pattern_as_it_is() {
    let t = term(4, 30, "Err here\n(theta) and theta\nfoo bar");
    let back = |literal| Direction {
        forward: false,
        wrap: true,
        literal,
    };
    let mut c = CopyMode::new(&t);
    assert!(!c.search(&t, "e.r", back(true)), "no literal e.r");
    assert!(
        c.search(&t, "e.r", back(false)),
        "as a regex it matches Err"
    );
    let mut c = CopyMode::new(&t);
    assert!(c.search(&t, "(theta)", back(true)));
    assert_eq!((t.line_text(c.cy).as_str(), c.cx), ("(theta) and theta", 0));
}

#[test]
fn the_word_under_the_cursor_has_each_wide_character_once() {
    let t = term(3, 20, "wide: \u{65e5}\u{672c}\u{8a9e} end");
    let (a, b) = CopyMode::word_at(&t, SEPS, (CopyMode::first(&t), 6)).expect("a word");
    let word = super::motion::text_of(&t, CopyMode::first(&t), a, b);
    assert_eq!(word, "\u{65e5}\u{672c}\u{8a9e}");
}

#[test]
fn select_word_on_a_blank_takes_the_word_before_it() {
    let t = term(3, 20, "one two   three\n\nfour");
    let mut c = at_top(&t);
    right(&mut c, &t, 8);
    c.select_word(&t, SEPS, true);
    assert_eq!(c.selection_text(&t, true).as_deref(), Some("two"));
}

#[test]
fn a_rectangle_keeps_its_columns_across_a_short_line_and_the_blanks_inside() {
    let t = term(5, 30, "alpha beta-gamma\n   indented here\n\ntab    x\n");
    let mut c = at_top(&t);
    right(&mut c, &t, 6);
    c.begin_selection();
    right(&mut c, &t, 4);
    c.rectangle_toggle();
    for _ in 0..3 {
        c.cursor_vertical(&t, false);
    }
    assert_eq!(c.cx, 10, "the column survives the empty line");
    assert_eq!(
        c.selection_text(&t, true).as_deref(),
        Some("beta-\nented\n\n x")
    );
    c.end_of_line(&t);
    let text = c.selection_text(&t, true).unwrap_or_default();
    assert!(text.starts_with("beta-gamma\nented here\n"), "{text:?}");
}

#[test]
fn dollar_matches_where_a_line_s_text_ends_on_the_screen_as_in_the_history() {
    let text: String = (1..=30).map(|i| format!("{i}\n")).collect();
    let t = term(15, 20, &text);
    let back = Direction {
        forward: false,
        wrap: true,
        literal: false,
    };
    let mut c = CopyMode::new(&t);
    assert!(c.search(&t, "1$", back));
    assert_eq!(t.line_text(c.cy), "21", "the nearest, on the screen");
    assert!(c.search_step(&t, false, true, false));
    assert_eq!(t.line_text(c.cy), "11", "then in the history");
}
