//! The checkpointer: writes the session tree and the panes' terminals to the keep directory,
//! only what changed and only when the server is idle, so nothing of it is on the key echo
//! path. The event loop owns it beside the state and tells it what happened; encoding runs
//! on the loop (the model is its), writing on a thread of its own.
//!
//! When: [`IDLE`] after the last event, a pane whose terminal changed is written, at most
//! [`BUDGET`] of encoding at a time (the loop takes events in between); the tree is written
//! when its record changed, at once when a program was started (a crash just after a split
//! must find the new pane in the tree). A pane that keeps printing never goes idle: once its
//! journal passes its bound ([`JOURNAL_BOUND`], or the size of its last record if larger),
//! it is written anyway, so what is kept never grows with the output rate.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::time::{Duration, Instant};

use crate::ids::{PaneId, ProgramId};
use crate::io::keeper::{files, journal};
use crate::log::log;
use crate::model::snapshot;
use crate::model::state::State;

/// How long the server must have been idle before a checkpoint.
pub const IDLE: Duration = Duration::from_millis(100);

/// How much encoding one checkpoint round may take before the loop takes events again.
const BUDGET: Duration = Duration::from_millis(4);

/// The journal a pane may build up before it is checkpointed even while busy, in bytes.
pub const JOURNAL_BOUND: u64 = 8 << 20;

/// How many records may wait for the writer thread.
const QUEUE: usize = 8;

/// What a pane's record said when it was written last.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Mark {
    program: ProgramId,
    parsed: u64,
    generation: u64,
    history: (usize, u64),
    size: (u16, u16),
}

/// One thing for the writer thread.
enum Job {
    /// Write a record; then trim the journal of a program up to an offset.
    Write(String, Vec<u8>, Option<(ProgramId, u64)>),
    /// Remove a record.
    Remove(String),
    /// Answer once everything before this is done.
    Sync(SyncSender<()>),
}

/// The checkpointer.
pub struct Checkpoints {
    /// The writer thread's queue.
    jobs: SyncSender<Job>,
    /// What each pane's record holds.
    written: HashMap<PaneId, (Mark, usize)>,
    /// How many bytes of its current program's output each pane has parsed.
    parsed: HashMap<PaneId, (ProgramId, u64)>,
    /// The last tree record written.
    tree: Vec<u8>,
    /// The program counter when the tree was written last.
    programs: u64,
    /// When the last event came, while a checkpoint may be owed.
    owed_since: Option<Instant>,
    /// Whether a round stopped for its budget with more to write.
    more: bool,
}

impl Checkpoints {
    /// Returns a checkpointer writing to `dir`, its writer thread started.
    pub fn new(dir: &Path) -> std::io::Result<Checkpoints> {
        let (jobs, rx) = mpsc::sync_channel(QUEUE);
        let writer_dir = dir.to_path_buf();
        std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || write_loop(&writer_dir, &rx))?;
        Ok(Checkpoints {
            jobs,
            written: HashMap::new(),
            parsed: HashMap::new(),
            tree: Vec::new(),
            programs: u64::MAX,
            owed_since: None,
            more: false,
        })
    }

    /// Starts counting a recovered pane's output where its journal ended.
    pub fn resume(&mut self, pane: PaneId, program: ProgramId, parsed: u64) {
        self.parsed.insert(pane, (program, parsed));
    }

    /// Notes an event; `output` is the pane output it carried, when the pane runs that
    /// program.
    pub fn on_event(&mut self, output: Option<(PaneId, ProgramId, usize)>, now: Instant) {
        if let Some((pane, program, len)) = output {
            let entry = self.parsed.entry(pane).or_insert((program, 0));
            if entry.0 != program {
                *entry = (program, 0);
            }
            entry.1 += len as u64;
        }
        self.owed_since = Some(now);
    }

    /// Returns when the next round is due, if one is owed.
    pub fn due(&self, state: &State) -> Option<Instant> {
        let since = self.owed_since?;
        if self.more || state.next_ids.program != self.programs || self.over_bound(state) {
            return Some(since.min(Instant::now()));
        }
        Some(since + IDLE)
    }

    /// Returns whether a pane's journal has passed its bound.
    fn over_bound(&self, state: &State) -> bool {
        state
            .panes
            .values()
            .any(|p| self.journal_over(p.id, p.program))
    }

    /// Returns whether pane `id`'s journal has passed its bound.
    fn journal_over(&self, id: PaneId, program: ProgramId) -> bool {
        let Some(&(prog, parsed)) = self.parsed.get(&id) else {
            return false;
        };
        let (done, size) = match self.written.get(&id) {
            Some((mark, size)) if mark.program == prog => (mark.parsed, *size as u64),
            _ => (0, 0),
        };
        prog == program && parsed - done.min(parsed) > JOURNAL_BOUND.max(size)
    }

    /// Runs one round: the tree if it changed, then changed panes within the budget.
    pub fn run(&mut self, state: &State, now: Instant) {
        let idle = self
            .owed_since
            .is_some_and(|t| now.saturating_duration_since(t) >= IDLE);
        self.write_tree(state);
        let start = Instant::now();
        self.more = false;
        let mut ids: Vec<PaneId> = state.panes.keys().copied().collect();
        ids.sort();
        for id in ids {
            let Some(pane) = state.panes.get(&id) else {
                continue;
            };
            let over = self.journal_over(id, pane.program);
            if !(idle || over) {
                continue;
            }
            let mark = self.mark(pane);
            if self.written.get(&id).is_some_and(|(m, _)| *m == mark) {
                continue;
            }
            // A pane in the middle of a sequence waits for its end (unless far over bound).
            let far = over && mark.parsed - self.done(id) > 4 * JOURNAL_BOUND;
            if !pane.term.at_rest() && !far {
                continue;
            }
            if start.elapsed() >= BUDGET {
                self.more = true;
                break;
            }
            let bytes = match snapshot::encode_pane(pane, mark.parsed) {
                Ok(b) => b,
                Err(e) => {
                    log!("checkpoint of pane %{}: {e}", id.0);
                    continue;
                }
            };
            let size = bytes.len();
            let job = Job::Write(
                files::pane_name(id.0),
                bytes,
                Some((mark.program, mark.parsed)),
            );
            if !self.send(job) {
                self.more = true;
                break;
            }
            self.written.insert(id, (mark, size));
        }
        self.forget_gone(state);
        if !self.more && (idle || !self.over_bound(state)) {
            self.owed_since = None;
        }
    }

    /// Returns the offset pane `id`'s record was written at.
    fn done(&self, id: PaneId) -> u64 {
        self.written.get(&id).map_or(0, |(m, _)| m.parsed)
    }

    /// Returns what a pane's record would say now.
    fn mark(&self, pane: &crate::model::pane::Pane) -> Mark {
        let parsed = match self.parsed.get(&pane.id) {
            Some(&(program, n)) if program == pane.program => n,
            _ => 0,
        };
        let size = pane.term.size();
        Mark {
            program: pane.program,
            parsed,
            generation: pane.term.generation(),
            history: (pane.term.history().len(), pane.term.history().dropped()),
            size: (size.cols, size.rows),
        }
    }

    /// Writes the tree's record if it changed.
    fn write_tree(&mut self, state: &State) {
        let bytes = match snapshot::encode_tree(state) {
            Ok(b) => b,
            Err(e) => {
                log!("checkpoint of the session tree: {e}");
                return;
            }
        };
        if bytes == self.tree {
            self.programs = state.next_ids.program;
            return;
        }
        if self.send(Job::Write(files::TREE.into(), bytes.clone(), None)) {
            self.tree = bytes;
            self.programs = state.next_ids.program;
        } else {
            self.more = true;
        }
    }

    /// Removes the records of panes that are gone.
    fn forget_gone(&mut self, state: &State) {
        let gone: Vec<PaneId> = self
            .written
            .keys()
            .filter(|id| !state.panes.contains_key(id))
            .copied()
            .collect();
        for id in gone {
            if self.send(Job::Remove(files::pane_name(id.0))) {
                self.written.remove(&id);
                self.parsed.remove(&id);
            }
        }
    }

    /// Queues a job for the writer; `false` when its queue is full (the round stops and
    /// tries again soon).
    fn send(&self, job: Job) -> bool {
        match self.jobs.try_send(job) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => false,
            Err(TrySendError::Disconnected(_)) => {
                log!("the checkpoint writer is gone");
                false
            }
        }
    }

    /// Writes everything at once and waits until it is on disk (in the page cache): the
    /// tree and every pane whose record is not current. For a hand-over to a new binary.
    pub fn flush_all(&mut self, state: &State) -> Result<(), String> {
        for _ in 0..10_000 {
            self.owed_since = Some(Instant::now() - IDLE);
            self.run(state, Instant::now());
            if !self.more {
                break;
            }
            self.wait_written()?;
        }
        self.wait_written()
    }

    /// Waits until the writer has done every job queued so far.
    fn wait_written(&self) -> Result<(), String> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.jobs
            .send(Job::Sync(tx))
            .map_err(|_| "the checkpoint writer is gone".to_string())?;
        rx.recv_timeout(Duration::from_secs(10))
            .map_err(|_| "the checkpoint writer did not finish".to_string())
    }
}

/// The writer thread: writes records and trims journals until the checkpointer is dropped.
fn write_loop(dir: &Path, jobs: &Receiver<Job>) {
    while let Ok(job) = jobs.recv() {
        match job {
            Job::Write(name, bytes, trim) => {
                if let Err(e) = files::write(dir, &name, &bytes) {
                    log!("checkpoint {name}: {e}");
                    continue;
                }
                if let Some((program, upto)) = trim {
                    journal::trim(dir, program.0, upto);
                }
            }
            Job::Remove(name) => files::remove(dir, &name),
            Job::Sync(done) => {
                let _ = done.send(());
            }
        }
    }
}
