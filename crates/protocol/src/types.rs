//! Plain data carried by the messages: sizes, keys, cells and screen updates.

use serde::{Deserialize, Serialize};

/// A size in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Size {
    /// Columns.
    pub cols: u16,
    /// Rows.
    pub rows: u16,
}

/// Modifier keys held with a key, as bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mods(pub u8);

impl Mods {
    /// No modifier.
    pub const NONE: Mods = Mods(0);
    /// Shift.
    pub const SHIFT: Mods = Mods(1);
    /// Alt (Meta).
    pub const ALT: Mods = Mods(2);
    /// Control.
    pub const CTRL: Mods = Mods(4);

    /// Returns whether every flag of `other` is set in `self`.
    pub fn contains(self, other: Mods) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Mods {
    type Output = Mods;
    fn bitor(self, rhs: Mods) -> Mods {
        Mods(self.0 | rhs.0)
    }
}

/// A key, independent of how any terminal encodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyCode {
    /// A character key; with [`Mods::CTRL`] it is a control key (`C-b` is `Char('b')` + CTRL).
    Char(char),
    /// A function key, F1 to F24.
    F(u8),
    /// Return.
    Enter,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Escape.
    Esc,
    /// Cursor up.
    Up,
    /// Cursor down.
    Down,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Insert.
    Insert,
    /// Delete (forward).
    Delete,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Which modifiers.
    pub mods: Mods,
}

/// A colour as a terminal knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Color {
    /// The terminal's default foreground or background.
    #[default]
    Default,
    /// A palette entry: 0–15 the ANSI colours, 16–255 the 256-colour cube and greys.
    Indexed(u8),
    /// A 24-bit colour.
    Rgb(u8, u8, u8),
}

/// Text attributes, as bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attrs(pub u16);

impl Attrs {
    /// Bold.
    pub const BOLD: u16 = 1;
    /// Dim (faint).
    pub const DIM: u16 = 1 << 1;
    /// Italic.
    pub const ITALIC: u16 = 1 << 2;
    /// Underline.
    pub const UNDERLINE: u16 = 1 << 3;
    /// Reverse video.
    pub const REVERSE: u16 = 1 << 4;
    /// Blink.
    pub const BLINK: u16 = 1 << 5;
    /// Hidden.
    pub const HIDDEN: u16 = 1 << 6;
    /// Strikethrough.
    pub const STRIKE: u16 = 1 << 7;
    /// Overline.
    pub const OVERLINE: u16 = 1 << 8;
    /// Double underline (at most one underline bit is set).
    pub const DOUBLE_UNDERLINE: u16 = 1 << 9;
    /// Curly underline.
    pub const CURLY_UNDERLINE: u16 = 1 << 10;
    /// Dotted underline.
    pub const DOTTED_UNDERLINE: u16 = 1 << 11;
    /// Dashed underline.
    pub const DASHED_UNDERLINE: u16 = 1 << 12;

    /// Returns whether `flag` is set.
    pub fn has(self, flag: u16) -> bool {
        self.0 & flag != 0
    }
}

/// How a cell is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Style {
    /// Foreground colour.
    pub fg: Color,
    /// Background colour.
    pub bg: Color,
    /// Attributes.
    pub attrs: Attrs,
    /// The underline's colour; `Default` draws it in the foreground colour.
    pub underline_color: Color,
}

/// One cell of the client's screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cell {
    /// What the cell shows: one character with any combining marks, a space for a blank, or
    /// empty for the second half of a wide character.
    pub text: String,
    /// How it is drawn.
    pub style: Style,
    /// The URI of the OSC 8 hyperlink the cell belongs to, if any.
    pub link: Option<String>,
}

impl Cell {
    /// Returns a cell showing `text` in `style`, outside any hyperlink.
    pub fn new(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
            link: None,
        }
    }
}

/// One row of the client's screen, sent whole when anything in it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The row's index from the top of the client's screen.
    pub y: u16,
    /// Exactly as many cells as the screen is wide.
    pub cells: Vec<Cell>,
}

/// The cursor of the client's screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// Column, from 0.
    pub x: u16,
    /// Row, from 0.
    pub y: u16,
    /// Whether the cursor is shown.
    pub visible: bool,
    /// The DECSCUSR shape (0 the terminal's default, 1–6 block, underline, bar).
    pub shape: u8,
}

/// A change to what the client shows.
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
