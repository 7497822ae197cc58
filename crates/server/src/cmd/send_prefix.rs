//! `send-prefix`: send the prefix key (`-2`: the second prefix) to a pane, as if typed there
//! (bound to `C-b C-b`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "send-prefix",
    alias: None,
    flags: "2t:",
    usage: "[-2] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs send-prefix: the target pane's session's prefix, encoded for each pane it goes to (the
/// target, or its whole window with synchronize-panes). A prefix of `None` sends nothing.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let name = if args.has('2') { "prefix2" } else { "prefix" };
    let text = state.options.session(f.session, name).as_text();
    let Some(key) = crate::config::keyname::parse_key(&text) else {
        return Ok(Outcome::Done);
    };
    for id in crate::model::keys::input_targets(state, f.session, f.window, f.pane) {
        if let Some(pane) = state.panes.get(&id) {
            if pane.exit_status.is_none() {
                pane.write(pane.term.encode_key(key));
            }
        }
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn the_prefix_goes_to_the_target_pane_from_the_command_line() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("send-prefix -t %0");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x02");
        assert_eq!(h.take_bytes(PaneId(1)), b"");
        h.ok("send-prefix");
        assert_eq!(h.take_bytes(PaneId(1)), b"\x02");
    }

    #[test]
    fn the_second_prefix_is_sent_only_when_there_is_one() {
        let mut h = Harness::with_session();
        h.ok("send-prefix -2");
        assert_eq!(h.take_bytes(PaneId(0)), b"");
        h.ok("set -g prefix2 C-a");
        h.ok("send-prefix -2");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x01");
    }

    #[test]
    fn the_sessions_own_prefix_is_the_one_sent() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.ok("set -t other prefix M-a");
        h.ok("send-prefix -t other");
        assert_eq!(h.take_bytes(PaneId(1)), b"\x1ba");
        h.ok("send-prefix -t work");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x02");
    }

    #[test]
    fn pressing_the_prefix_twice_types_it_into_the_active_pane() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        h.keys(c, "C-b C-b");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x02");
    }

    #[test]
    fn synchronized_panes_all_get_the_prefix() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("set -w synchronize-panes on");
        h.ok("send-prefix -t %1");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x02");
        assert_eq!(h.take_bytes(PaneId(1)), b"\x02");
    }

    #[test]
    fn a_missing_pane_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("send-prefix -t %5"), "can't find pane: %5");
    }
}
