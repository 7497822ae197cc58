//! Tests for key names, checked against what tmux 3.3a's list-keys prints for keys bound by
//! each name, and for send-keys arguments.

use super::*;

fn key(code: KeyCode, mods: Mods) -> Key {
    Key { code, mods }
}

fn ch(c: char) -> Key {
    key(KeyCode::Char(c), Mods::NONE)
}

fn name_of(input: &str) -> Option<String> {
    parse_key(input).map(key_name)
}

#[test]
fn names_parse_to_tmux_canonical_spellings() {
    // Input name, then the name `tmux list-keys` showed after `bind -T kt INPUT ...`.
    let cases = [
        ("a", "a"),
        ("A", "A"),
        ("%", "%"),
        ("\"", "\""),
        ("{", "{"),
        ("C-b", "C-b"),
        ("C-B", "C-b"),
        ("c-b", "C-b"),
        ("^b", "C-b"),
        ("^B", "C-b"),
        ("M-a", "M-a"),
        ("m-a", "M-a"),
        ("M-A", "M-A"),
        ("S-a", "S-a"),
        ("C-M-x", "M-C-x"),
        ("M-C-B", "M-C-b"),
        ("C-S-B", "S-C-b"),
        ("C-M-S-a", "M-S-C-a"),
        ("C-Up", "C-Up"),
        ("M-Left", "M-Left"),
        ("S-Up", "S-Up"),
        ("C-M-Up", "C-M-Up"),
        ("S-C-Up", "C-S-Up"),
        ("C-S-M-Up", "C-M-S-Up"),
        ("S-C-1", "C-S-1"),
        ("Enter", "Enter"),
        ("ENTER", "Enter"),
        ("Escape", "Escape"),
        ("Space", "Space"),
        (" ", "Space"),
        ("Tab", "Tab"),
        ("S-Tab", "S-Tab"),
        ("C-Tab", "C-Tab"),
        ("BTab", "BTab"),
        ("BSpace", "BSpace"),
        ("C-BSpace", "C-BSpace"),
        ("Up", "Up"),
        ("Down", "Down"),
        ("Left", "Left"),
        ("Right", "Right"),
        ("Home", "Home"),
        ("End", "End"),
        ("IC", "IC"),
        ("Insert", "IC"),
        ("DC", "DC"),
        ("Delete", "DC"),
        ("PPage", "PPage"),
        ("PageUp", "PPage"),
        ("PgUp", "PPage"),
        ("NPage", "NPage"),
        ("PageDown", "NPage"),
        ("PgDn", "NPage"),
        ("F1", "F1"),
        ("f12", "F12"),
        ("C-F1", "C-F1"),
        ("C-Space", "C-Space"),
        ("C-@", "C-Space"),
        ("C-M-Space", "M-C-@"),
        ("M-Space", "M-Space"),
        ("C-[", "Escape"),
        ("C-M-[", "M-Escape"),
        ("C-\\", "C-\\"),
        ("C-]", "C-]"),
        ("C-^", "C-^"),
        ("C-_", "C-_"),
        ("C-?", "C-?"),
        ("C-i", "Tab"),
        ("C-I", "Tab"),
        ("C-M-i", "M-Tab"),
        ("C-m", "Enter"),
        ("C-h", "C-h"),
        ("C-1", "C-1"),
        ("C--", "C--"),
        ("C-/", "C-/"),
        ("C-é", "C-é"),
        ("M-é", "M-é"),
        ("^", "^"),
        ("^^", "C-^"),
        ("^?", "C-?"),
        ("^@", "C-Space"),
        ("^Up", "C-Up"),
        ("^[", "Escape"),
        ("-", "-"),
        ("M--", "M--"),
    ];
    for (input, want) in cases {
        assert_eq!(name_of(input).as_deref(), Some(want), "{input}");
        let again = name_of(want);
        assert_eq!(again.as_deref(), Some(want), "round trip of {want}");
    }
}

#[test]
fn unknown_names_are_rejected() {
    let bad = [
        "", "F0", "F01", "F13", "F25", "C-", "M-", "Up-", "C-aa", "ab", "C-a-x", "None", "Any",
        "C-\"", "C-$", "C-{", "C-~", "M-^b", "C-^B", "KPx", "\x02",
    ];
    for name in bad {
        assert_eq!(parse_key(name), None, "{name:?}");
    }
}

#[test]
fn parsed_keys_use_the_protocol_form() {
    assert_eq!(parse_key("C-b"), Some(key(KeyCode::Char('b'), Mods::CTRL)));
    assert_eq!(parse_key("Space"), Some(ch(' ')));
    assert_eq!(parse_key("M-Up"), Some(key(KeyCode::Up, Mods::ALT)));
    assert_eq!(parse_key("Escape"), Some(key(KeyCode::Esc, Mods::NONE)));
    assert_eq!(
        parse_key("BSpace"),
        Some(key(KeyCode::Backspace, Mods::NONE))
    );
    assert_eq!(parse_key("F5"), Some(key(KeyCode::F(5), Mods::NONE)));
    let all = Mods::CTRL | Mods::ALT | Mods::SHIFT;
    assert_eq!(parse_key("C-M-S-Up"), Some(key(KeyCode::Up, all)));
}

#[test]
fn normalize_maps_raw_control_characters() {
    assert_eq!(normalize(ch('\x02')), key(KeyCode::Char('b'), Mods::CTRL));
    assert_eq!(normalize(ch('\t')), key(KeyCode::Tab, Mods::NONE));
    assert_eq!(normalize(ch('\r')), key(KeyCode::Enter, Mods::NONE));
    assert_eq!(normalize(ch('\x1b')), key(KeyCode::Esc, Mods::NONE));
    assert_eq!(normalize(ch('\x7f')), key(KeyCode::Backspace, Mods::NONE));
    assert_eq!(normalize(ch('\0')), key(KeyCode::Char(' '), Mods::CTRL));
    assert_eq!(normalize(ch('\x1c')), key(KeyCode::Char('\\'), Mods::CTRL));
    assert_eq!(key_name(key(KeyCode::Char('B'), Mods::CTRL)), "C-b");
    assert_eq!(key_name(key(KeyCode::F(20), Mods::NONE)), "F20");
}

#[test]
fn quoted_names_match_list_keys() {
    // From `tmux list-keys`: \" \# \$ \% \' \; \{ \} \~ "M-{" C-\\ 'M-"' "M-#".
    let cases = [
        ("\"", "\\\""),
        ("#", "\\#"),
        ("$", "\\$"),
        ("%", "\\%"),
        ("'", "\\'"),
        (";", "\\;"),
        ("{", "\\{"),
        ("}", "\\}"),
        ("~", "\\~"),
        ("M-{", "\"M-{\""),
        ("C-\\", "C-\\\\"),
        ("M-\"", "'M-\"'"),
        ("M-#", "\"M-#\""),
        ("M-~", "M-~"),
        ("a", "a"),
        ("`", "`"),
        ("C-Up", "C-Up"),
    ];
    for (input, want) in cases {
        let k = parse_key(input).expect(input);
        assert_eq!(key_name_quoted(k), want, "{input}");
    }
}

#[test]
fn sort_order_matches_list_keys() {
    // The order `tmux list-keys -T kt` printed these keys in.
    let order = [
        "C-Space", "C-a", "Tab", "Enter", "Escape", "Space", "a", "C-?", "BSpace", "F1", "F12",
        "IC", "DC", "Home", "End", "NPage", "PPage", "BTab", "Up", "Right", "é", "M-C-@", "M-C-a",
        "M-a", "M-Up", "C-Tab", "C-Enter", "C-1", "C-M-1", "C-M-é", "S-C-a", "S-C-b", "S-Enter",
        "S-a", "M-S-C-a", "M-S-a", "M-S-Up", "M-S-Left", "C-S-Up", "C-M-S-Up",
    ];
    let keys: Vec<(u8, u32)> = order
        .iter()
        .map(|n| sort_key(parse_key(n).expect(n)))
        .collect();
    for (i, pair) in keys.windows(2).enumerate() {
        assert!(pair[0] < pair[1], "{} before {}", order[i], order[i + 1]);
    }
}

#[test]
fn send_keys_items_split_keys_and_text() {
    let args: Vec<String> = ["hello", "Enter", "C-c", "a", "", "not a key", "F1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let items = send_keys_items(&args, false);
    assert_eq!(
        items,
        vec![
            SendItem::Text("hello".into()),
            SendItem::Key(key(KeyCode::Enter, Mods::NONE)),
            SendItem::Key(key(KeyCode::Char('c'), Mods::CTRL)),
            SendItem::Key(ch('a')),
            SendItem::Text("not a key".into()),
            SendItem::Key(key(KeyCode::F(1), Mods::NONE)),
        ]
    );
    let literal = send_keys_items(&args[..2], true);
    let want = vec![
        SendItem::Text("hello".into()),
        SendItem::Text("Enter".into()),
    ];
    assert_eq!(literal, want);
}

#[test]
fn mouse_key_names_parse_with_modifiers_and_sort_apart() {
    let down = parse_key("MouseDown1Pane").expect("a mouse key");
    assert_eq!(key_name(down), "MouseDown1Pane");
    let meta = parse_key("M-MouseDown3Pane").expect("with a modifier");
    assert_eq!(key_name(meta), "M-MouseDown3Pane");
    let wheel = parse_key("WheelUpStatus").expect("the wheel");
    assert_ne!(sort_key(down), sort_key(wheel));
    assert_eq!(parse_key("MouseDown9Pane"), None);
}

/// Every key tmux 3.3a was asked for (tmux_keys.txt) encodes to the bytes tmux sends a pane
/// with TERM=tmux-256color, with cursor keys and keypad in their normal and application
/// modes.
#[test]
fn every_key_encodes_as_tmux_sends_it() {
    let mut failures = Vec::new();
    for line in include_str!("tmux_keys.txt").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut words = line.split(' ');
        let (Some(mode), Some(name), Some(hex)) = (words.next(), words.next(), words.next()) else {
            panic!("bad line: {line}");
        };
        let mut term = mux_term_emu::Terminal::new(mux_term_emu::Size { rows: 2, cols: 10 }, 0);
        if mode == "app" {
            term.process(b"\x1b[?1h\x1b=");
        }
        let Some(key) = parse_key(name) else {
            failures.push(format!("{mode} {name}: not a key name"));
            continue;
        };
        let got: String = term
            .encode_key(key)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if got != hex {
            failures.push(format!("{mode} {name}: tmux {hex}, mux {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} keys differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
