//! What the mouse flags of commands do with the mouse event their binding runs for:
//! `send-keys -M` passes it to the pane's program, `copy-mode -M` starts a selection there,
//! `resize-pane -M` starts moving the border under it. Each may start a drag that follows
//! the mouse until the button comes up.

use mux_protocol::MouseKind;

use super::{Ctx, Outcome};
use crate::model::client::{Drag, MouseTarget};
use crate::model::hit::Hit;
use crate::model::state::State;

/// Returns the event the command runs for, or the error for a command run without one.
fn event(state: &State, ctx: &Ctx) -> Result<MouseTarget, String> {
    state
        .clients
        .get(&ctx.client)
        .and_then(|c| c.mouse.current)
        .ok_or_else(|| "no mouse target".to_string())
}

/// Makes the client's next drags do `drag`.
fn start_drag(state: &mut State, ctx: &Ctx, drag: Drag) {
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        c.mouse.drag = Some(drag);
    }
}

/// `send-keys -M`: gives the event to the pane under it; a press there, when its program
/// asked for the mouse, makes the drags that follow go to the same pane.
pub fn forward(state: &mut State, ctx: &Ctx) -> Result<Outcome, String> {
    let target = event(state, ctx)?;
    if let Hit::Pane(pane, _) = target.hit {
        crate::model::mouse::send_mouse(state, pane, target.event);
        let press = matches!(target.event.kind, MouseKind::Down(_));
        if press && crate::model::mouse::wants_mouse(state, pane) {
            start_drag(state, ctx, Drag::Pane(pane));
        }
    }
    Ok(Outcome::Done)
}

/// `copy-mode -M`: enters copy mode on the pane under the event (unless it is in it) and
/// starts a selection there that the drag extends.
pub fn start_selection(state: &mut State, ctx: &Ctx) -> Result<Outcome, String> {
    let target = event(state, ctx)?;
    let Hit::Pane(pane, at) = target.hit else {
        return Ok(Outcome::Done);
    };
    crate::model::copy::commands::enter(state, pane);
    if let Some(p) = state.panes.get_mut(&pane) {
        let term = p.view.as_ref().unwrap_or(&p.term);
        if let Some(c) = p.copy.as_mut() {
            c.cy = (c.top + u64::from(at.row)).min(crate::model::copy::CopyMode::last(term));
            c.cx = at.col;
            c.want_cx = at.col;
            c.begin_selection();
        }
    }
    start_drag(state, ctx, Drag::Select(pane));
    Ok(Outcome::Done)
}

/// Before a copy-mode command runs for a mouse event over its pane, puts the cursor where
/// the mouse is; `begin-selection` there starts a selection the drag extends (as tmux).
pub fn before_copy_command(state: &mut State, ctx: &Ctx, pane: crate::ids::PaneId, name: &str) {
    let Ok(target) = event(state, ctx) else {
        return;
    };
    let Hit::Pane(at_pane, at) = target.hit else {
        return;
    };
    if at_pane != pane || !["begin-selection", "select-word", "select-line"].contains(&name) {
        return;
    }
    if let Some(p) = state.panes.get_mut(&pane) {
        let term = p.view.as_ref().unwrap_or(&p.term);
        if let Some(c) = p.copy.as_mut() {
            c.cy = (c.top + u64::from(at.row)).min(crate::model::copy::CopyMode::last(term));
            c.cx = at.col;
            c.want_cx = at.col;
        }
    }
    if name == "begin-selection" {
        start_drag(state, ctx, Drag::Select(pane));
    }
}

/// `resize-pane -M`: starts moving the border under the event.
pub fn drag_border(state: &mut State, ctx: &Ctx) -> Result<Outcome, String> {
    let target = event(state, ctx)?;
    if let Hit::Border(at) = target.hit {
        start_drag(state, ctx, Drag::Border(at));
    }
    Ok(Outcome::Done)
}
