//! `select-pane` (`selectp`): make a pane active, by target, by direction (`-L -R -U -D`) or
//! the last one (`-l`); `-T` sets its title.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::layout::Direction;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "select-pane",
    alias: Some("selectp"),
    flags: "DdegLlMmP:RT:t:UZ",
    usage: "[-DdegLlMmRUZ] [-P value] [-T title] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs select-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if let Some(title) = args.value('T') {
        if let Some(p) = state.panes.get_mut(&found.pane) {
            p.term.process(format!("\x1b]2;{title}\x07").as_bytes());
        }
        state.mark_session_dirty(found.session);
        return Ok(Outcome::Done);
    }
    let direction = [
        ('L', Direction::Left),
        ('R', Direction::Right),
        ('U', Direction::Up),
        ('D', Direction::Down),
    ]
    .into_iter()
    .find(|(c, _)| args.has(*c))
    .map(|(_, d)| d);
    let window = state
        .window(found.session, found.window)
        .ok_or("no such window")?;
    let pane = if args.has('l') {
        window.last_pane.ok_or("no last pane")?
    } else if let Some(d) = direction {
        match window
            .layout
            .neighbour(found.pane, d, &|p| window.recency(p))
        {
            Some(p) => p,
            None => return Ok(Outcome::Done),
        }
    } else {
        found.pane
    };
    select(state, found.session, found.window, pane, args.has('Z'));
    Ok(Outcome::Done)
}

/// Makes `pane` the active pane of its window (and the window current); unzooms unless
/// `keep_zoom`.
pub fn select(
    state: &mut State,
    sid: crate::ids::SessionId,
    wid: crate::ids::WindowId,
    pane: crate::ids::PaneId,
    keep_zoom: bool,
) {
    let mut resync = false;
    if let Some(w) = state.window_mut(sid, wid) {
        if w.zoomed && !keep_zoom && pane != w.active {
            w.zoomed = false;
            resync = true;
        }
        w.select_pane(pane);
    }
    if let Some(s) = state.session_mut(sid) {
        s.select(wid);
    }
    if resync {
        crate::model::ops::sync_window(state, sid, wid);
    }
    state.mark_session_dirty(sid);
}
