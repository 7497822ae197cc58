//! Tests of framing: round trips, pinned bytes, truncation, oversize and random input.

use super::*;
use crate::*;

fn sample_messages() -> Vec<ClientMsg> {
    vec![
        ClientMsg::Command(CommandRequest {
            argv: vec!["new-session".into(), "-s".into(), "work".into()],
            cwd: "/home/u".into(),
            terminal: Some(ClientTerminal {
                size: Size { cols: 80, rows: 24 },
                term: "xterm-256color".into(),
            }),
            env: vec![("LANG".into(), "C.UTF-8".into())],
        }),
        ClientMsg::Key(Key {
            code: KeyCode::Char('b'),
            mods: Mods::CTRL,
        }),
        ClientMsg::Paste {
            text: "héllo\n".into(),
            more: false,
        },
        ClientMsg::Resize(Size {
            cols: 132,
            rows: 43,
        }),
        ClientMsg::Focus(true),
    ]
}

#[test]
fn client_messages_round_trip() {
    for msg in sample_messages() {
        let bytes = encode(&msg).unwrap();
        let mut dec = FrameDecoder::new();
        dec.push(&bytes);
        assert_eq!(dec.next_msg::<ClientMsg>().unwrap(), Some(msg));
        assert!(!dec.has_partial());
    }
}

#[test]
fn server_messages_round_trip_through_blocking_helpers() {
    let msgs = vec![
        ServerMsg::Stdout("0: 1 windows\n".into()),
        ServerMsg::Attached {
            session: "work".into(),
            id: 3,
        },
        ServerMsg::Screen(ScreenUpdate {
            size: Size { cols: 2, rows: 1 },
            rows: vec![Row {
                y: 0,
                cells: vec![
                    Cell {
                        text: "中".into(),
                        style: Style {
                            fg: Color::Rgb(1, 2, 3),
                            bg: Color::Indexed(200),
                            attrs: Attrs::BOLD | Attrs::CURLY_UNDERLINE,
                            underline_color: Color::Indexed(1),
                        },
                        link: Some("https://example.com/".into()),
                    },
                    Cell::default(),
                ],
                wrapped: true,
            }],
            cursor: Cursor {
                pos: Point { row: 0, col: 1 },
                visible: true,
                shape: 0,
            },
        }),
        ServerMsg::Detach {
            message: "[exited]".into(),
            status: 0,
        },
    ];
    let mut wire = Vec::new();
    for m in &msgs {
        write_frame(&mut wire, m).unwrap();
    }
    let mut r = &wire[..];
    for m in &msgs {
        assert_eq!(
            read_frame::<ServerMsg, _>(&mut r).unwrap().as_ref(),
            Some(m)
        );
    }
    assert!(read_frame::<ServerMsg, _>(&mut r).unwrap().is_none());
}

/// Pins the encoded bytes: if this test fails, the wire format changed and
/// `PROTOCOL_VERSION` must be bumped (and these bytes updated).
#[test]
fn encoded_bytes_are_pinned() {
    let hello = encode(&Hello {
        magic: HELLO_MAGIC,
        version: 1,
    })
    .unwrap();
    assert_eq!(hello, PIN_HELLO);
    let reply = encode(&HelloReply {
        version: 1,
        status: HelloStatus::VersionMismatch,
    })
    .unwrap();
    assert_eq!(reply, PIN_REPLY);
    let key = encode(&ClientMsg::Key(Key {
        code: KeyCode::Char('b'),
        mods: Mods::CTRL,
    }))
    .unwrap();
    assert_eq!(key, PIN_KEY);
    assert_eq!(encode(&ServerMsg::Exit(1)).unwrap(), PIN_EXIT);
    // The replies to an upgrade request read alike as ServerMsg and as FrozenReply.
    for (msg, frozen) in [
        (
            ServerMsg::Stdout("a".into()),
            FrozenReply::Stdout("a".into()),
        ),
        (
            ServerMsg::Stderr("b".into()),
            FrozenReply::Stderr("b".into()),
        ),
        (ServerMsg::Exit(3), FrozenReply::Exit(3)),
    ] {
        assert_eq!(encode(&msg).unwrap(), encode(&frozen).unwrap());
    }
    // Version 9 added Passthrough, EscapeTime and Suspend (variants 11-13); version 10 the
    // upgrade request (frozen) and Reconnect (variant 14).
    let upgrade = encode(&UpgradeRequest {
        exe: "/m".into(),
        env: vec![("A".into(), "1".into())],
    })
    .unwrap();
    assert_eq!(upgrade, [8, 0, 0, 0, 2, b'/', b'm', 1, 1, b'A', 1, b'1']);
    assert_eq!(UPGRADE_MAGIC.to_le_bytes(), *b"mux^");
    assert_eq!(
        encode(&ServerMsg::Reconnect {
            message: "m".into()
        })
        .unwrap(),
        [3, 0, 0, 0, 14, 1, b'm']
    );
    // Version 2 appended Clipboard (variant 7) and Title (8).
    assert_eq!(
        encode(&ServerMsg::Clipboard("aGk=".into())).unwrap(),
        [6, 0, 0, 0, 7, 4, b'a', b'G', b'k', b'=']
    );
    assert_eq!(
        encode(&ServerMsg::Title("t".into())).unwrap(),
        [3, 0, 0, 0, 8, 1, b't']
    );
    // Version 5 (mux-types) sends sizes and the cursor position rows first.
    let resize = encode(&ClientMsg::Resize(Size {
        rows: 43,
        cols: 132,
    }))
    .unwrap();
    assert_eq!(resize, PIN_RESIZE);
    let screen = encode(&ServerMsg::Screen(ScreenUpdate {
        size: Size { rows: 1, cols: 2 },
        rows: Vec::new(),
        cursor: Cursor {
            pos: Point { row: 0, col: 1 },
            visible: true,
            shape: 2,
        },
    }))
    .unwrap();
    assert_eq!(screen, PIN_SCREEN);
    // Version 11 appended `wrapped` to a row.
    let row = Row {
        y: 3,
        cells: Vec::new(),
        wrapped: true,
    };
    assert_eq!(postcard::to_stdvec(&row).unwrap(), [3, 0, 1]);
}

#[test]
fn truncated_frames_wait_or_fail() {
    let bytes = encode(&sample_messages()[0]).unwrap();
    for cut in 0..bytes.len() {
        let mut dec = FrameDecoder::new();
        dec.push(&bytes[..cut]);
        assert!(dec.next_payload().unwrap().is_none(), "cut at {cut}");
        let mut r = &bytes[..cut];
        match read_frame::<ClientMsg, _>(&mut r) {
            Ok(None) => assert_eq!(cut, 0),
            Err(FrameError::Truncated) => assert!(cut > 0),
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
}

#[test]
fn oversized_length_is_refused_before_allocating() {
    let mut dec = FrameDecoder::new();
    dec.push(&u32::MAX.to_le_bytes());
    assert!(matches!(dec.next_payload(), Err(FrameError::TooLarge(_))));
    let over = (u32::try_from(MAX_FRAME_LEN).unwrap() + 1).to_le_bytes();
    let mut r = &over[..];
    assert!(matches!(
        read_frame::<ClientMsg, _>(&mut r),
        Err(FrameError::TooLarge(_))
    ));
}

#[test]
fn malformed_payloads_are_errors() {
    // An enum tag past the last variant.
    assert!(decode::<ClientMsg>(&[0x7f]).is_err());
    // Trailing garbage after a valid message.
    assert!(decode::<ServerMsg>(&[0x02, 0x02, 0x00]).is_err());
    // Empty payload.
    assert!(decode::<ClientMsg>(&[]).is_err());
}

#[test]
fn random_bytes_never_panic() {
    // A seeded generator keeps the test reproducible.
    let mut rng = mux_testkit::Rng::new(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let len = rng.index(64);
        let bytes = rng.bytes(len);
        let _ = decode::<ClientMsg>(&bytes);
        let _ = decode::<ServerMsg>(&bytes);
        let _ = decode::<Hello>(&bytes);
        let mut dec = FrameDecoder::new();
        dec.push(&bytes);
        while let Ok(Some(_)) = dec.next_msg::<ClientMsg>() {}
    }
}

/// `Hello`: length 6, magic `mux!` as a varint, version 1.
const PIN_HELLO: [u8; 10] = [6, 0, 0, 0, 237, 234, 225, 139, 2, 1];
/// `HelloReply`: version 1, status `VersionMismatch` (variant 1).
const PIN_REPLY: [u8; 6] = [2, 0, 0, 0, 1, 1];
/// `ClientMsg::Key` (variant 1) of `Char('b')` (variant 0, UTF-8 with a length) and `CTRL`.
const PIN_KEY: [u8; 9] = [5, 0, 0, 0, 1, 0, 1, 98, 4];
/// `ServerMsg::Exit` (variant 2) of 1 (zigzag varint 2).
const PIN_EXIT: [u8; 6] = [2, 0, 0, 0, 2, 2];
/// `ClientMsg::Resize` (variant 3) of 43 rows (varint 43), then 132 columns (varint 132, 1).
const PIN_RESIZE: [u8; 8] = [4, 0, 0, 0, 3, 43, 132, 1];
/// `ServerMsg::Screen` (variant 4): size 1 row by 2 columns, no rows, the cursor at row 0,
/// column 1, visible, shape 2.
const PIN_SCREEN: [u8; 12] = [8, 0, 0, 0, 4, 1, 2, 0, 0, 1, 1, 2];

#[test]
fn a_paste_is_split_in_order_on_character_boundaries_under_the_chunk_size() {
    use crate::{paste_pieces, PASTE_CHUNK};
    // A multi-byte character straddles every chunk boundary.
    let text: String = "aé漢😀".repeat(PASTE_CHUNK / 3);
    let pieces: Vec<ClientMsg> = paste_pieces(&text).collect();
    assert!(pieces.len() > 3, "{} pieces", pieces.len());
    let mut joined = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        let ClientMsg::Paste { text, more } = piece else {
            panic!("not a paste: {piece:?}");
        };
        assert!(text.len() <= PASTE_CHUNK);
        assert_eq!(*more, i + 1 < pieces.len(), "piece {i}");
        assert!(encode(piece).expect("encodes").len() < crate::MAX_FRAME_LEN);
        joined.push_str(text);
    }
    assert_eq!(joined, text);
    let empty: Vec<ClientMsg> = paste_pieces("").collect();
    assert_eq!(
        empty,
        [ClientMsg::Paste {
            text: String::new(),
            more: false
        }]
    );
}

#[test]
fn the_decoder_gives_back_the_memory_of_a_large_frame() {
    let big = ClientMsg::Paste {
        text: "x".repeat(4 << 20),
        more: false,
    };
    let mut dec = FrameDecoder::new();
    dec.push(&encode(&big).expect("encodes"));
    assert_eq!(dec.next_msg::<ClientMsg>().expect("decodes"), Some(big));
    assert!(!dec.has_partial());
    assert!(dec.capacity() <= 64 * 1024, "{} bytes kept", dec.capacity());
}
