//! tmux styles: parsing `fg=red,bg=colour235,bold` option values and inline `#[...]` markers,
//! naming colours and styles back in tmux's words, and laying styled text out into cells.

use mux_protocol::{Attrs, Color, Style};
use unicode_width::UnicodeWidthChar;

/// The eight ANSI colour names, in palette order.
const COLOUR_NAMES: [&str; 8] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
];

/// Attribute words in the order [`style_text`] writes them, with their bits.
const ATTR_WORDS: [(&str, Attrs); 8] = [
    ("bold", Attrs::BOLD),
    ("dim", Attrs::DIM),
    ("underscore", Attrs::UNDERLINE),
    ("blink", Attrs::BLINK),
    ("reverse", Attrs::REVERSE),
    ("hidden", Attrs::HIDDEN),
    ("italics", Attrs::ITALIC),
    ("strikethrough", Attrs::STRIKE),
];

/// Words tmux uses for status-line layout; they are accepted and change nothing here.
const LAYOUT_WORDS: [&str; 4] = ["push-default", "pop-default", "norange", "nolist"];

/// Parses a tmux style such as `fg=red,bg=colour235,bold,noitalics` applied on top of `base`.
///
/// Words are separated by commas or spaces. `default` returns to `base`, `fg=default` and
/// `bg=default` take `base`'s colour, and `none` clears the attributes. An unknown word or
/// colour fails the whole style with tmux's message, `invalid style: <spec>`.
pub fn parse_style(spec: &str, base: Style) -> Result<Style, String> {
    let mut style = base;
    for word in style_words(spec) {
        style = apply_word(style, word, base).ok_or_else(|| format!("invalid style: {spec}"))?;
    }
    Ok(style)
}

/// Parses a colour: `default` or `terminal`, the eight names and their `bright` forms,
/// `0`–`7` and `90`–`97`, `colour0`–`colour255` (or `color`), or `#rrggbb`.
///
/// Case does not matter. Returns None for anything else.
pub fn parse_colour(s: &str) -> Option<Color> {
    let lower = s.to_ascii_lowercase();
    let name = lower.as_str();
    if name == "default" || name == "terminal" {
        return Some(Color::Default);
    }
    if let Some(hex) = name.strip_prefix('#') {
        return parse_hex(hex);
    }
    if let Some(n) = name
        .strip_prefix("colour")
        .or_else(|| name.strip_prefix("color"))
    {
        return n.parse::<u8>().ok().map(Color::Indexed);
    }
    let (bright, plain) = match name.strip_prefix("bright") {
        Some(rest) => (8, rest),
        None => (0, name),
    };
    if let Some((i, _)) = (0u8..).zip(COLOUR_NAMES).find(|&(_, n)| n == plain) {
        return Some(Color::Indexed(bright + i));
    }
    match name.parse::<u8>().ok()? {
        n @ 0..=7 => Some(Color::Indexed(n)),
        n @ 90..=97 => Some(Color::Indexed(n - 82)),
        _ => None,
    }
}

/// Returns the colour for six hex digits, or None if they are not exactly that.
fn parse_hex(hex: &str) -> Option<Color> {
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// Splits a style into its words: commas and spaces separate them, empty words are skipped.
fn style_words(spec: &str) -> impl Iterator<Item = &str> {
    spec.split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
}

/// Applies one style word to `style`; `base` is what `default` means. None if it is unknown.
fn apply_word(mut style: Style, word: &str, base: Style) -> Option<Style> {
    let lower = word.to_ascii_lowercase();
    if let Some((key, value)) = lower.split_once('=') {
        return apply_setting(style, key, value, base);
    }
    match lower.as_str() {
        "default" => return Some(base),
        "none" => style.attrs = Attrs::NONE,
        w if LAYOUT_WORDS.contains(&w) => {}
        w => match (attr_bits(w), w.strip_prefix("no").and_then(attr_bits)) {
            (Some(bits), _) => style.attrs.insert(bits),
            (None, Some(bits)) => style.attrs.remove(bits),
            (None, None) => return None,
        },
    }
    Some(style)
}

/// Applies a `key=value` word: colours, or layout settings that are checked and ignored.
fn apply_setting(mut style: Style, key: &str, value: &str, base: Style) -> Option<Style> {
    let colour = |base_colour: Color| match value {
        "default" => Some(base_colour),
        _ => parse_colour(value),
    };
    match key {
        "fg" => style.fg = colour(base.fg)?,
        "bg" => style.bg = colour(base.bg)?,
        "us" | "fill" => {
            parse_colour(value)?;
        }
        "align" if ["left", "centre", "right", "absolute-centre"].contains(&value) => {}
        "list" if ["on", "focus", "left-marker", "right-marker"].contains(&value) => {}
        "range" if !value.is_empty() => {}
        _ => return None,
    }
    Some(style)
}

/// Returns the attribute bits an attribute word names (`none` and `default` name none), or
/// None if the word is not an attribute.
fn attr_bits(word: &str) -> Option<Attrs> {
    let bits = match word {
        "none" | "default" | "overline" | "acs" => Attrs::NONE,
        "bright" => Attrs::BOLD,
        "double-underscore" | "curly-underscore" | "dotted-underscore" | "dashed-underscore" => {
            Attrs::UNDERLINE
        }
        w => ATTR_WORDS.iter().find(|(name, _)| *name == w)?.1,
    };
    Some(bits)
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text, without any `#[...]` markers.
    pub text: String,
    /// The style it is drawn in.
    pub style: Style,
}

/// Splits text containing inline `#[...]` markers into styled runs.
///
/// `#[default]` returns to `base`; other markers modify the current style, and words in them
/// that are not styles (`align=right`, `list=on`, typos) are ignored. Before a `[`, a run of
/// `#`s is halved as tmux draws it: `##[` is a literal `#[`, `###[x]` is `#` then a marker.
/// A `#[` with no closing `]` is literal text. Empty runs are left out and neighbouring runs
/// in the same style are merged.
pub fn styled_runs(text: &str, base: Style) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut style = base;
    let mut buf = String::new();
    let mut rest = text;
    let mut closable = true;
    while let Some(pos) = rest.find('#') {
        buf.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        if !rest[hashes..].starts_with('[') {
            buf.push_str(&rest[..hashes]);
            rest = &rest[hashes..];
            continue;
        }
        buf.extend(std::iter::repeat_n('#', hashes / 2));
        let body = &rest[hashes + 1..];
        let close = if closable { body.find(']') } else { None };
        closable = close.is_some();
        match close {
            Some(end) if hashes % 2 == 1 => {
                push_run(&mut runs, std::mem::take(&mut buf), style);
                style = apply_marker(style, &body[..end], base);
                rest = &body[end + 1..];
            }
            _ => {
                buf.push_str(if hashes % 2 == 1 { "#[" } else { "[" });
                rest = body;
            }
        }
    }
    buf.push_str(rest);
    push_run(&mut runs, buf, style);
    runs
}

/// Applies the words of one `#[...]` marker to `style`, skipping words that are not styles.
fn apply_marker(style: Style, body: &str, base: Style) -> Style {
    style_words(body).fold(style, |s, w| apply_word(s, w, base).unwrap_or(s))
}

/// Appends a run, merging it into the last one when the styles match; empty text is dropped.
fn push_run(runs: &mut Vec<Run>, text: String, style: Style) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.style == style => last.text.push_str(&text),
        _ => runs.push(Run { text, style }),
    }
}

/// Returns how many cells a character takes when drawn: control characters count as one
/// (they are drawn as spaces), combining marks as none, wide characters as two.
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        return 1;
    }
    c.width().unwrap_or(1)
}

/// Lays runs out into at most `width` cells, each a (text, style) pair.
///
/// A wide character fills two cells, the second with empty text; one that does not fit in the
/// last cell is replaced by a space. Combining marks join the previous cell, and control
/// characters become spaces. The result is never padded to `width`.
pub fn layout_cells(runs: &[Run], width: usize) -> Vec<(String, Style)> {
    let mut cells: Vec<(String, Style)> = Vec::new();
    let mut last_text: Option<usize> = None;
    for run in runs {
        for c in run.text.chars() {
            let w = char_width(c);
            if w == 0 {
                if let Some(i) = last_text {
                    cells[i].0.push(c);
                }
                continue;
            }
            if cells.len() + w > width {
                if cells.len() < width {
                    cells.push((" ".to_string(), run.style));
                }
                return cells;
            }
            last_text = Some(cells.len());
            let text = if c.is_control() { ' ' } else { c };
            cells.push((text.to_string(), run.style));
            if w == 2 {
                cells.push((String::new(), run.style));
            }
        }
    }
    cells
}

/// Returns the display width of the runs' text, counting as [`layout_cells`] does.
pub fn runs_width(runs: &[Run]) -> usize {
    runs.iter()
        .flat_map(|r| r.text.chars())
        .map(char_width)
        .sum()
}

#[cfg(test)]
mod tests;
