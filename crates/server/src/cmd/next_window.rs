//! `next-window` (`next`): select the next window, wrapping (`-a`: the next with an alert).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "next-window",
    alias: Some("next"),
    flags: "at:",
    usage: "[-a] [-t target-session]",
    args: (0, 0),
    target: Target::Session,
    source: Target::None,
    exec,
};

/// Runs next-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    step(state, ctx, args, false)
}

/// Moves to the next (or previous, with `back`) window, only to ones with alerts under `-a`.
pub fn step(state: &mut State, ctx: &mut Ctx, args: &Args, back: bool) -> Result<Outcome, String> {
    let sid = ctx.target()?.session;
    let s = state.session(sid).ok_or("no such session")?;
    let pos = s
        .windows
        .iter()
        .position(|w| w.id == s.current)
        .unwrap_or(0);
    let n = s.windows.len();
    let order = (1..=n).map(|k| {
        if back {
            (pos + n * 2 - k) % n
        } else {
            (pos + k) % n
        }
    });
    let wid = order
        .map(|i| &s.windows[i])
        .find(|w| !args.has('a') || w.bell || w.activity)
        .map(|w| w.id);
    match wid {
        Some(w) if w != s.current || n == 1 => {
            super::select_window::select(state, sid, w);
            Ok(Outcome::Done)
        }
        Some(_) if !args.has('a') => Ok(Outcome::Done),
        _ if args.has('a') => Err("no window with alert".into()),
        _ => Ok(Outcome::Done),
    }
}
