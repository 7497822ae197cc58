//! The plain data types of term-emu's public API: its own cells, modes and clipboard requests,
//! beside the shared value types (sizes, positions, the cursor, colours, styles) of mux-types.

pub use mux_types::{Attrs, Color, Cursor, Point, Size, Style};

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

/// Which mouse events the program asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
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
    /// Mode 1007: the mouse wheel sends cursor keys on the alternate screen (on by default,
    /// as in most terminals).
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
