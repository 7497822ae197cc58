//! `respawn-window` (`respawnw`): start a window's program again, in its first pane; the
//! other panes go. As tmux, a window whose panes still run programs needs `-k`.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::ops::{self, Launch};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "respawn-window",
    alias: Some("respawnw"),
    flags: "c:e:kt:",
    usage: "[-k] [-c start-directory] [-e environment] [-t target-window] [shell-command]",
    args: (0, usize::MAX),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs respawn-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let panes = state
        .window(f.session, f.window)
        .map(|w| w.panes())
        .unwrap_or_default();
    let alive = panes
        .iter()
        .any(|p| state.panes.get(p).is_some_and(|p| p.exit_status.is_none()));
    if alive && !args.has('k') {
        let place = super::print_format(state, ctx, f, "#{session_name}:#{window_index}");
        return Err(format!(
            "respawn window failed: window {} still active",
            place.trim_end()
        ));
    }
    let Some((&first, others)) = panes.split_first() else {
        return Err("no such window".into());
    };
    for &pane in others {
        ops::kill_pane(state, pane);
    }
    if let Some(w) = state.window_mut(f.session, f.window) {
        w.zoomed = false;
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
    ops::respawn_pane(state, first, &launch)?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn respawn_window_keeps_one_pane_and_needs_k_while_programs_run() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        assert_eq!(
            h.err("respawn-window"),
            "respawn window failed: window work:0 still active"
        );
        h.ok("respawn-window -k");
        assert_eq!(h.ok("list-panes -F '#{pane_id}'"), "%0\n");
        assert_eq!(h.ok("display -p '#{window_panes}'"), "1\n");
    }
}
