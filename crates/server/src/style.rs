//! tmux styles: `fg=red,bg=colour235,bold` option values and inline `#[...]` markers in
//! formats, turned into runs of styled text and laid out into cells.

use mux_protocol::{Attrs, Color, Style};
use unicode_width::UnicodeWidthChar;

/// The attribute words and their bits.
const ATTRS: &[(&str, u16)] = &[
    ("bright", Attrs::BOLD),
    ("bold", Attrs::BOLD),
    ("dim", Attrs::DIM),
    ("underscore", Attrs::UNDERLINE),
    ("blink", Attrs::BLINK),
    ("reverse", Attrs::REVERSE),
    ("hidden", Attrs::HIDDEN),
    ("italics", Attrs::ITALIC),
    ("strikethrough", Attrs::STRIKE),
];

/// The eight basic colour names, in index order.
const NAMES: [&str; 8] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
];

/// Words that only matter for status-line layout; accepted and ignored.
const IGNORED: &[&str] = &[
    "align",
    "list",
    "range",
    "norange",
    "nolist",
    "push-default",
    "pop-default",
    "fill",
    "us",
    "none-default",
];

/// Parses a style applied on top of `base`; `Err` names the first word not understood.
pub fn parse_style(spec: &str, base: Style) -> Result<Style, String> {
    let mut style = base;
    for word in spec
        .split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        apply_word(&mut style, word, base).map_err(|_| format!("invalid style: {spec}"))?;
    }
    Ok(style)
}

/// Applies one style word.
fn apply_word(style: &mut Style, word: &str, base: Style) -> Result<(), ()> {
    let lower = word.to_ascii_lowercase();
    if let Some((key, value)) = lower.split_once('=') {
        return match key {
            "fg" => parse_colour(value).map(|c| style.fg = c).ok_or(()),
            "bg" => parse_colour(value).map(|c| style.bg = c).ok_or(()),
            k if IGNORED.contains(&k) => Ok(()),
            _ => Err(()),
        };
    }
    match lower.as_str() {
        "default" => *style = base,
        "none" => style.attrs = Attrs::default(),
        w if IGNORED.contains(&w) => {}
        w => {
            let (off, name) = match w.strip_prefix("no") {
                Some(rest) if ATTRS.iter().any(|(n, _)| *n == rest) => (true, rest),
                _ => (false, w),
            };
            let (_, bit) = ATTRS.iter().find(|(n, _)| *n == name).ok_or(())?;
            style.attrs = if off {
                Attrs(style.attrs.0 & !bit)
            } else {
                Attrs(style.attrs.0 | bit)
            };
        }
    }
    Ok(())
}

/// Parses a colour name: `default`, `terminal`, the eight names and their `bright` forms,
/// `colourN`/`colorN`, a plain number 0–255, or `#rrggbb`.
pub fn parse_colour(s: &str) -> Option<Color> {
    let s = s.to_ascii_lowercase();
    if s == "default" || s == "terminal" {
        return Some(Color::Default);
    }
    if let Some(i) = NAMES.iter().position(|n| *n == s) {
        return Some(Color::Indexed(i as u8));
    }
    if let Some(i) = s
        .strip_prefix("bright")
        .and_then(|r| NAMES.iter().position(|n| *n == r))
    {
        return Some(Color::Indexed(i as u8 + 8));
    }
    if let Some(n) = s
        .strip_prefix("colour")
        .or_else(|| s.strip_prefix("color"))
        .or(Some(s.as_str()))
    {
        if let Ok(i) = n.parse::<u8>() {
            return Some(Color::Indexed(i));
        }
    }
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Its style.
    pub style: Style,
}

/// Splits text with inline `#[...]` markers into styled runs; `#[default]` returns to `base`.
pub fn styled_runs(text: &str, base: Style) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut style = base;
    let mut rest = text;
    while let Some(at) = rest.find("#[") {
        let Some(close) = rest[at..].find(']') else {
            break;
        };
        push(&mut runs, &rest[..at], style);
        let spec = &rest[at + 2..at + close];
        for word in spec
            .split([',', ' '])
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            let _ = apply_word(&mut style, word, base);
        }
        rest = &rest[at + close + 1..];
    }
    push(&mut runs, rest, style);
    runs
}

fn push(runs: &mut Vec<Run>, text: &str, style: Style) {
    if !text.is_empty() {
        runs.push(Run {
            text: text.to_string(),
            style,
        });
    }
}

/// Returns the display width of the runs' text.
pub fn runs_width(runs: &[Run]) -> usize {
    runs.iter()
        .flat_map(|r| r.text.chars())
        .map(|c| {
            if c.is_control() {
                1
            } else {
                c.width().unwrap_or(0)
            }
        })
        .sum()
}

/// Lays runs into at most `width` cells: a wide character fills two cells (the second is
/// empty text), one that does not fit becomes a space, control characters become spaces,
/// zero-width characters join the cell before.
pub fn layout_cells(runs: &[Run], width: usize) -> Vec<(String, Style)> {
    let mut cells: Vec<(String, Style)> = Vec::new();
    for run in runs {
        for c in run.text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            let w = c.width().unwrap_or(0);
            if w == 0 {
                if let Some(last) = cells.iter_mut().rev().find(|(t, _)| !t.is_empty()) {
                    last.0.push(c);
                }
                continue;
            }
            if cells.len() + w > width {
                if cells.len() < width {
                    cells.push((" ".into(), run.style));
                }
                return cells;
            }
            cells.push((c.to_string(), run.style));
            if w == 2 {
                cells.push((String::new(), run.style));
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests;
