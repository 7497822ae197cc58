//! Bad input on the socket drops only the offending connection; a version mismatch gets a
//! clear message at once.

use std::io::{ErrorKind, Read, Write};
use std::os::unix::net::UnixStream;

use mux_e2e::{deadline, wait_until, Env};
use mux_protocol::{read_frame, write_frame, ClientMsg, Hello, HelloReply, HelloStatus, Key};

/// Connects and completes the handshake.
fn handshake(env: &Env) -> UnixStream {
    let mut s = UnixStream::connect(&env.sock).expect("connect");
    s.set_read_timeout(Some(deadline())).expect("timeout");
    write_frame(&mut s, &Hello::current()).expect("hello");
    let reply: HelloReply = read_frame(&mut s)
        .unwrap_or_else(|e| panic!("waiting for the server's handshake reply: {e:?}"))
        .expect("a reply");
    assert_eq!(reply.status, HelloStatus::Accepted);
    s
}

/// Waits until the server closes the connection (a read gives end of file or a reset),
/// reading past anything it says first; fails naming `after` if the deadline passes first.
/// (A read that times out is not a close.)
fn assert_closed_by_server(s: &mut UnixStream, after: &str) {
    s.set_read_timeout(Some(deadline())).expect("timeout");
    let mut said = Vec::new();
    let mut buf = [0u8; 256];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => said.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => panic!(
                "timed out waiting for the server to close the connection after {after}\n\
                 --- state ---\nthe server sent {said:?} and kept the connection open"
            ),
            Err(_) => return,
        }
    }
}

#[test]
fn garbage_oversized_truncated_and_out_of_order_frames_drop_only_their_connection() {
    let env = Env::new();
    let c = env.attached("live", 80, 24);

    // Random bytes instead of a hello.
    let mut s = UnixStream::connect(&env.sock).expect("connect");
    s.write_all(&[7, 0, 0, 0, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0xf9])
        .expect("write");
    assert_closed_by_server(&mut s, "random bytes instead of a hello");

    // A frame claiming 4 GiB: refused from its header, nothing allocated.
    let mut s = handshake(&env);
    s.write_all(&u32::MAX.to_le_bytes()).expect("write");
    assert_closed_by_server(&mut s, "a frame header claiming 4 GiB");

    // A key before any command is out of order.
    let mut s = handshake(&env);
    let key = ClientMsg::Key(Key {
        code: mux_protocol::KeyCode::Enter,
        mods: mux_protocol::Mods::NONE,
    });
    write_frame(&mut s, &key).expect("write");
    assert_closed_by_server(&mut s, "a key before any command");

    // A valid length with a payload that is not a message.
    let mut s = handshake(&env);
    s.write_all(&[3, 0, 0, 0, 250, 250, 250]).expect("write");
    assert_closed_by_server(&mut s, "a payload that is not a message");

    // Half a frame, then the connection closes.
    let mut s = handshake(&env);
    s.write_all(&[100, 0, 0, 0, 1, 2]).expect("write");
    drop(s);

    // The attached client and the server carry on.
    c.line("echo alive-$((2*3))");
    c.wait_text("alive-6");
    assert!(env.ok(&["ls"]).starts_with("live:"));
}

#[test]
fn a_connection_that_never_speaks_does_not_hold_up_others() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "x"]);
    let _silent = UnixStream::connect(&env.sock).expect("connect");
    let _half = {
        let mut s = UnixStream::connect(&env.sock).expect("connect");
        s.write_all(&[200, 0]).expect("write");
        s
    };
    assert!(env.ok(&["ls"]).starts_with("x:"));
}

#[test]
fn a_version_mismatch_is_reported_with_both_versions() {
    let env = Env::new();
    env.ok(&["new", "-d"]);
    let out = mux_e2e::run_to_end(env.cmd(&["ls"]).env("MUX_TEST_PROTOCOL_VERSION", "999"));
    assert_eq!(out.status.code(), Some(1));
    let server = env.server_pid().expect("a server");
    let exe = std::fs::read_link(format!("/proc/{server}/exe")).expect("the server's binary");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "protocol version mismatch (client 999, server {}): the server is {} (pid {server}); \
             `mux server-upgrade` hands its sessions over to this build",
            mux_protocol::PROTOCOL_VERSION,
            exe.display()
        )
    );
    // The server is unaffected.
    assert_eq!(env.ok(&["ls"]).lines().count(), 1);
}

#[test]
fn many_bad_connections_in_a_row_leave_the_server_serving() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "y"]);
    let mut rng = mux_testkit::Rng::new(50);
    for _ in 0..50 {
        if let Ok(mut s) = UnixStream::connect(&env.sock) {
            // A random frame length, then bytes that are no hello.
            let _ = s.write_all(&rng.bytes(4));
            let _ = s.write_all(&[0xde, 0xad, 0xbe, 0xef]);
        }
    }
    wait_until(
        "the server to answer `ls` after a burst of bad connections",
        || env.run(&["ls"]).status.success().then_some(()),
        || {
            let out = env.run(&["ls"]);
            format!(
                "`mux ls` exits with {}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )
        },
    );
}
