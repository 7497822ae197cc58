//! `if-shell` (`if`): run one command line or another as a condition holds. With `-F` the
//! condition is a format, true when it expands to something other than empty or `0`.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "if-shell",
    alias: Some("if"),
    flags: "bFt:",
    usage: "[-bF] [-t target-pane] shell-command command [command]",
    args: (2, 3),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs if-shell.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let [condition, then, otherwise @ ..] = args.positional.as_slice() else {
        return Err("command if-shell: too few arguments (need at least 2)".into());
    };
    if !args.has('F') {
        return Err("if-shell runs only format conditions (-F) for now".into());
    }
    let value = crate::model::vars::expand(state, super::scope(ctx, found), condition);
    let holds = crate::config::format::is_true(&value);
    match (holds, otherwise.first()) {
        (true, _) => ctx.run_line_next(state, then)?,
        (false, Some(line)) => ctx.run_line_next(state, line)?,
        (false, None) => {}
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_format_condition_picks_the_command_to_run() {
        let mut h = Harness::with_session();
        h.ok("if -F '#{==:#{session_name},work}' 'rename-window yes' 'rename-window no'");
        assert_eq!(h.ok("display -p '#W'"), "yes\n");
        h.ok("if -F '#{pane_in_mode}' 'rename-window yes' 'rename-window no'");
        assert_eq!(h.ok("display -p '#W'"), "no\n");
        h.ok("if -F '' 'rename-window again'");
        assert_eq!(h.ok("display -p '#W'"), "no\n");
        assert!(h.err("if true 'rename-window x'").contains("-F"));
    }
}
