//! Tests of the backend: the exact bytes a ratatui terminal writes through it for a model.

use super::*;
use crate::draw::Model;
use mux_protocol::{Attrs, Color as PColor, Cursor, Row, ScreenUpdate, Style};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

/// A terminal drawing into a vector, and its hyperlink table.
struct Screen {
    terminal: Terminal<MuxBackend<Vec<u8>>>,
    links: Rc<RefCell<Links>>,
}

impl Screen {
    fn new(cols: u16, rows: u16) -> Screen {
        Screen::with(cols, rows, true)
    }

    /// A screen whose terminal takes underline kinds and colours if `styled`.
    fn with(cols: u16, rows: u16, styled: bool) -> Screen {
        let links = Rc::new(RefCell::new(Links::default()));
        let backend = MuxBackend::new(Vec::new(), Rc::clone(&links))
            .with_size(Size {
                width: cols,
                height: rows,
            })
            .with_styled_underlines(styled);
        let terminal = Terminal::new(backend).expect("a terminal of a fixed size");
        Screen { terminal, links }
    }

    /// Draws `model` and returns what was written.
    fn draw(&mut self, model: &Model, full: bool) -> String {
        self.terminal.backend_mut().writer_mut().clear();
        let links = &self.links;
        self.terminal
            .draw(|frame| model.render(frame.buffer_mut(), full, &mut links.borrow_mut()))
            .expect("drawing into a vector");
        if full {
            model.settle(&mut self.terminal, &mut links.borrow_mut());
        }
        let bytes = self.terminal.backend_mut().writer_mut().clone();
        String::from_utf8(bytes).expect("UTF-8 output")
    }
}

fn cell(text: &str, attrs: Attrs, link: Option<&str>) -> mux_protocol::Cell {
    mux_protocol::Cell {
        text: text.into(),
        style: Style {
            attrs,
            ..Style::default()
        },
        link: link.map(str::to_string),
    }
}

fn model(cells: Vec<mux_protocol::Cell>) -> Model {
    let size = mux_protocol::Size {
        cols: u16::try_from(cells.len()).unwrap(),
        rows: 1,
    };
    let mut m = Model::new(size);
    m.apply(ScreenUpdate {
        size,
        rows: vec![Row {
            y: 0,
            cells,
            wrapped: false,
        }],
        cursor: Cursor::default(),
    });
    m
}

fn open(uri: &str) -> String {
    format!("\x1b]8;;{uri}\x1b\\")
}

const CLOSE: &str = "\x1b]8;;\x1b\\";

#[test]
fn underline_kinds_colour_and_overline_reach_the_wire() {
    let mut curly = cell("a", Attrs::CURLY_UNDERLINE, None);
    curly.style.underline_color = PColor::Indexed(1);
    let m = model(vec![
        curly,
        cell("b", Attrs::OVERLINE, None),
        cell("c", Attrs::DOUBLE_UNDERLINE | Attrs::BOLD, None),
        cell("d", Attrs::UNDERLINE, None),
        cell("e", Attrs::DOTTED_UNDERLINE, None),
        cell("f", Attrs::DASHED_UNDERLINE | Attrs::STRIKE, None),
    ]);
    let out = Screen::new(6, 1).draw(&m, true);
    assert!(out.starts_with("\x1b[1;1H\x1b[0;4:3;58:5:1ma"), "{out:?}");
    assert!(out.contains("a\x1b[0;53;59mb"), "{out:?}");
    assert!(out.contains("b\x1b[0;1;4:2mc"), "{out:?}");
    assert!(out.contains("c\x1b[0;4md"), "{out:?}");
    assert!(out.contains("d\x1b[0;4:4me"), "{out:?}");
    assert!(out.contains("e\x1b[0;9;4:5mf\x1b[0m"), "{out:?}");
}

#[test]
fn a_terminal_without_styled_underlines_gets_plain_ones() {
    let mut curly = cell("a", Attrs::CURLY_UNDERLINE, None);
    curly.style.underline_color = PColor::Rgb(255, 0, 0);
    let m = model(vec![curly, cell("b", Attrs::DOUBLE_UNDERLINE, None)]);
    let out = Screen::with(2, 1, false).draw(&m, true);
    assert!(out.starts_with("\x1b[1;1H\x1b[0;4mab\x1b[0m"), "{out:?}");
    assert!(!out.contains("58"), "{out:?}");
}

#[test]
fn sgr_is_complete_and_encodes_every_colour_kind() {
    let pen = Pen {
        fg: Color::Red,
        bg: Color::Indexed(200),
        underline: Color::Rgb(1, 2, 3),
        modifier: Modifier::all() | OVERLINE | DASHED_UNDERLINE,
    };
    assert_eq!(
        sgr(pen, None),
        "\x1b[0;1;2;3;5;6;7;8;9;53;4:5;31;48;5;200;58:2::1:2:3m"
    );
    let pen = Pen {
        fg: Color::LightBlue,
        bg: Color::Rgb(4, 5, 6),
        underline: Color::White,
        modifier: Modifier::empty(),
    };
    assert_eq!(sgr(pen, None), "\x1b[0;94;48;2;4;5;6;58:5:15m");
    let pen = Pen {
        fg: Color::Indexed(100),
        bg: Color::Black,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };
    assert_eq!(sgr(pen, None), "\x1b[0;38;5;100;40m");
}

#[test]
fn links_wrap_only_the_linked_text() {
    let (u, v) = ("http://u/", "http://v/");
    let m = model(vec![
        cell("a", Attrs::NONE, None),
        cell("b", Attrs::NONE, Some(u)),
        cell("c", Attrs::NONE, Some(u)),
        cell("d", Attrs::NONE, Some(v)),
        cell("e", Attrs::NONE, None),
    ]);
    let out = Screen::new(5, 1).draw(&m, true);
    let want = format!("a{}bc{CLOSE}{}d{CLOSE}e", open(u), open(v));
    assert!(out.contains(&want), "{out:?}");
    assert_eq!(out.matches("\x1b]8;;").count(), 4, "{out:?}");
}

#[test]
fn links_close_before_the_cursor_moves() {
    let linked = |t: &str| cell(t, Attrs::NONE, Some("u"));
    let mut screen = Screen::new(3, 1);
    screen.draw(&model(vec![linked("a"), linked("b"), linked("c")]), true);
    let out = screen.draw(&model(vec![linked("x"), linked("b"), linked("y")]), false);
    let want = format!("{}x{CLOSE}\x1b[1;3H{}y{CLOSE}\x1b[0m", open("u"), open("u"));
    assert!(out.contains(&want), "{out:?}");
}

#[test]
fn hostile_uris_lose_their_control_characters() {
    let hostile = "http://x/\x1b]2;pwned\x07\u{9b}31m\x1b\\\u{7f}\ny";
    let m = model(vec![
        cell("a", Attrs::NONE, Some(hostile)),
        cell("b", Attrs::NONE, None),
    ]);
    let out = Screen::new(2, 1).draw(&m, true);
    assert!(
        out.contains(&format!("{}a{CLOSE}", open("http://x/]2;pwned31m\\y"))),
        "{out:?}"
    );
    assert!(
        !out.chars()
            .any(|c| c != '\x1b' && (c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c))),
        "{out:?}"
    );
    let only_controls = model(vec![cell("a", Attrs::NONE, Some("\x1b\x07"))]);
    let out = Screen::new(1, 1).draw(&only_controls, true);
    assert!(!out.contains("\x1b]8"), "an empty link is no link: {out:?}");
}

#[test]
fn unchanged_cells_are_not_rewritten() {
    let mut screen = Screen::new(3, 1);
    let m = model(vec![
        cell("P", Attrs::BOLD, Some("u")),
        cell("Q", Attrs::NONE, None),
        cell("R", Attrs::NONE, None),
    ]);
    let first = screen.draw(&m, true);
    assert!(first.contains(&format!("P\x1b[0m{CLOSE}QR")), "{first:?}");
    let again = screen.draw(&m, false);
    assert!(
        !again.contains("\x1b[0") && !again.contains('Q'),
        "{again:?}"
    );
    let changed = model(vec![
        cell("P", Attrs::BOLD, Some("u")),
        cell("Q", Attrs::NONE, None),
        cell("Z", Attrs::NONE, None),
    ]);
    let out = screen.draw(&changed, false);
    assert!(out.starts_with("\x1b[1;3H\x1b[0mZ\x1b[0m"), "{out:?}");
    assert!(!out.contains('P') && !out.contains('Q'), "{out:?}");
    let full = screen.draw(&changed, true);
    assert!(full.contains(&format!("P\x1b[0m{CLOSE}QZ")), "{full:?}");
}

#[test]
fn a_changed_link_alone_redraws_the_cell() {
    let mut screen = Screen::new(2, 1);
    screen.draw(
        &model(vec![
            cell("a", Attrs::NONE, Some("u")),
            cell("b", Attrs::NONE, None),
        ]),
        true,
    );
    let out = screen.draw(
        &model(vec![
            cell("a", Attrs::NONE, Some("v")),
            cell("b", Attrs::NONE, None),
        ]),
        false,
    );
    assert!(out.contains(&format!("{}a{CLOSE}", open("v"))), "{out:?}");
    assert!(!out.contains('b'), "{out:?}");
    let out = screen.draw(
        &model(vec![
            cell("a", Attrs::NONE, None),
            cell("b", Attrs::NONE, None),
        ]),
        false,
    );
    assert!(out.starts_with("\x1b[1;1H\x1b[0ma\x1b[0m"), "{out:?}");
    assert!(!out.contains("\x1b]8"), "{out:?}");
}

#[test]
fn wide_characters_are_written_once() {
    let m = model(vec![
        cell("中", Attrs::NONE, None),
        cell("", Attrs::NONE, None),
        cell("x", Attrs::NONE, None),
    ]);
    let out = Screen::new(3, 1).draw(&m, true);
    assert!(out.contains("\x1b[0m中\x1b[1;3Hx\x1b[0m"), "{out:?}");
}

#[test]
fn cursor_clear_size_and_raw_writes_work() {
    let mut screen = Screen::new(4, 2);
    let backend = screen.terminal.backend_mut();
    backend.hide_cursor().expect("hide");
    backend.show_cursor().expect("show");
    backend.set_cursor_position((2, 1)).expect("move");
    backend.clear().expect("clear");
    crossterm::execute!(backend, crate::tty::cursor_style(2)).expect("shape");
    Backend::flush(backend).expect("flush");
    let out = String::from_utf8(backend.writer_mut().clone()).expect("UTF-8");
    assert_eq!(out, "\x1b[?25l\x1b[?25h\x1b[2;3H\x1b[2J\x1b[2 q");
    let size = backend.size().expect("size");
    assert_eq!((size.width, size.height), (4, 2));
    let ws = backend.window_size().expect("window size");
    assert_eq!(ws.columns_rows, size);
}

#[test]
fn ratatui_keeps_our_modifier_bits_through_the_diff() {
    let area = Rect::new(0, 0, 2, 1);
    let before = Buffer::empty(area);
    let mut after = Buffer::empty(area);
    after[(1, 0)].modifier = OVERLINE | LINK;
    let diff = before.diff(&after);
    assert_eq!(diff.len(), 1);
    assert_eq!(diff[0].2.modifier.bits(), (1 << 9) | (1 << 14));
    let mut curly = after.clone();
    curly[(1, 0)].modifier = CURLY_UNDERLINE | LINK;
    assert_eq!(after.diff(&curly).len(), 1, "only an unknown bit differs");
}
