use std::time::{Duration, Instant};

use super::{expand, is_true};

/// The variables every test expands against.
fn vars(name: &str) -> Option<String> {
    let value = match name {
        "session_name" => "abcdefgh",
        "window_name" => "wïdé日本語",
        "window_index" => "0",
        "pane_index" => "0",
        "pane_title" => "title",
        "pane_id" => "%0",
        "window_flags" => "*",
        "host" => "host.example.com",
        "host_short" => "host",
        "one" => "1",
        "zero" => "0",
        "empty" => "",
        "comma" => "a,b",
        "combining" => "ae\u{301}b",
        _ => return None,
    };
    Some(value.to_string())
}

fn x(fmt: &str) -> String {
    expand(fmt, &vars)
}

/// Checks a table of (format, expected expansion) cases.
fn check(cases: &[(&str, &str)]) {
    for (fmt, want) in cases {
        assert_eq!(x(fmt), *want, "format {fmt:?}");
    }
}

/// Cases checked against tmux 3.3a (`tmux -L scratch display -p -t abcdefgh FMT` with a
/// session `abcdefgh` whose window is `wïdé日本語`); each gave exactly this output there.
#[test]
fn matches_tmux() {
    check(&[
        ("#{?#{==:a,a},yes,no}", "yes"),
        ("#{?session_name,yes,no}", "yes"),
        ("#{?nosuch,yes,no}", "no"),
        ("#{?#{l:0},yes,no}", "no"),
        ("#{?1,#{?0,a,b},c}", "c"),
        ("#{?nosuch,a,b,c}|", "b,c|"),
        ("#{<:10,9}", "1"),
        ("#{||:nosuch,0}", "1"),
        ("#{==:session_name,abcdefgh}", "0"),
        ("#{==:#{session_name},abcdefgh}", "1"),
        ("#{==:a,b,c}|", "0|"),
        ("#{==:a}|", "|"),
        ("#{=3:session_name}", "abc"),
        ("#{=-3:session_name}", "fgh"),
        ("#{=0:session_name}|", "abcdefgh|"),
        ("#{=x:session_name}|", "abcdefgh|"),
        ("#{=5:window_name}|", "wïdé|"),
        ("#{=6:window_name}|", "wïdé日|"),
        ("#{=-3:window_name}|", "語|"),
        ("#{=-4:window_name}|", "本語|"),
        ("#{=/3/...:session_name}", "abc..."),
        ("#{=/-3/...:session_name}|", "...fgh|"),
        ("#{=/2/…:#{l:ab}}|", "ab|"),
        ("#{=3:x#{session_name}}", "xab"),
        ("#{=3:plain text}|", "|"),
        ("#{=3;p5:session_name}|", "abc  |"),
        ("#{p5;=3:session_name}|", "abc  |"),
        ("#{p10:window_name}|", "wïdé日本語|"),
        ("#{p-10:session_name}|", "  abcdefgh|"),
        ("#{p3:session_name}|", "abcdefgh|"),
        ("#{s/cd/XX/:session_name}", "abXXefgh"),
        ("#{s|cd|XX|:session_name}", "abXXefgh"),
        ("#{s/cd/#{window_index}/:session_name}|", "ab0efgh|"),
        ("#{s/A/X/i:#{l:aaa}}|", "XXX|"),
        ("#{l:#{session_name}}", "#{session_name}"),
        ("#{l:a,b}|", "a,b|"),
        ("#{?session_name,#{l:a,b},c}|", "a,b|"),
        ("#{?session_name,a#}b,c}|", "a}b|"),
        ("#{?session_name,#[fg=red]x#,y,z}", "#[fg=red]x,y"),
        ("#[fg=#{?session_name,red,blue}]x", "#[fg=red]x"),
        ("a##b", "a#b"),
        ("a#,b#}c", "a,b}c"),
        ("#x#", "#x#"),
        ("####", "##"),
        ("##{session_name}", "#{session_name}"),
        ("###{session_name}", "#abcdefgh"),
        ("##[bold]", "##[bold]"),
        ("####[x]", "####[x]"),
        ("#[bold", "#[bold"),
        ("#{", ""),
        ("#{?a", ""),
        ("x#{?session_name,a,b", "x"),
        ("#{?session_name}|", "|"),
        ("#{xyz:session_name}|", "|"),
        ("#{:session_name}|", "abcdefgh|"),
        ("#{}|", "|"),
        ("#{x#{session_name}}|", "xabcdefgh|"),
        ("#S|#W", "abcdefgh|wïdé日本語"),
        ("#{s/:session_name}|", "abcdefgh|"),
        ("#{s:session_name}|", "abcdefgh|"),
        ("#{=/3:session_name}|", "abc|"),
        ("#{=/:session_name}|", "abcdefgh|"),
        ("a#{b#}c", "a"),
        ("}}}#}", "}}}}"),
        ("#{==:a#,b,a,b}", "1"),
        ("#{?session_name,a#,b,c}", "a,b"),
        ("#{p5:#{l:ab}}|", "ab   |"),
        ("#{=/2/#{session_name}:#{l:xyz}}", "xyabcdefgh"),
    ]);
}

#[test]
fn variables_and_aliases() {
    check(&[
        ("#{session_name}", "abcdefgh"),
        ("[#{nosuch}]", "[]"),
        ("#{ session_name}", ""),
        (
            "#S #W #I #P #T #D #F #H #h",
            "abcdefgh wïdé日本語 0 0 title %0 * host.example.com host",
        ),
        ("#X #", "#X #"),
        ("#é", "#é"),
        ("plain text", "plain text"),
        ("", ""),
    ]);
}

#[test]
fn conditionals() {
    check(&[
        ("#{?one,yes,no}", "yes"),
        ("#{?zero,yes,no}", "no"),
        ("#{?empty,yes,no}", "no"),
        ("#{?one,yes}", "yes"),
        ("#{?zero,yes}|", "|"),
        ("#{?,a,b}", "b"),
        ("#{?#{l:00},y,n}", "y"),
        ("#{?#{l: },y,n}", "y"),
        ("#{?#{==:#{pane_index},0},a,b}", "a"),
        ("#{?one,#{?zero,a,b},c}", "b"),
        ("#{?one,#{==:x,x},no}", "1"),
        ("#{?zero,no,#{?one,#{s/a/A/:session_name},x}}", "Abcdefgh"),
        ("#{?one,#{comma},x}", "a,b"),
        ("#{?one,#[fg=red,bg=blue]x,y}", "#[fg=red,bg=blue]x"),
        ("#{?zero,#[fg=red,bg=blue]x,y}", "y"),
        ("#{?one,a#,b,c}", "a,b"),
        ("#{?one,#{?one,#{?one,deep,n},n},n}", "deep"),
    ]);
}

#[test]
fn comparisons() {
    check(&[
        ("#{==:a,a}#{==:a,b}#{==:,}", "101"),
        ("#{!=:a,b}#{!=:a,a}", "10"),
        ("#{<:a,b}#{<:b,a}#{>:b,a}#{>:a,b}", "1010"),
        ("#{<=:a,a}#{>=:a,b}", "10"),
        ("#{||:0,}#{||:0,x}#{||:zero,0}", "011"),
        ("#{&&:1,x}#{&&:1,0}#{&&:#{one},#{zero}}", "100"),
        ("#{==:#{window_index},#{pane_index}}", "1"),
        ("#{==:#{?one,x,y},x}", "1"),
        ("#{==:a#,b,a,b}", "1"),
    ]);
}

#[test]
fn truncation_and_padding() {
    check(&[
        ("#{=1:window_name}", "w"),
        ("#{=-1:window_name}|", "|"),
        ("#{=99:session_name}", "abcdefgh"),
        ("#{=99999999999999999999:session_name}", "abcdefgh"),
        ("#{=2:combining}", "ae\u{301}"),
        ("#{=-2:combining}", "e\u{301}b"),
        ("#{=3:nosuch}|", "|"),
        ("#{=/2/#{session_name}:#{l:xyz}}", "xyabcdefgh"),
        ("#{p5:#{l:ab}}|", "ab   |"),
        ("#{p-3:#{l:x}}|", "  x|"),
        ("#{p99999999999:session_name}|", "abcdefgh|"),
        ("#{p20000:one}", "1"),
        ("#{px:one}", "1"),
    ]);
}

#[test]
fn substitution() {
    check(&[
        ("#{s/a/X/:#{l:aaa}}", "XXX"),
        ("#{s//X/:one}", "1"),
        ("#{s/nothere/X/:one}", "1"),
        ("#{s/[a-c]/X/:session_name}", "XXXdefgh"),
        ("#{s/ï/i/:window_name}", "widé日本語"),
        ("#{s/É/E/i:window_name}", "wïdé日本語"),
        ("#{s/cd/XX:session_name}", "abXXefgh"),
        ("#{sx:session_name}|", "abcdefgh|"),
    ]);
}

#[test]
fn truthiness() {
    for (value, want) in [
        ("", false),
        ("0", false),
        ("1", true),
        ("00", true),
        (" ", true),
    ] {
        assert_eq!(is_true(value), want, "{value:?}");
    }
}

#[test]
fn malformed_formats_do_not_panic() {
    check(&[
        ("#{==:a}", ""),
        ("#{?", ""),
        ("#{?a,", ""),
        ("#{=", ""),
        ("#{=/", ""),
        ("#{=/3:session_name}", "abc"),
        ("}}}", "}}}"),
        ("#}", "}"),
        ("#", "#"),
        ("#[", "#["),
        ("#[fg=red", "#[fg=red"),
        ("a#{b#}c", "a"),
    ]);
}

#[test]
fn deep_nesting_is_bounded() {
    let start = Instant::now();
    let open = "#{?one,".repeat(1000) + "x" + &",y}".repeat(1000);
    assert_eq!(x(&open), "");
    let shallow = "#{?one,".repeat(10) + "x" + &",y}".repeat(10);
    assert_eq!(x(&shallow), "x");
    let braces = "#{".repeat(1000) + &"}".repeat(1000);
    assert_eq!(x(&braces), "");
    let unclosed = "#{".repeat(100_000);
    assert_eq!(x(&unclosed), "");
    let brackets = "#[".repeat(50_000) + "#{?one,a,b}";
    assert_eq!(x(&brackets), "#[".repeat(50_000) + "a");
    let hashes = "#".repeat(200_001) + "S";
    assert_eq!(x(&hashes), "#".repeat(100_000) + "abcdefgh");
    let conds = "#{?#{==:".repeat(1000) + &"a,a},y,n}".repeat(1000);
    x(&conds);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn random_formats_do_not_panic() {
    let alphabet: Vec<char> = "#{}[],?=:!<>&|abc%".chars().collect();
    let mut rng = mux_testkit::Rng::new(0x9e37_79b9_7f4a_7c15);
    let any = |_: &str| Some("v,#{}".to_string());
    for _ in 0..10_000 {
        let s = rng.string(&alphabet, 40);
        expand(&s, &vars);
        expand(&s, &any);
        let runs = crate::config::style::styled_runs(&s, Default::default());
        crate::config::style::layout_cells(&runs, 10);
        let _ = crate::config::style::parse_style(&s, Default::default());
    }
}
