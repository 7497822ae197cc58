//! The mouse through the real binary: SGR mouse reports written into the client's terminal
//! (as a terminal would send them) scroll the history, select panes, move borders and reach
//! programs that asked for the mouse, at positions relative to their pane.

use mux_e2e::{wait_until, Client, Env};

/// A session with two panes side by side, their programs `left` and `right`, attached at
/// 80x24 with the mouse on (the default).
fn two_panes(env: &Env, left: &str, right: &str) -> Client {
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.client(&["new", "-s", "work", left], 80, 24);
    c.wait_text("[work]");
    env.ok(&["split-window", "-h", "-t", "work", right]);
    c.wait_screen("the border between two panes", |s| {
        s.contents().contains('│')
    });
    c
}

/// Returns an SGR mouse report for a button code at a 1-based column and row.
fn sgr(button: u8, col: u16, row: u16, press: bool) -> String {
    format!(
        "\x1b[<{button};{col};{row}{}",
        if press { 'M' } else { 'm' }
    )
}

fn active_pane(env: &Env) -> String {
    env.ok(&["display", "-p", "-t", "work", "#{pane_index}"])
}

#[test]
fn the_client_asks_its_terminal_for_the_mouse_and_stops_when_it_is_turned_off() {
    let env = Env::new();
    let c = two_panes(&env, "exec sleep 1000", "exec sleep 1000");
    wait_until(
        "the client to ask for button and drag reports in SGR form",
        || {
            let raw = String::from_utf8_lossy(&c.raw()).into_owned();
            raw.contains("\x1b[?1002h\x1b[?1006h").then_some(())
        },
        || format!("{:?}", String::from_utf8_lossy(&c.raw())),
    );
    env.ok(&["set", "-g", "mouse", "off"]);
    wait_until(
        "the client to turn the reports off",
        || {
            let raw = String::from_utf8_lossy(&c.raw()).into_owned();
            let on = raw.rfind("\x1b[?1002h")?;
            let off = raw.rfind("\x1b[?1000l\x1b[?1006l")?;
            (off > on).then_some(())
        },
        || format!("{:?}", String::from_utf8_lossy(&c.raw())),
    );
}

#[test]
fn a_click_selects_a_pane_and_dragging_the_border_resizes_both() {
    let env = Env::new();
    let c = two_panes(&env, "exec sleep 1000", "exec sleep 1000");
    assert_eq!(active_pane(&env), "1\n");
    c.send(sgr(0, 5, 3, true));
    c.send(sgr(0, 5, 3, false));
    wait_until(
        "a click in the left pane to select it",
        || (active_pane(&env) == "0\n").then_some(()),
        || active_pane(&env),
    );
    // The border is column 41 (1-based); drag it ten columns right.
    c.send(sgr(0, 41, 5, true));
    c.send(sgr(32, 46, 5, true));
    c.send(sgr(32, 51, 5, true));
    c.send(sgr(0, 51, 5, false));
    let widths = || env.ok(&["list-panes", "-t", "work", "-F", "#{pane_width}"]);
    wait_until(
        "the border drag to resize both panes",
        || (widths() == "50\n29\n").then_some(()),
        widths,
    );
}

#[test]
fn the_wheel_scrolls_the_history_three_lines_a_notch() {
    let env = Env::new();
    let c = two_panes(&env, "seq 1 200; exec sleep 1000", "exec sleep 1000");
    c.wait_text("200");
    for _ in 0..2 {
        c.send(sgr(64, 10, 5, true));
    }
    c.wait_text("[6/");
    let position = || {
        env.ok(&[
            "display",
            "-p",
            "-t",
            "work.0",
            "#{pane_in_mode} #{scroll_position}",
        ])
    };
    assert_eq!(position(), "1 6\n");
    for _ in 0..2 {
        c.send(sgr(65, 10, 5, true));
    }
    wait_until(
        "wheeling back to the bottom to end copy mode",
        || (position() == "0 \n").then_some(()),
        position,
    );
}

#[test]
fn a_program_that_asked_for_the_mouse_gets_clicks_relative_to_its_pane() {
    let env = Env::new();
    let c = two_panes(
        &env,
        "exec sleep 1000",
        "printf '\\033[?1000h\\033[?1006h'; exec cat -v",
    );
    // Column 46 is the fifth column of the right pane (which starts at column 42).
    c.send(sgr(0, 46, 3, true));
    c.send(sgr(0, 46, 3, false));
    c.wait_text("^[[<0;5;3M^[[<0;5;3m");
}
