//! `new-session` (`new`): create a session with one window, and attach unless `-d`; with
//! `-L` (`--layout`), the windows, panes and commands of a layout file.

use mux_term_emu::Size as TermSize;

use super::{need_terminal, refuse_nested, target, Args, Ctx, Outcome, Spec, Target};
use crate::ids::SessionId;
use crate::model::ops::{self, Launch};
use crate::model::session::Session;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "new-session",
    alias: Some("new"),
    flags: "AdEPc:F:L:n:s:x:y:",
    usage: "[-AdEP] [-c start-directory] [-F format] [-L layout-file] [-n window-name] [-s session-name] [-x width] [-y height] [shell-command]",
    args: (0, usize::MAX),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs new-session.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.value('s').map(sanitize);
    if let Some(name) = &name {
        if name.is_empty() {
            return Err(format!("invalid session: {name}"));
        }
        if let Ok(existing) = target::find_exact(state, name) {
            if args.has('A') {
                let outcome = super::attach_session::attach_to(state, ctx, existing)?;
                if !args.has('E') {
                    super::set_environment::update_environment(state, ctx.client, existing);
                }
                return Ok(outcome);
            }
            return Err(format!("duplicate session: {name}"));
        }
    }
    let detached = args.has('d');
    if !detached {
        refuse_nested(state, ctx.client)?;
        need_terminal(state, ctx.client)?;
    }
    let size = initial_size(state, ctx, args, detached)?;
    let id = if args.value('L').is_some() {
        if !args.positional.is_empty() {
            return Err("a layout file gives the commands: no shell-command with -L".into());
        }
        let sized = !detached || args.value('x').is_some() || args.value('y').is_some();
        let size = (size.cols, size.rows);
        super::restore_sessions::from_layout(state, ctx, args, (name, size, sized))?
    } else {
        create(state, ctx, name, args, size)?
    };
    ctx.made = target::in_session(state, id);
    if args.has('P') {
        let fmt = args.value('F').unwrap_or("#{session_name}:");
        if let Some(found) = target::in_session(state, id) {
            ctx.out
                .push_str(&super::print_format(state, ctx, found, fmt));
        }
    }
    if detached {
        Ok(Outcome::Done)
    } else {
        Ok(Outcome::Attach(id))
    }
}

/// Replaces the characters that separate target parts, as tmux does.
fn sanitize(name: &str) -> String {
    name.replace([':', '.'], "_")
}

/// Returns the first window's size: `-x`/`-y` (or default-size) when detached, else the
/// client's terminal less the status line.
fn initial_size(state: &State, ctx: &Ctx, args: &Args, detached: bool) -> Result<TermSize, String> {
    // What is over mux's maximum (model::resize::MAX_COLS, MAX_ROWS) is clamped to it.
    let clamp = crate::model::resize::clamp;
    let cols = dimension(args, 'x', "width")?.map(|x| clamp(TermSize { cols: x, rows: 1 }).cols);
    let rows = dimension(args, 'y', "height")?.map(|y| clamp(TermSize { cols: 1, rows: y }).rows);
    let client = state.clients.get(&ctx.client).map(|c| c.size());
    if detached || client.is_none() {
        let default = default_size(&state.options.server("default-size").as_text());
        return Ok(TermSize {
            cols: cols.unwrap_or(default.cols),
            rows: rows.unwrap_or(default.rows),
        });
    }
    let size = client.unwrap_or(mux_protocol::Size { cols: 80, rows: 24 });
    Ok(crate::model::resize::pane_area(size.cols, size.rows))
}

/// Parses a default-size value (`WIDTHxHEIGHT`), clamped; 80x24 if it is not one.
pub fn default_size(text: &str) -> TermSize {
    let parsed = text
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<u16>().ok()?, h.parse::<u16>().ok()?)));
    match parsed {
        Some((cols, rows)) => crate::model::resize::clamp(TermSize { cols, rows }),
        None => crate::model::resize::DEFAULT_SIZE,
    }
}

/// Parses `-x` or `-y` (`flag`), with tmux's errors (`width too small`, `height invalid`).
fn dimension(args: &Args, flag: char, what: &str) -> Result<Option<u16>, String> {
    args.number(flag, 1, 10000)
        .map_err(|_| match args.value(flag).map(str::parse::<u32>) {
            Some(Ok(0)) => format!("{what} too small"),
            Some(Ok(_)) => format!("{what} too large"),
            _ => format!("{what} invalid"),
        })
}

/// Creates the session and its first window.
fn create(
    state: &mut State,
    ctx: &Ctx,
    name: Option<String>,
    args: &Args,
    size: TermSize,
) -> Result<SessionId, String> {
    // From the config file there is no client: the server's own environment and home.
    let (env, cwd) = match state.clients.get(&ctx.client) {
        Some(c) => (c.env.clone(), c.cwd.clone()),
        None => (
            std::env::vars().collect(),
            std::env::var("HOME").unwrap_or_else(|_| "/".into()),
        ),
    };
    let cwd = args.value('c').map(String::from).unwrap_or(cwd);
    let id = SessionId(state.next_ids.session);
    let name = name.unwrap_or_else(|| free_name(state, id));
    let mut session = Session::new(id, name, env, cwd);
    session.created = state.os.wall_clock();
    session.size = (size.cols, size.rows);
    let explicit = args.value('x').is_some() || args.value('y').is_some();
    state.tick += 1;
    session.last_used = state.tick;
    state.next_ids.session += 1;
    state.sessions.push(session);
    if explicit {
        // As tmux: -x and -y become the session's default-size.
        let value = format!("{}x{}", size.cols, size.rows);
        let target = crate::config::options::OptionTarget::Session(id);
        if let Err(e) = state
            .options
            .set("default-size", Some(&value), target, false)
        {
            crate::log::log!("session ${}: {e}", id.0);
        }
    }
    super::set_environment::update_environment(state, ctx.client, id);
    let launch = Launch {
        cwd: None,
        command: &args.positional,
        env: &[],
    };
    let window_name = args.value('n').map(String::from);
    if let Err(e) = ops::new_window(state, id, None, window_name, &launch, false) {
        state.sessions.retain(|s| s.id != id);
        return Err(e);
    }
    state.notify("session-created", Some(id), None, None);
    Ok(id)
}

/// Returns a numeric name for an unnamed session: its id, or the next number not taken.
fn free_name(state: &State, id: SessionId) -> String {
    (id.0..)
        .map(|n| n.to_string())
        .find(|n| state.sessions.iter().all(|s| &s.name != n))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn a_detached_session_has_the_size_and_window_name_given() {
        let mut h = Harness::new();
        assert_eq!(h.ok("new-session -d -s two -n first -x 100 -y 30"), "");
        assert_eq!(h.window_list("two"), ["0 first *"]);
        assert_eq!(h.pane_sizes("two"), ["0 100x30*"]);
        let size = h.fake.pane(PaneId(0)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size, Some((100, 30)));
        // Without -x and -y a detached session is 80x24.
        h.ok("new -d -s three");
        assert_eq!(h.pane_sizes("three"), ["0 80x24*"]);
    }

    #[test]
    fn print_shows_the_session_as_tmux_does_or_in_the_format_given() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("new-session -d -P"), "1:\n");
        assert_eq!(
            h.ok("new -d -P -F '#{session_name}/#{window_name}/#{session_windows}'"),
            "2/sh/1\n"
        );
    }

    #[test]
    fn the_first_pane_runs_the_shell_or_the_command_with_the_clients_environment() {
        let mut h = Harness::with_session();
        let spec = h.fake.pane(PaneId(0)).spawned[0].clone();
        assert_eq!(spec.program, PathBuf::from("/bin/sh"));
        assert_eq!(spec.argv0, std::ffi::OsString::from("-sh"));
        assert_eq!(spec.cwd, PathBuf::from("/"));
        assert!(spec.env.contains(&("HOME".to_string(), "/".to_string())));
        assert!(spec
            .env
            .contains(&("TERM".to_string(), "tmux-256color".to_string())));
        h.ok("new-session -d -s cmd -c /tmp 'top -d 1'");
        let spec = h.fake.pane(PaneId(1)).spawned[0].clone();
        assert_eq!(spec.args, ["-c", "top -d 1"]);
        assert_eq!(spec.cwd, PathBuf::from("/tmp"));
        assert_eq!(h.window_list("cmd"), ["0 top *"]);
        // Later windows start in the session's directory.
        h.ok("new-window -d -t cmd");
        assert_eq!(h.fake.pane(PaneId(2)).spawned[0].cwd, PathBuf::from("/tmp"));
    }

    #[test]
    fn names_are_unique_and_lose_the_characters_that_separate_targets() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("new-session -d -s work"), "duplicate session: work");
        h.ok("new-session -d -s a.b");
        h.ok("new-session -d -s c:d");
        assert_eq!(h.ok("has-session -t a_b"), "");
        assert_eq!(h.ok("has-session -t c_d"), "");
        assert_eq!(h.err("new-session -d -s ''"), "invalid session:");
    }

    #[test]
    fn bad_sizes_are_refused_as_tmux_words_it() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("new -d -s x -x 0"), "width too small");
        assert_eq!(h.err("new -d -s x -x abc"), "width invalid");
        assert_eq!(h.err("new -d -s x -y 0"), "height too small");
        assert_eq!(h.err("new -d -s x -y 100000"), "height too large");
        assert!(h.err("has-session -t x").starts_with("can't find session"));
    }

    #[test]
    fn without_detach_the_client_attaches_at_its_own_size() {
        let mut h = Harness::new();
        let c = h.attach("new-session -s live", 40, 10);
        let screen = h.screen(c);
        assert!(screen[9].starts_with("[live] 0:sh*"), "{:?}", screen[9]);
        let size = h.fake.pane(PaneId(0)).size.map(|s| (s.cols, s.rows));
        assert_eq!(size, Some((40, 9)));
    }

    #[test]
    fn attaching_needs_a_terminal_and_refuses_to_nest() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("new-session -s x"),
            "open terminal failed: not a terminal"
        );
        let reply = h.run_in_pane(PaneId(0), "new-session -s y");
        assert_eq!(reply.status, Some(1));
        assert_eq!(
            reply.stderr,
            "sessions should be nested with care, unset $MUX to force\n"
        );
        // Detached sessions may be made from inside a pane.
        let reply = h.run_in_pane(PaneId(0), "new-session -d -s z");
        assert_eq!(reply.status, Some(0));
    }

    #[test]
    fn attach_if_exists_attaches_to_the_existing_session() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "already here");
        let c = h.attach("new-session -A -s work", 40, 10);
        assert_eq!(h.screen(c)[0], "already here");
        assert_eq!(h.panes(), [PaneId(0)]);
    }
}
