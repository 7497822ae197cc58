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
/// numbers are history, `-` means the first history line (`-S`) or the last visible (`-E`);
/// as in tmux, a number that does not read as one is the default, and a start after the end
/// swaps them.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let pane = state.panes.get(&f.pane).ok_or("no such pane")?;
    let term = &pane.term;
    let history = term.history().len() as i64;
    let rows = i64::from(term.size().rows);
    let bound = |v: Option<&str>, default: i64| -> i64 {
        match v {
            Some("-") if default == 0 => -history,
            Some(n) => n.parse::<i64>().unwrap_or(default),
            None => default,
        }
        .clamp(-history, rows - 1)
    };
    let start = bound(args.value('S'), 0);
    let end = bound(args.value('E'), rows - 1);
    let (start, end) = (start.min(end), start.max(end));
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

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// A session whose pane (80x24) printed 30 numbered lines, so `l0`..`l6` scrolled into
    /// its history and `l7`..`l29` are on the screen above an empty last row.
    fn scrolled() -> Harness {
        let mut h = Harness::with_session();
        let text: String = (0..30).map(|i| format!("l{i}\r\n")).collect();
        h.output(PaneId(0), &text);
        h
    }

    #[test]
    fn capture_pane_p_prints_every_visible_row_with_trailing_blanks_trimmed() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "hello   \r\n  indented\r\n\r\nlast");
        let mut expected = String::from("hello\n  indented\n\nlast\n");
        expected.push_str(&"\n".repeat(20));
        assert_eq!(h.ok("capture-pane -p"), expected);
    }

    #[test]
    fn capture_pane_s_and_e_choose_the_lines_with_negative_ones_in_the_history() {
        let mut h = scrolled();
        assert_eq!(h.ok("capture-pane -p -S 0 -E 1"), "l7\nl8\n");
        assert_eq!(h.ok("capture-pane -p -S -2 -E 0"), "l5\nl6\nl7\n");
        assert_eq!(
            h.ok("capture-pane -p -S 21 -E 30"),
            "l28\nl29\n\n",
            "clamped"
        );
    }

    #[test]
    fn capture_pane_dash_means_the_start_of_the_history_and_the_end_of_the_screen() {
        let mut h = scrolled();
        let all: String = (0..30).map(|i| format!("l{i}\n")).collect();
        assert_eq!(h.ok("capture-pane -p -S - -E -"), format!("{all}\n"));
        assert_eq!(h.ok("capture-pane -p -S - -E -6"), "l0\nl1\n");
        assert_eq!(h.ok("capturep -p -S -100 -E -7"), "l0\n");
    }

    #[test]
    fn capture_pane_j_joins_lines_that_wrapped() {
        let mut h = Harness::with_session();
        let long = "x".repeat(100);
        h.output(PaneId(0), &format!("{long}\r\nend"));
        assert_eq!(
            h.ok("capture-pane -p -E 2"),
            format!("{}\n{}\nend\n", "x".repeat(80), "x".repeat(20))
        );
        assert_eq!(h.ok("capture-pane -p -J -E 2"), format!("{long}\nend\n"));
    }

    #[test]
    fn capture_pane_e_keeps_colours_and_attributes_as_escape_sequences() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "plain \x1b[1;31mred\x1b[0m after");
        assert_eq!(h.ok("capture-pane -p -E 0"), "plain red after\n");
        assert_eq!(
            h.ok("capture-pane -p -e -E 0"),
            "plain \x1b[0;1;31mred\x1b[0m after\n"
        );
    }

    #[test]
    fn capture_pane_without_p_keeps_the_text_in_a_new_buffer() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "kept");
        assert_eq!(h.ok("capture-pane -E 0"), "");
        assert_eq!(h.ok("show-buffer"), "kept\n");
        assert_eq!(h.ok("capture-pane -b shot -S 0 -E 1"), "");
        assert_eq!(h.ok("show-buffer -b shot"), "kept\n\n");
        assert_eq!(h.ok("list-buffers -F '#{buffer_name}'"), "shot\nbuffer0\n");
    }

    #[test]
    fn capture_pane_t_captures_another_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.output(PaneId(0), "left");
        h.output(PaneId(1), "right");
        assert_eq!(h.ok("capture-pane -p -t %0 -E 0"), "left\n");
        assert_eq!(h.ok("capture-pane -p -t :.1 -E 0"), "right\n");
        assert_eq!(h.err("capture-pane -p -t %7"), "can't find pane: %7");
    }

    #[test]
    fn capture_pane_swaps_a_start_after_the_end() {
        let mut h = scrolled();
        assert_eq!(h.ok("capture-pane -p -S 1 -E -1"), "l6\nl7\nl8\n");
    }

    #[test]
    fn capture_pane_reads_a_line_number_that_is_not_one_as_the_default() {
        let mut h = scrolled();
        assert_eq!(h.ok("capture-pane -p -S x -E y"), h.ok("capture-pane -p"));
        assert_eq!(h.ok("capture-pane -p -S 22 -E end"), "l29\n\n");
    }
}
