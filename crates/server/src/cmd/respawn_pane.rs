//! `respawn-pane` (`respawnp`): start a program again in a dead pane (or a live one, `-k`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops::{self, Launch};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "respawn-pane",
    alias: Some("respawnp"),
    flags: "c:e:kt:",
    usage: "[-k] [-c start-directory] [-e environment] [-t target-pane] [shell-command]",
    args: (0, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs respawn-pane: a dead pane (or, with `-k`, a live one, whose program is hung up) runs
/// the command (or the default shell) again, in `-c` and with `-e NAME=value` set.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let alive = state
        .panes
        .get(&f.pane)
        .is_some_and(|p| p.exit_status.is_none());
    if alive && !args.has('k') {
        let place = super::print_format(
            state,
            ctx,
            f,
            "#{session_name}:#{window_index}.#{pane_index}",
        );
        return Err(format!(
            "respawn pane failed: pane {} still active",
            place.trim_end()
        ));
    }
    let env: Vec<(String, String)> = args
        .value('e')
        .and_then(|e| e.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .into_iter()
        .collect();
    let launch = Launch {
        cwd: args.value('c'),
        command: &args.positional,
        env: &env,
    };
    ops::respawn_pane(state, f.pane, &launch)?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::ids::PaneId;
    use crate::io::event::{Credit, Event};
    use crate::testing::Harness;

    /// Returns a session whose second pane, %1, ran `false` and is kept dead.
    fn dead_pane() -> Harness {
        let mut h = Harness::with_session();
        h.ok("set -g remain-on-exit on");
        h.ok("split-window false");
        h.exit(PaneId(1), 1);
        h
    }

    #[test]
    fn a_dead_pane_runs_its_command_again_in_the_same_place() {
        let mut h = dead_pane();
        assert_eq!(
            h.ok("display -p -t %1 '#{pane_dead} #{pane_dead_status}'"),
            "1 1\n"
        );
        h.ok("respawn-pane -t %1");
        assert_eq!(
            h.ok("display -p -t %1 '#{pane_dead} #{pane_index}'"),
            "0 1\n"
        );
        let spawned = h.fake.pane(PaneId(1)).spawned;
        assert_eq!(spawned.len(), 2);
        assert_eq!(spawned[1].args, ["-c", "false"]);
        assert_eq!(spawned[1].program, PathBuf::from("/bin/sh"));
        let size = h.fake.pane(PaneId(1)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size, Some((80, 11)));
    }

    #[test]
    fn a_new_command_directory_and_variable_can_be_given() {
        let mut h = dead_pane();
        h.ok("respawnp -t %1 -c /tmp -e EDITOR=vi top");
        let spec = h.fake.pane(PaneId(1)).spawned[1].clone();
        assert_eq!(spec.args, ["-c", "top"]);
        assert_eq!(spec.cwd, PathBuf::from("/tmp"));
        let editor: Vec<_> = spec.env.iter().filter(|(k, _)| k == "EDITOR").collect();
        assert_eq!(editor, [&("EDITOR".to_string(), "vi".to_string())]);
        assert!(spec
            .env
            .contains(&("MUX_PANE".to_string(), "%1".to_string())));
    }

    #[test]
    fn a_live_pane_is_refused_unless_killed() {
        // tmux 3.3a words it the same way.
        let mut h = Harness::with_session();
        h.ok("split-window");
        assert_eq!(
            h.err("respawn-pane -t %1"),
            "respawn pane failed: pane work:0.1 still active"
        );
        assert_eq!(h.fake.pane(PaneId(1)).spawned.len(), 1);
        h.ok("respawn-pane -k -t %1 htop");
        assert!(h.fake.pane(PaneId(1)).hung_up);
        assert_eq!(h.fake.pane(PaneId(1)).spawned.len(), 2);
        assert_eq!(h.panes(), [PaneId(0), PaneId(1)]);
    }

    #[test]
    fn the_replaced_programs_last_output_and_exit_are_ignored() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        let old = h.state.panes[&PaneId(1)].program;
        h.ok("respawn-pane -k -t %1");
        h.event(Event::Output(
            PaneId(1),
            old,
            b"stale".to_vec(),
            Credit::default(),
        ));
        h.event(Event::Exited(PaneId(1), old, 0));
        h.event(Event::Closed(PaneId(1), old));
        assert_eq!(h.panes(), [PaneId(0), PaneId(1)]);
        let shown = h.ok("capture-pane -p -t %1");
        assert!(!shown.contains("stale"), "{shown}");
        // The new program's exit does close the pane.
        h.exit(PaneId(1), 0);
        assert_eq!(h.panes(), [PaneId(0)]);
    }

    #[test]
    fn a_missing_pane_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("respawn-pane -t %9"), "can't find pane: %9");
    }
}
