//! Styles and styled runs.

use super::*;

fn st(fg: Color, bg: Color, attrs: u16) -> Style {
    Style {
        fg,
        bg,
        attrs: Attrs(attrs),
    }
}

#[test]
fn styles_parse_like_tmux() {
    let base = Style::default();
    assert_eq!(
        parse_style("bg=green,fg=black", base),
        Ok(st(Color::Indexed(0), Color::Indexed(2), 0))
    );
    assert_eq!(
        parse_style("fg=colour235,bold,italics", base),
        Ok(st(Color::Indexed(235), Color::Default, 1 | 4))
    );
    assert_eq!(
        parse_style("fg=#ff0080", base).map(|s| s.fg),
        Ok(Color::Rgb(255, 0, 128))
    );
    assert_eq!(
        parse_style("fg=brightred", base).map(|s| s.fg),
        Ok(Color::Indexed(9))
    );
    assert_eq!(
        parse_style("bold,nobold", base).map(|s| s.attrs),
        Ok(Attrs(0))
    );
    assert_eq!(
        parse_style("default", st(Color::Indexed(1), Color::Default, 0)),
        Ok(st(Color::Indexed(1), Color::Default, 0))
    );
    assert_eq!(
        parse_style("fg=nope", base),
        Err("invalid style: fg=nope".into())
    );
    assert_eq!(
        parse_style("sparkly", base),
        Err("invalid style: sparkly".into())
    );
}

#[test]
fn inline_markers_split_runs() {
    let base = st(Color::Indexed(0), Color::Indexed(2), 0);
    let runs = styled_runs("a#[fg=red,bold]b#[default]c#[align=right]d", base);
    assert_eq!(runs.len(), 4);
    assert_eq!(runs[1].style, st(Color::Indexed(1), Color::Indexed(2), 1));
    assert_eq!(runs[2].style, base);
    assert_eq!(runs[3].text, "d");
    assert_eq!(styled_runs("#[unclosed", base)[0].text, "#[unclosed");
}

#[test]
fn cells_respect_width_and_wide_characters() {
    let runs = styled_runs("a漢b", Style::default());
    assert_eq!(runs_width(&runs), 4);
    let cells = layout_cells(&runs, 4);
    let texts: Vec<&str> = cells.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["a", "漢", "", "b"]);
    let cut: Vec<String> = layout_cells(&runs, 2).into_iter().map(|(t, _)| t).collect();
    assert_eq!(cut, ["a", " "]);
}

#[test]
fn random_input_never_panics() {
    let mut seed = 0x1234_5678_u32;
    let alphabet: Vec<char> = "#{}[],?=:!fgbd=redlu漢\u{301}".chars().collect();
    for _ in 0..10_000 {
        let mut s = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            s.push(alphabet[(seed as usize) % alphabet.len()]);
        }
        let _ = parse_style(&s, Style::default());
        let runs = styled_runs(&s, Style::default());
        let _ = layout_cells(&runs, (seed % 10) as usize);
    }
}
