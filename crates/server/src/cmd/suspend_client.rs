//! `suspend-client` (`suspendc`, `C-b C-z`): the client (`-t`, else the current one) gives
//! its terminal back and stops itself with SIGTSTP, as a job at a shell prompt; `fg` brings
//! it back, and it redraws everything.

use mux_protocol::ServerMsg;

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "suspend-client",
    alias: Some("suspendc"),
    flags: "t:",
    usage: "[-t target-client]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs suspend-client.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, args.value('t'))?;
    let c = state.clients.get_mut(&client).ok_or("no current client")?;
    if c.session.is_none() {
        return Err("no current client".into());
    }
    if !c.send(ServerMsg::Suspend) {
        return Err("client is not reading".into());
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use mux_protocol::{ClientMsg, ServerMsg};

    use crate::testing::Harness;

    #[test]
    fn the_client_is_told_to_suspend_and_redraws_when_it_is_back() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("suspend-client"), "no current client");
        let c = h.attach("attach -t work", 40, 6);
        h.take_messages(c);
        h.keys(c, "C-b C-z");
        assert!(h.take_messages(c).contains(&ServerMsg::Suspend));
        let before = h.screen(c);
        h.send(c, ClientMsg::Redraw);
        assert_eq!(h.screen(c), before);
        assert!(
            h.state.clients[&c].shown_mouse.is_some(),
            "mouse modes are sent again"
        );
    }
}
