//! `last-window` (`last`): select the previously current window.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "last-window",
    alias: Some("last"),
    flags: "t:",
    usage: "[-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs last-window.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    let sid = ctx.target()?.session;
    let last = state
        .session(sid)
        .and_then(|s| s.last_window())
        .ok_or("no last window")?;
    super::select_window::select(state, sid, last);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn last_window_fails_in_a_new_session() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("last-window"), "no last window");
        h.ok("new-window -d");
        assert_eq!(h.err("last-window"), "no last window");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}#{window_flags}'"),
            "0*\n1\n"
        );
    }
}
