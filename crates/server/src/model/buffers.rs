//! Paste buffers: text kept by the server (capture-pane, set-buffer, a pane's OSC 52 copy),
//! newest first, named `buffer0`, `buffer1`... unless named by hand, at most `buffer-limit`
//! automatic ones.

/// One paste buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buffer {
    /// Its name.
    pub name: String,
    /// Its text.
    pub data: String,
    /// Whether the name was given by hand (such buffers are never dropped for the limit).
    pub named: bool,
}

/// Every paste buffer, newest first.
#[derive(Debug, Default)]
pub struct Buffers {
    items: Vec<Buffer>,
    next: u32,
}

impl Buffers {
    /// Adds a buffer: under `name` (replacing one of that name), or an automatic name; drops
    /// the oldest automatic buffers beyond `limit`.
    pub fn add(&mut self, name: Option<&str>, data: String, limit: usize) {
        let (name, named) = match name {
            Some(n) => (n.to_string(), true),
            None => {
                let n = format!("buffer{}", self.next);
                self.next += 1;
                (n, false)
            }
        };
        self.items.retain(|b| b.name != name);
        self.items.insert(0, Buffer { name, data, named });
        let mut automatic = 0;
        self.items.retain(|b| {
            if b.named {
                return true;
            }
            automatic += 1;
            automatic <= limit.max(1)
        });
    }

    /// Returns a buffer by name, or the newest one, named or not (tmux 3.3a's "top" buffer).
    pub fn get(&self, name: Option<&str>) -> Option<&Buffer> {
        match name {
            Some(n) => self.items.iter().find(|b| b.name == n),
            None => self.items.first(),
        }
    }

    /// Appends to a buffer (set-buffer -a).
    pub fn append(&mut self, name: Option<&str>, data: &str) -> bool {
        let found = match name {
            Some(n) => self.items.iter_mut().find(|b| b.name == n),
            None => self.items.iter_mut().find(|b| !b.named),
        };
        found.map(|b| b.data.push_str(data)).is_some()
    }

    /// Deletes a buffer by name, or the newest, named or not; returns whether one was deleted.
    pub fn delete(&mut self, name: Option<&str>) -> bool {
        let pos = match name {
            Some(n) => self.items.iter().position(|b| b.name == n),
            None => (!self.items.is_empty()).then_some(0),
        };
        pos.map(|p| self.items.remove(p)).is_some()
    }

    /// Returns every buffer, newest first.
    pub fn all(&self) -> &[Buffer] {
        &self.items
    }
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
        assert_eq!(b.get(None).map(|x| x.data.as_str()), Some("three"));
        assert!(b.append(Some("keep"), "+"));
        assert_eq!(b.get(Some("keep")).map(|x| x.data.as_str()), Some("named+"));
        assert!(b.delete(Some("buffer1")));
        assert!(!b.delete(Some("nope")));
    }
}
