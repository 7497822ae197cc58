//! `find-window` (`findw`, `C-b f`): the windows whose name (`-N`), pane titles (`-T`) or
//! visible pane contents (`-C`) contain the text (all three by default; `-r` a regular
//! expression, `-i` ignoring case), shown in choose-tree to pick from.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::ids::PaneId;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "find-window",
    alias: Some("findw"),
    flags: "CiNrt:TZ",
    usage: "[-CiNrTZ] [-t target-pane] match-string",
    args: (1, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs find-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    ctx.target()?;
    let text = args.positional.first().cloned().unwrap_or_default();
    let matcher = Matcher::new(&text, args.has('r'), args.has('i'))?;
    let all = !args.has('C') && !args.has('N') && !args.has('T');
    let mut panes: Vec<PaneId> = Vec::new();
    for s in &state.sessions {
        for w in &s.windows {
            let by_name = (all || args.has('N')) && matcher.matches(&w.name);
            for pane in w.panes() {
                let Some(p) = state.panes.get(&pane) else {
                    continue;
                };
                let by_title = (all || args.has('T')) && matcher.matches(p.title());
                let by_content = (all || args.has('C'))
                    && (0..p.term.size().rows).any(|y| matcher.matches(&p.term.row_text(y)));
                if by_name || by_title || by_content {
                    panes.push(pane);
                }
            }
        }
    }
    if panes.is_empty() {
        return Err(format!("no windows matching: {text}"));
    }
    let tests: Vec<String> = panes
        .iter()
        .map(|p| format!("#{{==:#{{pane_id}},%{}}}", p.0))
        .collect();
    let filter = tests
        .into_iter()
        .reduce(|a, b| format!("#{{||:{a},{b}}}"))
        .unwrap_or_default();
    let line = format!("choose-tree -f {}", super::bind_key::quote(&filter));
    ctx.run_line_next(state, &line)?;
    Ok(Outcome::Done)
}

/// What find-window looks for: text, or a regular expression.
enum Matcher {
    Text(String, bool),
    Regex(regex::Regex),
}

impl Matcher {
    /// Makes a matcher; a bad regular expression is an error.
    fn new(text: &str, regex: bool, icase: bool) -> Result<Matcher, String> {
        if regex {
            let re = regex::RegexBuilder::new(text)
                .case_insensitive(icase)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| format!("invalid regular expression: {e}"))?;
            return Ok(Matcher::Regex(re));
        }
        let text = if icase {
            text.to_lowercase()
        } else {
            text.to_string()
        };
        Ok(Matcher::Text(text, icase))
    }

    /// Returns whether `hay` matches.
    fn matches(&self, hay: &str) -> bool {
        match self {
            Matcher::Regex(re) => re.is_match(hay),
            Matcher::Text(t, true) => hay.to_lowercase().contains(t.as_str()),
            Matcher::Text(t, false) => hay.contains(t.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn find_window_shows_the_windows_whose_name_title_or_contents_match() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 60, 20);
        h.ok("new-window -d -n logs");
        h.ok("new-window -d -n build");
        h.output(PaneId(2), "error: linker failed\r\n");
        h.keys(c, "C-b f");
        h.type_text(c, "error");
        h.keys(c, "Enter");
        let screen = h.screen(c);
        assert_eq!(
            screen[..3],
            [
                "(0) - work: 3 windows (attached)",
                "(1)   - 2: build (1 panes)",
                ""
            ]
        );
        h.keys(c, "q");
        h.ok("find-window -Ni LOG");
        assert_eq!(h.screen(c)[1], "(1)   - 1: logs (1 panes)");
        assert_eq!(
            h.err("find-window nothing-like-this"),
            "no windows matching: nothing-like-this"
        );
    }
}
