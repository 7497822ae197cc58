//! `capture-pane` (`capturep`): a pane's text, visible or from its history (`-S`/`-E`), with
//! escapes (`-e`) or wrapped lines joined (`-J`), printed with `-p` or kept in a paste
//! buffer (`-b` names it).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "capture-pane",
    alias: Some("capturep"),
    flags: "ab:CeE:JNpPqS:t:",
    usage: "[-aCeJNPpq] [-b buffer-name] [-E end-line] [-S start-line] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// One captured line.
struct Line {
    text: String,
    wrapped: bool,
}

/// Runs capture-pane. Lines are numbered as tmux: 0 is the top visible line, negative
/// numbers are history, `-` means the first history line (`-S`) or the last visible (`-E`).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let pane = state.panes.get(&f.pane).ok_or("no such pane")?;
    let term = &pane.term;
    let history = term.history().len() as i64;
    let rows = i64::from(term.size().rows);
    let bound = |v: Option<&str>, default: i64| -> Result<i64, String> {
        match v {
            None => Ok(default),
            Some("-") => Ok(if default == 0 { -history } else { rows - 1 }),
            Some(n) => n
                .parse::<i64>()
                .map_err(|_| format!("invalid line number: {n}")),
        }
    };
    let start = bound(args.value('S'), 0)?.clamp(-history, rows - 1);
    let end = bound(args.value('E'), rows - 1)?.clamp(-history, rows - 1);
    let escapes = args.has('e');
    let mut lines = Vec::new();
    for n in start..=end {
        lines.push(if n < 0 {
            let i = usize::try_from(history + n).unwrap_or(0);
            let h = term.history();
            let text = if escapes {
                h.formatted(i).unwrap_or("").to_string()
            } else {
                h.text(i).unwrap_or_default()
            };
            Line {
                text,
                wrapped: h.wrapped(i),
            }
        } else {
            let row = u16::try_from(n).unwrap_or(u16::MAX);
            let text = if escapes {
                term.row_formatted(row)
            } else {
                term.row_text(row)
            };
            Line {
                text,
                wrapped: term.row_wrapped(row),
            }
        });
    }
    let text = render(lines, args.has('J'));
    if args.has('p') {
        ctx.out.push_str(&text);
    } else {
        let limit = state.options.server("buffer-limit").as_count().max(1);
        state.buffers.add(args.value('b'), text, limit);
    }
    Ok(Outcome::Done)
}

/// Joins the lines with newlines; with `join`, a wrapped line continues on the same one.
fn render(lines: Vec<Line>, join: bool) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(line.text.trim_end_matches(' '));
        if !(join && line.wrapped) {
            out.push('\n');
        }
    }
    out
}
