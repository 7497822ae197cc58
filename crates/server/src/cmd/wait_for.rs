//! `wait-for` (`wait`): channels between command lines. `wait-for NAME` waits until another
//! runs `wait-for -S NAME` (at once if one did while nobody waited); `-L` takes the channel's
//! lock, waiting while someone holds it, and `-U` gives it back.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "wait-for",
    alias: Some("wait"),
    flags: "LSU",
    usage: "[-L|-S|-U] channel",
    args: (1, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs wait-for.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.positional.first().cloned().unwrap_or_default();
    let batch = ctx.batch.ok_or("no queue")?;
    let channel = state.queue.channels.entry(name.clone()).or_default();
    if args.has('S') {
        let waiters = std::mem::take(&mut channel.waiters);
        channel.woken = waiters.is_empty();
        forget_if_idle(state, &name);
        for b in waiters {
            super::queue::resume(state, b, "", None);
        }
        return Ok(Outcome::Done);
    }
    if args.has('L') {
        if channel.locked {
            channel.lockers.push_back(batch);
            return Ok(Outcome::Wait);
        }
        channel.locked = true;
        return Ok(Outcome::Done);
    }
    if args.has('U') {
        if !channel.locked {
            forget_if_idle(state, &name);
            return Err(format!("channel {name} not locked"));
        }
        match channel.lockers.pop_front() {
            Some(next) => super::queue::resume(state, next, "", None),
            None => {
                channel.locked = false;
                forget_if_idle(state, &name);
            }
        }
        return Ok(Outcome::Done);
    }
    if channel.woken {
        channel.woken = false;
        forget_if_idle(state, &name);
        return Ok(Outcome::Done);
    }
    channel.waiters.push(batch);
    Ok(Outcome::Wait)
}

/// Drops a channel nobody waits on, holds or has signalled.
fn forget_if_idle(state: &mut State, name: &str) {
    let idle = state
        .queue
        .channels
        .get(name)
        .is_some_and(|c| c.waiters.is_empty() && c.lockers.is_empty() && !c.locked && !c.woken);
    if idle {
        state.queue.channels.remove(name);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_waiter_goes_on_when_the_channel_is_signalled() {
        let mut h = Harness::with_session();
        let waiter = h.start("wait-for done ; display -p woken");
        assert_eq!(h.reply_of(waiter).status, None);
        h.ok("wait-for -S done");
        let reply = h.reply_of(waiter);
        assert_eq!((reply.stdout.as_str(), reply.status), ("woken\n", Some(0)));
        h.ok("wait -S early");
        assert_eq!(h.ok("wait early ; display -p at-once"), "at-once\n");
        assert!(
            h.state.queue.channels.is_empty(),
            "idle channels are forgotten"
        );
    }

    #[test]
    fn a_waiter_that_goes_away_keeps_nothing_waiting() {
        let mut h = Harness::with_session();
        let waiter = h.start("wait-for never");
        assert_eq!(h.state.queue.batches.len(), 1);
        h.event(crate::io::event::Event::Gone(waiter, None));
        assert!(h.state.queue.batches.is_empty());
        assert!(h.state.queue.channels.is_empty());
        h.ok("kill-session -t work");
        assert_eq!(
            h.state.exit,
            Some(0),
            "the server ends with its last session"
        );
    }

    #[test]
    fn a_lock_is_held_by_one_at_a_time() {
        let mut h = Harness::with_session();
        h.ok("wait-for -L job");
        let second = h.start("wait-for -L job ; display -p mine");
        assert_eq!(h.reply_of(second).status, None);
        h.ok("wait-for -U job");
        assert_eq!(h.reply_of(second).stdout, "mine\n");
        h.ok("wait-for -U job");
        assert_eq!(h.err("wait-for -U job"), "channel job not locked");
    }
}
