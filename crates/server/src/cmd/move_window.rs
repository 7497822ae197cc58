//! `move-window` (`movew`): give a window another index, possibly in another session
//! (`-r` renumbers the session's windows instead).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "move-window",
    alias: Some("movew"),
    flags: "abdkrs:t:",
    usage: "[-abdkr] [-s src-window] [-t dst-window]",
    args: (0, 0),
    target: Target::None,
    source: Target::Window,
    exec,
};

/// Runs move-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if args.has('r') {
        let sid = target::session_or_current(state, ctx.client, args.value('t'))?;
        let base = state.options.session(sid, "base-index").as_index();
        if let Some(s) = state.session_mut(sid) {
            s.renumber(base);
        }
        state.mark_session_dirty(sid);
        return Ok(Outcome::Done);
    }
    let src = ctx.source_or_current(state)?;
    let t = args.value('t').unwrap_or("");
    let (s, w) = t.split_once(':').unwrap_or(if t.parse::<u32>().is_ok() {
        ("", t)
    } else {
        (t, "")
    });
    let dst = target::session_or_current(state, ctx.client, (!s.is_empty()).then_some(s))?;
    let base = state.options.session(dst, "base-index").as_index();
    let index = match w.parse::<u32>() {
        Ok(i) => i,
        Err(_) if w.is_empty() => state
            .session(dst)
            .map(|s| s.free_index(base))
            .unwrap_or(base),
        Err(_) => return Err(format!("can't find window: {t}")),
    };
    let taken = state
        .session(dst)
        .and_then(|s| s.window_at(index))
        .map(|w| w.id);
    match taken {
        Some(id) if id == src.window => return Ok(Outcome::Done),
        Some(id) if args.has('k') => crate::model::ops::kill_window(state, dst, id),
        Some(_) => return Err(format!("index in use: {index}")),
        None => {}
    }
    let mut window = state
        .session_mut(src.session)
        .and_then(|s| s.remove(src.window))
        .ok_or("no such window")?;
    window.index = index;
    let panes = window.panes();
    let wid = window.id;
    let s = state.session_mut(dst).ok_or("no such session")?;
    s.insert(window);
    if !args.has('d') {
        s.select(wid);
    }
    for p in panes {
        if let Some(p) = state.panes.get_mut(&p) {
            p.session = dst;
        }
    }
    if state
        .session(src.session)
        .is_some_and(|s| s.windows.is_empty())
    {
        state.destroy_session(src.session, "[exited]");
    }
    crate::model::resize::apply_window_size(state, dst);
    state.mark_session_dirty(src.session);
    Ok(Outcome::Done)
}
