//! Each program's journal: the raw output the server read from its PTY, appended as it is
//! read (one `write` per read, no fsync: a process that dies leaves its writes in the page
//! cache), so that what the server read after its last checkpoint is not lost with it.
//!
//! A journal is a run of segment files `j-PROGRAM-START` in the keep directory, each at most
//! [`SEGMENT`] bytes and named by the offset of its first byte in the program's output. A
//! pane's checkpoint records how far into that output its terminal is; once it is written,
//! the segments wholly before that offset are deleted ([`trim`]), so a journal holds about
//! what came after the last checkpoint (the checkpointer forces one before it grows past its
//! bound).

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::log::log;

/// The largest segment, in bytes.
pub const SEGMENT: u64 = 1 << 20;

/// The most a recovery replays of one journal, in bytes (far more than the checkpointer lets
/// a journal hold): beyond it, the oldest part is skipped.
pub const MAX_REPLAY: u64 = 64 << 20;

/// The writing end of one program's journal.
pub struct Journal {
    /// The keep directory.
    dir: PathBuf,
    /// The program.
    program: u64,
    /// The segment being written, once the first byte comes.
    file: Option<File>,
    /// How many bytes the current segment holds.
    len: u64,
    /// The offset of the next byte in the program's output.
    total: u64,
    /// Whether a write failed (logged once; the journal stops).
    broken: bool,
}

impl Journal {
    /// Opens the journal of `program`, whose next byte is at offset `total` (0 for a new
    /// program, where the last one ended for one adopted after a crash). Its first segment
    /// is opened now, so that a server out of descriptors refuses the pane at once.
    pub fn open(dir: &Path, program: u64, total: u64) -> std::io::Result<Journal> {
        let mut journal = Journal {
            dir: dir.to_path_buf(),
            program,
            file: None,
            len: 0,
            total,
            broken: false,
        };
        // A journal adopted after a crash goes on in its last segment, when that ends here.
        let last = segments(dir, program).pop().and_then(|(start, path)| {
            let len = std::fs::metadata(&path).ok()?.len();
            (start + len == total && len < SEGMENT).then_some((start, len))
        });
        if let Some((start, len)) = last {
            journal.total = start;
            journal.len = len;
            journal.file = Some(journal.segment()?);
            journal.total = total;
        } else {
            journal.file = Some(journal.segment()?);
        }
        Ok(journal)
    }

    /// Opens (creating it 0600) the segment that starts at the current offset.
    fn segment(&self) -> std::io::Result<File> {
        let path = self.dir.join(segment_name(self.program, self.total));
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .open(path)
    }

    /// Appends what was read from the PTY.
    pub fn append(&mut self, bytes: &[u8]) {
        if self.broken || bytes.is_empty() {
            return;
        }
        if self.file.is_none() || self.len >= SEGMENT {
            match self.segment() {
                Ok(f) => {
                    self.file = Some(f);
                    self.len = 0;
                }
                Err(e) => return self.fail(&e),
            }
        }
        let Some(file) = self.file.as_mut() else {
            return;
        };
        if let Err(e) = file.write_all(bytes) {
            return self.fail(&e);
        }
        self.len += bytes.len() as u64;
        self.total += bytes.len() as u64;
    }

    /// Stops the journal after a failed write.
    fn fail(&mut self, e: &std::io::Error) {
        log!("journal of program {}: {e}; it stops", self.program);
        self.broken = true;
        self.file = None;
    }
}

/// Returns the name of the segment of `program` starting at offset `start`.
fn segment_name(program: u64, start: u64) -> String {
    format!("j-{program}-{start:020}")
}

/// Returns the segments of `program`'s journal, by starting offset.
fn segments(dir: &Path, program: u64) -> Vec<(u64, PathBuf)> {
    let prefix = format!("j-{program}-");
    let mut found: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let start = name.strip_prefix(&prefix)?.parse().ok()?;
            Some((start, e.path()))
        })
        .collect();
    found.sort();
    found
}

/// Reads what `program`'s journal holds from offset `from` on (at most [`MAX_REPLAY`]
/// bytes, the newest); returns it with the offset just past its end.
pub fn read_from(dir: &Path, program: u64, from: u64) -> (Vec<u8>, u64) {
    let mut out = Vec::new();
    let mut end = from;
    for (start, path) in segments(dir, program) {
        let mut bytes = Vec::new();
        if let Err(e) = File::open(&path).and_then(|mut f| f.read_to_end(&mut bytes)) {
            log!("{}: {e}", path.display());
            continue;
        }
        let seg_end = start + bytes.len() as u64;
        if seg_end <= from {
            continue;
        }
        if start > end {
            log!(
                "journal of program {program}: {} bytes missing",
                start - end
            );
        }
        let skip = usize::try_from(from.saturating_sub(start)).unwrap_or(usize::MAX);
        out.extend_from_slice(bytes.get(skip..).unwrap_or_default());
        end = seg_end;
        if out.len() as u64 > MAX_REPLAY {
            let cut = out.len() - usize::try_from(MAX_REPLAY).unwrap_or(usize::MAX);
            out.drain(..cut);
        }
    }
    (out, end)
}

/// Deletes the segments of `program`'s journal that lie wholly before offset `upto`.
pub fn trim(dir: &Path, program: u64, upto: u64) {
    let segs = segments(dir, program);
    for pair in segs.windows(2) {
        // A segment ends where the next begins.
        if pair[1].0 <= upto {
            let _ = std::fs::remove_file(&pair[0].1);
        }
    }
}

/// Deletes `program`'s whole journal (the server is done with the program).
pub fn remove(dir: &Path, program: u64) {
    for (_, path) in segments(dir, program) {
        let _ = std::fs::remove_file(path);
    }
}
