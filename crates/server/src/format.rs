//! tmux formats: `#{variable}`, `#{?cond,then,else}`, comparisons, `#{=N:...}` truncation,
//! `#S`-style aliases and `##` escapes. `#[...]` styles pass through for the style module.

/// How deeply formats may nest before the rest is left unexpanded.
const MAX_DEPTH: usize = 32;

/// Expands `fmt`; `vars` answers a variable's value (unknown variables expand to nothing).
pub fn expand(fmt: &str, vars: &dyn Fn(&str) -> Option<String>) -> String {
    expand_at(fmt, vars, 0)
}

/// Returns whether a value counts as true in a conditional: not empty and not `0`.
pub fn is_true(value: &str) -> bool {
    !value.is_empty() && value != "0"
}

fn expand_at(fmt: &str, vars: &dyn Fn(&str) -> Option<String>, depth: usize) -> String {
    if depth > MAX_DEPTH {
        return String::new();
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '#' || i + 1 >= chars.len() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let next = chars[i + 1];
        match next {
            '{' => match matching(&chars, i + 1) {
                Some(end) => {
                    let inner: String = chars[i + 2..end].iter().collect();
                    out.push_str(&directive(&inner, vars, depth + 1));
                    i = end + 1;
                }
                None => {
                    out.extend(&chars[i..]);
                    break;
                }
            },
            '[' => match matching(&chars, i + 1) {
                Some(end) => {
                    let inner: String = chars[i + 2..end].iter().collect();
                    out.push_str("#[");
                    out.push_str(&expand_at(&inner, vars, depth + 1));
                    out.push(']');
                    i = end + 1;
                }
                None => {
                    out.extend(&chars[i..]);
                    break;
                }
            },
            '#' | ',' | '}' => {
                out.push(next);
                i += 2;
            }
            c => match alias(c) {
                Some(name) => {
                    out.push_str(&vars(name).unwrap_or_default());
                    i += 2;
                }
                None => {
                    out.push('#');
                    i += 1;
                }
            },
        }
    }
    out
}

/// Returns the variable a one-letter alias stands for.
fn alias(c: char) -> Option<&'static str> {
    Some(match c {
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
    })
}

/// Returns the index of the bracket closing the one at `open` (`{` or `[`), skipping nested
/// `#{`/`#[` pairs and escaped characters.
fn matching(chars: &[char], open: usize) -> Option<usize> {
    let (o, c) = (chars[open], if chars[open] == '{' { '}' } else { ']' });
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len() {
        if chars[i] == '#'
            && i + 1 < chars.len()
            && matches!(chars[i + 1], '#' | ',' | '}' | ']')
            && i + 1 != open
        {
            i += 2;
            continue;
        }
        if chars[i] == o {
            depth += 1;
        } else if chars[i] == c {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Splits at top-level commas (not inside nested `#{}` or `#[]`, not escaped as `#,`).
fn split_top(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' && i + 1 < chars.len() {
            if matches!(chars[i + 1], '{' | '[') {
                if let Some(end) = matching(&chars, i + 1) {
                    cur.extend(&chars[i..=end]);
                    i = end + 1;
                    continue;
                }
            }
            cur.push(c);
            cur.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == ',' {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
        i += 1;
    }
    parts.push(cur);
    parts
}

/// Expands the inside of one `#{...}`.
fn directive(inner: &str, vars: &dyn Fn(&str) -> Option<String>, depth: usize) -> String {
    if let Some(rest) = inner.strip_prefix('?') {
        let parts = split_top(rest);
        let cond = value_of(&parts[0], vars, depth);
        let pick = if is_true(&cond) {
            parts.get(1)
        } else {
            parts.get(2)
        };
        return pick.map(|p| expand_at(p, vars, depth)).unwrap_or_default();
    }
    if let Some((op, rest)) = inner.split_once(':') {
        if let Some(v) = operator(op, rest, vars, depth) {
            return v;
        }
    }
    value_of(inner, vars, depth)
}

/// A name's value, or a nested format's expansion.
fn value_of(s: &str, vars: &dyn Fn(&str) -> Option<String>, depth: usize) -> String {
    if s.contains('#') {
        expand_at(s, vars, depth)
    } else {
        vars(s).unwrap_or_default()
    }
}

/// Applies an operator such as `==`, `||`, `=N`, `l`; `None` when `op` is not one.
fn operator(
    op: &str,
    rest: &str,
    vars: &dyn Fn(&str) -> Option<String>,
    depth: usize,
) -> Option<String> {
    let pair = || {
        let p = split_top(rest);
        let a = p
            .first()
            .map(|a| expand_at(a, vars, depth))
            .unwrap_or_default();
        let b = p
            .get(1)
            .map(|b| expand_at(b, vars, depth))
            .unwrap_or_default();
        (a, b)
    };
    let flag = |b: bool| Some(if b { "1" } else { "0" }.to_string());
    match op {
        "==" => {
            let (a, b) = pair();
            flag(a == b)
        }
        "!=" => {
            let (a, b) = pair();
            flag(a != b)
        }
        "<" => {
            let (a, b) = pair();
            flag(a < b)
        }
        ">" => {
            let (a, b) = pair();
            flag(a > b)
        }
        "||" => {
            let (a, b) = pair();
            flag(is_true(&a) || is_true(&b))
        }
        "&&" => {
            let (a, b) = pair();
            flag(is_true(&a) && is_true(&b))
        }
        "l" => Some(rest.to_string()),
        _ if op.starts_with('=') => {
            let n: i64 = op[1..].parse().ok()?;
            Some(truncate(&value_of(rest, vars, depth), n))
        }
        _ if op.starts_with('p') => {
            let n: i64 = op[1..].parse().ok()?;
            Some(pad(&value_of(rest, vars, depth), n))
        }
        _ if op.starts_with("s/") => {
            let spec: Vec<&str> = op[2..].splitn(3, '/').collect();
            let (from, to) = (spec.first()?, spec.get(1)?);
            let v = value_of(rest, vars, depth);
            Some(if from.is_empty() {
                v
            } else {
                v.replace(from, to)
            })
        }
        _ => None,
    }
}

/// Keeps the first `n` display cells (the last `-n` when negative).
fn truncate(s: &str, n: i64) -> String {
    use unicode_width::UnicodeWidthChar;
    let limit = n.unsigned_abs() as usize;
    let chars: Vec<char> = s.chars().collect();
    let mut width = 0;
    let mut kept = Vec::new();
    let iter: Box<dyn Iterator<Item = &char>> = if n >= 0 {
        Box::new(chars.iter())
    } else {
        Box::new(chars.iter().rev())
    };
    for c in iter {
        let w = c.width().unwrap_or(0);
        if width + w > limit {
            break;
        }
        width += w;
        kept.push(*c);
    }
    if n < 0 {
        kept.reverse();
    }
    kept.into_iter().collect()
}

/// Pads to `n` cells, on the right (on the left when negative).
fn pad(s: &str, n: i64) -> String {
    let width = unicode_width::UnicodeWidthStr::width(s);
    let want = n.unsigned_abs() as usize;
    let fill = " ".repeat(want.saturating_sub(width));
    if n >= 0 {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

#[cfg(test)]
mod tests;
