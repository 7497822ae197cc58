//! What waits for a pane to print: `wait-output`'s command lines, each with its pattern and
//! deadline and how it ended (the pane's output wakes them, [`after_output`]: no polling;
//! the `cmd` layer lets the waiting command line go on once one has ended), and restored
//! commands to type into a new shell once it has printed its prompt ([`type_when_ready`]).

use std::time::{Duration, Instant};

use mux_term_emu::{Scrolled, Terminal};
use regex::Regex;

use crate::ids::PaneId;
use crate::model::pipes::{screen_lines, LineJoiner};
use crate::model::queue::BatchId;
use crate::model::state::State;

/// How a wait ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WaitEnd {
    /// This line matched.
    Matched(String),
}

/// One command line waiting for a pane's output.
#[derive(Debug)]
pub struct OutputWait {
    /// The batch that waits.
    pub batch: BatchId,
    /// The pane it watches.
    pub pane: PaneId,
    /// What it waits for.
    pub pattern: Regex,
    /// The pattern as given, for messages.
    pub text: String,
    /// When it gives up, if ever.
    pub deadline: Option<Instant>,
    /// How long it was given, for the message when it gives up.
    pub seconds: Option<f64>,
    /// How it ended, once it has.
    pub end: Option<WaitEnd>,
    /// Joins the rows scrolled off since it started into lines.
    lines: LineJoiner,
}

impl OutputWait {
    /// Returns a wait that has seen nothing yet.
    pub fn new(batch: BatchId, pane: PaneId, pattern: Regex, text: String) -> OutputWait {
        OutputWait {
            batch,
            pane,
            pattern,
            text,
            deadline: None,
            seconds: None,
            end: None,
            lines: LineJoiner::default(),
        }
    }

    /// Looks at the rows that scrolled off and then the screen; returns the first line that
    /// matches.
    pub fn look(&mut self, term: &Terminal, scrolled: &Scrolled) -> Option<String> {
        let mut found = None;
        let pattern = &self.pattern;
        self.lines.feed(scrolled.lines(), |line| {
            let hit = pattern.is_match(line);
            if hit {
                found = Some(line.to_string());
            }
            hit
        });
        if found.is_some() {
            return found;
        }
        let mut screen = screen_lines(term);
        if let Some(first) = screen.first_mut() {
            // The start of a line that scrolled off while its end is still on the screen.
            first.insert_str(0, &self.lines.partial);
        }
        screen.into_iter().find(|l| self.pattern.is_match(l))
    }
}

/// How long a restored command waits for its shell's first output before it is typed anyway
/// (a shell with an empty prompt).
pub const TYPE_WAIT: Duration = Duration::from_secs(3);

/// A command to type into a pane once its program has printed something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typing {
    /// The pane.
    pub pane: PaneId,
    /// What to type.
    pub text: String,
    /// When it is typed even if nothing was printed.
    pub deadline: Instant,
}

/// Every wait.
#[derive(Debug, Default)]
pub struct Waits {
    /// The waits, oldest first.
    pub list: Vec<OutputWait>,
    /// Commands waiting for their pane's shell to start.
    pub typing: Vec<Typing>,
}

impl Waits {
    /// Returns whether a wait that has not ended watches pane `pane`.
    pub fn wants_tap(&self, pane: PaneId) -> bool {
        self.list.iter().any(|w| w.pane == pane && w.end.is_none())
    }

    /// Returns when the next wait gives up (or a command is typed unprompted), if one will.
    pub fn next_deadline(&self) -> Option<Instant> {
        let typing = self.typing.iter().map(|t| t.deadline);
        self.list
            .iter()
            .filter(|w| w.end.is_none())
            .filter_map(|w| w.deadline)
            .chain(typing)
            .min()
    }
}

/// Types `text` into pane `pane` once its program has printed something (a shell its
/// prompt: typed earlier, the terminal would echo it before the prompt), or after
/// [`TYPE_WAIT`].
pub fn type_when_ready(state: &mut State, pane: PaneId, text: String) {
    let deadline = state.os.now() + TYPE_WAIT;
    state.waits.typing.push(Typing {
        pane,
        text,
        deadline,
    });
}

/// Types what waits for pane `pane` (it printed), or for any pane when `due` is past its
/// deadline.
pub fn type_pending(state: &mut State, pane: Option<PaneId>, due: Option<Instant>) {
    let (now, rest): (Vec<Typing>, Vec<Typing>) = std::mem::take(&mut state.waits.typing)
        .into_iter()
        .partition(|t| Some(t.pane) == pane || due.is_some_and(|d| t.deadline <= d));
    state.waits.typing = rest;
    for t in now {
        if let Some(p) = state.panes.get(&t.pane) {
            p.write(t.text.into_bytes());
        }
    }
}

/// Pane `id` printed: the waits on it look at what scrolled off and at the screen.
pub(crate) fn after_output(state: &mut State, id: PaneId, scrolled: &Scrolled) {
    let Some(pane) = state.panes.get(&id) else {
        return;
    };
    let mut ended = false;
    for w in state.waits.list.iter_mut() {
        if w.pane == id && w.end.is_none() {
            if let Some(line) = w.look(&pane.term, scrolled) {
                w.end = Some(WaitEnd::Matched(line));
                ended = true;
            }
        }
    }
    if ended {
        crate::model::pipes::update_tap(state, id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_term_emu::Size;

    fn wait(pattern: &str) -> OutputWait {
        OutputWait::new(
            BatchId(1),
            PaneId(0),
            Regex::new(pattern).unwrap(),
            pattern.into(),
        )
    }

    #[test]
    fn a_line_matches_on_the_screen_or_after_it_scrolled_off() {
        let mut t = Terminal::new(Size { rows: 2, cols: 10 }, 0);
        t.tap_scrolled(true);
        let mut w = wait("^an?swer$");
        t.process(b"prompt\r\n");
        assert_eq!(w.look(&t, &Scrolled::default()), None);
        t.process(b"answer\r\nmore\r\nlines\r\n");
        let scrolled = t.take_scrolled();
        assert_eq!(scrolled.len(), 3);
        assert_eq!(w.look(&t, &scrolled), Some("answer".to_string()));
    }

    #[test]
    fn a_line_wrapped_across_the_top_of_the_screen_is_one_line() {
        let mut t = Terminal::new(Size { rows: 2, cols: 5 }, 0);
        t.tap_scrolled(true);
        let mut w = wait("abcdefgh");
        t.process(b"\r\n\r\nabcdefgh");
        let scrolled = t.take_scrolled();
        assert_eq!(w.look(&t, &scrolled), Some("abcdefgh".to_string()));
    }
}
