//! Several clients on one session: the window follows the most recently active client's size,
//! and a client that stops reading never holds up the server or the others.

use mux_e2e::{rss_kib, wait_until, Env};
use nix::sys::signal::Signal;

#[test]
fn the_window_follows_the_most_recently_active_client() {
    let env = Env::new();
    let small = env.attached("sizes", 80, 24);
    let big = env.client(&["attach", "-t", "sizes"], 100, 30);
    big.wait_text("[sizes]");
    big.line("stty size");
    big.wait_text("29 100");
    small.line("stty size");
    small.wait_text("23 80");
}

#[test]
fn a_stopped_client_blocks_nobody_and_catches_up_after_sigcont() {
    let env = Env::new();
    let live = env.attached("flood", 80, 24);
    let stopped = env.client(&["attach", "-t", "flood"], 80, 24);
    stopped.wait_text("[flood]");
    let server = env.server_pid().expect("server");
    stopped.signal(Signal::SIGSTOP);
    let rss_before = rss_kib(server);
    // About 10 MB of output while one client is stopped.
    live.line("i=0; while [ $i -lt 10 ]; do head -c 1000000 /dev/zero | tr '\\0' x; i=$((i+1)); done; echo flood-$((3*7))-done");
    live.wait_text("flood-21-done");
    live.line("echo still-$((5+5))");
    live.wait_text("still-10");
    let grown = rss_kib(server).saturating_sub(rss_before);
    assert!(
        grown < 20 * 1024,
        "server memory grew by {grown} KiB while a client was stopped"
    );
    stopped.signal(Signal::SIGCONT);
    wait_until(
        "the resumed client to show the current screen",
        || {
            let want: Vec<String> = (0..23).map(|r| live.row(r)).collect();
            let got: Vec<String> = (0..23).map(|r| stopped.row(r)).collect();
            (want == got && got.iter().any(|r| r.contains("still-10"))).then_some(())
        },
        || stopped.describe(),
    );
}

#[test]
fn window_size_smallest_fills_the_rest_with_dots() {
    let env = Env::new();
    let small = env.attached("fill", 80, 24);
    env.ok(&["setw", "-g", "window-size", "smallest"]);
    assert_eq!(env.ok(&["showw", "-gv", "window-size"]), "smallest\n");
    let big = env.client(&["attach", "-t", "fill"], 100, 30);
    big.wait_screen("dots right of and below the window", |s| {
        let rows: Vec<String> = s.rows(0, 100).collect();
        rows[0].ends_with(&"·".repeat(20)) && rows[25].starts_with("·····")
    });
    big.line("stty size");
    big.wait_text("23 80");
    drop(small);
}
