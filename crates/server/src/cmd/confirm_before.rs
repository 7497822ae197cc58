//! `confirm-before` (`confirm`): ask `y/n` on the status line before running a command.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{Mode, Prompt};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "confirm-before",
    alias: Some("confirm"),
    flags: "bp:t:y",
    usage: "[-by] [-p prompt] [-t target-client] command",
    args: (1, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs confirm-before on the `-t` client or the current client (from a shell in a pane, the
/// latest client of that session): `-p` the question (a format), default
/// `Confirm 'COMMAND'? (y/n)`.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let command = args
        .positional
        .first()
        .ok_or("command confirm-before: too few arguments (need at least 1)")?;
    let client = super::detach_client::target_client(state, ctx, args.value('t'))?;
    let found = super::target::current(state, client).ok_or("no current client")?;
    let question = match args.value('p') {
        Some(p) => {
            let scope = crate::model::vars::Scope {
                client: Some(client),
                ..super::scope(ctx, found)
            };
            crate::model::vars::expand(state, scope, p)
        }
        None => format!("Confirm '{command}'? (y/n)"),
    };
    if let Some(c) = state.clients.get_mut(&client) {
        c.mode = Mode::Prompt(Prompt::new(
            format!("{} ", question.trim_end()),
            String::new(),
            command.clone(),
            true,
        ));
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn confirm_before_runs_the_command_when_y_is_pressed() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("new-window -n doomed");
        h.keys(c, "C-b &");
        assert_eq!(h.status_line(c), "kill-window doomed? (y/n)");
        h.keys(c, "y");
        assert_eq!(h.ok("list-windows -F '#W'"), "sh\n");
        assert!(h.fake.pane(PaneId(1)).hung_up);
    }

    #[test]
    fn confirm_before_runs_nothing_for_any_other_key() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("split-window");
        for key in ["n", "Enter", "Escape", "q"] {
            h.keys(c, "C-b x");
            assert_eq!(h.status_line(c), "kill-pane 1? (y/n)");
            h.keys(c, key);
            assert!(h.status_line(c).starts_with("[work] "), "{key} closes it");
            assert_eq!(h.panes().len(), 2, "{key} kills nothing");
            assert_eq!(h.fake.take_input(PaneId(1)), "", "{key} is not typed");
        }
    }

    #[test]
    fn confirm_before_asks_with_the_command_by_default() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("bind-key K confirm-before 'rename-window gone'");
        h.keys(c, "C-b K");
        assert_eq!(h.status_line(c), "Confirm 'rename-window gone'? (y/n)");
        h.keys(c, "Y");
        assert_eq!(h.ok("display-message -p '#W'"), "gone\n");
    }

    #[test]
    fn confirm_before_fails_without_a_command_or_an_attached_client() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("confirm-before"),
            "command confirm-before: too few arguments (need at least 1)\nusage: confirm-before [-by] [-p prompt] [-t target-client] command"
        );
        assert_eq!(h.err("confirm-before kill-server"), "no current client");
        assert_eq!(h.state.exit, None);
        h.attach("attach -t work", 40, 10);
        assert_eq!(
            h.err("confirm-before -t nosuch kill-server"),
            "can't find client: nosuch"
        );
    }

    #[test]
    fn confirm_before_from_a_shell_in_a_pane_asks_that_sessions_client() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        let reply = h.run_in_pane(
            PaneId(0),
            "confirm-before -p 'Really #S?' 'rename-session done'",
        );
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(h.status_line(c), "Really work?");
        h.keys(c, "y");
        assert_eq!(h.ok("list-sessions -F '#S'"), "done\n");
    }
}
