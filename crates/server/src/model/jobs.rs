//! Shell commands the server runs without waiting for them (tmux's jobs): `run-shell`,
//! `if-shell` and `#(command)` in formats. What each is for is kept here as data; the
//! command starts through the OS seam and its output and exit status come back as an event,
//! which the `cmd` layer hands to whatever waits.

use std::collections::HashMap;
use std::time::Instant;

use crate::ids::PaneId;
use crate::model::queue::BatchId;

/// Identifies a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub u64);

/// What to run: a shell command line, its environment and directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSpec {
    /// The command line, run with `/bin/sh -c`.
    pub command: String,
    /// The complete environment.
    pub env: Vec<(String, String)>,
    /// The working directory (`/` when it is not one).
    pub cwd: String,
}

/// What a job's end is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobFor {
    /// `run-shell`: its output is shown (or printed) and the batch goes on.
    RunShell {
        /// The command line, for the message when it fails.
        command: String,
        /// The batch waiting for it, unless it runs in the background (`-b`).
        batch: Option<BatchId>,
        /// The pane whose view mode shows its output, if it has one.
        pane: Option<PaneId>,
        /// Whether its output goes to the command client (not to a view).
        print: bool,
    },
    /// `if-shell`: the branch its exit status picks runs.
    IfShell {
        /// The batch waiting for it, unless it runs in the background (`-b`).
        batch: Option<BatchId>,
        /// The client it runs for, for a branch run in the background.
        client: crate::ids::ClientId,
        /// The command line run when it succeeds.
        then: String,
        /// The command line run when it fails.
        otherwise: Option<String>,
    },
    /// `#(command)` in a format: its first line of output is shown where the format is.
    Format(String),
}

/// The output of a `#(command)`: its last value, and when it last ran.
#[derive(Debug, Clone, Default)]
pub struct FormatJob {
    /// The first line of its last output.
    pub value: String,
    /// When it was last started.
    pub started: Option<Instant>,
    /// Whether it is running now.
    pub running: bool,
    /// Whether a format asked for it since the last status-interval tick.
    pub used: bool,
}

/// What happens when a delay (`run-shell -d`) is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deferred {
    /// Nothing: the waiting batch goes on.
    Nothing,
    /// A shell command starts for `purpose`.
    Shell {
        /// What its end is for.
        purpose: JobFor,
        /// The command line.
        command: String,
        /// The target whose session's environment and pane's directory it gets.
        found: Option<crate::model::target::Found>,
        /// Its working directory, when given.
        cwd: Option<String>,
    },
    /// Commands run (`run-shell -C`).
    Commands(Vec<Vec<String>>),
}

/// A delay running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sleep {
    /// When it is over.
    pub until: Instant,
    /// The batch waiting for it, unless it runs in the background.
    pub batch: Option<BatchId>,
    /// The client it runs for.
    pub client: crate::ids::ClientId,
    /// What happens then.
    pub then: Deferred,
}

/// The jobs that are running, and the formats' commands.
#[derive(Debug, Default)]
pub struct Jobs {
    /// Delays running, in no order.
    pub sleeps: Vec<Sleep>,
    /// The running jobs and what they are for.
    pub running: HashMap<JobId, JobFor>,
    /// `#(command)` results by command line.
    pub formats: HashMap<String, FormatJob>,
    /// Format commands asked for while drawing, to start after it.
    pub wanted: std::cell::RefCell<Vec<String>>,
    /// The next job id.
    next: u64,
}

impl Jobs {
    /// Returns a new job id, recorded as being for `purpose`.
    pub fn add(&mut self, purpose: JobFor) -> JobId {
        self.next += 1;
        let id = JobId(self.next);
        self.running.insert(id, purpose);
        id
    }
}

/// The most output a job may return; the rest is read and dropped.
pub const OUTPUT_LIMIT: usize = 1 << 20;

impl crate::model::state::State {
    /// Returns what `#(command)` shows: the first line of the command's last output (empty
    /// until it has run once). Asks for the command to run when it never ran or its value is
    /// older than `status-interval`.
    pub fn shell_value(&self, command: &str) -> String {
        let interval = self.format_interval();
        let job = self.jobs.formats.get(command);
        let stale = match job {
            None => true,
            Some(j) if j.running => false,
            Some(j) => match (j.started, interval) {
                (Some(at), Some(every)) => self.os.now() >= at + every,
                (None, _) => true,
                (Some(_), None) => false,
            },
        };
        if stale {
            self.jobs.wanted.borrow_mut().push(command.to_string());
        }
        if let Some(j) = job {
            if !j.used {
                self.jobs.wanted.borrow_mut().push(format!("\0{command}"));
            }
        }
        job.map(|j| j.value.clone()).unwrap_or_default()
    }

    /// Starts the `#(command)`s asked for since the last call.
    pub fn start_format_jobs(&mut self) {
        let wanted = std::mem::take(&mut *self.jobs.wanted.borrow_mut());
        let now = self.os.now();
        for command in wanted {
            if let Some(used) = command.strip_prefix('\0') {
                if let Some(j) = self.jobs.formats.get_mut(used) {
                    j.used = true;
                }
                continue;
            }
            let job = self.jobs.formats.entry(command.clone()).or_default();
            if job.running {
                continue;
            }
            job.running = true;
            job.used = true;
            job.started = Some(now);
            let spec = JobSpec {
                command: command.clone(),
                env: crate::model::environ::for_job(self, None),
                cwd: std::env::var("HOME").unwrap_or_else(|_| "/".into()),
            };
            let id = self.jobs.add(JobFor::Format(command));
            self.os.run_job(id, &spec);
        }
    }

    /// Keeps the first line of a `#(command)`'s output and redraws the status lines.
    pub fn format_job_done(&mut self, command: &str, output: &str) {
        if let Some(j) = self.jobs.formats.get_mut(command) {
            j.running = false;
            j.value = output.lines().next().unwrap_or_default().to_string();
        }
        for c in self.clients.values_mut() {
            if c.session.is_some() {
                c.dirty = true;
            }
        }
    }

    /// Returns when the next `#(command)` is due to run again, if any is in use.
    pub fn format_jobs_due(&self) -> Option<Instant> {
        let every = self.format_interval()?;
        self.jobs
            .formats
            .values()
            .filter(|j| !j.running)
            .filter_map(|j| j.started)
            .map(|at| at + every)
            .min()
    }

    /// At `status-interval`: forgets the commands no status line used since the last time,
    /// and redraws the status lines so the others run again.
    pub fn format_jobs_tick(&mut self) {
        let Some(every) = self.format_interval() else {
            return;
        };
        let now = self.os.now();
        let due = self
            .jobs
            .formats
            .values()
            .any(|j| !j.running && j.started.is_some_and(|at| now >= at + every));
        if !due {
            return;
        }
        self.jobs.formats.retain(|_, j| j.used || j.running);
        for j in self.jobs.formats.values_mut() {
            j.used = false;
        }
        for c in self.clients.values_mut() {
            if c.session.is_some() {
                c.dirty = true;
            }
        }
    }

    /// Returns `status-interval` as a duration; `None` when it is 0 (never again).
    fn format_interval(&self) -> Option<std::time::Duration> {
        let seconds = self.options.server("status-interval").as_number();
        let seconds = u64::try_from(seconds).ok().filter(|s| *s > 0)?;
        Some(std::time::Duration::from_secs(seconds))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::testing::Harness;

    #[test]
    fn a_shell_command_in_the_status_line_runs_without_waiting_and_refreshes() {
        let mut h = Harness::with_session();
        h.ok("set -g status-left '[#(whoami)] '");
        let c = h.attach("attach -t work", 40, 6);
        assert!(
            h.status_line(c).starts_with("[] "),
            "empty until it has run"
        );
        assert_eq!(h.running_jobs(), ["whoami"]);
        h.finish_job_named("whoami", "alice\nsecond line\n", 0);
        assert!(h.status_line(c).starts_with("[alice] "));
        h.pass_time(Duration::from_secs(5));
        assert!(h.running_jobs().is_empty(), "cached for status-interval");
        h.pass_time(Duration::from_secs(11));
        assert_eq!(h.running_jobs(), ["whoami"], "again after status-interval");
        h.finish_job_named("whoami", "bob\n", 0);
        assert!(h.status_line(c).starts_with("[bob] "));
    }

    #[test]
    fn a_command_no_status_line_uses_is_dropped_and_costs_no_timer() {
        let mut h = Harness::with_session();
        h.ok("set -g status-left '#(date) '");
        let c = h.attach("attach -t work", 40, 6);
        h.finish_job_named("date", "today\n", 0);
        h.ok("set -g status-left 'plain '");
        assert!(h.status_line(c).starts_with("plain "));
        h.pass_time(Duration::from_secs(16));
        h.pass_time(Duration::from_secs(16));
        assert!(h.state.jobs.formats.is_empty());
        assert!(h.running_jobs().is_empty());
    }
}
