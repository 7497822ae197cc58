//! `start-server` (`start`): the client starts the server; the command itself does nothing.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "start-server",
    alias: Some("start"),
    flags: "",
    usage: "",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs start-server.
fn exec(_state: &mut State, _ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn starting_the_server_prints_nothing_and_changes_nothing() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("start-server"), "");
        assert_eq!(h.ok("start"), "");
        assert_eq!(h.window_list("work"), ["0 sh *"]);
        assert_eq!(h.state.exit, None);
    }

    #[test]
    fn it_takes_no_flags_or_arguments() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("start-server -x"),
            "command start-server: unknown flag -x\nusage: start-server"
        );
        assert_eq!(
            h.err("start-server now"),
            "command start-server: too many arguments (need at most 0)\nusage: start-server"
        );
    }
}
