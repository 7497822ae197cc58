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
        env: &[],
    };
    let name = args.value('n').map(String::from);
    let wid = ops::new_window(state, sid, index, name, &launch, args.has('d'))?;
    ctx.made = target::window_by_id(state, wid);
    if args.has('P') {
        let fmt = args
            .value('F')
            .unwrap_or("#{session_name}:#{window_index}.#{pane_index}");
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
    let sid = match target::session_or_current(state, ctx.client, (!s.is_empty()).then_some(s)) {
        // A bare word that names no session names no window either.
        Err(_) if !t.contains(':') => return Err(format!("can't find window: {t}")),
        other => other?,
    };
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
    use std::path::PathBuf;

    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn a_new_window_takes_the_next_index_becomes_current_and_starts_a_login_shell() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("new-window"), "");
        assert_eq!(h.window_list(""), ["0 sh -", "1 sh *"]);
        let spawned = h.fake.pane(PaneId(1)).spawned;
        assert_eq!(spawned.len(), 1);
        let spec = &spawned[0];
        assert_eq!(spec.program, PathBuf::from("/bin/sh"));
        assert_eq!(spec.argv0, std::ffi::OsString::from("-sh"));
        assert!(spec.args.is_empty());
        assert_eq!(spec.cwd, PathBuf::from("/"));
        let env = |k: &str| {
            spec.env
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(env("TERM").as_deref(), Some("tmux-256color"));
        assert_eq!(env("MUX_PANE").as_deref(), Some("%1"));
        assert!(env("MUX").is_some_and(|v| v.starts_with("/tmp/mux-test/sock,")));
        assert_eq!(
            h.fake.pane(PaneId(1)).size.map(|s| (s.cols, s.rows)),
            Some((80, 24))
        );
    }

    #[test]
    fn detached_named_windows_leave_the_current_one_and_keep_their_name() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n logs");
        assert_eq!(h.window_list(""), ["0 sh *", "1 logs"]);
        // A named window is not renamed after its foreground command: as in tmux, its
        // automatic-rename is off until set on again.
        assert_eq!(
            h.ok("showw -t 1 automatic-rename"),
            "automatic-rename off\n"
        );
        h.set_foreground(PaneId(1), "tail");
        h.output(PaneId(1), "line\r\n");
        assert_eq!(h.window_list(""), ["0 sh *", "1 logs"]);
        h.ok("setw -t 1 automatic-rename on");
        h.ok("select-window -t 1");
        h.output(PaneId(1), "line\r\n");
        h.pass_time(std::time::Duration::from_secs(1));
        assert_eq!(h.window_list(""), ["0 sh -", "1 tail *"]);
    }

    #[test]
    fn print_shows_the_new_pane_as_tmux_does_or_in_the_format_given() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("new-window -d -P"), "work:1.0\n");
        assert_eq!(
            h.ok("new-window -d -P -F '#{window_id} #{pane_id} #{window_active}'"),
            "@2 %2 0\n"
        );
    }

    #[test]
    fn a_target_index_places_the_window_and_an_index_in_use_is_refused() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.ok("new-window -d -t work:7 -n seven");
        assert_eq!(h.window_list("work"), ["0 sh *", "7 seven"]);
        assert_eq!(
            h.err("new-window -t work:7"),
            "create window failed: index 7 in use"
        );
        assert_eq!(h.window_list("work"), ["0 sh *", "7 seven"]);
        // A session name alone means its next free index.
        h.ok("new-window -d -t other -n there");
        assert_eq!(h.window_list("other"), ["0 sh *", "1 there"]);
        assert_eq!(h.err("new-window -t nosuch"), "can't find window: nosuch");
        assert_eq!(h.err("new-window -t nosuch:"), "can't find session: nosuch");
    }

    #[test]
    fn kill_replaces_the_window_at_the_target_index() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -n old");
        h.ok("new-window -k -d -t 1 -n new");
        assert_eq!(h.window_list(""), ["0 sh *", "1 new"]);
        assert!(h.fake.pane(PaneId(1)).hung_up);
        assert_eq!(h.panes(), [PaneId(0), PaneId(2)]);
    }

    #[test]
    fn a_command_runs_through_the_shell_or_directly_in_the_directory_given() {
        let mut h = Harness::with_session();
        h.ok("new-window -d -c /tmp 'top -d 1'");
        let spec = h.fake.pane(PaneId(1)).spawned[0].clone();
        assert_eq!(spec.program, PathBuf::from("/bin/sh"));
        assert_eq!(spec.args, ["-c", "top -d 1"]);
        assert_eq!(spec.cwd, PathBuf::from("/tmp"));
        h.ok("new-window -d vim a.txt");
        let spec = h.fake.pane(PaneId(2)).spawned[0].clone();
        assert_eq!(spec.program, PathBuf::from("vim"));
        assert_eq!(spec.args, ["a.txt"]);
        assert_eq!(h.window_list(""), ["0 sh *", "1 top", "2 vim"]);
    }

    #[test]
    fn base_index_is_where_numbering_starts() {
        let mut h = Harness::with_session();
        h.ok("set -g base-index 3");
        h.ok("new-window -d");
        h.ok("new-window -d");
        assert_eq!(h.window_list(""), ["0 sh *", "3 sh", "4 sh"]);
    }

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
