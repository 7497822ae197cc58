//! `new-session` (`new`): create a session with one window, and attach unless `-d`.

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
    flags: "AdPc:F:n:s:x:y:",
    usage: "[-AdP] [-c start-directory] [-F format] [-n window-name] [-s session-name] [-x width] [-y height] [shell-command]",
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
            return Err("invalid session: empty name".into());
        }
        if let Ok(existing) = target::find_exact(state, name) {
            if args.has('A') {
                return super::attach_session::attach_to(state, ctx, existing);
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
    let id = create(state, ctx, name, args, size)?;
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

/// Returns the first window's size: `-x`/`-y` (or 80×24) when detached, else the client's
/// terminal less the status line.
fn initial_size(state: &State, ctx: &Ctx, args: &Args, detached: bool) -> Result<TermSize, String> {
    let cols = args.number('x', 1, 10000)?;
    let rows = args.number('y', 1, 10000)?;
    let client = state.clients.get(&ctx.client).map(|c| c.size());
    if detached || client.is_none() {
        return Ok(TermSize {
            cols: cols.unwrap_or(crate::model::resize::DEFAULT_SIZE.cols),
            rows: rows.unwrap_or(crate::model::resize::DEFAULT_SIZE.rows),
        });
    }
    let size = client.unwrap_or(mux_protocol::Size { cols: 80, rows: 24 });
    Ok(crate::model::resize::pane_area(size.cols, size.rows))
}

/// Creates the session and its first window.
fn create(
    state: &mut State,
    ctx: &Ctx,
    name: Option<String>,
    args: &Args,
    size: TermSize,
) -> Result<SessionId, String> {
    let client = state.clients.get(&ctx.client).ok_or("client went away")?;
    let env = client.env.clone();
    let cwd = args.value('c').unwrap_or(&client.cwd).to_string();
    let id = SessionId(state.next_ids.session);
    let name = name.unwrap_or_else(|| free_name(state, id));
    let mut session = Session::new(id, name, env, cwd);
    session.created = state.os.wall_clock();
    session.size = (size.cols, size.rows);
    state.tick += 1;
    session.last_used = state.tick;
    state.next_ids.session += 1;
    state.sessions.push(session);
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
    Ok(id)
}

/// Returns a numeric name for an unnamed session: its id, or the next number not taken.
fn free_name(state: &State, id: SessionId) -> String {
    (id.0..)
        .map(|n| n.to_string())
        .find(|n| state.sessions.iter().all(|s| &s.name != n))
        .unwrap_or_default()
}
