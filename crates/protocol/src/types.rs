//! Plain data carried by the messages: the client's cells, rows and screen updates, beside the
//! value types shared with the rest of mux (sizes, the cursor, keys, colours, styles), which
//! come from `mux-types` and are re-exported here so `mux_protocol::Key` names the one type.

use serde::{Deserialize, Serialize};

pub use crate::cell_text::CellText;

pub use mux_types::{
    Attrs, Color, Cursor, Key, KeyCode, Mods, MouseAction, MouseButton, MouseEvent, MouseKey,
    MouseKind, MousePlace, Point, Size, Style,
};

/// One cell of the client's screen.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cell {
    /// What the cell shows: one character with any combining marks, a space for a blank, or
    /// empty for the second half of a wide character.
    pub text: CellText,
    /// How it is drawn.
    pub style: Style,
    /// The URI of the OSC 8 hyperlink the cell belongs to, if any.
    pub link: Option<String>,
}

impl Cell {
    /// Returns a cell showing `text` in `style`, outside any hyperlink.
    pub fn new(text: impl Into<CellText>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
            link: None,
        }
    }
}

/// One row of the client's screen, sent whole when anything in it changed.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The row's index from the top of the client's screen.
    pub y: u16,
    /// Exactly as many cells as the screen is wide.
    pub cells: Vec<Cell>,
    /// Whether the row's line goes on in the next row (a pane as wide as the screen whose
    /// line wrapped): the client then draws the two so that its terminal knows they are one
    /// line.
    pub wrapped: bool,
}

/// A change to what the client shows.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenUpdate {
    /// The screen's size; when it differs from the client's current one the client starts from
    /// a blank screen of this size (the server then sends every row).
    pub size: Size,
    /// The rows that changed.
    pub rows: Vec<Row>,
    /// Where the cursor is.
    pub cursor: Cursor,
}
