//! `new-window` (`neww`): create a window with a new pane, selected unless `-d`.

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::ops::{self, Launch};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "new-window",
    alias: Some("neww"),
    flags: "abc:dF:kn:Pt:",
    usage: "[-abdkP] [-c start-directory] [-F format] [-n window-name] [-t target-window] [shell-command]",
    args: (0, usize::MAX),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs new-window: `-t` names the session or `session:index`; `-a`/`-b` insert after or
/// before the target window, moving later windows up.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let (sid, mut index) = resolve(state, ctx, args.value('t'))?;
    if args.has('a') || args.has('b') {
        let here = index.or_else(|| {
            let s = state.session(sid)?;
            s.current_window().map(|w| w.index)
        });
        if let Some(at) = here {
            index = Some(shift_for(state, sid, at, args.has('b')));
        }
    }
    if let (Some(i), true) = (index, args.has('k')) {
        if let Some(w) = state.session(sid).and_then(|s| s.window_at(i)) {
            let wid = w.id;
            ops::kill_window(state, sid, wid);
        }
    }
    let cwd = match (args.value('c'), target::in_session(state, sid)) {
        (Some(c), Some(found)) => Some(crate::model::vars::expand(
            state,
            super::scope(ctx, found),
            c,
        )),
        (c, _) => c.map(String::from),
    };
    let launch = Launch {
        cwd: cwd.as_deref(),
        command: &args.positional,
    };
    let name = args.value('n').map(String::from);
    let wid = ops::new_window(state, sid, index, name, &launch, args.has('d'))?;
    if args.has('P') {
        let fmt = args.value('F').unwrap_or("#{session_name}:#{window_index}");
        if let Some(w) = state.window(sid, wid) {
            let found = target::Found {
                session: sid,
                window: wid,
                pane: w.active,
            };
            ctx.out
                .push_str(&super::print_format(state, ctx, found, fmt));
        }
    }
    Ok(Outcome::Done)
}

/// Resolves `-t`: a session (`work`, `work:`) means its next free index; `work:3` or `:3`
/// means index 3; a window name or `@N` means that window's index.
fn resolve(
    state: &State,
    ctx: &Ctx,
    t: Option<&str>,
) -> Result<(crate::ids::SessionId, Option<u32>), String> {
    let Some(t) = t else {
        return Ok((target::session_or_current(state, ctx.client, None)?, None));
    };
    let (s, w) = match t.split_once(':') {
        Some(parts) => parts,
        None if t.parse::<u32>().is_ok() => ("", t),
        None => (t, ""),
    };
    let sid = target::session_or_current(state, ctx.client, (!s.is_empty()).then_some(s))?;
    if w.is_empty() {
        return Ok((sid, None));
    }
    if let Ok(i) = w.parse::<u32>() {
        return Ok((sid, Some(i)));
    }
    let f = target::window(state, ctx.client, Some(t))?;
    let index = state.window(f.session, f.window).map(|w| w.index);
    Ok((f.session, index))
}

/// Makes room at the index after (or, with `before`, at) index `at` by moving the windows
/// from there up to the first free index up by one, as tmux does (later windows past a gap
/// keep their indexes); returns the free index.
fn shift_for(state: &mut State, sid: crate::ids::SessionId, at: u32, before: bool) -> u32 {
    let Some(s) = state.session_mut(sid) else {
        return 0;
    };
    let at = at + u32::from(!before);
    let free = s.free_index(at);
    for w in s
        .windows
        .iter_mut()
        .filter(|w| (at..free).contains(&w.index))
    {
        w.index += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn inserting_a_window_moves_up_only_the_windows_before_the_next_free_index() {
        // tmux 3.3a: with windows 0, 1 and 5, `new-window -a -t 0` takes index 1 and moves
        // window 1 to 2; window 5, past the gap, keeps its index.
        let mut h = Harness::with_session();
        h.ok("new-window -d -n one");
        h.ok("new-window -d -t 5 -n five");
        h.ok("new-window -a -t 0 -d -n after0");
        assert_eq!(h.window_list(""), ["0 sh *", "1 after0", "2 one", "5 five"]);
        h.ok("new-window -b -t 5 -d -n before5");
        assert_eq!(
            h.window_list(""),
            ["0 sh *", "1 after0", "2 one", "5 before5", "6 five"]
        );
    }
}
