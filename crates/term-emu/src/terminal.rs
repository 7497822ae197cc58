//! [`Terminal`]: one pane's screen, modes, title and scrollback, fed with the program's bytes.

use crate::engine::Engine;
use crate::filter::osc::Colours;
use crate::filter::Filter;
use crate::grid::Row;
use crate::history::History;
use crate::keys;
use crate::screen::{MouseEncoding, Screen};
use crate::types::{Attrs, CellRef, ClipboardSet, Cursor, Modes, Point, Size};
use mux_types::Key;

mod lines;
mod snapshot;
mod tap;

pub use lines::LineId;
pub use tap::{Scrolled, TAP_LIMIT};

/// What parsing a chunk of output asks the caller to do.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Effects {
    /// Bytes to write back to the program: answers to its queries.
    pub replies: Vec<u8>,
    /// The new title, when OSC 0 or 2 changed it.
    pub title: Option<String>,
    /// How many times the bell rang.
    pub bells: usize,
    /// Clipboard writes the program asked for with OSC 52, in order.
    pub clipboard: Vec<ClipboardSet>,
    /// How many OSC 52 clipboard writes were dropped for being over 1 MiB.
    pub dropped_clipboard: usize,
    /// How many OSC 52 clipboard reads were refused (reads are never answered).
    pub clipboard_denied: usize,
    /// Whether OSC 7 changed the working directory (see [`Terminal::cwd`]).
    pub cwd_changed: bool,
    /// The window name last asked for with `ESC k` name `ESC \` (empty: back to automatic
    /// renaming); the caller applies it only where renaming is allowed.
    pub name: Option<String>,
    /// Sequences the program wrapped in tmux's passthrough (`ESC P tmux; ... ESC \`), for
    /// the outer terminal, with their doubled ESCs undone; at most 1 MiB per call.
    pub passthrough: Vec<Vec<u8>>,
}

/// One terminal's state. It serializes (with serde) to its whole model, for checkpoints: the
/// grids, history, cursor, pen, modes, character sets, scroll region, tab stops, saved
/// cursors, title and working directory; deserializing checks what it reads (see
/// `terminal/snapshot.rs`).
pub struct Terminal {
    /// Takes out and answers the strings the parser does not handle.
    filter: Filter,
    engine: Engine,
    /// Whether the last bytes processed ended inside a UTF-8 character.
    partial_utf8: bool,
}

impl Terminal {
    /// Creates a blank terminal of `size` that keeps `history_limit` rows of scrollback.
    pub fn new(size: Size, history_limit: usize) -> Terminal {
        Terminal {
            filter: Filter::new(),
            engine: Engine::new(
                usize::from(size.rows),
                usize::from(size.cols),
                history_limit,
            ),
            partial_utf8: false,
        }
    }

    /// Returns the screen.
    fn screen(&self) -> &Screen {
        &self.engine.core.screen
    }

    /// Parses bytes written by the program and returns what the caller must act on.
    pub fn process(&mut self, bytes: &[u8]) -> Effects {
        self.engine.core.screen.history.drop_cached();
        self.filter.feed(bytes, &mut self.engine);
        if !bytes.is_empty() {
            self.partial_utf8 = snapshot::ends_inside_utf8(bytes);
        }
        let h = &mut self.engine.core.h;
        let title = if std::mem::take(&mut h.title_changed) {
            Some(h.title.clone())
        } else {
            None
        };
        Effects {
            replies: std::mem::take(&mut h.replies),
            title,
            bells: std::mem::take(&mut h.bells),
            clipboard: std::mem::take(&mut h.clipboard),
            dropped_clipboard: std::mem::take(&mut h.dropped_clipboard),
            clipboard_denied: std::mem::take(&mut h.clipboard_denied),
            cwd_changed: std::mem::take(&mut h.cwd_changed),
            name: h.name.take(),
            passthrough: std::mem::take(&mut h.passthrough),
        }
    }

    /// Changes the size. On the primary screen, lines that wrapped are joined and split again
    /// at the new width (with the scrollback), rows pushed off the top go to the scrollback and
    /// rows come back from it when the height grows; the alternate screen is cut or padded.
    pub fn resize(&mut self, size: Size) {
        let rows = usize::from(size.rows.max(1));
        let cols = usize::from(size.cols.max(1));
        crate::reflow::resize(&mut self.engine.core.screen, rows, cols, None);
    }

    /// Changes how many rows of scrollback are kept, dropping the oldest beyond it.
    pub fn set_history_limit(&mut self, limit: usize) {
        self.engine.core.screen.set_history_limit(limit);
    }

    /// Returns the size.
    pub fn size(&self) -> Size {
        let s = self.screen();
        Size::from_usize(s.rows, s.cols)
    }

    /// Returns the cell at `row`, `col` of the visible screen, if inside it. Under reverse
    /// video (mode 5) cells are reported with reverse toggled, as they are drawn.
    pub fn cell(&self, row: u16, col: u16) -> Option<CellRef<'_>> {
        let s = self.screen();
        let r = s.grid().get(usize::from(row))?;
        let col = usize::from(col);
        let cell = r.cells.get(col)?;
        let mut style = s.history.styles.get(cell.style);
        if s.modes.reverse_video {
            style.attrs.toggle(Attrs::REVERSE);
        }
        Some(CellRef {
            text: r.text(col),
            style,
            wide: cell.is_wide(),
            wide_continuation: cell.is_continuation(),
            link: s.links.get(cell.link),
        })
    }

    /// Returns how many changes the visible rows have had: a row whose
    /// [`Terminal::row_generation`] is not above a value read earlier has not changed since.
    pub fn generation(&self) -> u64 {
        self.screen().generation
    }

    /// Returns the generation at which visible row `row` last changed.
    pub fn row_generation(&self, row: u16) -> u64 {
        self.screen()
            .row_gens
            .get(usize::from(row))
            .copied()
            .unwrap_or(u64::MAX)
    }

    /// Returns the cursor. Its column equals the width while a wrap is pending (after a
    /// character was written in the last column).
    pub fn cursor(&self) -> Cursor {
        let s = self.screen();
        Cursor {
            pos: Point::from_usize(s.row, s.col),
            visible: s.modes.cursor_visible,
            shape: s.modes.cursor_shape,
        }
    }

    /// Returns the modes the program has set.
    pub fn modes(&self) -> Modes {
        let s = self.screen();
        let m = &s.modes;
        Modes {
            application_cursor: m.application_cursor,
            application_keypad: m.application_keypad,
            bracketed_paste: m.bracketed_paste,
            focus_reporting: m.focus,
            alternate_screen: s.alt,
            mouse: m.mouse,
            mouse_sgr: m.mouse_encoding == MouseEncoding::Sgr,
            mouse_utf8: m.mouse_encoding == MouseEncoding::Utf8,
            reverse_video: m.reverse_video,
            alternate_scroll: m.alternate_scroll,
            autowrap: m.autowrap,
            insert: m.insert,
        }
    }

    /// Returns the title set by OSC 0 or 2, empty if none.
    pub fn title(&self) -> &str {
        &self.engine.core.h.title
    }

    /// Returns the working directory the program reported with OSC 7, if any.
    pub fn cwd(&self) -> Option<&str> {
        self.engine.core.h.cwd.as_deref()
    }

    /// Returns whether the program is inside a synchronized update (mode 2026): the screen
    /// may be half drawn, so callers should hold frames until this turns false.
    pub fn synchronized(&self) -> bool {
        self.screen().modes.synchronized
    }

    /// Sets the colours reported when the program asks for the default foreground (OSC 10),
    /// background (OSC 11) and cursor colour (OSC 12). `None` restores term-emu's default:
    /// light grey on black, with the cursor in the foreground colour.
    pub fn set_default_colours(
        &mut self,
        fg: Option<(u8, u8, u8)>,
        bg: Option<(u8, u8, u8)>,
        cursor: Option<(u8, u8, u8)>,
    ) {
        self.engine.core.h.colours = Colours::new(fg, bg, cursor);
    }

    /// Returns the visible screen's text, rows joined with newlines (wrapped rows joined
    /// without one), trailing blanks and blank rows dropped.
    pub fn contents(&self) -> String {
        let s = self.screen();
        let mut out = String::new();
        for r in s.grid() {
            let text = text_of(r);
            out.push_str(&text);
            if !r.wrapped || text.chars().count() < s.cols {
                out.push('\n');
            }
        }
        let trimmed = out.trim_end_matches('\n').len();
        out.truncate(trimmed);
        out
    }

    /// Returns the text of visible row `row`, trailing blanks dropped.
    pub fn row_text(&self, row: u16) -> String {
        self.screen()
            .grid()
            .get(usize::from(row))
            .map_or_else(String::new, |r| text_of(r))
    }

    /// Returns whether visible row `row` continues on the next row (a soft wrap).
    pub fn row_wrapped(&self, row: u16) -> bool {
        self.screen()
            .grid()
            .get(usize::from(row))
            .is_some_and(|r| r.wrapped)
    }

    /// Returns visible row `row` with SGR sequences where the style changes, trailing blanks
    /// dropped (capture-pane -e).
    pub fn row_formatted(&self, row: u16) -> String {
        crate::sgr::row_formatted(self, row)
    }

    /// Returns the URI of hyperlink id `id`, for tests of the history's links.
    #[cfg(test)]
    pub(crate) fn link_uri(&self, id: u16) -> Option<&str> {
        self.screen().links.get(id)
    }

    /// Feeds bytes straight to the engine, without the filter, to compare with.
    #[cfg(test)]
    pub(crate) fn process_unfiltered(&mut self, bytes: &[u8]) {
        use crate::filter::Sink;
        self.engine.pass(bytes);
    }

    /// Returns the capacity of the filter's string buffer, to check that it stays bounded.
    #[cfg(test)]
    pub(crate) fn filter_buffer_capacity(&self) -> usize {
        self.filter.buffer_capacity()
    }

    /// Returns the scrollback.
    pub fn history(&self) -> &History {
        &self.screen().history
    }

    /// Drops the scrollback.
    pub fn clear_history(&mut self) {
        self.engine.core.screen.history.clear();
    }

    /// Returns the bytes to send the program for `key` under its current modes.
    pub fn encode_key(&self, key: Key) -> Vec<u8> {
        keys::encode_key(key, &self.modes())
    }

    /// Returns the bytes to send the program for pasted `text`.
    pub fn encode_paste(&self, text: &str) -> Vec<u8> {
        keys::encode_paste(text, &self.modes())
    }

    /// Returns the bytes to send the program for a mouse event at a position inside the pane,
    /// in the mode and encoding it asked for; nothing when it asked for no such event.
    pub fn encode_mouse(&self, event: mux_types::MouseEvent) -> Vec<u8> {
        crate::mouse::encode(event, &self.modes())
    }

    /// Returns the bytes to send the program when the pane gains or loses focus.
    pub fn encode_focus(&self, focused: bool) -> Vec<u8> {
        keys::encode_focus(focused, &self.modes())
    }
}

/// Returns the text of a grid row, trailing blanks dropped.
pub(crate) fn text_of(r: &Row) -> String {
    let mut out = String::new();
    push_text(r, &mut out);
    out
}

/// Appends the text of a grid row to `out`, trailing blanks dropped.
pub(crate) fn push_text(r: &Row, out: &mut String) {
    let start = out.len();
    let len = r.trimmed_len();
    out.reserve(len);
    for cell in r.cells.iter().take(len).filter(|c| !c.is_continuation()) {
        if let Some(b) = cell.ascii() {
            out.push(char::from(b));
        }
    }
    if out.len() - start < len {
        // Not all ASCII (or wide characters): take each cell's text.
        out.truncate(start);
        for col in 0..len {
            if r.cells[col].is_continuation() {
                continue;
            }
            let text = r.text(col);
            out.push_str(if text.is_empty() { " " } else { text });
        }
    }
    let trimmed = out[start..].trim_end().len();
    out.truncate(start + trimmed);
}
