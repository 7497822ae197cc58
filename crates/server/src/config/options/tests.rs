//! Tests for the options table, value parsing, the store and show-options text. Expected
//! messages and lines were taken from tmux 3.3a (`tmux -L scratch -f /dev/null`).

use super::*;
use crate::ids::{PaneId, SessionId, WindowId};

const S1: SessionId = SessionId(1);
const W1: WindowId = WindowId(1);
const W2: WindowId = WindowId(2);
const P1: PaneId = PaneId(1);
const GS: OptionTarget = OptionTarget::Global(Scope::Session);
const GW: OptionTarget = OptionTarget::Global(Scope::Window);
const GSRV: OptionTarget = OptionTarget::Global(Scope::Server);

fn spec(name: &str) -> &'static OptionSpec {
    lookup(name).expect(name)
}

fn parse(name: &str, text: Option<&str>) -> Result<Value, String> {
    parse_value(spec(name), text, None)
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

#[test]
fn table_is_sorted_unique_and_defaults_parse() {
    for pair in OPTIONS.windows(2) {
        assert!(
            pair[0].name < pair[1].name,
            "{} before {}",
            pair[0].name,
            pair[1].name
        );
    }
    for spec in OPTIONS {
        let value = parse_value(spec, Some(spec.default), None);
        assert_eq!(value, Ok(default_value(spec)), "{}", spec.name);
    }
}

#[test]
fn lookup_takes_exact_names_and_unique_prefixes() {
    assert_eq!(spec("status").name, "status");
    assert_eq!(spec("base").name, "base-index");
    assert_eq!(spec("status-left-l").name, "status-left-length");
    // tmux: `set -g status-l x` → "ambiguous option: status-l"; `set -g nope 1`.
    assert_eq!(
        resolve("status-l").unwrap_err(),
        "ambiguous option: status-l"
    );
    assert_eq!(resolve("history").unwrap_err(), "ambiguous option: history");
    assert_eq!(resolve("nope").unwrap_err(), "invalid option: nope");
    assert_eq!(resolve("").unwrap_err(), "invalid option: ");
    assert!(lookup("nope").is_none());
}

#[test]
fn scopes_come_from_the_name() {
    assert_eq!(spec("escape-time").scope, Scope::Server);
    assert_eq!(spec("base-index").scope, Scope::Session);
    assert_eq!(spec("mode-keys").scope, Scope::Window);
    assert_eq!(spec("remain-on-exit").scope, Scope::Pane);
    // tmux 3.3a ignores -s/-w for table options: `set -s base-index 1` sets the session's.
    assert_eq!(
        infer_scope("base-index", true, false, false),
        Ok(Scope::Session)
    );
    assert_eq!(
        infer_scope("mode-keys", false, false, true),
        Ok(Scope::Window)
    );
    assert_eq!(
        infer_scope("synchronize-panes", false, false, true),
        Ok(Scope::Pane)
    );
    assert_eq!(
        infer_scope("synchronize-panes", false, false, false),
        Ok(Scope::Window)
    );
    assert_eq!(infer_scope("@x", false, true, false), Ok(Scope::Window));
    assert_eq!(infer_scope("@x", false, false, false), Ok(Scope::Session));
    assert_eq!(
        infer_scope("x", false, false, false),
        Err("invalid option: x".into())
    );
}

#[test]
fn flags_parse_and_toggle() {
    assert_eq!(parse("renumber-windows", Some("ON")), Ok(Value::Flag(true)));
    assert_eq!(
        parse("renumber-windows", Some("yes")),
        Ok(Value::Flag(true))
    );
    assert_eq!(parse("renumber-windows", Some("0")), Ok(Value::Flag(false)));
    assert_eq!(
        parse("renumber-windows", Some("maybe")),
        Err("bad value: maybe".into())
    );
    assert_eq!(
        parse("renumber-windows", Some("true")),
        Err("bad value: true".into())
    );
    assert_eq!(parse("renumber-windows", None), Ok(Value::Flag(true)));
    let on = Value::Flag(true);
    assert_eq!(
        parse_value(spec("renumber-windows"), Some(""), Some(&on)),
        Ok(Value::Flag(false))
    );
}

#[test]
fn numbers_are_range_checked_with_tmux_messages() {
    assert_eq!(parse("base-index", Some("3")), Ok(Value::Number(3)));
    assert_eq!(parse("base-index", Some("+3")), Ok(Value::Number(3)));
    assert_eq!(parse("base-index", Some(" 4")), Ok(Value::Number(4)));
    assert_eq!(
        parse("base-index", Some("-1")),
        Err("value is too small: -1".into())
    );
    assert_eq!(
        parse("buffer-limit", Some("0")),
        Err("value is too small: 0".into())
    );
    let big = "99999999999";
    assert_eq!(
        parse("base-index", Some(big)),
        Err(format!("value is too large: {big}"))
    );
    let huge = "99999999999999999999999";
    assert_eq!(
        parse("base-index", Some(huge)),
        Err(format!("value is too large: {huge}"))
    );
    let r = parse("status-left-length", Some("32768"));
    assert_eq!(r, Err("value is too large: 32768".into()));
    assert_eq!(
        parse("base-index", Some("x")),
        Err("value is invalid: x".into())
    );
    assert_eq!(
        parse("base-index", Some("12abc")),
        Err("value is invalid: 12abc".into())
    );
    assert_eq!(
        parse("escape-time", Some("1.5")),
        Err("value is invalid: 1.5".into())
    );
    assert_eq!(
        parse("base-index", Some("")),
        Err("value is invalid: ".into())
    );
    assert_eq!(parse("display-time", None), Err("empty value".into()));
}

#[test]
fn choices_match_exactly_and_toggle_between_the_first_two() {
    assert_eq!(parse("status-position", Some("top")), Ok(text("top")));
    assert_eq!(parse("status", Some("On")), Err("unknown value: On".into()));
    assert_eq!(
        parse("set-clipboard", Some("maybe")),
        Err("unknown value: maybe".into())
    );
    assert_eq!(parse("status", Some("")), Err("unknown value: ".into()));
    // `set -g status` turns it off; `set -g status` with status 3 leaves it.
    assert_eq!(parse("status", None), Ok(text("off")));
    assert_eq!(
        parse_value(spec("status"), None, Some(&text("3"))),
        Ok(text("3"))
    );
    assert_eq!(parse("status-justify", None), Ok(text("centre")));
    assert_eq!(parse("status-position", None), Ok(text("top")));
    assert_eq!(parse("window-size", None), Ok(text("latest")));
}

#[test]
fn colours_are_canonical() {
    let cases = [
        ("Red", "red"),
        ("color5", "colour5"),
        ("COLOUR08", "colour8"),
        ("colour255", "colour255"),
        ("#FF00aa", "#ff00aa"),
        ("BrightRed", "brightred"),
        ("default", "default"),
        ("terminal", "terminal"),
        ("1", "red"),
        ("97", "brightwhite"),
    ];
    for (input, want) in cases {
        assert_eq!(parse("status-bg", Some(input)), Ok(text(want)), "{input}");
    }
    for bad in [
        "colour256",
        "#ff000",
        "colour-1",
        "none",
        "8",
        "100",
        "nope",
        "",
    ] {
        let want = format!("bad colour: {bad}");
        assert_eq!(parse("status-bg", Some(bad)), Err(want));
    }
    assert_eq!(parse("status-bg", None), Err("empty value".into()));
}

#[test]
fn keys_styles_and_text() {
    assert_eq!(parse("prefix", Some("C-A")), Ok(text("C-a")));
    assert_eq!(parse("prefix", Some("^a")), Ok(text("C-a")));
    assert_eq!(parse("prefix2", Some("none")), Ok(text("None")));
    assert_eq!(parse("prefix", Some("Foo")), Err("bad key: Foo".into()));
    assert_eq!(parse("prefix", Some("")), Err("bad key: ".into()));
    assert_eq!(parse("prefix", None), Err("empty value".into()));
    assert_eq!(
        parse("status-style", Some("fg=red bg=blue")),
        Ok(text("fg=red bg=blue"))
    );
    assert_eq!(parse("status-style", Some("")), Ok(text("")));
    assert_eq!(parse("status-style", None), Err("empty value".into()));
    assert_eq!(parse("status-left", Some("")), Ok(text("")));
    assert_eq!(
        parse("window-status-separator", None),
        Err("empty value".into())
    );
}

#[test]
fn value_accessors() {
    assert!(Value::Flag(true).as_flag());
    assert!(text("2").as_flag() && !text("off").as_flag());
    assert_eq!(text("3").as_number(), 3);
    assert_eq!(text("on").as_number(), 1);
    assert_eq!(Value::Number(7).as_text(), "7");
    assert_eq!(Value::Flag(false).as_text(), "off");
}

#[test]
fn store_holds_defaults_and_falls_back() {
    let mut o = OptionStore::new();
    assert_eq!(o.server("escape-time"), Value::Number(10));
    assert_eq!(o.server("set-clipboard"), text("on"));
    assert_eq!(o.session(S1, "status-style"), text("bg=green,fg=black"));
    assert_eq!(o.pane(P1, W1, "remain-on-exit"), text("off"));
    assert_eq!(o.server("nope"), text(""));
    o.set("mode-keys", Some("vi"), GW, false).unwrap();
    o.set("mode-keys", Some("emacs"), OptionTarget::Window(W1), false)
        .unwrap();
    assert_eq!(o.window(W1, "mode-keys"), text("emacs"));
    assert_eq!(o.window(W2, "mode-keys"), text("vi"));
    assert_eq!(o.pane(P1, W1, "mode-keys"), text("emacs"));
    o.set(
        "remain-on-exit",
        Some("on"),
        OptionTarget::Pane(P1, W1),
        false,
    )
    .unwrap();
    assert_eq!(o.pane(P1, W1, "remain-on-exit"), text("on"));
    assert_eq!(o.window(W1, "remain-on-exit"), text("off"));
    o.set("base-index", Some("1"), OptionTarget::Session(S1), false)
        .unwrap();
    assert_eq!(o.session(S1, "base-index"), Value::Number(1));
    assert_eq!(o.session(SessionId(2), "base-index"), Value::Number(0));
    o.forget_session(S1);
    o.forget_window(W1);
    o.forget_pane(P1);
    assert_eq!(o.session(S1, "base-index"), Value::Number(0));
    assert_eq!(o.pane(P1, W1, "remain-on-exit"), text("off"));
}

#[test]
fn window_options_set_on_a_pane_go_to_its_window() {
    // tmux 3.3a: `set -p mode-keys vi` shows under `show -w`, not `show -p`.
    let mut o = OptionStore::new();
    o.set("mode-keys", Some("vi"), OptionTarget::Pane(P1, W1), false)
        .unwrap();
    assert_eq!(o.window(W1, "mode-keys"), text("vi"));
    assert_eq!(
        o.show(Scope::Pane, OptionTarget::Pane(P1, W1), None),
        Ok(vec![])
    );
}

#[test]
fn set_errors_and_toggles() {
    let mut o = OptionStore::new();
    let e = o.set("base-index", Some("-1"), GS, false);
    assert_eq!(e, Err("value is too small: -1".into()));
    assert_eq!(
        o.set("nope", Some("1"), GS, false),
        Err("invalid option: nope".into())
    );
    assert_eq!(o.set("@u", None, GS, false), Err("empty value".into()));
    let wrong = o.set("base-index", Some("1"), OptionTarget::Window(W1), false);
    assert_eq!(wrong, Err("no such session".into()));
    o.set("renumber-windows", None, OptionTarget::Session(S1), false)
        .unwrap();
    assert!(o.session(S1, "renumber-windows").as_flag());
    o.set("renumber-windows", None, OptionTarget::Session(S1), false)
        .unwrap();
    assert!(!o.session(S1, "renumber-windows").as_flag());
    // Server options are global whatever the target.
    o.set("escape-time", Some("3"), OptionTarget::Session(S1), false)
        .unwrap();
    assert_eq!(o.server("escape-time"), Value::Number(3));
}

#[test]
fn append_joins_text_and_styles() {
    // tmux: `set -ga status-left foo` → "[#{session_name}] foo";
    // `set -ga status-style fg=red` → "bg=green,fg=black,fg=red".
    let mut o = OptionStore::new();
    o.set("status-left", Some("foo"), GS, true).unwrap();
    assert_eq!(o.session(S1, "status-left"), text("[#{session_name}] foo"));
    o.set(
        "status-style",
        Some("fg=red"),
        OptionTarget::Session(S1),
        true,
    )
    .unwrap();
    assert_eq!(
        o.session(S1, "status-style"),
        text("bg=green,fg=black,fg=red")
    );
    o.set("base-index", Some("1"), GS, true).unwrap();
    assert_eq!(o.session(S1, "base-index"), Value::Number(1));
    o.set("@u", Some("a b"), GS, false).unwrap();
    o.set("@u", Some("x"), GS, true).unwrap();
    assert_eq!(o.session(S1, "@u"), text("a bx"));
}

#[test]
fn unset_removes_overrides_and_restores_defaults() {
    let mut o = OptionStore::new();
    o.set("base-index", Some("5"), GS, false).unwrap();
    o.set("base-index", Some("2"), OptionTarget::Session(S1), false)
        .unwrap();
    o.unset("base-index", OptionTarget::Session(S1)).unwrap();
    assert_eq!(o.session(S1, "base-index"), Value::Number(5));
    o.unset("base-index", GS).unwrap();
    assert_eq!(o.session(S1, "base-index"), Value::Number(0));
    assert_eq!(o.unset("nope", GS), Err("invalid option: nope".into()));
    assert_eq!(o.unset("@never", GS), Ok(()));
}

#[test]
fn show_prints_like_tmux() {
    let o = OptionStore::new();
    let one = |name| o.show(Scope::Session, GS, Some(name)).unwrap();
    // Lines copied from `tmux show -g NAME` / `show -s` / `show -gw`.
    let right = "status-right \"#{?window_bigger,[#{window_offset_x}#,#{window_offset_y}] \
                 ,}\\\"#{=21:pane_title}\\\" %H:%M %d-%b-%y\"";
    assert_eq!(one("status-right"), vec![right]);
    assert_eq!(
        one("status-left"),
        vec!["status-left \"[#{session_name}] \""]
    );
    let titles = "set-titles-string \"#S:#I:#W - \\\"#T\\\" #{session_alerts}\"";
    assert_eq!(one("set-titles-string"), vec![titles]);
    assert_eq!(one("status-style"), vec!["status-style bg=green,fg=black"]);
    assert_eq!(one("history-file"), vec!["history-file ''"]);
    assert_eq!(
        one("window-status-separator"),
        vec!["window-status-separator \" \""]
    );
    assert_eq!(one("mouse"), vec!["mouse on"]);
    assert_eq!(one("base"), vec!["base-index 0"]);
    let border = "pane-border-format \"#{?pane_active,#[reverse],}#{pane_index}#[default] \
                  \\\"#{pane_title}\\\"\"";
    assert_eq!(one("pane-border-format"), vec![border]);
    assert_eq!(
        o.show(Scope::Session, GS, Some("nope")),
        Err("invalid option: nope".into())
    );
    let values = o
        .show_values(Scope::Session, GS, Some("status-left"))
        .unwrap();
    assert_eq!(values, vec!["[#{session_name}] "]);
}

#[test]
fn show_lists_a_scope_or_only_overrides() {
    let mut o = OptionStore::new();
    let server = o.show(Scope::Server, GSRV, None).unwrap();
    assert_eq!(server[0], "buffer-limit 50");
    assert!(server.contains(&"default-terminal tmux-256color".to_string()));
    let windows = o.show(Scope::Window, GW, None).unwrap();
    assert!(windows.contains(&"remain-on-exit off".to_string()));
    assert!(windows.iter().all(|l| !l.starts_with("base-index")));
    assert_eq!(
        o.show(Scope::Pane, OptionTarget::Global(Scope::Pane), None),
        Ok(vec![])
    );
    let w1 = OptionTarget::Window(W1);
    assert_eq!(o.show(Scope::Window, w1, None), Ok(vec![]));
    assert_eq!(o.show(Scope::Window, w1, Some("mode-keys")), Ok(vec![]));
    o.set("mode-keys", Some("vi"), w1, false).unwrap();
    o.set("@win", Some("1"), w1, false).unwrap();
    let lines = o.show(Scope::Window, w1, None).unwrap();
    assert_eq!(lines, vec!["@win 1", "mode-keys vi"]);
    // tmux: `show -gw @win` → "invalid option: @win" when only the window has it.
    assert_eq!(
        o.show(Scope::Window, GW, Some("@win")),
        Err("invalid option: @win".into())
    );
    let pane = OptionTarget::Pane(P1, W1);
    o.set("synchronize-panes", Some("on"), pane, false).unwrap();
    let shown = o.show(Scope::Pane, pane, None).unwrap();
    assert_eq!(shown, vec!["synchronize-panes on"]);
    let via_window = o
        .show(Scope::Window, pane, Some("synchronize-panes"))
        .unwrap();
    assert_eq!(via_window, Vec::<String>::new());
}

#[test]
fn quoting_matches_tmux() {
    // Each pair: a value given to `set -g status-left`, then how `show -g` printed it.
    let cases = [
        ("", "''"),
        ("plain,x=1", "plain,x=1"),
        ("a b", "\"a b\""),
        ("a\"b", "'a\"b'"),
        ("a\"b c", "\"a\\\"b c\""),
        ("a$b", "\"a\\$b\""),
        ("a'b", "\"a'b\""),
        ("a\\b", "a\\\\b"),
        ("#", "\\#"),
        ("\"", "\\\""),
        ("$", "\\$"),
        ("\\", "\\\\"),
        ("~", "\\~"),
        ("~x", "\\~x"),
        ("x~", "x~"),
        ("~ a", "\"\\~ a\""),
        (" ", "\" \""),
        ("a\tb", "a\\tb"),
        ("a\x1bb", "a\\033b"),
        ("\x7f", "\\177"),
        ("\u{85}", "\\302\\205"),
        ("é b", "\"é b\""),
        ("a`b", "a`b"),
    ];
    for (value, want) in cases {
        assert_eq!(quote(value), want, "{value:?}");
    }
}
