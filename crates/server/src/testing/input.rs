//! Tests of what a client's input can make the server hold (issue 14): pastes streamed in
//! pieces through a pane's bounded input, pastes a program does not read, keys refused when
//! its queue is full, and terminal sizes clamped.

use std::time::Duration;

use mux_protocol::{ClientMsg, ServerMsg, Size};

use super::Harness;
use crate::ids::PaneId;
use crate::io::event::Event;
use crate::model::pane::{INPUT_LIMIT, PASTE_STALL};

/// Sends `text` from client `c` as the client does: in pieces of at most 64 KiB.
fn paste(h: &mut Harness, c: crate::ids::ClientId, text: &str) {
    for piece in mux_protocol::paste_pieces(text) {
        h.send(c, piece);
    }
}

/// Makes pane %0's queue hold at most `limit` bytes until the test takes them.
fn slow_reader(h: &Harness, limit: usize) {
    h.fake.log().panes.entry(PaneId(0)).or_default().queue_limit = Some(limit);
}

/// Tells the server pane %0 made room, as its writer does.
fn room(h: &mut Harness) {
    let program = h.state.panes[&PaneId(0)].program;
    h.event(Event::InputRoom(PaneId(0), program));
}

#[test]
fn a_paste_in_many_pieces_reaches_the_pane_whole_bracketed_once() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 80, 24);
    h.output(PaneId(0), "\x1b[?2004h");
    let text: String = (0..30_000).map(|i| format!("{i:09}\n")).collect();
    paste(&mut h, c, &text);
    let got = h.take_bytes(PaneId(0));
    let want = format!("\x1b[200~{}\x1b[201~", text.replace('\n', "\r"));
    assert_eq!(got.len(), want.len());
    assert!(got == want.as_bytes(), "the paste changed on the way");
}

#[test]
fn a_paste_larger_than_the_queue_waits_and_goes_in_as_the_program_reads() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 80, 24);
    slow_reader(&h, 100_000);
    let text = "z".repeat(350_000);
    paste(&mut h, c, &text);
    let mut got = h.take_bytes(PaneId(0));
    assert_eq!(got.len(), 100_000, "the queue took what fits");
    for _ in 0..10 {
        h.pass_time(Duration::from_secs(1));
        room(&mut h);
        got.extend(h.take_bytes(PaneId(0)));
        paste(&mut h, c, "");
    }
    assert_eq!(got.len(), 350_000, "the rest followed as the program read");
    assert!(
        !h.shows(c, "paste truncated"),
        "a slow reader is not cut off"
    );
}

#[test]
fn a_paste_the_program_never_reads_is_cut_short_and_the_user_told() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 80, 24);
    h.output(PaneId(0), "\x1b[?2004h");
    slow_reader(&h, 1000);
    let first = "a".repeat(300_000);
    // The first piece fills the queue; the rest of this piece waits in the pane.
    h.send(
        c,
        ClientMsg::Paste {
            text: first,
            more: true,
        },
    );
    assert_eq!(h.take_bytes(PaneId(0)).len(), 1000);
    h.pass_time(PASTE_STALL + Duration::from_millis(1));
    assert!(h.shows(c, "paste truncated: pane is not reading"));
    // Later pieces of the same paste are refused; its end closes the bracket.
    h.send(
        c,
        ClientMsg::Paste {
            text: "b".repeat(1000),
            more: false,
        },
    );
    assert_eq!(h.take_bytes(PaneId(0)), b"\x1b[201~");
    // A new paste goes in again.
    paste(&mut h, c, "again");
    assert_eq!(h.take_bytes(PaneId(0)), b"\x1b[200~again\x1b[201~");
}

#[test]
fn keys_are_refused_with_a_message_while_the_queue_is_full() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 80, 24);
    slow_reader(&h, INPUT_LIMIT);
    let pane = h.state.panes.get_mut(&PaneId(0)).expect("pane");
    assert_eq!(pane.write(vec![b'x'; INPUT_LIMIT]), 0);
    assert_eq!(pane.write(b"more".to_vec()), 4, "all of it refused");
    h.type_text(c, "k");
    assert!(h.shows(c, "input dropped: pane is not reading"));
}

#[test]
fn a_huge_terminal_is_clamped_at_attach_and_on_resize() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", u16::MAX, u16::MAX);
    assert_eq!(
        h.ok("display -p '#{client_width}x#{client_height}'"),
        "1000x500\n"
    );
    h.send(c, ClientMsg::Resize(Size { cols: 90, rows: 30 }));
    assert_eq!(
        h.ok("display -p '#{window_width}x#{window_height}'"),
        "90x29\n"
    );
    h.send(
        c,
        ClientMsg::Resize(Size {
            cols: 60000,
            rows: 0,
        }),
    );
    assert_eq!(
        h.ok("display -p '#{window_width}x#{window_height}'"),
        "1000x1\n"
    );
    let sizes: Vec<Size> = h
        .take_messages(c)
        .iter()
        .filter_map(|m| match m {
            ServerMsg::Screen(u) => Some(u.size),
            _ => None,
        })
        .collect();
    assert!(sizes.iter().all(|s| s.cols <= 1000 && s.rows <= 500));
}

#[test]
fn a_paste_buffer_larger_than_the_queue_goes_in_piece_by_piece_as_the_program_reads() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 80, 24);
    slow_reader(&h, 100_000);
    let text: String = (0..50_000).map(|i| format!("{i:07}\n")).collect();
    h.state.buffers.add(None, text.clone(), 50);
    h.keys(c, "C-b ]");
    let mut got = h.take_bytes(PaneId(0));
    assert_eq!(got.len(), 100_000, "the queue took what fits");
    for _ in 0..10 {
        room(&mut h);
        got.extend(h.take_bytes(PaneId(0)));
    }
    let want = text.replace('\n', "\r");
    assert_eq!(got.len(), want.len());
    assert!(got == want.as_bytes(), "the paste changed on the way");
    h.type_text(c, "K");
    assert_eq!(h.take_bytes(PaneId(0)), b"K", "keys go in again after it");
}

#[test]
fn a_paste_buffer_the_program_never_reads_is_dropped_and_the_user_told() {
    let mut h = Harness::with_session();
    let c = h.attach("attach -t work", 80, 24);
    slow_reader(&h, 1000);
    h.state.buffers.add(None, "q".repeat(1 << 20), 50);
    h.ok("paste-buffer");
    assert_eq!(h.take_bytes(PaneId(0)).len(), 1000);
    h.pass_time(PASTE_STALL + Duration::from_millis(1));
    assert!(h.shows(c, "paste truncated: pane is not reading"));
    h.ok("set-buffer again");
    h.ok("paste-buffer");
    assert_eq!(h.take_bytes(PaneId(0)), b"again");
}
