//! Each program's journal: the raw output the server read from its PTY, so that what the
//! server read after its last checkpoint is not lost with it.
//!
//! The reader reads the PTY straight into the journal: a segment is a file mapped into
//! memory ([`SEGMENT`] bytes of address space), and `read(2)` copies the PTY's bytes into
//! that mapping, which is the file's page cache. A process killed at any instant leaves
//! every byte the kernel took from the PTY in the file. (A `write(2)` after the read, the
//! first design, leaves a window where a `kill -9` loses what was read: a flood test found
//! it.) The file is allocated ahead of the bytes, [`GROW`] at a time, so that filling the
//! mapping never meets a hole the file system cannot fill (a SIGBUS); a file that cannot
//! grow stops the journal, and the reader reads into memory as before.
//!
//! No length is kept, because no length written after the read could be exact at the moment
//! of a crash: the data of a segment is its bytes up to the last one that is not zero (a
//! new file and each extension of it are zero-filled, and nothing else writes to it). So
//! zero bytes a program wrote last, just before a crash, are dropped: a terminal shows
//! nothing for NUL. Offsets stay consistent: recovery counts the output from where the data
//! ends, and the journal goes on from there.
//!
//! The pages a read copies into are touched first ([`Mapped::touch`]): the kernel takes a
//! PTY's bytes off its queue 64 at a time and then copies them out, and a copy that faults
//! on a page not yet mapped while a SIGKILL is pending fails, and those bytes are gone (the
//! flood test lost one line in about fifty runs; a C experiment lost 64 bytes in one kill
//! out of eleven). A fault in the touch, in user mode, loses nothing.
//!
//! Segments are named `j-PROGRAM-START` in the keep directory, START the offset of their
//! first byte in the program's output. A pane's checkpoint records how far into that output
//! its terminal is; once it is written the segments wholly before that offset are deleted
//! ([`trim`]), so a journal holds about what came after the last checkpoint (the
//! checkpointer forces one before it grows past its bound).

// Mapping the segments is a call to the OS with raw memory; every unsafe block says why it
// is sound.
#![allow(unsafe_code)]

use std::fs::File;
use std::num::NonZeroUsize;
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::ptr::NonNull;

use nix::sys::mman::{mmap, munmap, MapFlags, ProtFlags};

use crate::log::log;

/// The size of a segment, in bytes: the most an idle pane's journal keeps (the segment being
/// filled is deleted only once it is full and checkpointed), in a file system that is often
/// a tmpfs, that is memory. A flood starts a new segment every 256 KiB (an open, an
/// allocation and a mapping), which costs far less than parsing it.
pub const SEGMENT: usize = 256 << 10;

/// How much of a segment file is allocated at a time, in bytes: what a new pane's journal
/// takes.
pub const GROW: usize = 16 << 10;

/// The most one read of a PTY master returns: its line discipline's buffer (Linux's
/// `N_TTY_BUF_SIZE`; reads of a flood return 4,095 bytes at most).
const TTY_BUFFER: usize = 4096;

/// The step at which [`Mapped::touch`] touches a range: the smallest page size.
const PAGE: usize = 4096;

/// The most a recovery replays of one journal, in bytes (far more than the checkpointer lets
/// a journal hold): beyond it, the oldest part is skipped.
pub const MAX_REPLAY: u64 = 64 << 20;

/// A segment file mapped into memory.
struct Mapped {
    /// The file, kept open to grow it.
    file: File,
    /// The start of the mapping ([`SEGMENT`] bytes of address space).
    ptr: NonNull<u8>,
    /// How many bytes of the file are allocated (its length; only these may be touched).
    allocated: usize,
    /// How many bytes of it hold output.
    used: usize,
}

// SAFETY: the mapping is owned by this value alone (no copy of the pointer escapes it), so
// moving it to another thread moves the only access to it.
unsafe impl Send for Mapped {}

impl Mapped {
    /// Maps segment file `file`, `allocated` bytes long (at most [`SEGMENT`]), for reading
    /// and writing.
    fn new(file: File, allocated: usize) -> std::io::Result<Mapped> {
        let len = NonZeroUsize::new(SEGMENT).ok_or(std::io::ErrorKind::InvalidInput)?;
        // SAFETY: a new shared mapping of a file this process opened; nothing else in the
        // process maps it, and the mapping is unmapped only when this value is dropped.
        // Pages past the file's end are never touched (see `bytes`).
        let ptr = unsafe {
            mmap(
                None,
                len,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_SHARED,
                &file,
                0,
            )
        }?;
        Ok(Mapped {
            file,
            ptr: ptr.cast(),
            allocated: allocated.min(SEGMENT),
            used: 0,
        })
    }

    /// Returns the allocated bytes.
    fn bytes(&mut self) -> &mut [u8] {
        // SAFETY: the mapping is SEGMENT bytes long, readable and writable, and lives as long
        // as `self`; its first `allocated` bytes are backed by the file (allocated, so a
        // write cannot fail for want of space); the exclusive borrow of `self` makes this
        // the only reference to it.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.allocated) }
    }

    /// Touches every page of the allocated bytes `from..to` (writing each page's first byte
    /// in the range back unchanged), so that they are mapped and writable before `read(2)`
    /// copies into them.
    fn touch(&mut self, from: usize, to: usize) {
        let bytes = self.bytes();
        let to = to.min(bytes.len());
        let mut at = from;
        while at < to {
            let byte: *mut u8 = &mut bytes[at];
            // SAFETY: `byte` comes from a live exclusive reference into the mapping; the
            // volatile read and write keep the compiler from dropping the touch.
            unsafe { byte.write_volatile(byte.read_volatile()) };
            at = (at / PAGE + 1) * PAGE;
        }
    }

    /// Makes room for up to `want` more bytes, growing the file by [`GROW`] steps; returns
    /// how many bytes fit now (0 when the segment is full).
    fn room(&mut self, want: usize) -> std::io::Result<usize> {
        if self.allocated - self.used < want && self.allocated < SEGMENT {
            let grown = (self.used + want).next_multiple_of(GROW).min(SEGMENT);
            let off = |n: usize| nix::libc::off_t::try_from(n).unwrap_or(nix::libc::off_t::MAX);
            match nix::fcntl::posix_fallocate(
                &self.file,
                off(self.allocated),
                off(grown - self.allocated),
            ) {
                Ok(()) => self.allocated = grown,
                // What is allocated is still used; the journal stops when it is full.
                Err(e) if self.allocated == self.used => return Err(e.into()),
                Err(_) => {}
            }
        }
        Ok((self.allocated - self.used).min(want))
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        // SAFETY: the pointer and length are the mapping's own; no reference to it outlives
        // `self`.
        let _ = unsafe { munmap(self.ptr.cast(), SEGMENT) };
    }
}

/// The writing end of one program's journal.
pub struct Journal {
    /// The keep directory.
    dir: PathBuf,
    /// The program.
    program: u64,
    /// The segment being filled, and the offset of its first byte.
    segment: Option<(Mapped, u64)>,
    /// Whether making or growing a segment failed (logged once; the journal stops).
    broken: bool,
}

impl Journal {
    /// Opens the journal of `program`, whose next byte is at offset `total` (0 for a new
    /// program, where the last one ended for one adopted after a crash, in whose last
    /// segment it goes on). The segment is made now, so that a server out of descriptors or
    /// space refuses the pane at once.
    pub fn open(dir: &Path, program: u64, total: u64) -> std::io::Result<Journal> {
        let mut journal = Journal {
            dir: dir.to_path_buf(),
            program,
            segment: None,
            broken: false,
        };
        let last = segments(dir, program).pop();
        let go_on = last.and_then(|(start, path)| {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)
                .ok()?;
            let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
            if len > SEGMENT {
                return None;
            }
            let mut mapped = Mapped::new(file, len).ok()?;
            mapped.used = data_len(mapped.bytes());
            (start + mapped.used as u64 == total).then_some((mapped, start))
        });
        journal.segment = Some(match go_on {
            Some(segment) => segment,
            None => (journal.make(total)?, total),
        });
        Ok(journal)
    }

    /// Makes (0600, its first [`GROW`] bytes allocated and zero-filled) and maps the segment
    /// starting at `start`.
    fn make(&self, start: u64) -> std::io::Result<Mapped> {
        let path = self.dir.join(segment_name(self.program, start));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&path)?;
        let mut mapped = Mapped::new(file, 0)?;
        mapped.room(GROW)?;
        Ok(mapped)
    }

    /// Returns whether the journal stopped (a segment could not be made or grown).
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// Stops the journal after `e`.
    fn fail(&mut self, e: std::io::Error) -> std::io::Error {
        log!("journal of program {}: {e}; it stops", self.program);
        self.broken = true;
        self.segment = None;
        e
    }

    /// Reads once from the PTY master `fd` into the journal (at most `max` bytes) and
    /// returns what was read. `Ok` of nothing means the other side is closed. An error
    /// with [`Journal::is_broken`] true read nothing: the journal stopped.
    pub fn read(&mut self, fd: &OwnedFd, max: usize) -> std::io::Result<&[u8]> {
        if self.broken {
            return Err(std::io::Error::other("the journal stopped"));
        }
        if self.segment.as_ref().is_none_or(|(m, _)| m.used >= SEGMENT) {
            let start = self.segment.as_ref().map_or(0, |(m, s)| s + m.used as u64);
            match self.make(start) {
                Ok(m) => self.segment = Some((m, start)),
                Err(e) => return Err(self.fail(e)),
            }
        }
        // A read gets at most what the PTY's line discipline holds, so only that is asked
        // for and touched: an idle pane's prompt dirties one page or two, not four.
        let want = max.clamp(1, TTY_BUFFER);
        let room = match self.segment.as_mut().map(|(m, _)| m.room(want)) {
            Some(Ok(n)) => n,
            Some(Err(e)) => return Err(self.fail(e)),
            None => return Err(std::io::Error::other("no journal segment")),
        };
        let Some((mapped, _)) = self.segment.as_mut() else {
            return Err(std::io::Error::other("no journal segment"));
        };
        let used = mapped.used;
        mapped.touch(used, used + room);
        let n = crate::io::pty::read_nonblocking(fd, &mut mapped.bytes()[used..used + room])?;
        mapped.used += n;
        Ok(&mapped.bytes()[used..used + n])
    }
}

/// Returns how many bytes of a segment hold output: up to its last byte that is not zero.
fn data_len(bytes: &[u8]) -> usize {
    bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1)
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
        let mut bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                log!("{}: {e}", path.display());
                continue;
            }
        };
        bytes.truncate(data_len(&bytes));
        let seg_end = start + bytes.len() as u64;
        if seg_end <= from {
            continue;
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

#[cfg(test)]
mod tests;
