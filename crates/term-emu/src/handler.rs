//! What parsing gathers beside the screen: replies owed to the program, the title, bells,
//! clipboard writes and the working directory, collected until `process` returns them.

use std::fmt::Write as _;

use crate::filter::osc::Colours;
use crate::types::ClipboardSet;

/// State gathered during one or more calls to `process`.
///
/// A checkpoint keeps the title, the colours and the working directory; what waits to be
/// returned by `process` is not kept (a checkpoint is taken between calls).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Handler {
    /// Bytes owed to the program (answers to queries).
    #[serde(skip)]
    pub replies: Vec<u8>,
    /// The pane title from OSC 0 or 2.
    pub title: String,
    /// Whether the title changed since the last `process` returned.
    #[serde(skip)]
    pub title_changed: bool,
    /// Bells rung since the last `process` returned.
    #[serde(skip)]
    pub bells: usize,
    /// The colours reported to OSC 10, 11 and 12 queries.
    pub colours: Colours,
    /// Clipboard writes (OSC 52) since the last `process` returned.
    #[serde(skip)]
    pub clipboard: Vec<ClipboardSet>,
    /// Clipboard writes dropped for their size since the last `process` returned.
    #[serde(skip)]
    pub dropped_clipboard: usize,
    /// Clipboard reads refused since the last `process` returned.
    #[serde(skip)]
    pub clipboard_denied: usize,
    /// The working directory from OSC 7.
    pub cwd: Option<String>,
    /// Whether the working directory changed since the last `process` returned.
    #[serde(skip)]
    pub cwd_changed: bool,
    /// The window name the program last asked for with `ESC k`, since the last `process`
    /// returned (empty: give the name back to automatic renaming).
    pub name: Option<String>,
    /// tmux passthrough strings (`ESC P tmux; ... ESC \`, ESC no longer doubled) since the
    /// last `process` returned, at most [`MAX_PASSTHROUGH`] bytes of them.
    pub passthrough: Vec<Vec<u8>>,
}

/// The most passthrough bytes kept between two returns of `process`; more are dropped.
pub const MAX_PASSTHROUGH: usize = 1 << 20;

/// The longest title kept, in bytes; longer ones are cut at a character boundary.
pub(crate) const MAX_TITLE: usize = 1024;

impl Handler {
    /// Records a new title, without control characters and cut to [`MAX_TITLE`] bytes.
    pub fn set_title(&mut self, bytes: &[u8]) {
        let title = clean_text(bytes);
        if title != self.title {
            self.title = title;
            self.title_changed = true;
        }
    }

    /// Records a window name asked for with `ESC k`, without control characters and cut
    /// to [`MAX_TITLE`] bytes.
    pub fn set_name(&mut self, bytes: &[u8]) {
        self.name = Some(clean_text(bytes));
    }

    /// Keeps a passthrough string for the caller, unless the ones kept already reach
    /// [`MAX_PASSTHROUGH`] bytes.
    pub fn passthrough(&mut self, bytes: &[u8]) {
        let kept: usize = self.passthrough.iter().map(Vec::len).sum();
        if kept + bytes.len() <= MAX_PASSTHROUGH {
            self.passthrough.push(bytes.to_vec());
        }
    }

    /// Appends a formatted reply.
    pub fn reply(&mut self, args: std::fmt::Arguments<'_>) {
        let mut s = String::new();
        if s.write_fmt(args).is_ok() {
            self.replies.extend_from_slice(s.as_bytes());
        }
    }
}

/// Returns text from a program without control characters, cut to [`MAX_TITLE`] bytes at a
/// character boundary.
fn clean_text(bytes: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    text.retain(|c| !c.is_control());
    if text.len() > MAX_TITLE {
        let mut end = MAX_TITLE;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}
