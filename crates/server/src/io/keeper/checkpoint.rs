//! The checkpointer: writes the session tree and the panes' terminals to the keep directory,
//! only what changed and only when the server is idle, so nothing of it is on the key echo
//! path. The event loop owns it beside the state and tells it what happened; encoding runs
//! on the loop (the model is its), writing on a thread of its own.
//!
//! When: a pane whose terminal changed is written once it has been quiet for [`IDLE`] (or
//! [`MAX_AGE`] after it changed, when it never goes quiet), at most [`BUDGET`] of encoding
//! at a time (the loop takes events in between); the tree is written when its record
//! changed, [`IDLE`] after the last event, and at once when a program was started (a crash
//! just after a split must find the new pane in the tree). A pane that prints without pause
//! is written once its journal passes its bound ([`JOURNAL_BOUND`], or the size of its last
//! record if larger), so what is kept never grows with the output rate.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::ids::{PaneId, ProgramId};
use crate::io::keeper::{files, journal};
use crate::log::log;
use crate::model::snapshot;
use crate::model::state::State;

/// How long a pane must have been quiet (and the server without other events, for the
/// tree) before a checkpoint.
pub const IDLE: Duration = Duration::from_millis(100);

/// The longest a changed pane that never goes quiet (a clock, `top` on a short delay, a
/// slow log) waits for its checkpoint.
pub const MAX_AGE: Duration = Duration::from_secs(5);

/// How soon a round that stopped (its budget spent, the writer busy) goes on.
const RETRY: Duration = Duration::from_millis(2);

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

/// What the checkpointer knows of a pane's output.
struct Output {
    /// The program it comes from.
    program: ProgramId,
    /// How many bytes of it the pane has parsed.
    parsed: u64,
    /// When the last came.
    last: Instant,
    /// Since when the pane has changed and not been written.
    dirty_since: Option<Instant>,
}

/// The checkpointer.
pub struct Checkpoints {
    /// The writer thread's queue.
    jobs: SyncSender<Job>,
    /// How many jobs wait for the writer.
    pending: Arc<AtomicUsize>,
    /// What each pane's record holds, and its size.
    written: HashMap<PaneId, (Mark, usize)>,
    /// Each pane's output.
    outputs: HashMap<PaneId, Output>,
    /// The last tree record written.
    tree: Vec<u8>,
    /// The program counter when the tree was written last.
    programs: u64,
    /// When the last event other than output came, while a round may be owed for it.
    owed_since: Option<Instant>,
    /// When to try again after a round stopped (its budget, the writer busy).
    retry_at: Option<Instant>,
}

impl Checkpoints {
    /// Returns a checkpointer writing to `dir`, its writer thread started.
    pub fn new(dir: &Path) -> std::io::Result<Checkpoints> {
        let (jobs, rx) = mpsc::sync_channel(QUEUE);
        let writer_dir = dir.to_path_buf();
        let pending = Arc::new(AtomicUsize::new(0));
        let writer_pending = pending.clone();
        std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || write_loop(&writer_dir, &rx, &writer_pending))?;
        Ok(Checkpoints {
            jobs,
            pending,
            written: HashMap::new(),
            outputs: HashMap::new(),
            tree: Vec::new(),
            programs: u64::MAX,
            owed_since: None,
            retry_at: None,
        })
    }

    /// Takes a state with nothing worth a checkpoint yet (a server just started) as written,
    /// so that no round runs before something happens.
    pub fn settle(&mut self, state: &State) {
        self.programs = state.next_ids.program;
    }

    /// Starts counting a recovered pane's output where its journal ended.
    pub fn resume(&mut self, pane: PaneId, program: ProgramId, parsed: u64) {
        let now = Instant::now();
        self.outputs.insert(
            pane,
            Output {
                program,
                parsed,
                last: now,
                dirty_since: Some(now),
            },
        );
    }

    /// Notes an event; `output` is the pane output it carried, when the pane runs that
    /// program.
    pub fn on_event(&mut self, output: Option<(PaneId, ProgramId, usize)>, now: Instant) {
        let Some((pane, program, len)) = output else {
            self.owed_since = Some(now);
            return;
        };
        let o = self.outputs.entry(pane).or_insert(Output {
            program,
            parsed: 0,
            last: now,
            dirty_since: None,
        });
        if o.program != program {
            o.program = program;
            o.parsed = 0;
        }
        o.parsed += len as u64;
        o.last = now;
        o.dirty_since.get_or_insert(now);
    }

    /// Returns when the next round is due, if one is owed: [`IDLE`] after the last event
    /// other than output; for a pane whose terminal changed, [`IDLE`] after its last output
    /// or [`MAX_AGE`] after it changed first; at once after a program started or when a
    /// journal passed its bound.
    pub fn due(&self, state: &State) -> Option<Instant> {
        if state.next_ids.program != self.programs {
            return Some(Instant::now());
        }
        let mut next = self.retry_at;
        let mut sooner = |t: Instant| next = Some(next.map_or(t, |n| n.min(t)));
        if let Some(t) = self.owed_since {
            sooner(t + IDLE);
        }
        for (id, o) in &self.outputs {
            let Some(since) = o.dirty_since else {
                continue;
            };
            if self.journal_over(*id, o.program) {
                sooner(Instant::now());
            }
            sooner((o.last + IDLE).min(since + MAX_AGE));
        }
        next
    }

    /// Returns whether pane `id`'s journal has passed its bound: [`JOURNAL_BOUND`], or the
    /// size of its last record when that is larger.
    fn journal_over(&self, id: PaneId, program: ProgramId) -> bool {
        let Some(o) = self.outputs.get(&id).filter(|o| o.program == program) else {
            return false;
        };
        let (done, size) = match self.written.get(&id) {
            Some((mark, size)) if mark.program == program => (mark.parsed, *size as u64),
            _ => (0, 0),
        };
        o.parsed.saturating_sub(done) > JOURNAL_BOUND.max(size)
    }

    /// Runs one round: the tree if it changed, then each pane that is due and changed,
    /// within the budget.
    pub fn run(&mut self, state: &State, now: Instant) {
        self.retry_at = None;
        self.write_tree(state);
        let settled = self.owed_since.is_some_and(|t| now >= t + IDLE);
        let start = Instant::now();
        let mut stopped = false;
        let mut ids: Vec<PaneId> = state.panes.keys().copied().collect();
        ids.sort();
        for id in ids {
            let Some(pane) = state.panes.get(&id) else {
                continue;
            };
            let over = self.journal_over(id, pane.program);
            let due = over
                || settled
                || self
                    .outputs
                    .get(&id)
                    .and_then(|o| Some((o.dirty_since?, o.last)))
                    .is_some_and(|(since, last)| now >= last + IDLE || now >= since + MAX_AGE);
            if !due {
                continue;
            }
            let mark = self.mark(pane);
            if self.written.get(&id).is_some_and(|(m, _)| *m == mark) {
                self.clean(id);
                continue;
            }
            // A pane in the middle of a sequence waits for its end (unless far over bound).
            let far = over && mark.parsed.saturating_sub(self.done(id)) > 4 * JOURNAL_BOUND;
            if !pane.term.at_rest() && !far {
                if let Some(o) = self.outputs.get_mut(&id) {
                    o.last = now;
                    o.dirty_since = Some(now);
                }
                continue;
            }
            if start.elapsed() >= BUDGET || self.pending.load(Ordering::SeqCst) >= QUEUE {
                stopped = true;
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
                stopped = true;
                break;
            }
            self.written.insert(id, (mark, size));
            self.clean(id);
        }
        self.forget_gone(state);
        if stopped {
            self.retry_at = Some(now + RETRY);
        } else if settled {
            self.owed_since = None;
        }
    }

    /// Notes that pane `id`'s record is current.
    fn clean(&mut self, id: PaneId) {
        if let Some(o) = self.outputs.get_mut(&id) {
            o.dirty_since = None;
        }
    }

    /// Returns the offset pane `id`'s record was written at.
    fn done(&self, id: PaneId) -> u64 {
        self.written.get(&id).map_or(0, |(m, _)| m.parsed)
    }

    /// Returns what a pane's record would say now.
    fn mark(&self, pane: &crate::model::pane::Pane) -> Mark {
        let parsed = match self.outputs.get(&pane.id) {
            Some(o) if o.program == pane.program => o.parsed,
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
            self.retry_at = Some(Instant::now() + RETRY);
        }
    }

    /// Removes the records of panes that are gone.
    fn forget_gone(&mut self, state: &State) {
        self.outputs.retain(|id, _| state.panes.contains_key(id));
        let gone: Vec<PaneId> = self
            .written
            .keys()
            .filter(|id| !state.panes.contains_key(id))
            .copied()
            .collect();
        for id in gone {
            if self.send(Job::Remove(files::pane_name(id.0))) {
                self.written.remove(&id);
            }
        }
    }

    /// Queues a job for the writer; `false` when its queue is full (the round stops and
    /// tries again soon).
    fn send(&self, job: Job) -> bool {
        match self.jobs.try_send(job) {
            Ok(()) => {
                self.pending.fetch_add(1, Ordering::SeqCst);
                true
            }
            Err(TrySendError::Full(_)) => false,
            Err(TrySendError::Disconnected(_)) => {
                log!("the checkpoint writer is gone");
                false
            }
        }
    }

    /// Writes everything at once and waits until it is on disk (in the page cache): the
    /// tree and every pane whose record is not current. For a hand-over to a new binary.
    /// A pane in the middle of a sequence keeps its last record: its journal holds the rest.
    pub fn flush_all(&mut self, state: &State) -> Result<(), String> {
        for _ in 0..1000 {
            self.owed_since = Some(Instant::now() - IDLE);
            self.run(state, Instant::now());
            self.wait_written()?;
            let current = state.panes.values().all(|p| {
                let mark = self.mark(p);
                !p.term.at_rest() || self.written.get(&p.id).is_some_and(|(m, _)| *m == mark)
            });
            if current {
                break;
            }
        }
        Ok(())
    }

    /// Waits until the writer has done every job queued so far.
    fn wait_written(&self) -> Result<(), String> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.jobs
            .send(Job::Sync(tx))
            .map_err(|_| "the checkpoint writer is gone".to_string())?;
        self.pending.fetch_add(1, Ordering::SeqCst);
        rx.recv_timeout(Duration::from_secs(10))
            .map_err(|_| "the checkpoint writer did not finish".to_string())
    }
}

/// The writer thread: writes records and trims journals until the checkpointer is dropped.
fn write_loop(dir: &Path, jobs: &Receiver<Job>, pending: &AtomicUsize) {
    while let Ok(job) = jobs.recv() {
        pending.fetch_sub(1, Ordering::SeqCst);
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
