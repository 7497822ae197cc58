//! `choose-client`: a list of attached clients; Enter detaches the chosen one (`C-b D`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{ChooseItem, Chooser, Mode};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "choose-client",
    alias: None,
    flags: "F:f:K:NO:rt:Z",
    usage:
        "[-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs choose-client for the attached client.
fn exec(state: &mut State, ctx: &mut Ctx, _args: &Args) -> Result<Outcome, String> {
    if state
        .clients
        .get(&ctx.client)
        .is_none_or(|c| c.session.is_none())
    {
        return Err("no current client".into());
    }
    let mut items = Vec::new();
    for c in state.clients.values() {
        let Some(sid) = c.session else { continue };
        let session = state
            .session(sid)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let size = c.size();
        items.push(ChooseItem {
            label: format!(
                "({}) - {}: session {} [{}x{}]",
                items.len(),
                c.name(),
                session,
                size.cols,
                size.rows
            ),
            command: format!("detach-client -t '{}'", c.name()),
            ..ChooseItem::default()
        });
    }
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        c.mode = Mode::Choose(Chooser {
            items,
            ..Chooser::default()
        });
        c.dirty = true;
    }
    Ok(Outcome::Done)
}
