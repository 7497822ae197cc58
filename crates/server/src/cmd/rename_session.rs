//! `rename-session` (`rename`): rename a session.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "rename-session",
    alias: Some("rename"),
    flags: "t:",
    usage: "[-t target-session] new-name",
    args: (1, 1),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs rename-session; `.` and `:` become `_` as in new-session.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args
        .positional
        .first()
        .ok_or("command rename-session: too few arguments (need at least 1)")?;
    let name = name.replace([':', '.'], "_");
    if name.is_empty() {
        return Err(format!("invalid session: {name}"));
    }
    let sid = ctx.target()?.session;
    if state.sessions.iter().any(|s| s.name == name && s.id != sid) {
        return Err(format!("duplicate session: {name}"));
    }
    if let Some(s) = state.session_mut(sid) {
        s.name = name;
    }
    state.mark_session_dirty(sid);
    state.notify("session-renamed", Some(sid), None, None);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn the_current_or_target_session_is_renamed_on_the_status_line() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let c = h.attach("attach -t work", 40, 10);
        h.ok("rename-session deux");
        h.ok("rename -t other autre");
        assert!(h.screen(c)[9].starts_with("[deux]"), "{:?}", h.screen(c)[9]);
        assert_eq!(h.ok("has-session -t autre"), "");
        assert!(h
            .err("has-session -t other")
            .starts_with("can't find session"));
    }

    #[test]
    fn names_lose_the_characters_that_separate_targets() {
        let mut h = Harness::with_session();
        h.ok("rename-session -t work 'x:y.z'");
        assert_eq!(h.ok("display -p '#{session_name}'"), "x_y_z\n");
        // Renaming a session to its own name is fine.
        h.ok("rename-session -t x_y_z x_y_z");
    }

    #[test]
    fn duplicate_empty_and_missing_sessions_are_errors() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        assert_eq!(
            h.err("rename-session -t work other"),
            "duplicate session: other"
        );
        assert_eq!(h.err("rename-session -t work ''"), "invalid session:");
        assert_eq!(
            h.err("rename-session -t nosuch x"),
            "can't find session: nosuch"
        );
        assert_eq!(h.ok("display -p -t work '#{session_name}'"), "work\n");
    }
}
