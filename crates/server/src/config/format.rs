//! tmux format expansion: `#{variable}`, `#{?cond,then,else}`, comparisons, matches,
//! arithmetic, the `l`, `=`, `p`, `s`, `q`, `b`, `d`, `n`, `w`, `E`, `!` and `a` modifiers,
//! `#S`-style aliases and `##` escapes. `#[...]` style markers pass through for the style
//! module, with formats inside them expanded.

use crate::config::style::char_width;

mod modifiers;

use modifiers::{arithmetic, matches, Post};

/// How deeply `#{...}` may nest; anything deeper expands to nothing.
const MAX_DEPTH: usize = 32;

/// The comparison modifiers.
const COMPARISONS: [&str; 8] = ["==", "!=", "<", ">", "<=", ">=", "||", "&&"];

/// The widest padding `#{pN:...}` makes; larger widths are ignored.
const MAX_PAD: usize = 10_000;

/// Expands a tmux format; `vars` answers a variable name with its value, None when it is
/// unknown (an unknown variable expands to nothing). `#(command)` asks `vars` for the name
/// `#(command` (the command's text, formats in it expanded), which no variable has.
///
/// Malformed formats never fail: an unclosed `#{` drops the rest of the text, an unknown
/// modifier or a comparison without two operands expands to nothing, as tmux does.
pub fn expand(fmt: &str, vars: &dyn Fn(&str) -> Option<String>) -> String {
    Expander { vars }.expand(fmt, 0)
}

/// Returns whether a value counts as true in a conditional: not empty and not `0`.
pub fn is_true(value: &str) -> bool {
    !value.is_empty() && value != "0"
}

/// Returns the variable a one-letter alias such as `#S` stands for.
fn alias(c: char) -> Option<&'static str> {
    let name = match c {
        'S' => "session_name",
        'W' => "window_name",
        'I' => "window_index",
        'P' => "pane_index",
        'T' => "pane_title",
        'D' => "pane_id",
        'F' => "window_flags",
        'H' => "host",
        'h' => "host_short",
        _ => return None,
    };
    Some(name)
}

/// Applies a comparison modifier such as `==` to two expanded operands; None if `op` is not
/// a comparison.
fn compare(op: &str, a: &str, b: &str) -> Option<bool> {
    let result = match op {
        "==" => a == b,
        "!=" => a != b,
        "<" => a < b,
        ">" => a > b,
        "<=" => a <= b,
        ">=" => a >= b,
        "||" => is_true(a) || is_true(b),
        "&&" => is_true(a) && is_true(b),
        _ => return None,
    };
    Some(result)
}

/// Where a directive's value comes from.
#[derive(Clone, Copy)]
enum Source {
    /// A variable (or a nested format).
    Value,
    /// The text itself, unexpanded (`l:`).
    Literal,
    /// A comparison of two formats, by its operator.
    Compare(&'static str),
    /// `m`: whether the second format matches the first as a pattern (`r`: a regular
    /// expression; `i`: ignoring case).
    Match { regex: bool, icase: bool },
    /// `e|op|`: arithmetic on two formats (`f`: in floating point).
    Arith { op: char, float: bool },
}

/// The modifiers before the `:` of a directive, with their arguments expanded.
struct Modifiers {
    source: Source,
    /// `s/pattern/replacement/flags`: the pattern, replacement and whether case is ignored.
    subst: Option<(String, String, bool)>,
    /// `=N` or `=/N/marker`: the width (negative keeps the end) and the marker.
    trunc: Option<(i64, String)>,
    /// `pN`: the width (negative pads on the left).
    pad: Option<i64>,
    /// One-argument modifiers applied to the value, in the order written.
    post: Vec<Post>,
}

/// Expands formats with one variable lookup.
struct Expander<'a> {
    vars: &'a dyn Fn(&str) -> Option<String>,
}

impl Expander<'_> {
    /// Expands `fmt`, which sits `depth` directives deep.
    fn expand(&self, fmt: &str, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return String::new();
        }
        let mut out = String::with_capacity(fmt.len());
        let mut rest = fmt;
        while let Some(pos) = rest.find('#') {
            out.push_str(&rest[..pos]);
            rest = self.hash(&rest[pos..], &mut out, depth);
        }
        out.push_str(rest);
        out
    }

    /// Expands the `#` sequence that starts `s` into `out`, returning the text after it.
    fn hash<'s>(&self, s: &'s str, out: &mut String, depth: usize) -> &'s str {
        let hashes = s.bytes().take_while(|&b| b == b'#').count();
        if s[hashes..].starts_with('[') {
            // Style markers, and `##[` escapes, are left for the style module.
            out.push_str(&s[..=hashes]);
            return &s[hashes + 1..];
        }
        // Pairs of `#` are escaped `#`s; an odd one left over starts a sequence.
        out.extend(std::iter::repeat_n('#', hashes / 2));
        let s = &s[hashes / 2 * 2..];
        let Some(after) = s.strip_prefix('#') else {
            return s;
        };
        let Some(c) = after.chars().next() else {
            out.push('#');
            return after;
        };
        match c {
            ',' | '}' => out.push(c),
            '(' => {
                let Some(end) = closing_paren(&after[1..]) else {
                    return "";
                };
                let command = self.expand(&after[1..=end], depth + 1);
                out.push_str(&self.lookup(&format!("#({command}")));
                return &after[end + 2..];
            }
            '{' => {
                let Some(end) = closing_brace(&after[1..]) else {
                    return "";
                };
                out.push_str(&self.directive(&after[1..=end], depth + 1));
                return &after[end + 2..];
            }
            _ => match alias(c) {
                Some(name) => out.push_str(&self.lookup(name)),
                None => {
                    out.push('#');
                    return after;
                }
            },
        }
        &after[c.len_utf8()..]
    }

    /// Returns a variable's value, empty when it is unknown.
    fn lookup(&self, name: &str) -> String {
        (self.vars)(name).unwrap_or_default()
    }

    /// Returns the value a name stands for: a variable, or a format when it holds `#{`.
    fn resolve(&self, name: &str, depth: usize) -> String {
        if name.contains("#{") {
            self.expand(name, depth)
        } else {
            self.lookup(name)
        }
    }

    /// Expands the inside of one `#{...}`.
    fn directive(&self, body: &str, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return String::new();
        }
        if let Some(rest) = body.strip_prefix('?') {
            return self.conditional(rest, depth);
        }
        let parts = split_top(body, b':', 2);
        let [mods, text] = parts[..] else {
            return self.resolve(body, depth);
        };
        let Some(mods) = self.modifiers(mods, depth) else {
            return String::new();
        };
        let mut value = match mods.source {
            // `a` takes a number as it is written, or a variable holding one.
            Source::Value if mods.post.first() == Some(&Post::Ascii) => {
                Some(self.resolve(text, depth))
                    .filter(|v| !v.is_empty())
                    .unwrap_or_else(|| text.to_string())
            }
            Source::Value => self.resolve(text, depth),
            Source::Literal => text.to_string(),
            Source::Compare(op) => match split_top(text, b',', 2)[..] {
                [a, b] => {
                    let yes = compare(op, &self.expand(a, depth), &self.expand(b, depth));
                    (if yes == Some(true) { "1" } else { "0" }).to_string()
                }
                _ => return String::new(),
            },
            Source::Match { regex, icase } => match split_top(text, b',', 2)[..] {
                [p, t] => {
                    let yes = matches(&self.expand(p, depth), &self.expand(t, depth), regex, icase);
                    (if yes { "1" } else { "0" }).to_string()
                }
                _ => return String::new(),
            },
            Source::Arith { op, float } => match split_top(text, b',', 2)[..] {
                [a, b] => arithmetic(op, float, &self.expand(a, depth), &self.expand(b, depth)),
                _ => return String::new(),
            },
        };
        for post in &mods.post {
            value = match post {
                Post::Expand => self.expand(&value, depth + 1),
                other => other.apply(&value),
            };
        }
        if let Some((pattern, replacement, icase)) = &mods.subst {
            value = substitute(&value, pattern, replacement, *icase);
        }
        if let Some((n, marker)) = &mods.trunc {
            value = truncate(&value, *n, marker);
        }
        match mods.pad {
            Some(n) => pad(&value, n),
            None => value,
        }
    }

    /// Expands `cond,then,else` (after the `?`): `then` when the condition is true.
    ///
    /// Everything after the second top-level comma is the else branch, which may be left out.
    fn conditional(&self, body: &str, depth: usize) -> String {
        let parts = split_top(body, b',', 3);
        if parts.len() < 2 {
            return String::new();
        }
        if is_true(&self.resolve(parts[0], depth)) {
            self.expand(parts[1], depth)
        } else {
            parts
                .get(2)
                .map_or_else(String::new, |e| self.expand(e, depth))
        }
    }

    /// Parses the `;`-separated modifiers before a directive's `:`. None if one is unknown.
    fn modifiers(&self, text: &str, depth: usize) -> Option<Modifiers> {
        let mut mods = Modifiers {
            source: Source::Value,
            subst: None,
            trunc: None,
            pad: None,
            post: Vec::new(),
        };
        for m in split_top(text, b';', usize::MAX) {
            if let Some(op) = COMPARISONS.iter().find(|&&op| op == m) {
                mods.source = Source::Compare(op);
                continue;
            }
            match m.as_bytes().first() {
                None => {}
                Some(b'l') if m == "l" => mods.source = Source::Literal,
                Some(b'=') => mods.trunc = self.trunc_modifier(&m[1..], depth),
                Some(b'p') => mods.pad = m[1..].parse().ok(),
                Some(b's') => mods.subst = self.subst_modifier(&m[1..], depth),
                Some(b'm') => {
                    let flags = m[1..].trim_start_matches('/');
                    mods.source = Source::Match {
                        regex: flags.contains('r'),
                        icase: flags.contains('i'),
                    };
                }
                Some(b'e') => {
                    let parts: Vec<&str> = m.get(2..).unwrap_or("").split('|').collect();
                    let op = parts.first().and_then(|o| o.chars().next())?;
                    let float = parts.get(1).is_some_and(|f| f.contains('f'));
                    mods.source = Source::Arith { op, float };
                }
                Some(_) => mods.post.push(Post::parse(m)?),
            }
        }
        Some(mods)
    }

    /// Parses the argument of `=`: `N`, `-N` or `/N/marker`. None (no truncation) if bad.
    fn trunc_modifier(&self, arg: &str, depth: usize) -> Option<(i64, String)> {
        let sep = *arg.as_bytes().first()?;
        if sep == b'-' || sep.is_ascii_digit() {
            return Some((arg.parse().ok()?, String::new()));
        }
        if !sep.is_ascii_punctuation() {
            return None;
        }
        let parts = split_top(&arg[1..], sep, 3);
        let marker = parts
            .get(1)
            .map_or_else(String::new, |m| self.expand(m, depth));
        Some((parts[0].parse().ok()?, marker))
    }

    /// Parses the argument of `s`: `/pattern/replacement/flags`, with any punctuation as `/`.
    /// None (no substitution) if there is no separator.
    fn subst_modifier(&self, arg: &str, depth: usize) -> Option<(String, String, bool)> {
        let sep = *arg.as_bytes().first()?;
        if !sep.is_ascii_punctuation() {
            return None;
        }
        let parts = split_top(&arg[1..], sep, 3);
        let pattern = self.expand(parts[0], depth);
        let replacement = parts
            .get(1)
            .map_or_else(String::new, |r| self.expand(r, depth));
        let icase = parts.get(2).is_some_and(|f| f.contains('i'));
        Some((pattern, replacement, icase))
    }
}

/// Returns the index of the `)` closing a `#(` command whose text starts `s`, or None.
fn closing_paren(s: &str) -> Option<usize> {
    let mut depth = 1usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Returns the index of the `}` closing a directive whose body starts `s`, or None.
///
/// Nested `#{` count as opening, and any other `#` escapes the character after it.
fn closing_brace(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 1usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                if b.get(i + 1) == Some(&b'{') {
                    depth += 1;
                }
                i += 2;
                continue;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Splits `s` at top-level `sep` bytes into at most `max` parts (the last takes the rest).
///
/// Separators inside nested `#{...}` or `#[...]`, or escaped by `#`, do not split.
fn split_top(s: &str, sep: u8, max: usize) -> Vec<&str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    let mut closable = true;
    while i < b.len() {
        match b[i] {
            b'#' => {
                match b.get(i + 1) {
                    Some(b'{') => depth += 1,
                    Some(b'[') if depth == 0 && closable => match s[i + 2..].find(']') {
                        Some(end) => i += end + 1,
                        None => closable = false,
                    },
                    _ => {}
                }
                i += 2;
                continue;
            }
            b'}' if depth > 0 => depth -= 1,
            c if c == sep && depth == 0 && parts.len() + 1 < max => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

/// Splits text into display clusters: a character with the combining marks after it,
/// each with its width in cells.
fn clusters(s: &str) -> Vec<(&str, usize)> {
    let mut out: Vec<(&str, usize)> = Vec::new();
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some((text, _)) if w == 0 => *text = &s[end - text.len() - c.len_utf8()..end],
            _ => out.push((&s[i..end], w)),
        }
    }
    out
}

/// Keeps the first `n` cells of `s` (the last `-n` when negative), adding `marker` where text
/// was cut. A wide character that would straddle the limit is dropped; 0 keeps everything.
fn truncate(s: &str, n: i64, marker: &str) -> String {
    let limit = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    let parts = clusters(s);
    if n == 0 || parts.iter().map(|p| p.1).sum::<usize>() <= limit {
        return s.to_string();
    }
    let mut used = 0;
    let fits = |&&(_, w): &&(&str, usize)| {
        used += w;
        used <= limit
    };
    if n > 0 {
        let kept: String = parts.iter().take_while(fits).map(|p| p.0).collect();
        kept + marker
    } else {
        let mut kept: Vec<&str> = parts.iter().rev().take_while(fits).map(|p| p.0).collect();
        kept.reverse();
        marker.to_string() + &kept.concat()
    }
}

/// Pads `s` with spaces to `n` cells, on the right (or on the left when `n` is negative).
fn pad(s: &str, n: i64) -> String {
    let target = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    let width: usize = s.chars().map(char_width).sum();
    if target > MAX_PAD || width >= target {
        return s.to_string();
    }
    let spaces = " ".repeat(target - width);
    if n > 0 {
        s.to_string() + &spaces
    } else {
        spaces + s
    }
}

/// Replaces every occurrence of `pattern` (plain text, not a regex) with `replacement`,
/// ignoring ASCII case when `icase` is set. An empty pattern changes nothing.
fn substitute(s: &str, pattern: &str, replacement: &str, icase: bool) -> String {
    if pattern.is_empty() {
        return s.to_string();
    }
    if let Some(out) = modifiers::substitute_regex(s, pattern, replacement, icase) {
        return out;
    }
    if !icase {
        return s.replace(pattern, replacement);
    }
    // ASCII lowercasing keeps byte offsets, so matches in the copy index the original.
    let (hay, needle) = (s.to_ascii_lowercase(), pattern.to_ascii_lowercase());
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, _) in hay.match_indices(&needle) {
        out.push_str(&s[last..i]);
        out.push_str(replacement);
        last = i + needle.len();
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests;
