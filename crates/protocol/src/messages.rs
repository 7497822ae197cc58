//! The handshake and the two message enums, one per direction.

use serde::{Deserialize, Serialize};

use crate::types::{Key, MouseEvent, ScreenUpdate, Size};

/// The magic number that opens every [`Hello`]: the bytes `mux!` read as a little-endian u32.
pub const HELLO_MAGIC: u32 = u32::from_le_bytes(*b"mux!");

/// The magic number of a [`Hello`] that asks the server to hand over to another binary
/// (`mux server-upgrade`), whatever the versions: the bytes `mux^`. It is accepted by every
/// server since protocol 10 (older ones close the connection), and followed by one
/// [`UpgradeRequest`]; the server answers with [`ServerMsg::Stdout`], [`ServerMsg::Stderr`]
/// and [`ServerMsg::Exit`], whose encoding is frozen too.
pub const UPGRADE_MAGIC: u32 = u32::from_le_bytes(*b"mux^");

/// The first frame a client sends. Its encoding is frozen: never add, remove or reorder fields.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// Always [`HELLO_MAGIC`]; anything else is not a mux client.
    pub magic: u32,
    /// The client's [`crate::PROTOCOL_VERSION`].
    pub version: u32,
}

impl Hello {
    /// Returns the hello this build sends.
    pub fn current() -> Self {
        Hello {
            magic: HELLO_MAGIC,
            version: crate::PROTOCOL_VERSION,
        }
    }
}

/// The server's answer to [`Hello`]. Its encoding is frozen like [`Hello`]'s.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelloReply {
    /// The server's [`crate::PROTOCOL_VERSION`].
    pub version: u32,
    /// Whether the connection may go on.
    pub status: HelloStatus,
}

/// Why a handshake was accepted or refused. Variants may only be appended.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelloStatus {
    /// Versions match: messages follow.
    Accepted,
    /// The versions differ; the server closes the connection.
    VersionMismatch,
    /// The peer is another user; the server closes the connection.
    AccessDenied,
}

/// What follows a [`Hello`] with [`UPGRADE_MAGIC`]. Its encoding is frozen like [`Hello`]'s.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpgradeRequest {
    /// The binary to hand over to: the asking client's own.
    pub exe: String,
    /// The asking client's environment (name, value).
    pub env: Vec<(String, String)>,
}

/// What the client tells the server about its terminal when it has one.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientTerminal {
    /// The terminal's size in cells.
    pub size: Size,
    /// The client's `TERM`.
    pub term: String,
}

/// One command line to run, the first message after the handshake.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandRequest {
    /// The command and its arguments, as typed after the global options (`new-session -s work`).
    pub argv: Vec<String>,
    /// The client's working directory, where new panes start.
    pub cwd: String,
    /// The client's terminal, when standard input is one; commands that attach need it.
    pub terminal: Option<ClientTerminal>,
    /// The client's environment (name, value).
    pub env: Vec<(String, String)>,
}

/// Messages from the client to the server, after the handshake.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClientMsg {
    /// Run a command line; only valid as the first message.
    Command(CommandRequest),
    /// A key pressed in the attached client.
    Key(Key),
    /// Text pasted into the client's terminal (bracketed paste from the outer terminal), in
    /// pieces of at most [`crate::PASTE_CHUNK`] bytes sent in order: `more` is set on every
    /// piece but the last. The server brackets the whole paste once, and the client's later
    /// messages wait while the pane takes it in.
    Paste {
        /// This piece of the text.
        text: String,
        /// Whether more pieces of the same paste follow.
        more: bool,
    },
    /// The client's terminal changed size.
    Resize(Size),
    /// The client's terminal gained (`true`) or lost focus.
    Focus(bool),
    /// The client's terminal's default colours, as it answered OSC 10, 11 and 12 at attach:
    /// what panes are told when they ask (`None` for a colour the terminal did not give).
    Colours {
        /// The default foreground.
        fg: Option<(u8, u8, u8)>,
        /// The default background.
        bg: Option<(u8, u8, u8)>,
        /// The cursor colour.
        cursor: Option<(u8, u8, u8)>,
    },
    /// The mouse did something in the client's terminal.
    Mouse(MouseEvent),
    /// A piece of the client's standard input, which the server asked for (`load-buffer -`).
    Stdin(Vec<u8>),
    /// The client's standard input ended.
    StdinEnd,
    /// The client is back from being suspended (or otherwise lost its screen): redraw it all.
    Redraw,
}

/// Messages from the server to the client, after the handshake. The first three variants
/// (`Stdout`, `Stderr`, `Exit`) are frozen: every version encodes them alike, so a client can
/// read the answer of a server of another version to an upgrade request ([`UPGRADE_MAGIC`]).
/// Other variants may only be appended.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerMsg {
    /// Text for the client's standard output.
    Stdout(String),
    /// Text for the client's standard error.
    Stderr(String),
    /// The command is done; the client exits with this status.
    Exit(i32),
    /// The client is now attached to this session (sent again when it switches to
    /// another): screen updates follow.
    Attached {
        /// The session's name.
        session: String,
        /// The session's id (`$N`), which stays the same across a rename and a recovery: a
        /// client reattaching after a crash asks for it.
        id: u32,
    },
    /// Changed rows of the client's screen.
    Screen(ScreenUpdate),
    /// A pane rang the bell.
    Bell,
    /// The attached client must leave: restore the terminal, print `message`, exit with `status`.
    Detach {
        /// What the client prints, such as `[detached (from session work)]`.
        message: String,
        /// The client's exit status.
        status: i32,
    },
    /// A pane set the clipboard (OSC 52): base64 data for the client's terminal.
    Clipboard(String),
    /// The client's terminal title should become this (the `set-titles` option).
    Title(String),
    /// Which mouse events the client should ask its terminal to report (always in SGR form).
    Mouse(MouseReport),
    /// The command wants the client's standard input: send it as [`ClientMsg::Stdin`] pieces
    /// and then [`ClientMsg::StdinEnd`].
    ReadStdin,
    /// Bytes a pane wrapped in tmux's passthrough (`ESC P tmux; ... ESC \`) under
    /// allow-passthrough: written to the client's terminal as they are.
    Passthrough(Vec<u8>),
    /// How many milliseconds the client waits after Escape for a key that makes it Alt+key
    /// (the `escape-time` option, at most [`MAX_ESCAPE_TIME`]).
    EscapeTime(u32),
    /// Give the terminal back and stop with SIGTSTP (`suspend-client`); send
    /// [`ClientMsg::Redraw`] when continued.
    Suspend,
    /// The server is handing over to another binary (`server-upgrade`): an attached client
    /// shows `message` and attaches again to the server that takes over.
    Reconnect {
        /// What the client shows meanwhile, such as `server upgrading`.
        message: String,
    },
}

/// The replies every version of the server encodes alike: the first three variants of
/// [`ServerMsg`], for reading the answer to an upgrade request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrozenReply {
    /// Text for standard output.
    Stdout(String),
    /// Text for standard error.
    Stderr(String),
    /// The exit status.
    Exit(i32),
}

/// The longest escape-time a client honours, in milliseconds.
pub const MAX_ESCAPE_TIME: u32 = 2000;

/// Which mouse events a client asks its terminal for.
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MouseReport {
    /// None: the terminal's own selection works.
    #[default]
    Off,
    /// Presses and releases (mode 1000).
    Buttons,
    /// Those and motion with a button held (mode 1002).
    Drags,
    /// Those and every motion (mode 1003).
    Motion,
}
