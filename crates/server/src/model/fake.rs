//! The fake side of the OS seam, for tests: panes that record what was written to them and
//! their sizes instead of opening a PTY, a clock that moves only when told, and a fixed host
//! name. A test reads what happened through the shared [`FakeLog`].

// Not every test uses every helper.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use mux_term_emu::Size as TermSize;

use crate::ids::{PaneId, ProgramId};
use crate::model::os::{Os, PaneIo, SpawnSpec, Started};

/// What happened to one fake pane.
#[derive(Debug, Default, Clone)]
pub struct FakePane {
    /// Every program started in it, in order.
    pub spawned: Vec<SpawnSpec>,
    /// Every byte written to it.
    pub input: Vec<u8>,
    /// Its PTY's size, as last set.
    pub size: Option<TermSize>,
    /// How many times it was resized.
    pub resizes: usize,
    /// Whether it was hung up.
    pub hung_up: bool,
    /// Whether it was asked to drain.
    pub drained: bool,
    /// The command its foreground runs, as the test says.
    pub command: Option<String>,
    /// Its foreground's working directory, as the test says.
    pub cwd: Option<String>,
    /// When set, how many bytes of `input` its queue holds before it refuses more (a
    /// program that does not read); the test takes `input` to make room.
    pub queue_limit: Option<usize>,
}

/// Everything the fake OS did, shared between it and the test.
#[derive(Debug, Default)]
pub struct FakeLog {
    /// Each pane's record.
    pub panes: HashMap<PaneId, FakePane>,
    /// When set, the next spawn fails with this message.
    pub fail_next_spawn: Option<String>,
    /// How far the clock has been moved.
    pub elapsed: Duration,
    /// Every command text was piped to, with the text.
    pub piped: Vec<(String, String)>,
    /// Every job started, in order.
    pub jobs: Vec<(crate::model::jobs::JobId, crate::model::jobs::JobSpec)>,
    /// Every sink opened, in order.
    pub sinks: Vec<FakeSink>,
    /// When set, the next sink fails to open with this message.
    pub fail_next_sink: Option<String>,
    /// The command lines of processes, as the test says.
    pub argv: HashMap<i32, Vec<String>>,
    /// The boot id, as the test says.
    pub boot_id: Option<String>,
}

/// A sink the fake OS opened and what was written to it.
#[derive(Debug, Clone)]
pub struct FakeSink {
    /// The pane it is for.
    pub pane: PaneId,
    /// Its id.
    pub id: crate::model::sink::SinkId,
    /// What it was opened on.
    pub spec: crate::model::sink::SinkSpec,
    /// Everything written to it.
    pub data: Vec<u8>,
    /// Whether it is still open (its handle not dropped).
    pub open: bool,
}

/// A handle to the fake OS's log.
#[derive(Debug, Clone, Default)]
pub struct Fake(Arc<Mutex<FakeLog>>);

impl Fake {
    /// Locks the log; a test that panicked while holding it has already failed.
    pub fn log(&self) -> MutexGuard<'_, FakeLog> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Returns a copy of one pane's record.
    pub fn pane(&self, id: PaneId) -> FakePane {
        self.log().panes.get(&id).cloned().unwrap_or_default()
    }

    /// Returns what was written to a pane, as text, and forgets it.
    pub fn take_input(&self, id: PaneId) -> String {
        let mut log = self.log();
        let bytes = log
            .panes
            .get_mut(&id)
            .map(|p| std::mem::take(&mut p.input))
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Moves the clock on.
    pub fn advance(&self, by: Duration) {
        self.log().elapsed += by;
    }

    /// Returns the last sink opened for a pane.
    pub fn last_sink(&self, pane: PaneId) -> Option<FakeSink> {
        self.log()
            .sinks
            .iter()
            .rev()
            .find(|s| s.pane == pane)
            .cloned()
    }

    /// Returns what was written to the last sink opened for a pane, as text.
    pub fn sink_text(&self, pane: PaneId) -> String {
        self.last_sink(pane)
            .map(|s| String::from_utf8_lossy(&s.data).into_owned())
            .unwrap_or_default()
    }
}

/// The fake OS.
pub struct FakeOs {
    /// The shared log.
    fake: Fake,
    /// The monotonic time when the clock started.
    start: Instant,
}

impl FakeOs {
    /// Returns a fake OS and the handle through which the test sees what it did.
    pub fn new() -> (FakeOs, Fake) {
        let fake = Fake::default();
        let os = FakeOs {
            fake: fake.clone(),
            start: Instant::now(),
        };
        (os, fake)
    }
}

impl Os for FakeOs {
    fn spawn(
        &mut self,
        pane: PaneId,
        program: ProgramId,
        spec: &SpawnSpec,
        size: TermSize,
    ) -> std::io::Result<Started> {
        let mut log = self.fake.log();
        if let Some(message) = log.fail_next_spawn.take() {
            return Err(std::io::Error::other(message));
        }
        let record = log.panes.entry(pane).or_default();
        record.spawned.push(spec.clone());
        record.size = Some(size);
        record.hung_up = false;
        let pid = 10_000 + i32::try_from(program.0).unwrap_or(0);
        let io = FakePaneIo {
            pane,
            pid,
            fake: self.fake.clone(),
        };
        Ok(Started {
            io: Box::new(io),
            pid,
            tty: format!("/dev/pts/fake{}", pane.0),
        })
    }

    fn now(&self) -> Instant {
        self.start + self.fake.log().elapsed
    }

    fn wall_clock(&self) -> SystemTime {
        // A fixed moment (Tue Nov 24 02:31:46 2026 UTC) plus the fake clock's movement.
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_487_506) + self.fake.log().elapsed
    }

    fn hostname(&self) -> String {
        "testhost.example".into()
    }

    fn run_job(&mut self, id: crate::model::jobs::JobId, spec: &crate::model::jobs::JobSpec) {
        self.fake.log().jobs.push((id, spec.clone()));
    }

    fn open_sink(
        &mut self,
        pane: PaneId,
        id: crate::model::sink::SinkId,
        spec: &crate::model::sink::SinkSpec,
    ) -> std::io::Result<Box<dyn crate::model::sink::Sink>> {
        let mut log = self.fake.log();
        if let Some(message) = log.fail_next_sink.take() {
            return Err(std::io::Error::other(message));
        }
        log.sinks.push(FakeSink {
            pane,
            id,
            spec: spec.clone(),
            data: Vec::new(),
            open: true,
        });
        Ok(Box::new(FakeSinkHandle {
            id,
            fake: self.fake.clone(),
        }))
    }

    fn process_argv(&self, pid: i32) -> Option<Vec<String>> {
        self.fake.log().argv.get(&pid).cloned()
    }

    fn boot_id(&self) -> Option<String> {
        self.fake.log().boot_id.clone()
    }

    fn pipe_to(&mut self, command: &str, input: Vec<u8>, _cwd: &str) {
        let text = String::from_utf8_lossy(&input).into_owned();
        self.fake.log().piped.push((command.to_string(), text));
    }
}

/// A fake pane's side of the seam.
struct FakePaneIo {
    /// Which pane.
    pane: PaneId,
    /// Its made-up pid.
    pid: i32,
    /// The shared log.
    fake: Fake,
}

impl FakePaneIo {
    /// Changes this pane's record.
    fn with<T>(&self, f: impl FnOnce(&mut FakePane) -> T) -> T {
        f(self.fake.log().panes.entry(self.pane).or_default())
    }
}

impl PaneIo for FakePaneIo {
    fn write(&self, bytes: &[u8]) -> usize {
        self.with(|p| {
            let room = p
                .queue_limit
                .map_or(bytes.len(), |l| l.saturating_sub(p.input.len()));
            let n = room.min(bytes.len());
            p.input.extend_from_slice(&bytes[..n]);
            n
        })
    }

    fn discard_queued(&self) {
        self.with(|p| {
            if p.queue_limit.is_some() {
                p.input.clear();
            }
        });
    }

    fn queued(&self) -> usize {
        self.with(|p| {
            if p.queue_limit.is_some() {
                p.input.len()
            } else {
                0
            }
        })
    }

    fn resize(&self, size: TermSize) -> std::io::Result<()> {
        self.with(|p| {
            p.size = Some(size);
            p.resizes += 1;
        });
        Ok(())
    }

    fn start_drain(&self) {
        self.with(|p| p.drained = true);
    }

    fn hangup(&self) {
        self.with(|p| p.hung_up = true);
    }

    fn foreground(&self) -> i32 {
        self.pid
    }

    fn foreground_command(&self) -> Option<String> {
        self.with(|p| p.command.clone())
    }

    fn foreground_cwd(&self) -> Option<String> {
        self.with(|p| p.cwd.clone())
    }
}

/// A fake sink's handle: writes go to its record, dropping it closes it.
struct FakeSinkHandle {
    /// Which sink.
    id: crate::model::sink::SinkId,
    /// The shared log.
    fake: Fake,
}

impl FakeSinkHandle {
    /// Changes this sink's record.
    fn with(&self, f: impl FnOnce(&mut FakeSink)) {
        if let Some(s) = self.fake.log().sinks.iter_mut().find(|s| s.id == self.id) {
            f(s);
        }
    }
}

impl crate::model::sink::Sink for FakeSinkHandle {
    fn write(&self, bytes: &[u8]) {
        self.with(|s| s.data.extend_from_slice(bytes));
    }
}

impl Drop for FakeSinkHandle {
    fn drop(&mut self) {
        self.with(|s| s.open = false);
    }
}
