//! The per-terminal tables that cells and history rows refer to by small ids: interned
//! styles and OSC 8 hyperlink URIs.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::types::{Color, Style};

/// The most styles kept; when full, the terminal drops the unused ones (see `Screen::gc`).
pub(crate) const MAX_STYLES: usize = 1 << 16;
/// The most hyperlinks kept at a time.
pub(crate) const MAX_LINKS: usize = 4096;
/// The longest hyperlink URI kept, in bytes.
pub(crate) const MAX_URI: usize = 2048;

/// A small multiply-rotate hasher (as in rustc's FxHash): the keys are term-emu's own styles,
/// hashed on every SGR, so speed matters more than resistance to crafted collisions, and the
/// table is bounded anyway.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    // The low and the high half, each cut to 64 bits on purpose.
    #[allow(clippy::cast_possible_truncation)]
    fn write_u128(&mut self, n: u128) {
        self.write_u64(n as u64);
        self.write_u64((n >> 64) as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hash map type of the tables.
type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Returns a colour packed in 26 bits: a 2-bit kind above the 24 bits of its value.
fn colour_bits(colour: Color) -> u128 {
    match colour {
        Color::Default => 0,
        Color::Indexed(n) => 1 << 24 | u128::from(n),
        Color::Rgb(r, g, b) => 2 << 24 | u128::from(r) << 16 | u128::from(g) << 8 | u128::from(b),
    }
}

/// Returns `style` packed in one integer, equal for equal styles and 0 for the default style:
/// hashing and comparing it is a few instructions where the derived ones walk every field.
fn key(style: &Style) -> u128 {
    colour_bits(style.fg)
        | colour_bits(style.bg) << 26
        | colour_bits(style.underline_color) << 52
        | u128::from(style.attrs.0) << 78
}

/// Interned styles: id 0 is always the default style.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(from = "Vec<Style>")]
pub(crate) struct Styles {
    list: Vec<Style>,
    /// The ids by packed style (see [`key`]).
    index: FxMap<u128, u16>,
}

impl Default for Styles {
    fn default() -> Styles {
        let mut index = FxMap::default();
        index.insert(key(&Style::default()), 0);
        Styles {
            list: vec![Style::default()],
            index,
        }
    }
}

impl Styles {
    /// Returns the id of `style`, or `None` if it is new and the table is full.
    pub(crate) fn intern(&mut self, style: Style) -> Option<u16> {
        let key = key(&style);
        if key == 0 {
            return Some(0);
        }
        if let Some(&id) = self.index.get(&key) {
            return Some(id);
        }
        let id = u16::try_from(self.list.len()).ok()?;
        self.list.push(style);
        self.index.insert(key, id);
        Some(id)
    }

    /// Returns the style with id `id` (the default style for an unknown id).
    #[inline]
    pub(crate) fn get(&self, id: u16) -> Style {
        self.list.get(usize::from(id)).copied().unwrap_or_default()
    }

    /// Keeps only the styles marked in `live` (indexed by id) and returns the old-to-new id map.
    pub(crate) fn retain(&mut self, live: &[bool]) -> Vec<u16> {
        let old = std::mem::take(&mut self.list);
        *self = Styles::default();
        let mut map = vec![0; old.len()];
        for (id, style) in old.iter().enumerate() {
            if live.get(id).copied().unwrap_or(false) {
                map[id] = self.intern(*style).unwrap_or(0);
            }
        }
        map
    }

    /// Returns roughly how many heap bytes the table uses.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.list.capacity() * std::mem::size_of::<Style>()
            + self.index.capacity() * (std::mem::size_of::<(u128, u16)>() + 1)
    }
}

/// OSC 8 hyperlink URIs: id 0 means no link.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(from = "Vec<Box<str>>")]
pub(crate) struct Links {
    list: Vec<Box<str>>,
    index: FxMap<Box<str>, u16>,
}

impl Links {
    /// Returns the id of `uri`, or `None` if it is new and the table is full.
    pub(crate) fn intern(&mut self, uri: &str) -> Option<u16> {
        if let Some(&id) = self.index.get(uri) {
            return Some(id);
        }
        if self.list.len() >= MAX_LINKS {
            return None;
        }
        self.list.push(uri.into());
        let id = u16::try_from(self.list.len()).ok()?;
        self.index.insert(uri.into(), id);
        Some(id)
    }

    /// Returns the URI with id `id`, if any.
    pub(crate) fn get(&self, id: u16) -> Option<&str> {
        let index = usize::from(id).checked_sub(1)?;
        self.list.get(index).map(|s| &**s)
    }

    /// Returns how many links are kept.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// Keeps only the links marked in `live` (indexed by id) and returns the old-to-new map.
    pub(crate) fn retain(&mut self, live: &[bool]) -> Vec<u16> {
        let old = std::mem::take(&mut self.list);
        *self = Links::default();
        let mut map = vec![0; old.len() + 1];
        for (i, uri) in old.iter().enumerate() {
            if live.get(i + 1).copied().unwrap_or(false) {
                map[i + 1] = self.intern(uri).unwrap_or(0);
            }
        }
        map
    }
}

/// A checkpoint keeps the list of styles; the index is made again from it.
impl From<Vec<Style>> for Styles {
    fn from(list: Vec<Style>) -> Styles {
        let mut styles = Styles::default();
        // Id 0 stays the default style; the rest keep their ids, up to the table's size.
        for style in list.into_iter().skip(1).take(MAX_STYLES - 1) {
            let id = u16::try_from(styles.list.len()).unwrap_or(u16::MAX);
            styles.list.push(style);
            styles.index.entry(key(&style)).or_insert(id);
        }
        styles
    }
}

impl serde::Serialize for Styles {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

/// A checkpoint keeps the list of links; the index is made again from it.
impl From<Vec<Box<str>>> for Links {
    fn from(list: Vec<Box<str>>) -> Links {
        let mut links = Links::default();
        for uri in list.into_iter().take(MAX_LINKS) {
            links.list.push(uri.clone());
            let id = u16::try_from(links.list.len()).unwrap_or(u16::MAX);
            links.index.entry(uri).or_insert(id);
        }
        links
    }
}

impl serde::Serialize for Links {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Attrs;

    /// Styles that differ in any one field, colour kinds included, pack differently, and
    /// each gets an id of its own that reads back as the same style.
    #[test]
    fn every_field_of_a_style_counts_in_its_key() {
        let colours = [
            Color::Default,
            Color::Indexed(0),
            Color::Indexed(255),
            Color::Rgb(0, 0, 0),
            Color::Rgb(255, 255, 255),
            Color::Rgb(0, 0, 1),
        ];
        let mut all = Vec::new();
        for &c in &colours {
            all.push(Style {
                fg: c,
                ..Style::default()
            });
            all.push(Style {
                bg: c,
                ..Style::default()
            });
            all.push(Style {
                underline_color: c,
                ..Style::default()
            });
        }
        for bit in 0..16 {
            all.push(Style {
                attrs: Attrs(1 << bit),
                ..Style::default()
            });
        }
        all.sort_by_key(key);
        all.dedup();
        let keys: std::collections::HashSet<u128> = all.iter().map(key).collect();
        assert_eq!(keys.len(), all.len());
        assert_eq!(key(&Style::default()), 0);
        let mut styles = Styles::default();
        for s in &all {
            let id = styles.intern(*s).expect("room");
            assert_eq!(styles.get(id), *s);
            assert_eq!(styles.intern(*s), Some(id));
        }
    }
}
