//! Format expansion, checked against what tmux 3.3a prints for the same formats.

use super::*;

fn vars(name: &str) -> Option<String> {
    Some(
        match name {
            "session_name" => "work",
            "window_index" => "1",
            "window_name" => "vim",
            "window_flags" => "*",
            "pane_index" => "0",
            "empty" => "",
            "zero" => "0",
            "wide" => "漢字かな",
            _ => return None,
        }
        .to_string(),
    )
}

fn x(f: &str) -> String {
    expand(f, &vars)
}

#[test]
fn variables_aliases_and_escapes() {
    assert_eq!(x("[#{session_name}] "), "[work] ");
    assert_eq!(x("#S:#I.#P #W#F"), "work:1.0 vim*");
    assert_eq!(x("## #, #} #x"), "# , } #x");
    assert_eq!(x("#{nope}x"), "x");
    assert_eq!(x("trailing #"), "trailing #");
}

#[test]
fn conditionals_nest_and_keep_commas_inside_branches() {
    assert_eq!(x("#{?window_flags,#{window_flags}, }"), "*");
    assert_eq!(x("#{?empty,yes,no}"), "no");
    assert_eq!(x("#{?zero,yes,no}"), "no");
    assert_eq!(x("#{?#{==:#{pane_index},0},first,other}"), "first");
    assert_eq!(x("#{?session_name,#{?empty,a,b#,c},d}"), "b,c");
    assert_eq!(x("#{?session_name,#[fg=red]x,y}"), "#[fg=red]x");
    assert_eq!(x("#{?empty,yes}"), "");
}

#[test]
fn comparisons_and_logic() {
    assert_eq!(x("#{==:#{session_name},work}"), "1");
    assert_eq!(x("#{!=:a,b}"), "1");
    assert_eq!(x("#{||:#{empty},#{session_name}}"), "1");
    assert_eq!(x("#{&&:#{empty},#{session_name}}"), "0");
    assert_eq!(x("#{<:a,b}"), "1");
}

#[test]
fn truncation_padding_literals_and_substitution() {
    assert_eq!(x("#{=2:session_name}"), "wo");
    assert_eq!(x("#{=-2:session_name}"), "rk");
    assert_eq!(x("#{=3:wide}"), "漢");
    assert_eq!(x("#{p6:session_name}|"), "work  |");
    assert_eq!(x("#{l:#{session_name}}"), "#{session_name}");
    assert_eq!(x("#{s/or/OR/:session_name}"), "wORk");
}

#[test]
fn styles_pass_through_with_their_formats_expanded() {
    assert_eq!(
        x("#[fg=#{?empty,red,blue}]a#[default]"),
        "#[fg=blue]a#[default]"
    );
}

#[test]
fn malformed_and_hostile_formats_never_panic() {
    for f in [
        "#{", "#{?a", "#{==:a}", "#[fg=red", "#{?,,,,}", "#{=x:y}", "#{s/:a}", "#",
    ] {
        let _ = x(f);
    }
    let deep = "#{?a,".repeat(1000) + &"}".repeat(1000);
    let _ = x(&deep);
    let mut seed = 0x9e37_79b9_u32;
    let alphabet: Vec<char> = "#{}[],?=:!<>&|abc%".chars().collect();
    for _ in 0..10_000 {
        let mut s = String::new();
        for _ in 0..16 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            s.push(alphabet[(seed as usize) % alphabet.len()]);
        }
        let _ = x(&s);
    }
}
