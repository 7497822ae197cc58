use std::time::{Duration, Instant};

use mux_protocol::{Attrs, Color, Style};

use super::{layout_cells, parse_colour, parse_style, runs_width};
use super::{styled_runs, Run};

const RED: Color = Color::Indexed(1);
const BLUE: Color = Color::Indexed(4);

fn style(fg: Color, bg: Color, attrs: u16) -> Style {
    Style {
        fg,
        bg,
        attrs: Attrs(attrs),
        underline_color: Color::Default,
    }
}

fn run(text: &str, s: Style) -> Run {
    Run {
        text: text.to_string(),
        style: s,
    }
}

#[test]
fn colours() {
    let cases = [
        ("default", Some(Color::Default)),
        ("terminal", Some(Color::Default)),
        ("black", Some(Color::Indexed(0))),
        ("white", Some(Color::Indexed(7))),
        ("RED", Some(RED)),
        ("brightblack", Some(Color::Indexed(8))),
        ("BrightWhite", Some(Color::Indexed(15))),
        ("colour0", Some(Color::Indexed(0))),
        ("colour255", Some(Color::Indexed(255))),
        ("color12", Some(Color::Indexed(12))),
        ("Colour007", Some(Color::Indexed(7))),
        ("colour256", None),
        ("colour", None),
        ("colour-1", None),
        ("3", Some(Color::Indexed(3))),
        ("8", None),
        ("90", Some(Color::Indexed(8))),
        ("97", Some(Color::Indexed(15))),
        ("98", None),
        ("255", None),
        ("#0a0B0c", Some(Color::Rgb(10, 11, 12))),
        ("#abc", None),
        ("#fffffff", None),
        ("#ggg000", None),
        ("#", None),
        ("#ééé", None),
        ("", None),
        ("nope", None),
        ("bright", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_colour(text), want, "{text:?}");
    }
}

/// The accepted and refused styles were checked against tmux 3.3a with
/// `tmux set -g status-style SPEC`, which refuses with exactly `invalid style: SPEC`.
#[test]
fn styles() {
    let base = style(Color::Indexed(2), Color::Indexed(3), Attrs::DIM.0);
    let d = Style::default();
    let cases = [
        (
            "fg=red,bg=colour235,bold,noitalics",
            d,
            style(RED, Color::Indexed(235), 1),
        ),
        ("fg=red bg=blue", d, style(RED, BLUE, 0)),
        ("fg=red, bold", d, style(RED, Color::Default, 1)),
        ("fg=red,,bold", d, style(RED, Color::Default, 1)),
        ("", base, base),
        (",", base, base),
        ("bold", base, style(Color::Indexed(2), Color::Indexed(3), 3)),
        ("Bold,BRIGHT", d, style(Color::Default, Color::Default, 1)),
        (
            "nodim",
            base,
            style(Color::Indexed(2), Color::Indexed(3), 0),
        ),
        (
            "bold,none",
            base,
            style(Color::Indexed(2), Color::Indexed(3), 0),
        ),
        ("fg=blue,bold,default", base, base),
        ("bold,default,fg=blue", d, style(BLUE, Color::Default, 0)),
        ("fg=blue,bg=red,fg=default,bg=default", base, base),
        (
            "fg=terminal,bg=terminal",
            base,
            style(Color::Default, Color::Default, 2),
        ),
        ("us=red,fill=blue,overline,acs", d, d),
        (
            "double-underscore",
            d,
            style(Color::Default, Color::Default, 8),
        ),
        ("align=right,list=on,range=window|1,norange,nolist", d, d),
        ("push-default,pop-default", d, d),
        ("nonone,nodefault", base, base),
        (
            "underscore,blink,reverse,hidden,italics,strikethrough,dim",
            d,
            style(d.fg, d.bg, 254),
        ),
        (
            "fg=#ff0000",
            d,
            style(Color::Rgb(255, 0, 0), Color::Default, 0),
        ),
    ];
    for (spec, on, want) in cases {
        assert_eq!(parse_style(spec, on), Ok(want), "{spec:?}");
    }
}

#[test]
fn bad_styles() {
    let bad = [
        "fg=nope",
        "bogus",
        "fg=red,bogus",
        "bold bogus",
        "fg = red",
        "fg=",
        "bold=1",
        "noattr",
        "fg=colour256",
        "fg=8",
        "fg=#abc",
        "fg=red;bg=blue",
        "align=nope",
        "list=x",
        "range=",
        "us=nope",
        "fg=none",
    ];
    for spec in bad {
        let want = Err(format!("invalid style: {spec}"));
        assert_eq!(parse_style(spec, Style::default()), want, "{spec:?}");
    }
}

#[test]
fn runs() {
    let base = style(Color::Default, Color::Indexed(2), 0);
    let red = style(RED, Color::Indexed(2), 0);
    let red_bold = style(RED, Color::Indexed(2), 1);
    let cases: Vec<(&str, Vec<Run>)> = vec![
        ("plain", vec![run("plain", base)]),
        ("", vec![]),
        (
            "a#[fg=red]b#[bold]c#[default]d",
            vec![
                run("a", base),
                run("b", red),
                run("c", red_bold),
                run("d", base),
            ],
        ),
        (
            "#[fg=red]#[fg=blue]x",
            vec![run("x", style(BLUE, Color::Indexed(2), 0))],
        ),
        ("a#[align=right]b", vec![run("ab", base)]),
        ("#[fg=red,bogus,bold]x", vec![run("x", red_bold)]),
        (
            "#[fg=red bold]x#[fg=default]y",
            vec![
                run("x", red_bold),
                run("y", style(Color::Default, Color::Indexed(2), 1)),
            ],
        ),
        ("#[list=on range=left push-default]x", vec![run("x", base)]),
        ("##[bold]x", vec![run("#[bold]x", base)]),
        (
            "###[bold]x",
            vec![
                run("#", base),
                run("x", style(Color::Default, Color::Indexed(2), 1)),
            ],
        ),
        ("####[x]", vec![run("##[x]", base)]),
        ("a##b#c#", vec![run("a##b#c#", base)]),
        ("#[fg=red", vec![run("#[fg=red", base)]),
        ("x#[", vec![run("x#[", base)]),
        ("#[fg=red]#[fg=blue", vec![run("#[fg=blue", red)]),
        ("#[]x#[]", vec![run("x", base)]),
    ];
    for (text, want) in cases {
        assert_eq!(styled_runs(text, base), want, "{text:?}");
    }
}

#[test]
fn layout() {
    let s = Style::default();
    let r = style(RED, Color::Default, 0);
    let cells = |runs: &[Run], w| -> Vec<String> {
        layout_cells(runs, w).into_iter().map(|c| c.0).collect()
    };
    assert_eq!(cells(&[run("ab", s), run("c", r)], 10), ["a", "b", "c"]);
    assert_eq!(
        layout_cells(&[run("a", s), run("b", r)], 10),
        [("a".into(), s), ("b".into(), r)]
    );
    assert_eq!(cells(&[run("abc", s)], 2), ["a", "b"]);
    assert_eq!(cells(&[run("a日b", s)], 10), ["a", "日", "", "b"]);
    assert_eq!(cells(&[run("a日", s)], 2), ["a", " "]);
    assert_eq!(cells(&[run("日日", s)], 3), ["日", "", " "]);
    assert_eq!(cells(&[run("a\tb\x1b", s)], 10), ["a", " ", "b", " "]);
    assert_eq!(cells(&[run("e\u{301}x", s)], 10), ["e\u{301}", "x"]);
    assert_eq!(cells(&[run("日\u{301}", s)], 10), ["日\u{301}", ""]);
    assert_eq!(cells(&[run("\u{301}a", s)], 10), ["a"]);
    assert_eq!(cells(&[run("ab", s)], 0), Vec::<String>::new());
    assert_eq!(cells(&[], 5), Vec::<String>::new());
}

#[test]
fn widths() {
    let s = Style::default();
    let cases = [
        ("", 0),
        ("abc", 3),
        ("日本", 4),
        ("e\u{301}", 1),
        ("a\tb", 3),
        ("wïdé日本語", 10),
    ];
    for (text, want) in cases {
        let runs = [run(text, s)];
        assert_eq!(runs_width(&runs), want, "{text:?}");
        assert_eq!(layout_cells(&runs, usize::MAX).len(), want, "{text:?}");
    }
}

#[test]
fn hostile_input_is_bounded() {
    let start = Instant::now();
    let text = "#[".repeat(100_000) + "x";
    assert_eq!(
        styled_runs(&text, Style::default()),
        [run(&text, Style::default())]
    );
    let hashes = "#".repeat(100_001) + "[bold]x";
    assert_eq!(styled_runs(&hashes, Style::default()).len(), 2);
    let long = "bold,".repeat(100_000);
    assert!(parse_style(&long, Style::default()).is_ok());
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn random_styles_do_not_panic() {
    let alphabet: Vec<char> = "#{}[],?=:!<>&|abc% fgbdolr日\u{301}\t".chars().collect();
    let mut rng = mux_testkit::Rng::new(0x2545_f491_4f6c_dd1d);
    for _ in 0..10_000 {
        let s = rng.string(&alphabet, 40);
        let _ = parse_style(&s, Style::default());
        let _ = parse_colour(&s);
        let runs = styled_runs(&s, Style::default());
        let width = rng.index(12);
        assert!(layout_cells(&runs, width).len() <= width);
        assert_eq!(
            layout_cells(&runs, usize::MAX).len(),
            runs_width(&runs),
            "{s:?}"
        );
    }
}
