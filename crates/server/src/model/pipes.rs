//! A pane's pipe (`pipe-pane`) or log (`mux log`): what it is, the sink its output goes to,
//! and what happens to it as the pane prints. A pane has at most one, as in tmux. A raw log
//! and `pipe-pane -O` get the program's bytes as they came; a plain log gets text: each line
//! as it scrolls off the screen (term-emu's tap), and the screen as it was when the log
//! closes. The pane's output also wakes the `wait-output` commands waiting on it.

use std::path::PathBuf;

use mux_term_emu::Terminal;

use crate::ids::PaneId;
use crate::log::log;
use crate::model::sink::{Sink, SinkId, SinkSpec};
use crate::model::state::State;

/// The longest run of wrapped rows a plain log holds back before writing it unfinished.
const PARTIAL_LIMIT: usize = 64 * 1024;

/// What a pane's pipe is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PipeKind {
    /// A shell command (`pipe-pane`).
    Command {
        /// The command line, after format expansion.
        command: String,
        /// Whether the pane's output goes to its standard input (`-O`).
        output: bool,
        /// Whether its standard output is typed into the pane (`-I`).
        input: bool,
    },
    /// A file the pane's output is appended to (`mux log`).
    Log {
        /// The file.
        path: PathBuf,
        /// Whether it gets text without escape sequences (`--plain`).
        plain: bool,
    },
}

/// A pane's open pipe or log.
pub struct PanePipe {
    /// Its sink's id, which the sink's events carry.
    pub id: SinkId,
    /// What it is.
    pub kind: PipeKind,
    /// Where its bytes go.
    sink: Box<dyn Sink>,
    /// A plain log's lines still to finish and its last view of the screen.
    plain: Option<PlainText>,
}

/// What a plain log holds back: the start of a line whose rows wrap on.
#[derive(Debug, Default)]
struct PlainText {
    /// Joins wrapped rows into lines.
    lines: LineJoiner,
}

impl PanePipe {
    /// Ends a plain log with what never scrolled off: the line begun and the screen's lines.
    /// The sink then closes (when the pipe is dropped) once it has written everything.
    fn finish(&mut self, term: &Terminal) {
        if let Some(PlainText { lines }) = self.plain.take() {
            let mut text = lines.partial;
            for line in screen_lines(term) {
                text.push_str(&line);
                text.push('\n');
            }
            self.sink.write(text.as_bytes());
        }
    }
}

/// A pane that goes (killed, exited, its session ended, the server exiting) ends its plain
/// log with its screen.
impl Drop for crate::model::pane::Pane {
    fn drop(&mut self) {
        if let Some(pipe) = self.pipe.as_mut() {
            pipe.finish(&self.term);
        }
    }
}

/// Joins the rows a terminal scrolls off into lines: a row that wraps onto the next is held
/// until the line ends.
#[derive(Debug, Default, Clone)]
pub struct LineJoiner {
    /// The rows of a line not yet ended.
    pub partial: String,
}

impl LineJoiner {
    /// Calls `line` with each line that rows scrolled off (each with whether it wraps onto
    /// the next) end, in order; a line longer than [`PARTIAL_LIMIT`] comes out in pieces.
    /// Stops and returns true when `line` does.
    pub fn feed<'a>(
        &mut self,
        rows: impl IntoIterator<Item = (&'a str, bool)>,
        mut line: impl FnMut(&str) -> bool,
    ) -> bool {
        for (text, wrapped) in rows {
            let stop = if self.partial.is_empty() && !wrapped {
                line(text)
            } else {
                self.partial.push_str(text);
                if wrapped && self.partial.len() < PARTIAL_LIMIT {
                    continue;
                }
                let stop = line(&self.partial);
                self.partial.clear();
                stop
            };
            if stop {
                return true;
            }
        }
        false
    }
}

/// Returns the screen's lines, wrapped rows joined, blank lines at the bottom dropped.
pub fn screen_lines(term: &Terminal) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut open = false;
    for row in 0..term.size().rows {
        let text = term.row_text(row);
        match lines.last_mut() {
            Some(last) if open => last.push_str(&text),
            _ => lines.push(text),
        }
        open = term.row_wrapped(row);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Opens a pipe or log on pane `id`, closing the one it had; returns an error when the
/// command cannot start or the file cannot be opened.
pub fn open(state: &mut State, id: PaneId, kind: PipeKind, spec: &SinkSpec) -> Result<(), String> {
    close(state, id);
    let sink_id = SinkId(state.next_ids.sink);
    state.next_ids.sink += 1;
    let sink = state
        .os
        .open_sink(id, sink_id, spec)
        .map_err(|e| crate::model::ops::describe(&e))?;
    let Some(pane) = state.panes.get_mut(&id) else {
        return Err("no such pane".into());
    };
    let plain = matches!(kind, PipeKind::Log { plain: true, .. }).then(PlainText::default);
    log!("pane %{}: pipe {} opened: {kind:?}", id.0, sink_id.0);
    pane.pipe = Some(PanePipe {
        id: sink_id,
        kind,
        sink,
        plain,
    });
    update_tap(state, id);
    Ok(())
}

/// Closes pane `id`'s pipe or log, if it has one (a plain log ends with the screen);
/// returns whether it had.
pub fn close(state: &mut State, id: PaneId) -> bool {
    let Some(pane) = state.panes.get_mut(&id) else {
        return false;
    };
    let Some(mut pipe) = pane.pipe.take() else {
        return false;
    };
    pipe.finish(&pane.term);
    drop(pipe);
    update_tap(state, id);
    true
}

/// Turns the pane's tap on scrolled rows on while a plain log or a `wait-output` wants them.
pub fn update_tap(state: &mut State, id: PaneId) {
    let waits = state.waits.wants_tap(id);
    if let Some(p) = state.panes.get_mut(&id) {
        let plain = p.pipe.as_ref().is_some_and(|p| p.plain.is_some());
        p.term.tap_scrolled(plain || waits);
    }
}

/// After pane `id` printed `bytes` (and its terminal parsed them): the pipe or raw log gets
/// the bytes, a plain log the lines that scrolled off, and waits on the pane look again.
pub(crate) fn after_output(state: &mut State, id: PaneId, bytes: &[u8]) {
    let Some(pane) = state.panes.get_mut(&id) else {
        return;
    };
    let scrolled = pane.term.take_scrolled();
    if let Some(pipe) = pane.pipe.as_mut() {
        match (&pipe.kind, pipe.plain.as_mut()) {
            (PipeKind::Command { output: false, .. }, _) => {}
            (_, None) => pipe.sink.write(bytes),
            (_, Some(plain)) => {
                let mut text = String::new();
                plain.lines.feed(scrolled.lines(), |line| {
                    text.push_str(line);
                    text.push('\n');
                    false
                });
                if scrolled.lost > 0 {
                    text.push_str(&format!("[mux: {} lines lost]\n", scrolled.lost));
                }
                pipe.sink.write(text.as_bytes());
            }
        }
    }
    if !state.waits.list.is_empty() {
        crate::model::waits::after_output(state, id, &scrolled);
    }
    if !state.waits.typing.is_empty() {
        crate::model::waits::type_pending(state, Some(id), None);
    }
}

/// A pane's `pipe-pane -I` command printed `bytes`: they are typed into the pane.
pub fn on_input(state: &mut State, id: PaneId, sink: SinkId, bytes: Vec<u8>) {
    let Some(pane) = state.panes.get(&id) else {
        return;
    };
    if pane.pipe.as_ref().is_some_and(|p| p.id == sink) && pane.exit_status.is_none() {
        pane.write(bytes);
    }
}

/// A pane's pipe ended (its command exited) or its log failed: the pane no longer has it.
pub fn on_ended(state: &mut State, id: PaneId, sink: SinkId, error: Option<String>) {
    let current = state
        .panes
        .get(&id)
        .and_then(|p| p.pipe.as_ref())
        .is_some_and(|p| p.id == sink);
    if !current {
        return;
    }
    if let Some(e) = &error {
        log!("pane %{}: pipe {} failed: {e}", id.0, sink.0);
        state.log_message(&format!("pipe-pane %{}: {e}", id.0));
    }
    close(state, id);
    if let Some(p) = state.panes.get(&id) {
        state.mark_session_dirty(p.session);
    }
}

#[cfg(test)]
mod tests;
