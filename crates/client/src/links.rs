//! The hyperlinks of the frame being drawn, by cell position, shared by the screen model
//! (which fills them) and the terminal backend (which writes them as OSC 8).

use std::rc::Rc;

use ratatui::layout::Rect;

/// The OSC 8 hyperlink of each cell of the frame being drawn and of the frame before it.
///
/// Ratatui's buffers cannot hold a URI, so [`crate::draw::Model::render`] marks linked cells
/// with [`crate::backend::LINK`] and records their URIs here; the backend looks them up when it
/// writes a marked cell. The previous frame's table tells which cells changed only their link.
#[derive(Debug, Default)]
pub struct Links {
    /// The area of the frame being drawn.
    area: Rect,
    /// The links of the frame being drawn, row by row over `area`; shorter when the rest has none.
    current: Vec<Option<Rc<str>>>,
    /// The area of the frame drawn before.
    previous_area: Rect,
    /// The links of the frame drawn before, as `current`.
    previous: Vec<Option<Rc<str>>>,
    /// The last URI recorded, as given and as sanitized, so a run of cells shares one copy.
    last: Option<(String, Rc<str>)>,
}

impl Links {
    /// Starts a new frame over `area`: the current links become the previous frame's, and the
    /// new frame has none until [`Links::set`] records them.
    pub fn begin(&mut self, area: Rect) {
        std::mem::swap(&mut self.current, &mut self.previous);
        self.current.clear();
        self.previous_area = self.area;
        self.area = area;
    }

    /// Records that the cell at (`x`, `y`) links to `uri`, without its control characters.
    /// Returns whether a link was recorded: not when the position is outside the frame or
    /// nothing is left of the URI.
    pub fn set(&mut self, x: u16, y: u16, uri: &str) -> bool {
        let Some(index) = index(self.area, x, y) else {
            return false;
        };
        let clean = match &self.last {
            Some((raw, clean)) if raw == uri => Rc::clone(clean),
            _ => {
                let clean: Rc<str> = sanitize(uri).into();
                self.last = Some((uri.to_string(), Rc::clone(&clean)));
                clean
            }
        };
        if clean.is_empty() {
            return false;
        }
        if self.current.len() <= index {
            self.current.resize(index + 1, None);
        }
        self.current[index] = Some(clean);
        true
    }

    /// Returns the URI the cell at (`x`, `y`) links to in the frame being drawn.
    pub fn get(&self, x: u16, y: u16) -> Option<&str> {
        lookup(&self.current, self.area, x, y)
    }

    /// Returns whether the cell at (`x`, `y`) links elsewhere than in the frame before.
    pub fn changed(&self, x: u16, y: u16) -> bool {
        self.get(x, y) != lookup(&self.previous, self.previous_area, x, y)
    }
}

/// Returns the index of (`x`, `y`) in a table over `area`, or `None` outside it.
fn index(area: Rect, x: u16, y: u16) -> Option<usize> {
    let inside = x >= area.x && x < area.right() && y >= area.y && y < area.bottom();
    inside.then(|| usize::from(y - area.y) * usize::from(area.width) + usize::from(x - area.x))
}

/// Returns the URI at (`x`, `y`) in `table`, a table over `area`.
fn lookup(table: &[Option<Rc<str>>], area: Rect, x: u16, y: u16) -> Option<&str> {
    table.get(index(area, x, y)?)?.as_deref()
}

/// Returns `uri` without control characters (C0, DEL and C1), so that a pane cannot end the
/// OSC 8 sequence early and make the outer terminal run sequences of its own.
pub fn sanitize(uri: &str) -> String {
    uri.chars()
        .filter(|&c| !(c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c)))
        .collect()
}
