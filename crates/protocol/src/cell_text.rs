//! [`CellText`]: the text of one screen cell, kept without a heap allocation when it is short
//! (nearly always: one character and perhaps a combining mark). Composing a screen makes
//! thousands of them per frame, so this is on the key-echo path. It goes over the wire as a
//! plain string.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How many bytes fit inline.
const INLINE: usize = 22;

/// A cell's text: inline up to 22 bytes, else on the heap.
#[derive(Clone)]
pub enum CellText {
    /// Short text, its length and bytes (always valid UTF-8).
    Inline(u8, [u8; INLINE]),
    /// Longer text.
    Heap(Box<str>),
}

impl CellText {
    /// Returns the text.
    pub fn as_str(&self) -> &str {
        match self {
            CellText::Inline(len, bytes) => {
                let bytes = bytes.get(..usize::from(*len)).unwrap_or_default();
                std::str::from_utf8(bytes).unwrap_or_default()
            }
            CellText::Heap(text) => text,
        }
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for CellText {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(CellText::from(String::arbitrary(u)?))
    }
}

impl Default for CellText {
    fn default() -> Self {
        CellText::Inline(0, [0; INLINE])
    }
}

impl From<&str> for CellText {
    fn from(text: &str) -> Self {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                CellText::Inline(len, bytes)
            }
            _ => CellText::Heap(text.into()),
        }
    }
}

impl From<String> for CellText {
    fn from(text: String) -> Self {
        CellText::from(text.as_str())
    }
}

impl From<&String> for CellText {
    fn from(text: &String) -> Self {
        CellText::from(text.as_str())
    }
}

impl From<char> for CellText {
    fn from(c: char) -> Self {
        let mut buf = [0; 4];
        CellText::from(&*c.encode_utf8(&mut buf))
    }
}

impl std::ops::Deref for CellText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for CellText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for CellText {}

impl PartialEq<str> for CellText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CellText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::hash::Hash for CellText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for CellText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for CellText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CellText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CellText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(CellText::from(&*text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_inline_and_long_text_is_not_and_both_read_back() {
        let short = CellText::from("e\u{301}");
        assert!(matches!(short, CellText::Inline(..)));
        assert_eq!(short.as_str(), "e\u{301}");
        let long = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
        let family = CellText::from(long);
        assert!(matches!(family, CellText::Heap(_)));
        assert_eq!(&*family, long);
        assert_eq!(CellText::from('x'), CellText::from("x"));
        assert_eq!(CellText::default().as_str(), "");
    }

    #[test]
    fn it_goes_over_the_wire_as_a_string() {
        let bytes = postcard::to_stdvec(&CellText::from("ab")).unwrap_or_default();
        assert_eq!(bytes, postcard::to_stdvec("ab").unwrap_or_default());
        let back: CellText = postcard::from_bytes(&bytes).unwrap_or_default();
        assert_eq!(back, "ab");
    }
}
