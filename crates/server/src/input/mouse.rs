//! The mouse (tmux's `server_client_check_mouse`): a client's mouse event becomes a key
//! such as `MouseDown1Pane`, `WheelUpStatus` or `DoubleClick1Pane`, looked up in the root
//! table (or the copy-mode table over a pane in copy mode) and run with the event as the
//! commands' mouse target. A drag that a binding began (selecting, moving a border, or
//! passing the mouse to the program) follows the mouse until the button comes up. With the
//! `mouse` option off, events go straight to a pane whose program asked for them.

use std::time::Duration;

use mux_protocol::{
    Key, KeyCode, MouseAction, MouseButton, MouseEvent, MouseKey, MouseKind, MousePlace, Point,
};

use crate::ids::{ClientId, PaneId};
use crate::model::client::{Drag, MouseTarget, StatusTarget};
use crate::model::hit::{self, Hit};
use crate::model::mode::Mode;
use crate::model::state::State;

/// How soon a second press at the same place makes a double click (tmux's 300 ms).
const DOUBLE_CLICK: Duration = Duration::from_millis(300);

/// Gives a mouse event to the client's menu: it may highlight, choose or close.
fn menu_mouse(state: &mut State, client: ClientId, event: MouseEvent) {
    let Some(c) = state.clients.get_mut(&client) else {
        return;
    };
    let Mode::Menu(menu) = &mut c.mode else {
        return;
    };
    let (target, before) = (menu.target, menu.selected);
    let action = menu.mouse(event);
    let changed = menu.selected != before;
    match action {
        crate::model::menu::MenuAction::Continue => c.dirty |= changed,
        crate::model::menu::MenuAction::Cancel => {
            c.mode = Mode::Normal;
            c.dirty = true;
        }
        crate::model::menu::MenuAction::Run(line) => {
            c.mode = Mode::Normal;
            c.dirty = true;
            crate::cmd::run_binding_at(state, client, &line, target);
        }
    }
}

/// Handles a mouse event from an attached client.
pub fn handle_mouse(state: &mut State, client: ClientId, event: MouseEvent) {
    let Some(c) = state.clients.get(&client) else {
        return;
    };
    let Some(sid) = c.session else {
        return;
    };
    if matches!(c.mode, Mode::Menu(_)) {
        return menu_mouse(state, client, event);
    }
    if !matches!(c.mode, Mode::Normal) {
        return;
    }
    if follow_drag(state, client, event) {
        return;
    }
    let hit = hit::hit(state, client, event.pos);
    if !state.options.session(sid, "mouse").as_flag() {
        if let Hit::Pane(pane, at) = hit {
            crate::model::mouse::send_mouse(state, pane, MouseEvent { pos: at, ..event });
        }
        return;
    }
    let Some((mouse_key, place_hit)) = classify(state, client, event, hit) else {
        return;
    };
    let table = match place_hit {
        Hit::Pane(pane, _) if state.panes.get(&pane).is_some_and(|p| p.copy.is_some()) => {
            copy_table(state, pane)
        }
        _ => "root",
    };
    let key = Key {
        code: KeyCode::Mouse(mouse_key),
        mods: event.mods,
    };
    let Some(command) = state.keys.get(table, key).map(|b| b.command.clone()) else {
        // An unbound event over a pane goes to its program, if it asked for such events.
        if let Hit::Pane(pane, _) = place_hit {
            if let Some(pos) = pane_point(state, client, pane, event.pos) {
                crate::model::mouse::send_mouse(state, pane, MouseEvent { pos, ..event });
            }
        }
        return;
    };
    let relative = match place_hit {
        Hit::Pane(_, at) => MouseEvent { pos: at, ..event },
        _ => event,
    };
    set_current(
        state,
        client,
        Some(MouseTarget {
            event: relative,
            screen: event.pos,
            hit: place_hit,
        }),
    );
    crate::cmd::run_binding(state, client, &command);
    set_current(state, client, None);
}

/// Sets or clears the event a binding runs for.
fn set_current(state: &mut State, client: ClientId, target: Option<MouseTarget>) {
    if let Some(c) = state.clients.get_mut(&client) {
        c.mouse.current = target;
    }
}

/// Returns the copy-mode table for a pane's window's `mode-keys`.
fn copy_table(state: &State, pane: PaneId) -> &'static str {
    let vi = state
        .panes
        .get(&pane)
        .is_some_and(|p| state.options.window(p.window, "mode-keys").as_text() == "vi");
    if vi {
        "copy-mode-vi"
    } else {
        "copy-mode"
    }
}

/// Names an event as a key and says where it counts as happening (where the button went
/// down, for a drag or a release); updates the client's button, click and drag state.
fn classify(
    state: &mut State,
    client: ClientId,
    event: MouseEvent,
    hit: Hit,
) -> Option<(MouseKey, Hit)> {
    let now = state.os.now();
    let c = state.clients.get_mut(&client)?;
    let m = &mut c.mouse;
    let (action, button, at) = match event.kind {
        MouseKind::Down(MouseButton::WheelUp) => (MouseAction::WheelUp, 0, hit),
        MouseKind::Down(MouseButton::WheelDown) => (MouseAction::WheelDown, 0, hit),
        MouseKind::Down(b) => {
            let count = match m.last_click {
                Some((t, p, lb, n)) if lb == b && p == event.pos && now < t + DOUBLE_CLICK => {
                    n % 3 + 1
                }
                _ => 1,
            };
            m.last_click = Some((now, event.pos, b, count));
            m.down = Some((b, hit));
            m.dragging = false;
            let action = match count {
                2 => MouseAction::DoubleClick,
                3 => MouseAction::TripleClick,
                _ => MouseAction::Down,
            };
            (action, b.number(), hit)
        }
        MouseKind::Up(b) => {
            let (_, from) = m.down.take().unwrap_or((b, hit));
            let action = if std::mem::take(&mut m.dragging) {
                m.drag = None;
                MouseAction::DragEnd
            } else {
                MouseAction::Up
            };
            (action, b.number(), from)
        }
        MouseKind::Drag(b) => {
            if m.dragging {
                return None;
            }
            m.dragging = true;
            let from = m.down.map_or(hit, |(_, h)| h);
            (MouseAction::Drag, b.number(), from)
        }
        MouseKind::Moved => {
            if let Hit::Pane(pane, at) = hit {
                crate::model::mouse::send_mouse(state, pane, MouseEvent { pos: at, ..event });
            }
            return None;
        }
    };
    let place = match at {
        Hit::Pane(..) => MousePlace::Pane,
        Hit::Border(_) => MousePlace::Border,
        Hit::Status(StatusTarget::Left) => MousePlace::StatusLeft,
        Hit::Status(StatusTarget::Right) => MousePlace::StatusRight,
        Hit::Status(StatusTarget::Window(_)) => MousePlace::Status,
        Hit::Status(StatusTarget::Other) => MousePlace::StatusDefault,
        Hit::Nothing => return None,
    };
    let key = MouseKey {
        action,
        button,
        place,
    };
    Some((key, at))
}

/// Moves an ongoing drag along; returns whether the event was one.
fn follow_drag(state: &mut State, client: ClientId, event: MouseEvent) -> bool {
    let Some(drag) = state.clients.get(&client).and_then(|c| c.mouse.drag) else {
        return false;
    };
    if !matches!(event.kind, MouseKind::Drag(_)) {
        return false;
    }
    match drag {
        Drag::Select(pane) => {
            if let Some(at) = pane_point(state, client, pane, event.pos) {
                crate::model::copy::commands::drag_to(state, pane, at);
            }
        }
        Drag::Pane(pane) => {
            if let Some(at) = pane_point(state, client, pane, event.pos) {
                crate::model::mouse::send_mouse(state, pane, MouseEvent { pos: at, ..event });
            }
        }
        Drag::Border(last) => {
            if let Some(to) = window_point(state, client, event.pos) {
                crate::model::mouse::drag_border(state, client, last, to);
                if let Some(c) = state.clients.get_mut(&client) {
                    c.mouse.drag = Some(Drag::Border(to));
                }
            }
        }
    }
    true
}

/// Returns a client point relative to a pane's top left, clamped into the pane (a drag may
/// leave it); rows above it are negative in tmux, here the top row.
fn pane_point(state: &State, client: ClientId, pane: PaneId, at: Point) -> Option<Point> {
    let c = state.clients.get(&client)?;
    let layout = hit::screen_layout(state, c.session?, c.size());
    let p = state.panes.get(&pane)?;
    let rect = state.window(p.session, p.window)?.visible_rect(pane)?;
    let x = usize::from(at.col).saturating_sub(layout.window.x + usize::from(rect.x));
    let y = usize::from(at.row).saturating_sub(layout.window.y + usize::from(rect.y));
    Some(Point::from_usize(
        y.min(usize::from(rect.rows.saturating_sub(1))),
        x.min(usize::from(rect.cols.saturating_sub(1))),
    ))
}

/// Returns a client point relative to the window's top left.
fn window_point(state: &State, client: ClientId, at: Point) -> Option<Point> {
    let c = state.clients.get(&client)?;
    let layout = hit::screen_layout(state, c.session?, c.size());
    Some(Point::from_usize(
        usize::from(at.row).saturating_sub(layout.window.y),
        usize::from(at.col).saturating_sub(layout.window.x),
    ))
}

#[cfg(test)]
mod tests;
