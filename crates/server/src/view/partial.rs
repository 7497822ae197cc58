//! Composing only what pane output changed (the key-echo path): when nothing but the rows
//! of panes changed since a client's screen was composed, each changed row is built from
//! what the client shows with the pane's cells put back in, using the rows' generations from
//! term-emu. Anything else (a layout change, a mode, the status line) composes the whole
//! screen, so both ways give the same screen.

use std::collections::BTreeMap;

use mux_protocol::{Cell, Cursor};

use crate::model::client::Client;
use crate::model::hit::Area;
use crate::model::layout::Rect;
use crate::model::mode::Mode;
use crate::model::pane::Pane;
use crate::model::state::State;

/// The rows of a client's screen that changed, and its cursor.
pub struct Changed {
    /// The rows that were composed again, by index.
    pub rows: BTreeMap<usize, Vec<Cell>>,
    /// The cursor.
    pub cursor: Cursor,
}

/// Composes the rows of a client's screen that its dirty panes changed; `None` when the
/// whole screen must be composed instead.
pub fn compose_changed(state: &State, client: &Client) -> Option<Changed> {
    compose_panes(state, client, &client.dirty_panes)
}

/// Composes the rows of a client's screen that `panes` changed; `None` when the whole
/// screen must be composed instead.
pub fn compose_panes(
    state: &State,
    client: &Client,
    panes: &[crate::ids::PaneId],
) -> Option<Changed> {
    if !matches!(client.mode, Mode::Normal) || client.shown.is_empty() {
        return None;
    }
    let sid = client.session?;
    let size = client.size();
    if client.shown.len() != usize::from(size.rows) {
        return None;
    }
    let area = crate::model::hit::screen_layout(state, sid, size).window;
    if crate::model::hit::window_offset(state, client) != (0, 0) {
        return None;
    }
    let window = state.session(sid)?.current_window()?;
    let visible = window.visible();
    let mut changed = Changed {
        rows: BTreeMap::new(),
        cursor: client.shown_cursor?,
    };
    for pane in panes {
        let Some((_, rect)) = visible.iter().find(|(p, _)| p == pane) else {
            continue;
        };
        let p = state.panes.get(pane)?;
        if p.copy.is_some() || p.exit_status.is_some() {
            return None;
        }
        let seen = client.pane_seen.iter().find(|(id, _)| id == pane)?.1;
        redraw_rows(client, p, *rect, area, seen, &mut changed.rows)?;
        if *pane == window.active {
            changed.cursor = pane_cursor(p.term.cursor(), *rect, area);
        }
    }
    Some(changed)
}

/// Puts the pane's rows that changed after generation `seen` into `rows`, each starting
/// from what the client shows (or from a row already composed again).
fn redraw_rows(
    client: &Client,
    p: &Pane,
    rect: Rect,
    area: Area,
    seen: u64,
    rows: &mut BTreeMap<usize, Vec<Cell>>,
) -> Option<()> {
    let ts = p.term.size();
    for y in 0..rect.rows.min(ts.rows) {
        if p.term.row_generation(y) <= seen {
            continue;
        }
        let sy = area.y + usize::from(rect.y) + usize::from(y);
        if sy >= area.y + area.rows {
            break;
        }
        let row = match rows.entry(sy) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(client.shown.get(sy)?.clone())
            }
        };
        for x in 0..rect.cols.min(ts.cols) {
            let sx = area.x + usize::from(rect.x) + usize::from(x);
            if sx >= area.x + area.cols || sx >= row.len() {
                break;
            }
            if let Some(c) = p.term.cell(y, x) {
                row[sx] = crate::view::copy::to_cell(&c);
            }
        }
    }
    Some(())
}

/// Returns where a pane's cursor is on the client's screen, hidden when it is outside the
/// pane or the window area.
pub fn pane_cursor(c: Cursor, rect: Rect, area: Area) -> Cursor {
    let (x, y) = (
        area.x + usize::from(rect.x) + usize::from(c.pos.col),
        area.y + usize::from(rect.y) + usize::from(c.pos.row),
    );
    let inside = c.pos.col < rect.cols
        && c.pos.row < rect.rows
        && x < area.x + area.cols
        && y < area.y + area.rows;
    Cursor {
        pos: mux_protocol::Point::from_usize(y, x),
        visible: c.visible && inside,
        shape: c.shape,
    }
}

/// Returns the generation of every pane a client's window shows, to record after a compose.
pub fn seen(state: &State, client: &Client) -> Vec<(crate::ids::PaneId, u64)> {
    let Some(window) = client
        .session
        .and_then(|s| state.session(s))
        .and_then(|s| s.current_window())
    else {
        return Vec::new();
    };
    window
        .visible()
        .into_iter()
        .filter_map(|(pane, _)| Some((pane, state.panes.get(&pane)?.term.generation())))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;
    use mux_testkit::Rng;

    /// Whatever panes print, a client that got only the changed rows shows what composing
    /// its whole screen gives.
    #[test]
    fn changed_rows_give_the_same_screen_as_a_full_compose() {
        let pieces = [
            "x",
            "hello",
            "\r\n",
            "\x1b[2J\x1b[H",
            "\x1b[31mred\x1b[m",
            "\x1b[5;5Hat",
            "\x1b[K",
            "\x1b[?1049h",
            "\x1b[?1049l",
            "\u{4e2d}",
            "\x1b[3;6r\n\n\n\x1b[r",
            "\x1b[1S",
        ];
        let mut rng = Rng::new(0x5eed);
        let mut h = Harness::with_session();
        // The clock in the status line moves with the fake time; the harness runs no minute
        // timer, so it is left out.
        h.ok("set -g status-right ''");
        h.ok("split-window -h");
        h.ok("split-window -v");
        let c = h.attach("attach -t work", 60, 16);
        for step in 0..400 {
            let pane = PaneId(u32::try_from(rng.below(3)).unwrap());
            h.output(pane, rng.pick(&pieces));
            if rng.chance(0.03) {
                h.ok("select-pane -t :.+");
            }
            let shown = h.screen(c);
            let client = h.state.clients.get(&c).unwrap();
            let full = crate::view::compose::compose(&h.state, client);
            let composed: Vec<String> = full
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| c.text.as_str())
                        .collect::<String>()
                        .trim_end()
                        .to_string()
                })
                .collect();
            assert_eq!(shown, composed, "step {step}");
            assert_eq!(client.shown_cursor, Some(full.cursor), "step {step}");
        }
    }

    /// A pane that was quiet shows its change at once, though another pane's flood holds the
    /// client to the frame interval; the flooding pane's rows wait for the interval.
    #[test]
    fn a_quiet_pane_is_not_held_to_the_frame_interval_of_a_flooding_one() {
        let mut h = Harness::with_session();
        h.ok("set -g status-right ''");
        h.ok("split-window -h");
        let c = h.attach("attach -t work", 60, 10);
        let (quiet, flood) = (PaneId(0), PaneId(1));
        h.output(flood, "flood-0\r\n");
        let held = h.output_now(flood, "flood-1\r\n", c);
        assert!(!held.iter().any(|l| l.contains("flood-1")), "{held:?}");
        let echoed = h.output_now(quiet, "echo", c);
        assert!(echoed.iter().any(|l| l.contains("echo")), "{echoed:?}");
        assert!(!echoed.iter().any(|l| l.contains("flood-1")), "{echoed:?}");
        // Quiet no more: its next change waits for the interval too.
        let again = h.output_now(quiet, "-more", c);
        assert!(!again.iter().any(|l| l.contains("echo-more")), "{again:?}");
        assert!(h.shows(c, "flood-1") && h.shows(c, "echo-more"));
    }
}
