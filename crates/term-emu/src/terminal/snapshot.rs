//! Checkpoints of a terminal: [`Terminal`] serializes (with serde, in any format) to its whole
//! model and deserializes back, checking what it reads so that a damaged checkpoint is an
//! error rather than a terminal that panics later. The parser's own state is not kept: a
//! checkpoint is meant to be taken when [`Terminal::at_rest`], between sequences, and the
//! terminal it gives back starts in the ground state.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Terminal;
use crate::engine::Engine;
use crate::filter::{Charsets, Filter};

/// The largest size a checkpoint may give a terminal, in rows and in columns.
const MAX_SIDE: usize = 10_000;

/// What a checkpoint holds, borrowed for writing.
#[derive(Serialize)]
struct SnapshotRef<'a> {
    charsets: Charsets,
    engine: &'a Engine,
}

/// What a checkpoint holds, read back.
#[derive(Deserialize)]
struct Snapshot {
    charsets: Charsets,
    engine: Engine,
}

impl Serialize for Terminal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SnapshotRef {
            charsets: self.filter.charsets(),
            engine: &self.engine,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Terminal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Terminal, D::Error> {
        let snapshot = Snapshot::deserialize(d)?;
        let mut term = Terminal {
            filter: Filter::with_charsets(snapshot.charsets),
            engine: snapshot.engine,
            partial_utf8: false,
        };
        term.repair().map_err(D::Error::custom)?;
        Ok(term)
    }
}

impl Terminal {
    /// Returns whether the terminal is between sequences and characters: a checkpoint taken
    /// now and the output that follows it, fed to the restored terminal, give the same state
    /// as this terminal reaches.
    pub fn at_rest(&self) -> bool {
        self.filter.at_ground() && !self.partial_utf8
    }

    /// Checks a terminal read from a checkpoint: refuses a model whose shape is wrong (grid
    /// sizes, rows of the wrong width, unreadable history rows) and brings small things back
    /// inside their bounds (cursor, scroll region, tab stops, wide characters cut in half).
    fn repair(&mut self) -> Result<(), String> {
        let s = &mut self.engine.core.screen;
        if !(1..=MAX_SIDE).contains(&s.rows) || !(1..=MAX_SIDE).contains(&s.cols) {
            return Err(format!("terminal size {}x{} out of range", s.cols, s.rows));
        }
        let alternate_ok = s.alternate.len() == s.rows || (s.alternate.is_empty() && !s.alt);
        if s.primary.len() != s.rows || !alternate_ok {
            return Err("grid height differs from the terminal's".into());
        }
        for row in s.primary.iter_mut().chain(s.alternate.iter_mut()) {
            if row.cells.len() != s.cols {
                return Err("a row's width differs from the terminal's".into());
            }
            row.repair();
        }
        s.row_gens.resize(s.rows, s.generation);
        s.tabs.resize(s.cols, false);
        s.row = s.row.min(s.rows - 1);
        s.col = s.col.min(s.cols);
        if s.bottom >= s.rows || s.top > s.bottom {
            s.top = 0;
            s.bottom = s.rows - 1;
        }
        s.history.check()?;
        let title = &mut self.engine.core.h.title;
        if title.len() > crate::handler::MAX_TITLE {
            let mut end = crate::handler::MAX_TITLE;
            while !title.is_char_boundary(end) {
                end -= 1;
            }
            title.truncate(end);
        }
        Ok(())
    }
}

/// Returns whether `bytes` end inside a UTF-8 character (its first bytes came, not all).
pub(super) fn ends_inside_utf8(bytes: &[u8]) -> bool {
    for (back, &b) in bytes.iter().rev().take(4).enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        return need > back + 1;
    }
    false
}

#[cfg(test)]
mod tests;
