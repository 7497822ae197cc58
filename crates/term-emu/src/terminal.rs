//! [`Terminal`]: one pane's screen, modes, title and scrollback, fed with the program's bytes.

use std::num::NonZeroU16;

use crate::filter::osc::Colours;
use crate::filter::Filter;
use crate::handler::Handler;
use crate::history::History;
use crate::keys::{self, Key};
use crate::types::{cell_ref, cursor_shape, CellRef, ClipboardSet, Cursor, Modes, MouseMode, Size};

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
}

/// One terminal's state.
pub struct Terminal {
    /// Takes out and answers what vt100 cannot handle.
    filter: Filter,
    parser: vt100::Parser<Handler>,
}

/// Converts a size component to vt100's non-zero type, treating 0 as 1.
fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

impl Terminal {
    /// Creates a blank terminal of `size` that keeps `history_limit` rows of scrollback.
    pub fn new(size: Size, history_limit: usize) -> Terminal {
        let handler = Handler::new(history_limit);
        Terminal {
            filter: Filter::new(),
            parser: vt100::Parser::new_with_callbacks(
                non_zero(size.rows),
                non_zero(size.cols),
                0,
                handler,
            ),
        }
    }

    /// Parses bytes written by the program and returns what the caller must act on.
    pub fn process(&mut self, bytes: &[u8]) -> Effects {
        self.filter.feed(bytes, &mut self.parser);
        let h = self.parser.callbacks_mut();
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
        }
    }

    /// Changes the size; rows pushed off the top go to the scrollback.
    pub fn resize(&mut self, size: Size) {
        let old = self.size();
        self.parser
            .set_size(non_zero(size.rows), non_zero(size.cols));
        if self.size() != old {
            self.parser.callbacks_mut().modes.resized();
        }
    }

    /// Returns the size.
    pub fn size(&self) -> Size {
        let (rows, cols) = self.parser.screen().size();
        Size {
            rows: rows.get(),
            cols: cols.get(),
        }
    }

    /// Returns the cell at `row`, `col` of the visible screen, if inside it.
    pub fn cell(&self, row: u16, col: u16) -> Option<CellRef<'_>> {
        self.parser.screen().cell(row, col).map(cell_ref)
    }

    /// Returns the cursor.
    pub fn cursor(&self) -> Cursor {
        let screen = self.parser.screen();
        let (row, col) = screen.cursor_position();
        Cursor {
            row,
            col,
            visible: !screen.hide_cursor(),
            shape: cursor_shape(screen.cursor_style()),
        }
    }

    /// Returns the modes the program has set.
    pub fn modes(&self) -> Modes {
        let s = self.parser.screen();
        Modes {
            application_cursor: s.application_cursor(),
            application_keypad: s.application_keypad(),
            bracketed_paste: s.bracketed_paste(),
            focus_reporting: self.parser.callbacks().modes.focus,
            alternate_screen: s.alternate_screen(),
            mouse: match s.mouse_protocol_mode() {
                vt100::MouseProtocolMode::None => MouseMode::None,
                vt100::MouseProtocolMode::Press => MouseMode::Press,
                vt100::MouseProtocolMode::PressRelease => MouseMode::PressRelease,
                vt100::MouseProtocolMode::ButtonMotion => MouseMode::ButtonMotion,
                vt100::MouseProtocolMode::AnyMotion => MouseMode::AnyMotion,
            },
            mouse_sgr: s.mouse_protocol_encoding() == vt100::MouseProtocolEncoding::Sgr,
        }
    }

    /// Returns the title set by OSC 0 or 2, empty if none.
    pub fn title(&self) -> &str {
        &self.parser.callbacks().title
    }

    /// Returns the working directory the program reported with OSC 7, if any.
    pub fn cwd(&self) -> Option<&str> {
        self.parser.callbacks().cwd.as_deref()
    }

    /// Returns whether the program is inside a synchronized update (mode 2026): the screen
    /// may be half drawn, so callers should hold frames until this turns false.
    pub fn synchronized(&self) -> bool {
        self.parser.callbacks().modes.synchronized
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
        self.parser.callbacks_mut().colours = Colours::new(fg, bg, cursor);
    }

    /// Returns the visible screen's text, rows joined with newlines, trailing blanks dropped.
    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Returns the text of visible row `row`, trailing blanks dropped.
    pub fn row_text(&self, row: u16) -> String {
        let cols = self.size().cols;
        self.parser
            .screen()
            .rows(0, cols)
            .nth(usize::from(row))
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default()
    }

    /// Returns whether visible row `row` continues on the next row (a soft wrap).
    pub fn row_wrapped(&self, row: u16) -> bool {
        self.parser.screen().row_wrapped(row)
    }

    /// Returns visible row `row` with SGR sequences where the style changes, trailing blanks
    /// dropped (capture-pane -e).
    pub fn row_formatted(&self, row: u16) -> String {
        crate::sgr::row_formatted(self, row)
    }

    /// Returns the capacity of the filter's string buffer, to check that it stays bounded.
    #[cfg(test)]
    pub(crate) fn filter_buffer_capacity(&self) -> usize {
        self.filter.buffer_capacity()
    }

    /// Returns the scrollback.
    pub fn history(&self) -> &History {
        &self.parser.callbacks().history
    }

    /// Drops the scrollback.
    pub fn clear_history(&mut self) {
        self.parser.callbacks_mut().history.clear();
    }

    /// Returns the bytes to send the program for `key` under its current modes.
    pub fn encode_key(&self, key: Key) -> Vec<u8> {
        keys::encode_key(key, &self.modes())
    }

    /// Returns the bytes to send the program for pasted `text`.
    pub fn encode_paste(&self, text: &str) -> Vec<u8> {
        keys::encode_paste(text, &self.modes())
    }

    /// Returns the bytes to send the program when the pane gains or loses focus.
    pub fn encode_focus(&self, focused: bool) -> Vec<u8> {
        keys::encode_focus(focused, &self.modes())
    }
}
