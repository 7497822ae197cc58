//! Tests of the screen model and its conversion to ratatui.

use super::*;
use mux_protocol::{Point, Row};
use ratatui::layout::Rect;

fn size(cols: u16, rows: u16) -> Size {
    Size { cols, rows }
}

fn cell(text: &str, style: Style) -> Cell {
    Cell {
        text: text.into(),
        style,
        link: None,
    }
}

fn row(y: u16, texts: &[&str]) -> Row {
    Row {
        y,
        cells: texts.iter().map(|t| cell(t, Style::default())).collect(),
        wrapped: false,
    }
}

fn update(s: Size, rows: Vec<Row>) -> ScreenUpdate {
    ScreenUpdate {
        size: s,
        rows,
        cursor: Cursor {
            pos: Point { row: 0, col: 1 },
            visible: true,
            shape: 0,
        },
    }
}

fn line(buf: &Buffer, y: u16) -> String {
    (0..buf.area().width)
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

#[test]
fn colours_map_to_ratatui_names_and_indexes() {
    assert_eq!(color(Color::Default), RColor::Reset);
    assert_eq!(color(Color::Indexed(0)), RColor::Black);
    assert_eq!(color(Color::Indexed(7)), RColor::Gray);
    assert_eq!(color(Color::Indexed(8)), RColor::DarkGray);
    assert_eq!(color(Color::Indexed(15)), RColor::White);
    assert_eq!(color(Color::Indexed(16)), RColor::Indexed(16));
    // 24-bit colour passes through only when COLORTERM says the terminal takes it.
    let want = if crate::colour::truecolor() {
        RColor::Rgb(1, 2, 3)
    } else {
        RColor::Indexed(16)
    };
    assert_eq!(color(Color::Rgb(1, 2, 3)), want);
}

#[test]
fn attributes_map_to_modifiers() {
    assert_eq!(modifiers(Attrs(0)), Modifier::empty());
    let all = modifiers(Attrs(0xff));
    for m in [
        Modifier::BOLD,
        Modifier::DIM,
        Modifier::ITALIC,
        Modifier::UNDERLINED,
        Modifier::REVERSED,
        Modifier::SLOW_BLINK,
        Modifier::HIDDEN,
        Modifier::CROSSED_OUT,
    ] {
        assert!(all.contains(m), "{m:?}");
    }
    let some = modifiers(Attrs::BOLD | Attrs::REVERSE);
    assert_eq!(some, Modifier::BOLD | Modifier::REVERSED);
}

#[test]
fn rows_replace_and_new_sizes_start_blank() {
    let mut m = Model::new(size(3, 2));
    m.apply(update(size(3, 2), vec![row(1, &["a", "b", "c"])]));
    assert_eq!(m.rows[1][2].text, "c");
    assert_eq!(m.rows[0][0].text, " ");
    m.apply(update(size(3, 2), vec![row(0, &["x"]), row(9, &["z"])]));
    assert_eq!(m.rows[0].len(), 3, "short rows are padded");
    assert_eq!(m.rows[1][0].text, "a", "untouched rows stay");
    m.apply(update(size(4, 1), vec![]));
    assert_eq!((m.rows.len(), m.rows[0].len()), (1, 4));
    assert_eq!(m.rows[0][0].text, " ");
    assert_eq!(m.cursor.pos.col, 1);
}

#[test]
fn render_draws_styles_and_the_intersection() {
    let mut m = Model::new(size(3, 3));
    let red = Style {
        fg: Color::Indexed(1),
        bg: Color::Default,
        attrs: Attrs::BOLD,
        ..Style::default()
    };
    let mut r = row(0, &["a", "b", "c"]);
    r.cells[1].style = red;
    m.apply(update(size(3, 3), vec![r]));
    let mut buf = Buffer::empty(Rect::new(0, 0, 2, 4));
    m.render(&mut buf, false, &mut Links::default());
    assert_eq!(line(&buf, 0), "ab");
    assert_eq!(buf[(1, 0)].fg, RColor::Red);
    assert!(buf[(1, 0)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(0, 0)].fg, RColor::Reset);
}

#[test]
fn wide_characters_keep_their_second_half_blank() {
    let mut m = Model::new(size(4, 1));
    m.apply(update(size(4, 1), vec![row(0, &["中", "", "x", "y"])]));
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
    m.render(&mut buf, false, &mut Links::default());
    assert_eq!(buf[(0, 0)].symbol(), "中");
    assert_eq!(buf[(1, 0)].symbol(), " ");
    assert_eq!(buf[(2, 0)].symbol(), "x");
    let mut narrow = Buffer::empty(Rect::new(0, 0, 1, 1));
    m.render(&mut narrow, false, &mut Links::default());
    assert_eq!(
        narrow[(0, 0)].symbol(),
        " ",
        "a cut wide character is not drawn"
    );
}

#[test]
fn cursor_shows_only_when_visible_and_inside() {
    let mut m = Model::new(size(3, 2));
    m.apply(update(size(3, 2), vec![]));
    assert_eq!(m.cursor_position(3, 2), Some((1, 0)));
    assert_eq!(m.cursor_position(1, 2), None);
    m.cursor.visible = false;
    assert_eq!(m.cursor_position(3, 2), None);
}

#[test]
fn full_frames_force_every_cell() {
    let m = Model::new(size(2, 1));
    let mut buf = Buffer::empty(Rect::new(0, 0, 3, 2));
    m.render(&mut buf, true, &mut Links::default());
    assert!(buf
        .content()
        .iter()
        .all(|c| c.diff_option == CellDiffOption::AlwaysUpdate));
    m.render(&mut buf, false, &mut Links::default());
    assert_eq!(buf[(2, 1)].diff_option, CellDiffOption::None);
}

#[test]
fn extra_attributes_use_our_modifier_bits() {
    let u = Modifier::UNDERLINED;
    for (attr, want) in [
        (Attrs::OVERLINE, OVERLINE),
        (Attrs::DOUBLE_UNDERLINE, u | DOUBLE_UNDERLINE),
        (Attrs::CURLY_UNDERLINE, u | CURLY_UNDERLINE),
        (Attrs::DOTTED_UNDERLINE, u | DOTTED_UNDERLINE),
        (Attrs::DASHED_UNDERLINE, u | DASHED_UNDERLINE),
    ] {
        assert_eq!(modifiers(attr).bits(), want.bits(), "{attr:?}");
    }
}

#[test]
fn render_marks_links_and_forces_cells_whose_link_alone_changed() {
    let mut m = Model::new(size(2, 1));
    let mut r = row(0, &["a", "b"]);
    r.cells[0].link = Some("u".to_string());
    r.cells[0].style.underline_color = Color::Indexed(3);
    m.apply(update(size(2, 1), vec![r]));
    let mut links = Links::default();
    let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
    m.render(&mut buf, false, &mut links);
    assert!(buf[(0, 0)].modifier.contains(LINK));
    assert!(!buf[(1, 0)].modifier.contains(LINK));
    assert_eq!(buf[(0, 0)].underline_color, RColor::Yellow);
    assert_eq!(links.get(0, 0), Some("u"));
    m.render(&mut buf, false, &mut links);
    assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::None);
    m.rows[0][0].link = Some("v".to_string());
    m.render(&mut buf, false, &mut links);
    assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::AlwaysUpdate);
    assert_eq!(buf[(1, 0)].diff_option, CellDiffOption::None);
    assert_eq!(links.get(0, 0), Some("v"));
}
