//! Paste buffers: text kept by the server (capture-pane, set-buffer, a pane's OSC 52 copy),
//! newest first, named `buffer0`, `buffer1`... unless named by hand, at most `buffer-limit`
//! automatic ones.

/// One paste buffer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Buffer {
    /// Its name.
    pub name: String,
    /// Its text, shared with pastes of it under way (a large paste streams from it instead
    /// of copying it).
    pub data: std::sync::Arc<str>,
    /// Whether the name was given by hand (such buffers are never dropped for the limit).
    pub named: bool,
}

/// Every paste buffer, newest first.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Buffers {
    items: Vec<Buffer>,
    next: u32,
}

impl Buffers {
    /// Adds a buffer: under `name` (replacing one of that name), or an automatic name; drops
    /// the oldest automatic buffers beyond `limit`.
    pub fn add(&mut self, name: Option<&str>, data: String, limit: usize) {
        match name {
            Some(n) => self.insert(n.to_string(), true, data, limit),
            None => self.add_automatic("buffer", data, limit),
        }
    }

    /// Adds an automatic buffer (one the limit may drop) named `prefix` and the next
    /// number, as a copy-mode command given a prefix names it (`copy-selection clip` makes
    /// `clip3`).
    pub fn add_automatic(&mut self, prefix: &str, data: String, limit: usize) {
        let name = format!("{prefix}{}", self.next);
        self.next += 1;
        self.insert(name, false, data, limit);
    }

    /// Puts a buffer first, replacing one of its name; drops the oldest automatic buffers
    /// beyond `limit`.
    fn insert(&mut self, name: String, named: bool, data: String, limit: usize) {
        self.items.retain(|b| b.name != name);
        self.items.insert(
            0,
            Buffer {
                name,
                data: data.into(),
                named,
            },
        );
        let mut automatic = 0;
        self.items.retain(|b| {
            if b.named {
                return true;
            }
            automatic += 1;
            automatic <= limit.max(1)
        });
    }

    /// Returns a buffer by name, or the newest one, named or not (tmux's "top" buffer).
    pub fn get(&self, name: Option<&str>) -> Option<&Buffer> {
        self.position(name).and_then(|p| self.items.get(p))
    }

    /// Appends to a buffer (set-buffer -a), which becomes the newest, as in tmux.
    pub fn append(&mut self, name: Option<&str>, data: &str) -> bool {
        let Some(pos) = self.position(name) else {
            return false;
        };
        let mut buffer = self.items.remove(pos);
        buffer.data = format!("{}{data}", buffer.data).into();
        self.items.insert(0, buffer);
        true
    }

    /// Renames a buffer (`name`, or the newest), keeping its place among the others; it
    /// counts as named from then on. Errors are tmux's.
    pub fn rename(&mut self, name: Option<&str>, new: &str) -> Result<(), String> {
        let pos = self.position(name).ok_or_else(|| match name {
            Some(n) => format!("unknown buffer: {n}"),
            None => "no buffer".to_string(),
        })?;
        if self.items[pos].name == new {
            return Ok(());
        }
        if self.items.iter().any(|b| b.name == new) {
            return Err(format!("buffer {new} already exists"));
        }
        let buffer = &mut self.items[pos];
        buffer.name = new.to_string();
        buffer.named = true;
        Ok(())
    }

    /// Deletes a buffer by name, or the newest, named or not; returns whether one was deleted.
    pub fn delete(&mut self, name: Option<&str>) -> bool {
        self.position(name).map(|p| self.items.remove(p)).is_some()
    }

    /// Returns where the buffer `name` (or the newest) is.
    fn position(&self, name: Option<&str>) -> Option<usize> {
        match name {
            Some(n) => self.items.iter().position(|b| b.name == n),
            None => (!self.items.is_empty()).then_some(0),
        }
    }

    /// Returns every buffer, newest first.
    pub fn all(&self) -> &[Buffer] {
        &self.items
    }
}

/// How many bytes of a buffer its sample shows, as tmux.
const SAMPLE_WIDTH: usize = 200;

impl Buffer {
    /// Returns the buffer's format variables: `buffer_name`, `buffer_size` (bytes) and
    /// `buffer_sample`.
    pub fn var(&self, name: &str) -> Option<String> {
        Some(match name {
            "buffer_name" => self.name.clone(),
            "buffer_size" => self.data.len().to_string(),
            "buffer_sample" => sample(&self.data),
            _ => return None,
        })
    }
}

/// Returns tmux's sample of a buffer: its first 200 bytes with backslashes and control
/// characters escaped as C does (`\\`, `\n`, `\t`, `\033`), and `...` when there was more.
pub fn sample(data: &str) -> String {
    let mut end = data.len().min(SAMPLE_WIDTH);
    while !data.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::new();
    let mut chars = data[..end].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            // `\0` would read as a longer octal escape before an octal digit.
            '\0' if chars.peek().is_some_and(|n| ('0'..='7').contains(n)) => out.push_str("\\000"),
            '\0' => out.push_str("\\0"),
            c if c.is_ascii_control() => out.push_str(&format!("\\{:03o}", u32::from(c))),
            c => out.push(c),
        }
    }
    if data.len() > SAMPLE_WIDTH || out.len() > SAMPLE_WIDTH {
        let mut cut = SAMPLE_WIDTH.min(out.len());
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_with_a_limit_on_automatic_names() {
        let mut b = Buffers::default();
        b.add(None, "one".into(), 2);
        b.add(Some("keep"), "named".into(), 2);
        b.add(None, "two".into(), 2);
        b.add(None, "three".into(), 2);
        let names: Vec<&str> = b.all().iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["buffer2", "buffer1", "keep"]);
        assert_eq!(b.get(None).map(|x| &*x.data), Some("three"));
        assert!(b.append(Some("keep"), "+"));
        assert_eq!(b.get(Some("keep")).map(|x| &*x.data), Some("named+"));
        assert!(b.delete(Some("buffer1")));
        assert!(!b.delete(Some("nope")));
    }

    #[test]
    fn the_newest_buffer_is_the_top_one_even_when_named() {
        let mut b = Buffers::default();
        b.add(None, "auto".into(), 50);
        b.add(Some("mine"), "named".into(), 50);
        assert_eq!(b.get(None).map(|x| x.name.as_str()), Some("mine"));
        assert!(b.append(Some("buffer0"), "+"));
        assert_eq!(b.get(None).map(|x| &*x.data), Some("auto+"));
        assert!(b.delete(None));
        assert_eq!(b.get(None).map(|x| x.name.as_str()), Some("mine"));
    }

    #[test]
    fn renaming_keeps_the_buffers_place_and_refuses_a_name_in_use() {
        let mut b = Buffers::default();
        b.add(None, "one".into(), 50);
        b.add(None, "two".into(), 50);
        b.rename(Some("buffer0"), "first").unwrap();
        let names: Vec<&str> = b.all().iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["buffer1", "first"]);
        assert!(b.get(Some("first")).is_some_and(|x| x.named));
        assert_eq!(
            b.rename(None, "first").unwrap_err(),
            "buffer first already exists"
        );
        assert_eq!(b.rename(Some("x"), "y").unwrap_err(), "unknown buffer: x");
        assert_eq!(
            Buffers::default().rename(None, "y").unwrap_err(),
            "no buffer"
        );
    }
}
