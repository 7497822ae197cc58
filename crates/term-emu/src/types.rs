//! The plain data types of term-emu's public API: sizes, colours, styles, cells and modes.

/// A terminal size in character cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Size {
    /// Number of rows.
    pub rows: u16,
    /// Number of columns.
    pub cols: u16,
}

/// A foreground or background colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Color {
    /// The terminal's default colour.
    #[default]
    Default,
    /// One of the 256 indexed colours (0–15 are the named ones).
    Indexed(u8),
    /// A 24-bit colour.
    Rgb(u8, u8, u8),
}

/// Text attributes as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Attrs(pub u16);

impl Attrs {
    /// Bold or increased intensity.
    pub const BOLD: Attrs = Attrs(1);
    /// Faint or decreased intensity.
    pub const DIM: Attrs = Attrs(2);
    /// Italic.
    pub const ITALIC: Attrs = Attrs(4);
    /// Underlined with a single line (SGR 4 or 4:1).
    pub const UNDERLINE: Attrs = Attrs(8);
    /// Foreground and background swapped.
    pub const REVERSE: Attrs = Attrs(16);
    /// Blinking (SGR 5 or 6).
    pub const BLINK: Attrs = Attrs(32);
    /// Hidden (SGR 8).
    pub const HIDDEN: Attrs = Attrs(64);
    /// Struck through (SGR 9).
    pub const STRIKE: Attrs = Attrs(128);
    /// Overlined (SGR 53).
    pub const OVERLINE: Attrs = Attrs(256);
    /// Underlined with a double line (SGR 21 or 4:2).
    pub const DOUBLE_UNDERLINE: Attrs = Attrs(512);
    /// Underlined with a curly line (SGR 4:3).
    pub const CURLY_UNDERLINE: Attrs = Attrs(1024);
    /// Underlined with a dotted line (SGR 4:4).
    pub const DOTTED_UNDERLINE: Attrs = Attrs(2048);
    /// Underlined with a dashed line (SGR 4:5).
    pub const DASHED_UNDERLINE: Attrs = Attrs(4096);
    /// Every underline bit; at most one of them is set at a time.
    pub const ANY_UNDERLINE: Attrs = Attrs(8 | 512 | 1024 | 2048 | 4096);

    /// Returns whether every bit of `other` is set.
    pub fn contains(self, other: Attrs) -> bool {
        self.0 & other.0 == other.0
    }

    /// Returns whether any bit of `other` is set.
    pub fn intersects(self, other: Attrs) -> bool {
        self.0 & other.0 != 0
    }
}

/// How a cell is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    /// Foreground colour.
    pub fg: Color,
    /// Background colour.
    pub bg: Color,
    /// Attributes.
    pub attrs: Attrs,
    /// The underline's colour (SGR 58); `Default` draws it in the foreground colour.
    pub underline_color: Color,
}

/// A borrowed view of one cell of the visible screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef<'a> {
    /// The text in the cell: one grapheme, or empty for a blank cell.
    pub text: &'a str,
    /// How the cell is drawn.
    pub style: Style,
    /// Whether the cell holds a character two columns wide.
    pub wide: bool,
    /// Whether the cell is the right half of a wide character.
    pub wide_continuation: bool,
    /// The URI of the OSC 8 hyperlink the cell belongs to, if any.
    pub link: Option<&'a str>,
}

/// The cursor of the visible screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// Row, from 0 at the top.
    pub row: u16,
    /// Column, from 0 at the left.
    pub col: u16,
    /// Whether the program wants the cursor shown.
    pub visible: bool,
    /// The DECSCUSR shape: 0 the terminal's default, 1–6 block, underline and bar.
    pub shape: u8,
}

/// Which mouse events the program asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MouseMode {
    /// No mouse reporting.
    #[default]
    None,
    /// Button presses only (mode 9).
    Press,
    /// Presses and releases (mode 1000).
    PressRelease,
    /// Presses, releases and motion with a button held (mode 1002).
    ButtonMotion,
    /// Every motion (mode 1003).
    AnyMotion,
}

/// The input and screen modes a program has set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modes {
    /// DECCKM: cursor keys send `ESC O x`.
    pub application_cursor: bool,
    /// DECKPAM: the keypad sends application sequences.
    pub application_keypad: bool,
    /// Mode 2004: pastes are bracketed.
    pub bracketed_paste: bool,
    /// Mode 1004: focus changes are reported.
    pub focus_reporting: bool,
    /// The alternate screen is shown.
    pub alternate_screen: bool,
    /// The mouse reporting mode.
    pub mouse: MouseMode,
    /// Mode 1006: mouse reports use SGR encoding.
    pub mouse_sgr: bool,
    /// Mode 1005: mouse reports use UTF-8 encoding.
    pub mouse_utf8: bool,
    /// Mode 5 (DECSCNM): the whole screen is shown in reverse video.
    pub reverse_video: bool,
    /// Mode 1007: the mouse wheel sends cursor keys on the alternate screen.
    pub alternate_scroll: bool,
    /// Mode 7 (DECAWM): text wraps at the right margin.
    pub autowrap: bool,
    /// IRM (`CSI 4 h`): printed text is inserted, pushing the row right.
    pub insert: bool,
}

/// A clipboard write a program asked for with OSC 52.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClipboardSet {
    /// The selections to set, as the program named them (`c` clipboard, `p` primary, `s`
    /// selection, `0`–`7` cut buffers); empty means the terminal's default.
    pub selection: String,
    /// The new contents, base64-encoded as the program sent them (empty to clear them).
    pub data_base64: String,
}
