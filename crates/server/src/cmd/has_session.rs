//! `has-session` (`has`): exit status 0 if the session exists, 1 if not.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "has-session",
    alias: Some("has"),
    flags: "t:",
    usage: "[-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs has-session: the table has found the session (or, like tmux, named the missing
/// one on standard error).
fn exec(_state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    ctx.target()?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::{Harness, Reply};

    #[test]
    fn has_session_exits_zero_and_prints_nothing_for_a_session_that_exists() {
        let mut h = Harness::with_session();
        let expected = Reply {
            status: Some(0),
            ..Reply::default()
        };
        assert_eq!(h.run("has-session -t work"), expected);
        assert_eq!(h.run("has -t wo"), expected, "a unique prefix names it");
    }

    #[test]
    fn has_session_exits_one_naming_a_session_that_does_not_exist() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("has-session -t nosuch"), "can't find session: nosuch");
        h.ok("new-session -d -s workshop");
        assert_eq!(h.err("has -t wo"), "can't find session: wo", "ambiguous");
        h.ok("new-session -d -s gone");
        h.ok("kill-session -t gone");
        assert_eq!(h.err("has -t gone"), "can't find session: gone");
    }
}
