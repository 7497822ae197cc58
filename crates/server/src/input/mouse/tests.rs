//! The mouse through the event loop: clicks, drags, the wheel and the status line, with the
//! `mouse` option on, and events passed to programs that asked for them.

use mux_protocol::{ClientMsg, Mods, MouseButton, MouseEvent, MouseKind, Point};

use crate::ids::{ClientId, PaneId};
use crate::testing::Harness;

fn at(kind: MouseKind, row: u16, col: u16) -> ClientMsg {
    ClientMsg::Mouse(MouseEvent {
        kind,
        pos: Point { row, col },
        mods: Mods::NONE,
    })
}

fn click(h: &mut Harness, c: ClientId, row: u16, col: u16) {
    h.send(c, at(MouseKind::Down(MouseButton::Left), row, col));
    h.send(c, at(MouseKind::Up(MouseButton::Left), row, col));
}

/// A window of two panes side by side (%0 cols 0-39, border at 40, %1 cols 41-79) with the
/// mouse on and a client at 80x24.
fn two_panes() -> (Harness, ClientId) {
    let mut h = Harness::with_session();
    h.ok("set -g mouse on");
    h.ok("split-window -h");
    let c = h.attach("attach -t work", 80, 24);
    (h, c)
}

#[test]
fn a_click_selects_the_pane_under_it() {
    let (mut h, c) = two_panes();
    assert_eq!(h.ok("display -p '#{pane_id}'"), "%1\n");
    click(&mut h, c, 5, 10);
    assert_eq!(h.ok("display -p '#{pane_id}'"), "%0\n");
}

#[test]
fn dragging_the_border_resizes_both_panes() {
    let (mut h, c) = two_panes();
    h.send(c, at(MouseKind::Down(MouseButton::Left), 5, 40));
    h.send(c, at(MouseKind::Drag(MouseButton::Left), 5, 45));
    h.send(c, at(MouseKind::Drag(MouseButton::Left), 5, 50));
    h.send(c, at(MouseKind::Up(MouseButton::Left), 5, 50));
    assert_eq!(
        h.ok("list-panes -F '#{pane_width}'"),
        "50\n29\n",
        "the border followed the mouse ten columns right"
    );
}

#[test]
fn the_wheel_enters_copy_mode_and_scrolls_three_lines_a_notch() {
    let (mut h, c) = two_panes();
    let text: String = (1..=100).map(|i| format!("{i}\r\n")).collect();
    h.output(PaneId(0), &text);
    h.send(c, at(MouseKind::Down(MouseButton::WheelUp), 3, 3));
    assert_eq!(
        h.ok("display -t %0 -p '#{pane_in_mode} #{scroll_position}'"),
        "1 3\n"
    );
    h.send(c, at(MouseKind::Down(MouseButton::WheelUp), 3, 3));
    assert_eq!(h.ok("display -t %0 -p '#{scroll_position}'"), "6\n");
    h.send(c, at(MouseKind::Down(MouseButton::WheelDown), 3, 3));
    h.send(c, at(MouseKind::Down(MouseButton::WheelDown), 3, 3));
    assert_eq!(
        h.ok("display -t %0 -p '#{pane_in_mode}'"),
        "0\n",
        "back at the bottom, copy mode entered by the wheel ends"
    );
}

#[test]
fn the_wheel_over_a_full_screen_program_sends_it_cursor_keys_unless_it_said_not_to() {
    let (mut h, c) = two_panes();
    // As less and man do: the alternate screen and application cursor keys, no mouse.
    h.output(PaneId(0), "\x1b[?1049h\x1b[?1h");
    h.take_bytes(PaneId(0));
    h.send(c, at(MouseKind::Down(MouseButton::WheelDown), 3, 3));
    assert_eq!(h.take_bytes(PaneId(0)), b"\x1bOB\x1bOB\x1bOB");
    assert_eq!(h.ok("display -t %0 -p '#{pane_in_mode}'"), "0\n");
    h.output(PaneId(0), "\x1b[?1007l");
    h.send(c, at(MouseKind::Down(MouseButton::WheelUp), 3, 3));
    assert_eq!(
        h.take_bytes(PaneId(0)),
        b"",
        "alternate scrolling turned off"
    );
}

#[test]
fn a_click_on_the_status_line_selects_that_window() {
    let (mut h, c) = two_panes();
    h.ok("new-window");
    assert_eq!(h.ok("display -p '#{window_index}'"), "1\n");
    // "[work] 0:sh- 1:sh*": window 0's entry is at columns 7..11.
    let status = h.screen(c)[23].clone();
    let col = u16::try_from(status.find("0:").expect("window 0 on the status line")).unwrap();
    click(&mut h, c, 23, col);
    assert_eq!(h.ok("display -p '#{window_index}'"), "0\n");
}

#[test]
fn a_program_that_asked_for_the_mouse_gets_pane_relative_sgr_reports() {
    let (mut h, c) = two_panes();
    h.output(PaneId(1), "\x1b[?1000h\x1b[?1006h");
    h.fake.take_input(PaneId(1));
    click(&mut h, c, 2, 45);
    assert_eq!(h.fake.take_input(PaneId(1)), "\x1b[<0;5;3M\x1b[<0;5;3m");
    click(&mut h, c, 2, 10);
    assert_eq!(h.fake.take_input(PaneId(0)), "", "%0 never asked");
}

#[test]
fn dragging_in_a_pane_selects_and_releasing_copies() {
    let (mut h, c) = two_panes();
    h.output(PaneId(0), "hello world\r\nsecond line\r\n");
    h.send(c, at(MouseKind::Down(MouseButton::Left), 0, 0));
    h.send(c, at(MouseKind::Drag(MouseButton::Left), 0, 2));
    h.send(c, at(MouseKind::Drag(MouseButton::Left), 1, 5));
    h.send(c, at(MouseKind::Up(MouseButton::Left), 1, 5));
    // With emacs keys (the default) the selection ends before the cell under the pointer.
    assert_eq!(h.ok("show-buffer"), "hello world\nsecon");
    assert_eq!(h.ok("display -t %0 -p '#{pane_in_mode}'"), "0\n");
}

#[test]
fn a_double_click_copies_the_word_under_it() {
    let (mut h, c) = two_panes();
    h.output(PaneId(0), "one two three\r\n");
    click(&mut h, c, 0, 5);
    click(&mut h, c, 0, 5);
    assert_eq!(h.ok("show-buffer"), "two");
}

#[test]
fn with_the_mouse_off_events_go_only_to_a_program_that_asked() {
    let (mut h, c) = two_panes();
    h.ok("set -g mouse off");
    h.output(PaneId(1), "\x1b[?1002h\x1b[?1006h");
    h.fake.take_input(PaneId(1));
    click(&mut h, c, 0, 41);
    assert_eq!(h.fake.take_input(PaneId(1)), "\x1b[<0;1;1M\x1b[<0;1;1m");
    assert_eq!(h.ok("display -p '#{pane_id}'"), "%1\n");
    click(&mut h, c, 0, 1);
    assert_eq!(
        h.ok("display -p '#{pane_id}'"),
        "%1\n",
        "no click selects a pane"
    );
}
