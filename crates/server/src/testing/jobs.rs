//! Helpers for jobs on the fake OS: what the last job started was, and finishing jobs with
//! the output and exit status a test chooses.

use super::Harness;
use crate::io::event::Event;
use crate::model::jobs::JobSpec;

impl Harness {
    /// Returns the spec of the last job started.
    pub fn last_job(&self) -> JobSpec {
        self.fake
            .log()
            .jobs
            .last()
            .map(|(_, spec)| spec.clone())
            .unwrap_or_else(|| panic!("no job was started"))
    }

    /// Returns the command lines of the jobs still running, oldest first.
    pub fn running_jobs(&self) -> Vec<String> {
        self.fake
            .log()
            .jobs
            .iter()
            .filter(|(id, _)| self.state.jobs.running.contains_key(id))
            .map(|(_, spec)| spec.command.clone())
            .collect()
    }

    /// Finishes the most recently started job still running with `output` and `status`.
    pub fn finish_job(&mut self, output: &str, status: i32) {
        let id = {
            let log = self.fake.log();
            log.jobs
                .iter()
                .rev()
                .map(|(id, _)| *id)
                .find(|id| self.state.jobs.running.contains_key(id))
        };
        let id = id.unwrap_or_else(|| panic!("no job is running"));
        self.event(Event::JobDone(id, output.as_bytes().to_vec(), status));
    }

    /// Finishes the running job whose command line is `command`.
    pub fn finish_job_named(&mut self, command: &str, output: &str, status: i32) {
        let id = {
            let log = self.fake.log();
            log.jobs
                .iter()
                .filter(|(id, spec)| {
                    spec.command == command && self.state.jobs.running.contains_key(id)
                })
                .map(|(id, _)| *id)
                .next()
        };
        let id = id.unwrap_or_else(|| panic!("no job runs {command}"));
        self.event(Event::JobDone(id, output.as_bytes().to_vec(), status));
    }
}
