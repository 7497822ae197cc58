//! Shell-style patterns as `fnmatch(3)` matches them: `*` any text, `?` one character,
//! `[abc]`, `[a-z]` and `[!a-z]` one of a set, `\` taking the next character as it is.

/// Returns whether `text` matches `pattern` as a whole.
pub fn matches(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    match_from(&p, &t)
}

/// Returns whether a word has pattern characters (`*`, `?` or `[`).
pub fn is_pattern(word: &str) -> bool {
    word.contains(['*', '?', '['])
}

fn match_from(p: &[char], t: &[char]) -> bool {
    // Iterative with one backtracking point for the last `*`, so long texts stay linear.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
                continue;
            }
            Some(_) => {
                if let Some(len) = one(&p[pi..], t[ti]) {
                    pi += len;
                    ti += 1;
                    continue;
                }
            }
            None => {}
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Matches one character `c` against the start of `p` (not `*`); returns how many pattern
/// characters it used, or None when it does not match.
fn one(p: &[char], c: char) -> Option<usize> {
    match p.first()? {
        '?' => Some(1),
        '\\' => match p.get(1) {
            Some(e) if *e == c => Some(2),
            Some(_) => None,
            None => (c == '\\').then_some(1),
        },
        '[' => match closing(p) {
            Some(close) => class(&p[..=close], c),
            None => (c == '[').then_some(1),
        },
        x => (*x == c).then_some(1),
    }
}

/// Returns where the `]` closing a set that starts `p` is; a `]` right after the `[` (or
/// `[!`) is in the set.
fn closing(p: &[char]) -> Option<usize> {
    let start = 1 + usize::from(matches!(p.get(1), Some('!' | '^')));
    (start + 1..p.len()).find(|&i| p[i] == ']')
}

/// Matches `c` against the set `p`, from its `[` to its `]`; returns the set's length.
fn class(p: &[char], c: char) -> Option<usize> {
    let negate = matches!(p.get(1), Some('!' | '^'));
    let start = 1 + usize::from(negate);
    let close = p.len() - 1;
    let set = &p[start..close];
    let mut hit = false;
    let mut i = 0;
    while i < set.len() {
        if set.get(i + 1) == Some(&'-') && i + 2 < set.len() {
            hit |= (set[i]..=set[i + 2]).contains(&c);
            i += 3;
        } else {
            hit |= set[i] == c;
            i += 1;
        }
    }
    (hit != negate).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_questions_and_sets() {
        assert!(matches("*.conf", "mux.conf"));
        assert!(!matches("*.conf", "mux.conf.bak"));
        assert!(matches("a*b*c", "aXXbYYc"));
        assert!(matches("x?z", "xyz"));
        assert!(!matches("x?z", "xz"));
        assert!(matches("[a-c]1", "b1"));
        assert!(!matches("[!a-c]1", "b1"));
        assert!(matches("[!a-c]1", "d1"));
        assert!(matches("*", ""));
        assert!(matches("\\*", "*"));
        assert!(!matches("\\*", "a"));
        assert!(matches("[]", "[]"), "an unclosed set is plain text");
        assert!(is_pattern("conf.d/*.conf") && !is_pattern("mux.conf"));
    }
}
