//! The format modifiers that work on one value (`q`, `b`, `d`, `n`, `w`, `E`, `!`, `!!`,
//! `a`), matching (`m`, `m/r`, `m/i`), arithmetic (`e|+|`) and `s` with a regular
//! expression, as tmux 3.3a does them.

use crate::config::style::char_width;

/// The longest pattern or regular expression compiled for a match or substitution.
const MAX_PATTERN: usize = 1024;

/// A one-value modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    /// `q`: shell-quoted (special characters escaped with `\`).
    Quote,
    /// `b`: the last part of a path.
    Basename,
    /// `d`: a path without its last part.
    Dirname,
    /// `n`: the length in characters.
    Length,
    /// `w`: the width in cells.
    Width,
    /// `E`: expanded again as a format.
    Expand,
    /// `!`: `1` when the value is false, else `0`.
    Not,
    /// `!!`: `1` when the value is true, else `0`.
    NotNot,
    /// `a`: the character with this number.
    Ascii,
}

impl Post {
    /// Parses a one-value modifier; `None` if `m` is none of them.
    pub fn parse(m: &str) -> Option<Post> {
        Some(match m {
            "q" => Post::Quote,
            "b" => Post::Basename,
            "d" => Post::Dirname,
            "n" => Post::Length,
            "w" => Post::Width,
            "E" => Post::Expand,
            "!" => Post::Not,
            "!!" => Post::NotNot,
            "a" => Post::Ascii,
            _ => return None,
        })
    }

    /// Applies the modifier (all but [`Post::Expand`], which needs the expander).
    pub fn apply(self, value: &str) -> String {
        match self {
            Post::Quote => quote(value),
            Post::Basename => basename(value).to_string(),
            Post::Dirname => dirname(value).to_string(),
            Post::Length => value.chars().count().to_string(),
            Post::Width => value.chars().map(char_width).sum::<usize>().to_string(),
            Post::Expand => value.to_string(),
            Post::Not => flag(!super::is_true(value)),
            Post::NotNot => flag(super::is_true(value)),
            Post::Ascii => value
                .trim()
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .filter(|c| !c.is_control())
                .map(String::from)
                .unwrap_or_default(),
        }
    }
}

/// Returns `1` or `0`.
fn flag(yes: bool) -> String {
    (if yes { "1" } else { "0" }).to_string()
}

/// Escapes the characters a shell treats specially, as tmux's `q` does.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if "|&;<>()$`\\\"'*?[# =%".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Returns the last part of a path, as basename(3).
fn basename(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return if path.is_empty() { "." } else { "/" };
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// Returns a path without its last part, as dirname(3).
fn dirname(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(0) => "/",
        Some(i) => trimmed[..i].trim_end_matches('/'),
        None if path.starts_with('/') => "/",
        None => ".",
    }
}

/// Returns whether `text` matches `pattern`: a shell pattern, or a regular expression
/// found anywhere in it (`regex`), ignoring case with `icase`.
pub fn matches(pattern: &str, text: &str, regex: bool, icase: bool) -> bool {
    if pattern.len() > MAX_PATTERN {
        return false;
    }
    if regex {
        return build(pattern, icase).is_some_and(|re| re.is_match(text));
    }
    if icase {
        crate::config::pattern::matches(&pattern.to_lowercase(), &text.to_lowercase())
    } else {
        crate::config::pattern::matches(pattern, text)
    }
}

/// Compiles a regular expression whose case is ignored, with `icase`, for ASCII letters
/// only (as tmux's C library does); `None` if it is not valid.
fn build(pattern: &str, icase: bool) -> Option<regex::Regex> {
    let mut b = regex::RegexBuilder::new(pattern);
    b.case_insensitive(icase).size_limit(1 << 20);
    b.clone().unicode(false).build().or_else(|_| b.build()).ok()
}

/// Applies `e|op|`: `+ - * / m` (modulus) and the comparisons `== != < > <= >=`, on
/// integers or (`float`) with two decimals; a division by zero or an unknown operator gives
/// nothing.
pub fn arithmetic(op: char, float: bool, a: &str, b: &str) -> String {
    let (x, y) = (
        a.trim().parse::<f64>().unwrap_or(0.0),
        b.trim().parse::<f64>().unwrap_or(0.0),
    );
    let (x, y) = if float {
        (x, y)
    } else {
        (x.trunc(), y.trunc())
    };
    let value = match op {
        '+' => x + y,
        '-' => x - y,
        '*' => x * y,
        '/' if y != 0.0 => x / y,
        'm' if y != 0.0 => x % y,
        _ => return String::new(),
    };
    if float {
        format!("{value:.2}")
    } else {
        format!("{}", value.trunc())
    }
}

/// Substitutes a regular expression (tmux's `s` is one), `\1`.. in the replacement standing
/// for groups; `None` when the pattern is not a valid expression, so the caller falls back
/// to plain text.
pub fn substitute_regex(s: &str, pattern: &str, replacement: &str, icase: bool) -> Option<String> {
    if pattern.len() > MAX_PATTERN {
        return None;
    }
    let re = build(pattern, icase)?;
    let mut with_groups = String::new();
    let mut chars = replacement.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(d)) if d.is_ascii_digit() => {
                with_groups.push_str(&format!("${{{d}}}"));
                chars.next();
            }
            ('$', _) => with_groups.push_str("$$"),
            _ => with_groups.push(c),
        }
    }
    Some(re.replace_all(s, with_groups.as_str()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::super::expand;

    fn x(fmt: &str) -> String {
        expand(fmt, &|name| match name {
            "path" => Some("/home/me/src/mux".into()),
            "n" => Some("3".into()),
            "mode" => Some("copy-mode".into()),
            "fmt" => Some("#{n}".into()),
            _ => None,
        })
    }

    #[test]
    fn match_modifiers_take_patterns_and_regular_expressions() {
        assert_eq!(x("#{m:*mode,#{mode}}"), "1");
        assert_eq!(x("#{m:view*,#{mode}}"), "0");
        assert_eq!(x("#{m/r:(copy|view)-mode,#{mode}}"), "1");
        assert_eq!(x("#{m/ri:^COPY,#{mode}}"), "1");
        assert_eq!(x("#{m/r:^view,#{mode}}"), "0");
    }

    #[test]
    fn one_value_modifiers_work_as_in_tmux() {
        assert_eq!(x("#{b:path}"), "mux");
        assert_eq!(x("#{d:path}"), "/home/me/src");
        assert_eq!(x("#{q:#{l:a b$c}}"), "a\\ b\\$c");
        assert_eq!(x("#{n:path}"), "16");
        assert_eq!(x("#{E:fmt}"), "3");
        assert_eq!(x("#{!:n}#{!!:n}#{!:missing}"), "011");
        assert_eq!(x("#{a:65}"), "A");
    }

    #[test]
    fn arithmetic_and_regex_substitution() {
        assert_eq!(x("#{e|+|:#{n},4}"), "7");
        assert_eq!(x("#{e|*|:#{n},#{n}}"), "9");
        assert_eq!(x("#{e|/|f:#{n},2}"), "1.50");
        assert_eq!(x("#{e|/|:1,0}"), "");
        assert_eq!(x("#{s/([a-z]+)-mode/\\1/:mode}"), "copy");
        assert_eq!(x("#{s/m.x/MUX/:path}"), "/home/me/src/MUX");
    }
}
