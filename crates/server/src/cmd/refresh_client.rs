//! `refresh-client` (`refresh`): redraw a client (`-t`, else the current one) from scratch;
//! `-S` only its status line.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "refresh-client",
    alias: Some("refresh"),
    flags: "St:",
    usage: "[-S] [-t target-client]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs refresh-client.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, args.value('t'))?;
    if let Some(c) = state.clients.get_mut(&client) {
        if args.has('S') {
            c.dirty = true;
        } else {
            c.invalidate();
        }
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn refresh_redraws_the_client_and_needs_one() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("refresh-client"), "no current client");
        let c = h.attach("attach -t work", 40, 6);
        let before = h.screen(c);
        h.keys(c, "C-b r");
        assert_eq!(h.screen(c), before);
        assert_eq!(h.status_line(c), before[5]);
    }
}
