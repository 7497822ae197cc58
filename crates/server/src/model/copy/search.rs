//! Searching in copy mode: a regular expression (or the text itself when it is not a valid
//! one), case-insensitive when it has no capital letter, over logical lines so that a match
//! may run across a wrap; wrapping round the ends with `wrap-search`.

use mux_term_emu::{LineId, Terminal};
use regex::Regex;

use super::CopyMode;

/// The most matches counted for the indicator; beyond it the count shows `N+`.
pub const COUNT_LIMIT: usize = 1000;

/// A search and what it found.
#[derive(Debug, Clone)]
pub struct Search {
    /// What was searched for, as typed.
    pub pattern: String,
    /// Whether `n` goes forward.
    pub forward: bool,
    /// The compiled pattern.
    pub regex: Regex,
    /// How many matches there are (at most [`COUNT_LIMIT`]).
    pub count: usize,
}

impl Search {
    /// Compiles a search: a regular expression (one that does not compile is searched for
    /// as text), or with `literal` the text itself (`search-forward-text`).
    pub fn new(pattern: &str, forward: bool, literal: bool) -> Option<Search> {
        if pattern.is_empty() {
            return None;
        }
        let insensitive = !pattern.chars().any(char::is_uppercase);
        let build = |p: &str| {
            regex::RegexBuilder::new(p)
                .case_insensitive(insensitive)
                .size_limit(1 << 20)
                .build()
        };
        let escaped = regex::escape(pattern);
        let regex = if literal {
            build(&escaped).ok()?
        } else {
            build(pattern).or_else(|_| build(&escaped)).ok()?
        };
        Some(Search {
            pattern: pattern.to_string(),
            forward,
            regex,
            count: 0,
        })
    }
}

/// How a search goes.
#[derive(Debug, Clone, Copy)]
pub struct Direction {
    /// Forward (down) or backward.
    pub forward: bool,
    /// Whether it wraps round at the end of the history (`wrap-search`).
    pub wrap: bool,
    /// Whether the pattern is text rather than a regular expression.
    pub literal: bool,
}

/// A logical line: the lines it is made of and its text, with where each character is.
pub struct Logical {
    /// Its text.
    pub text: String,
    /// For each character, its byte offset in `text`, line and column.
    pub at: Vec<(usize, LineId, u16)>,
    /// Its last line.
    pub last: LineId,
}

impl Logical {
    /// Reads the logical line that line `id` is part of.
    pub fn around(term: &Terminal, id: LineId) -> Logical {
        let first = CopyMode::first(term);
        let mut start = id;
        while start > first && term.line_wrapped(start - 1) {
            start -= 1;
        }
        Self::from_start(term, start)
    }

    /// Reads the logical line that starts at line `start`.
    fn from_start(term: &Terminal, start: LineId) -> Logical {
        let last_line = CopyMode::last(term);
        let mut text = String::new();
        let mut at = Vec::new();
        let mut id = start;
        loop {
            for (col, cell) in term.line_cells(id).iter().enumerate() {
                if cell.wide_continuation {
                    continue;
                }
                at.push((text.len(), id, u16::try_from(col).unwrap_or(u16::MAX)));
                text.push_str(if cell.text.is_empty() { " " } else { cell.text });
            }
            if !term.line_wrapped(id) || id >= last_line {
                break;
            }
            id += 1;
        }
        // The blanks after the text are the row's padding, not text: without them `$` matches
        // where the line's text ends, on the screen as in the history (whose rows are kept
        // without them).
        let end = text.trim_end_matches(' ').len();
        text.truncate(end);
        at.retain(|(b, _, _)| *b < end);
        Logical { text, at, last: id }
    }

    /// Returns the position of the character at byte `offset`.
    pub fn position(&self, offset: usize) -> Option<(LineId, u16)> {
        let i = self.at.partition_point(|(b, _, _)| *b <= offset);
        self.at
            .get(i.checked_sub(1)?)
            .map(|(_, id, col)| (*id, *col))
    }

    /// Returns the matches of `regex` as (start, end) positions, the end exclusive.
    pub fn matches(&self, regex: &Regex) -> Vec<((LineId, u16), (LineId, u16))> {
        regex
            .find_iter(&self.text)
            .filter(|m| !m.is_empty())
            .filter_map(|m| {
                let start = self.position(m.start())?;
                let last = self.position(m.end() - 1)?;
                Some((start, (last.0, last.1 + 1)))
            })
            .collect()
    }
}

impl CopyMode {
    /// Starts a search for `pattern` (a regular expression, or with `literal` text) and
    /// moves to its first match (`search-forward`, `search-backward`, their `-text` forms);
    /// returns whether one was found.
    pub fn search(&mut self, term: &Terminal, pattern: &str, dir: Direction) -> bool {
        let Some(mut search) = Search::new(pattern, dir.forward, dir.literal) else {
            return false;
        };
        search.count = count(term, &search.regex);
        self.search = Some(search);
        self.search_step(term, dir.forward, dir.wrap, false)
    }

    /// Moves to the next match in the search's direction (`search-again`) or the other way
    /// (`search-reverse`); with `here`, a match at the cursor counts.
    pub fn search_step(&mut self, term: &Terminal, forward: bool, wrap: bool, here: bool) -> bool {
        let Some(search) = self.search.as_ref() else {
            return false;
        };
        let from = (self.cy, self.cx);
        let found = find(term, &search.regex, from, forward, wrap, here);
        if let Some(pos) = found {
            self.cy = pos.0;
            self.cx = pos.1;
            self.want_cx = pos.1;
            self.show_cursor(term);
        }
        found.is_some()
    }

    /// Runs an incremental search step: `=text` searches anew from the cursor, `+text` goes
    /// to the next match, `-text` to the previous (tmux's `search-*-incremental`).
    pub fn search_incremental(&mut self, term: &Terminal, arg: &str, forward: bool, wrap: bool) {
        let (step, pattern) = match arg.chars().next() {
            Some(c @ ('=' | '+' | '-')) => (c, &arg[1..]),
            _ => ('=', arg),
        };
        if pattern.is_empty() {
            self.search = None;
            return;
        }
        let same = self.search.as_ref().is_some_and(|s| s.pattern == pattern);
        if !same {
            if let Some(mut search) = Search::new(pattern, forward, false) {
                search.count = count(term, &search.regex);
                self.search = Some(search);
            }
        }
        match step {
            '+' => self.search_step(term, true, wrap, false),
            '-' => self.search_step(term, false, wrap, false),
            _ => self.search_step(term, forward, wrap, true),
        };
    }
}

/// Returns the start of the nearest match from `from` in a direction, wrapping round the
/// ends with `wrap`; with `here`, a match starting at `from` counts.
fn find(
    term: &Terminal,
    regex: &Regex,
    from: (LineId, u16),
    forward: bool,
    wrap: bool,
    here: bool,
) -> Option<(LineId, u16)> {
    let (first, last) = (CopyMode::first(term), CopyMode::last(term));
    let total = last - first + 1;
    let mut line = Logical::around(term, from.0);
    let mut scanned = 0;
    let mut wrapped = false;
    loop {
        let starts = line.matches(regex).into_iter().map(|(s, _)| s);
        let hit = if forward {
            starts
                .filter(|s| wrapped || *s > from || (here && *s == from))
                .min()
        } else {
            starts
                .filter(|s| wrapped || *s < from || (here && *s == from))
                .max()
        };
        if hit.is_some() {
            return hit;
        }
        scanned += line.last - line.at.first().map_or(line.last, |(_, id, _)| *id) + 1;
        if scanned > total + 1 {
            return None;
        }
        let start = line.at.first().map_or(line.last, |(_, id, _)| *id);
        let next = if forward {
            (line.last < last).then(|| line.last + 1)
        } else {
            (start > first).then(|| start - 1)
        };
        let next = match next {
            Some(id) => id,
            None if wrap && !wrapped => {
                wrapped = true;
                if forward {
                    first
                } else {
                    last
                }
            }
            None => return None,
        };
        line = Logical::around(term, next);
        if wrapped && (line.at.first().map_or(next, |a| a.1)..=line.last).contains(&from.0) {
            // Back where the search began: only matches before (or after) the start count.
            let starts = line.matches(regex).into_iter().map(|(s, _)| s);
            return if forward {
                starts.filter(|s| *s <= from).min()
            } else {
                starts.filter(|s| *s >= from).max()
            };
        }
    }
}

/// Counts the matches of `regex` in every line, up to [`COUNT_LIMIT`].
fn count(term: &Terminal, regex: &Regex) -> usize {
    let (first, last) = (CopyMode::first(term), CopyMode::last(term));
    let mut id = first;
    let mut n = 0;
    while id <= last && n < COUNT_LIMIT {
        let line = Logical::from_start(term, id);
        n += regex
            .find_iter(&line.text)
            .filter(|m| !m.is_empty())
            .count();
        id = line.last + 1;
    }
    n.min(COUNT_LIMIT)
}
