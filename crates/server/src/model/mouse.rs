//! What the mouse does to the model: events passed to a pane's program (encoded for the
//! modes it asked for, or as cursor keys for the wheel on an alternate screen that asked for
//! alternate scrolling), and a dragged border moving between panes.

use mux_protocol::{Key, KeyCode, Mods, MouseButton, MouseEvent, MouseKind, Point};

use crate::ids::{ClientId, PaneId};
use crate::model::layout::Direction;
use crate::model::state::State;

/// How many cursor keys a wheel notch sends to a program that asked for alternate scrolling.
const WHEEL_LINES: usize = 3;

/// Gives a mouse event (its position relative to the pane) to a pane's program, when the
/// program asked for such events; the wheel on an alternate screen with mode 1007 becomes
/// cursor keys. A pane in copy mode or dead takes nothing.
pub fn send_mouse(state: &State, pane: PaneId, event: MouseEvent) {
    let Some(p) = state.panes.get(&pane) else {
        return;
    };
    if p.copy.is_some() || p.exit_status.is_some() {
        return;
    }
    let mut bytes = p.term.encode_mouse(event);
    let modes = p.term.modes();
    if bytes.is_empty() && modes.alternate_screen && modes.alternate_scroll {
        let code = match event.kind {
            MouseKind::Down(MouseButton::WheelUp) => Some(KeyCode::Up),
            MouseKind::Down(MouseButton::WheelDown) => Some(KeyCode::Down),
            _ => None,
        };
        if let Some(code) = code {
            let key = p.term.encode_key(Key {
                code,
                mods: Mods::NONE,
            });
            bytes = key.repeat(WHEEL_LINES);
        }
    }
    p.write(bytes);
}

/// Returns whether a pane's program asked for mouse events (tmux's `mouse_any_flag`).
pub fn wants_mouse(state: &State, pane: PaneId) -> bool {
    state
        .panes
        .get(&pane)
        .is_some_and(|p| p.term.modes().mouse != mux_term_emu::MouseMode::None)
}

/// Moves the border that was at `from` in a client's current window to `to` (both relative
/// to the window): a vertical border by the columns moved, a horizontal one by the rows.
pub fn drag_border(state: &mut State, client: ClientId, from: Point, to: Point) {
    let Some(found) = crate::model::target::current(state, client) else {
        return;
    };
    let (sid, wid) = (found.session, found.window);
    let Some(window) = state.window(sid, wid) else {
        return;
    };
    let at = |row: i32, col: i32| -> Option<PaneId> {
        let (row, col) = (u16::try_from(row).ok()?, u16::try_from(col).ok()?);
        window.visible().into_iter().find_map(|(p, r)| {
            let inside = (r.x..r.x + r.cols).contains(&col) && (r.y..r.y + r.rows).contains(&row);
            inside.then_some(p)
        })
    };
    let (row, col) = (i32::from(from.row), i32::from(from.col));
    let vertical = at(row, col - 1).filter(|_| at(row, col + 1).is_some());
    let moved = match vertical {
        Some(left) => Some((
            left,
            i32::from(to.col) - col,
            Direction::Right,
            Direction::Left,
        )),
        None => at(row - 1, col)
            .filter(|_| at(row + 1, col).is_some())
            .map(|above| {
                (
                    above,
                    i32::from(to.row) - row,
                    Direction::Down,
                    Direction::Up,
                )
            }),
    };
    let Some((pane, delta, grow, shrink)) = moved else {
        return;
    };
    if delta == 0 {
        return;
    }
    let direction = if delta > 0 { grow } else { shrink };
    let amount = u16::try_from(delta.unsigned_abs()).unwrap_or(u16::MAX);
    if let Some(w) = state.window_mut(sid, wid) {
        if w.layout.resize_pane(pane, direction, amount) {
            w.preset = None;
            crate::model::ops::sync_window(state, sid, wid);
        }
    }
}
