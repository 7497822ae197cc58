//! Options a tmux user sets and expects to work: escape-time, allow-passthrough,
//! allow-rename, monitor-silence, default-size and aggressive-resize, each seen through the
//! real client.

use std::time::Duration;

use mux_e2e::{wait_until, Env};

/// Returns the number of times `needle` occurs in `hay`.
fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

#[test]
fn escape_then_a_key_within_escape_time_is_alt_with_that_key() {
    let env = Env::new();
    let c = env.attached("esc", 80, 24);
    env.ok(&["set", "-s", "escape-time", "2000"]);
    env.ok(&["bind", "-n", "M-x", "display-message", "got-alt-x"]);
    // Wait until the client has been told, by the option showing through a redraw.
    env.ok(&["display-message", "escape-time-set"]);
    c.wait_text("escape-time-set");
    // The two bytes arrive in separate reads, as when typed over a slow link.
    c.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    c.send("x");
    c.wait_text("got-alt-x");
}

#[test]
fn passthrough_reaches_the_outer_terminal_only_with_allow_passthrough() {
    let env = Env::new();
    let c = env.attached("pass", 80, 24);
    let wrapped = r"printf '\033Ptmux;\033\033]1337;SetUserVar=mux\007\033\\'; echo done-";
    let inner: &[u8] = b"\x1b]1337;SetUserVar=mux\x07";
    c.line(&format!("{wrapped}1"));
    c.wait_text("done-1");
    assert_eq!(
        count(&c.raw(), inner),
        0,
        "allow-passthrough is off by default"
    );
    env.ok(&["set", "-g", "allow-passthrough", "on"]);
    c.line(&format!("{wrapped}2"));
    c.wait_text("done-2");
    wait_until(
        "the wrapped sequence written to the outer terminal",
        || (count(&c.raw(), inner) == 1).then_some(()),
        || c.describe(),
    );
}

#[test]
fn esc_k_names_the_window_when_allow_rename_is_on() {
    let env = Env::new();
    let c = env.attached("ren", 80, 24);
    env.ok(&["set", "-g", "allow-rename", "on"]);
    c.line(r"printf '\033kbuilding\033\\'");
    c.wait_text("0:building*");
    assert_eq!(env.ok(&["show", "-wv", "automatic-rename"]), "off\n");
}

#[test]
fn a_silent_window_is_flagged_in_the_status_line() {
    let env = Env::new();
    let c = env.attached("quiet", 80, 24);
    env.ok(&["new-window", "-d", "-n", "idle", "sleep 100"]);
    env.ok(&["set", "-g", "monitor-silence", "1"]);
    c.wait_text("1:idle~");
}

#[test]
fn default_size_sizes_detached_sessions_and_new_x_y_set_it() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "first"]);
    env.ok(&["set", "-g", "default-size", "100x30"]);
    env.ok(&["new", "-d", "-s", "second"]);
    let size = |t: &str| env.ok(&["display", "-p", "-t", t, "#{window_width}x#{window_height}"]);
    assert_eq!(size("second"), "100x30\n");
    env.ok(&["new", "-d", "-s", "third", "-x", "50", "-y", "20"]);
    assert_eq!(
        env.ok(&["show", "-v", "-t", "third", "default-size"]),
        "50x20\n"
    );
    let bad = env.run(&["set", "-g", "default-size", "big"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr),
        "value is invalid: big\n"
    );
}

#[test]
fn aggressive_resize_resizes_only_the_window_being_shown() {
    let env = Env::new();
    let c = env.attached("agg", 80, 24);
    env.ok(&["set", "-g", "aggressive-resize", "on"]);
    env.ok(&["new-window", "-d"]);
    c.resize(60, 20);
    let size = |t: &str| env.ok(&["display", "-p", "-t", t, "#{window_width}x#{window_height}"]);
    wait_until(
        "the current window at the new size",
        || (size("agg:0") == "60x19\n").then_some(()),
        || c.describe(),
    );
    assert_eq!(size("agg:1"), "80x23\n");
    env.ok(&["select-window", "-t", "agg:1"]);
    assert_eq!(size("agg:1"), "60x19\n");
}
