//! `show-messages` (`showmsgs`): the message log, newest first, as `HH:MM: message` lines —
//! messages shown on status lines, errors of bindings, config files and hooks (up to
//! `message-limit`); `-J` adds the running jobs and `-T` the clients' terminals.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::jobs::JobFor;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-messages",
    alias: Some("showmsgs"),
    flags: "JTt:",
    usage: "[-JT] [-t target-client]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-messages.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if let Some(t) = args.value('t') {
        super::detach_client::target_client(state, ctx, Some(t))?;
    }
    let extra = args.has('J') || args.has('T');
    if args.has('T') {
        for c in state.clients.values() {
            let Some(term) = &c.terminal else {
                continue;
            };
            ctx.out.push_str(&format!(
                "Terminal {}: {} {}x{}\n",
                c.name(),
                term.term,
                term.size.cols,
                term.size.rows
            ));
        }
    }
    if args.has('J') {
        let mut jobs: Vec<_> = state.jobs.running.iter().collect();
        jobs.sort_by_key(|(id, _)| **id);
        for (id, purpose) in jobs {
            let what = match purpose {
                JobFor::RunShell { command, .. } => format!("run-shell {command}"),
                JobFor::IfShell { .. } => "if-shell".to_string(),
                JobFor::Format(command) => format!("#({command})"),
            };
            ctx.out.push_str(&format!("Job {}: {what}\n", id.0));
        }
    }
    if !extra {
        for (when, text) in state.messages.iter().rev() {
            let time = crate::config::time::format(*when, "%H:%M");
            ctx.out.push_str(&format!("{time}: {text}\n"));
        }
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn messages_are_listed_newest_first_with_their_time() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 60, 6);
        h.ok("display-message first");
        h.ok("display-message second");
        h.keys(c, "C-b :");
        h.type_text(c, "nosuch");
        h.keys(c, "Enter");
        assert_eq!(
            h.ok("show-messages"),
            "02:31: unknown command: nosuch\n02:31: second\n02:31: first\n"
        );
        h.keys(c, "C-b ~");
        assert!(h.screen(c)[0].starts_with("02:31: unknown command: nosuch"));
    }

    #[test]
    fn j_lists_jobs_and_t_terminals() {
        let mut h = Harness::with_session();
        h.attach("attach -t work", 60, 6);
        h.ok("run -b 'sleep 9'");
        let shown = h.ok("server-info");
        assert!(shown.contains("Job 1: run-shell sleep 9\n"), "{shown}");
        assert!(shown.contains(": xterm-256color 60x6\n"), "{shown}");
    }
}
