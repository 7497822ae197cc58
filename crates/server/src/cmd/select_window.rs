//! `select-window` (`selectw`): make a window current (`-l` last, `-n` next, `-p` previous).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "select-window",
    alias: Some("selectw"),
    flags: "lnpTt:",
    usage: "[-lnpT] [-t target-window]",
    args: (0, 0),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs select-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let s = state.session(found.session).ok_or("no such session")?;
    let wid = if args.has('l') {
        s.last_window().ok_or("no last window")?
    } else if args.has('n') {
        s.neighbour_window(false).ok_or("no next window")?
    } else if args.has('p') {
        s.neighbour_window(true).ok_or("no previous window")?
    } else if args.has('T') && s.current == found.window {
        s.last_window().ok_or("no last window")?
    } else {
        found.window
    };
    select(state, found.session, wid);
    Ok(Outcome::Done)
}

/// Makes `wid` the current window of `sid` and redraws its clients.
pub fn select(state: &mut State, sid: crate::ids::SessionId, wid: crate::ids::WindowId) {
    if let Some(s) = state.session_mut(sid) {
        s.select(wid);
    }
    crate::model::resize::apply_window_size(state, sid);
    state.mark_session_dirty(sid);
}
