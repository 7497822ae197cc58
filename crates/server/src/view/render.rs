//! State sync (DESIGN 3): composes what each attached client should see, compares it with what
//! the client shows, and queues the changed rows — at once after a quiet period, then at most
//! once per frame interval, and only while the client's queue has room.

use std::time::{Duration, Instant};

use mux_protocol::{Cell, Cursor, MouseReport, Row, ScreenUpdate, ServerMsg, Size};

use crate::model::client::Client;
use crate::model::state::State;

/// The shortest time between two updates to one client.
pub const FRAME: Duration = Duration::from_millis(16);

/// The longest a pane's synchronized update may hold back a client's frames.
pub const SYNC_LIMIT: Duration = Duration::from_millis(150);

/// Sends due updates to every dirty client; returns when the next deferred one is due.
pub fn flush(state: &mut State, now: Instant) -> Option<Instant> {
    let mut next: Option<Instant> = None;
    let ids: Vec<_> = state.clients.keys().copied().collect();
    for id in ids {
        let Some(client) = state.clients.get(&id) else {
            continue;
        };
        let changed = client.dirty || !client.dirty_panes.is_empty();
        if !changed || client.session.is_none() || !client.can_take_frame() {
            continue;
        }
        let capped = client
            .last_flush
            .map(|last| last + FRAME)
            .filter(|&due| now < due);
        let held = held_until(state, client, now);
        if let Some(due) = capped.or(held) {
            next = Some(next.map_or(due, |n| n.min(due)));
            if held.is_none() && !client.dirty {
                send_quiet_panes(state, id, now);
            }
            continue;
        }
        let mouse = mouse_report(state, client);
        let partial = match client.dirty {
            true => None,
            false => crate::view::partial::compose_changed(state, client),
        };
        let seen = crate::view::partial::seen(state, client);
        let wraps = crate::view::wrap::wrapped_rows(state, client);
        if let Some(changed) = partial {
            if let Some(client) = state.clients.get_mut(&id) {
                send_mouse(client, mouse);
                let size = client.size();
                send_rows(client, size, changed.rows, &wraps, changed.cursor, now);
                client.flushed_panes = std::mem::take(&mut client.dirty_panes);
                client.pane_seen = seen;
            }
            continue;
        }
        let mut screen = crate::view::compose::compose(state, client);
        let title = outer_title(state, client);
        let escape_ms = state.options.server("escape-time").as_count();
        let escape_ms = u32::try_from(escape_ms)
            .unwrap_or(u32::MAX)
            .min(mux_protocol::MAX_ESCAPE_TIME);
        if let Some(client) = state.clients.get_mut(&id) {
            client.status_ranges = std::mem::take(&mut screen.status_ranges);
            send_mouse(client, mouse);
            if client.shown_escape_time != Some(escape_ms)
                && client.send(ServerMsg::EscapeTime(escape_ms))
            {
                client.shown_escape_time = Some(escape_ms);
            }
            send_diff(client, screen, &wraps, now);
            client.flushed_panes = std::mem::take(&mut client.dirty_panes);
            client.pane_seen = seen;
            if title.is_some() && title != client.shown_title {
                if let Some(t) = &title {
                    client.send(ServerMsg::Title(t.clone()));
                }
                client.shown_title = title;
            }
        }
    }
    next
}

/// Sends at once the rows of a client's dirty panes that were quiet (not in its last
/// update): a keystroke's echo does not wait for the frame interval that a flooding pane
/// holds the client to, while the flooding pane's rows keep that pace. A pane goes this way
/// at most once per update.
fn send_quiet_panes(state: &mut State, id: crate::ids::ClientId, now: Instant) {
    let Some(client) = state.clients.get(&id) else {
        return;
    };
    let quiet: Vec<_> = client
        .dirty_panes
        .iter()
        .filter(|p| !client.flushed_panes.contains(p))
        .copied()
        .collect();
    if quiet.is_empty() {
        return;
    }
    let Some(changed) = crate::view::partial::compose_panes(state, client, &quiet) else {
        return;
    };
    let seen = crate::view::partial::seen(state, client);
    let wraps = crate::view::wrap::wrapped_rows(state, client);
    let Some(client) = state.clients.get_mut(&id) else {
        return;
    };
    let size = client.size();
    send_rows(client, size, changed.rows, &wraps, changed.cursor, now);
    client.dirty_panes.retain(|p| !quiet.contains(p));
    for (pane, generation) in seen.into_iter().filter(|(p, _)| quiet.contains(p)) {
        match client.pane_seen.iter_mut().find(|(p, _)| *p == pane) {
            Some(entry) => entry.1 = generation,
            None => client.pane_seen.push((pane, generation)),
        }
    }
    client.flushed_panes.extend(quiet);
}

/// Tells a client which mouse reports to ask for, when that changed.
fn send_mouse(client: &mut Client, mouse: MouseReport) {
    if client.shown_mouse != Some(mouse) && client.send(ServerMsg::Mouse(mouse)) {
        client.shown_mouse = Some(mouse);
    }
}

/// Returns which mouse events a client's terminal should report: with the `mouse` option,
/// drags (and all motion when the active pane's program wants it); without it, what the
/// active pane's program asked for, so that its mouse works as in a bare terminal.
fn mouse_report(state: &State, client: &Client) -> MouseReport {
    use mux_term_emu::MouseMode;
    let Some(sid) = client.session else {
        return MouseReport::Off;
    };
    let pane = crate::model::target::in_session(state, sid).and_then(|f| state.panes.get(&f.pane));
    let wanted = pane
        .filter(|p| p.copy.is_none())
        .map_or(MouseMode::None, |p| p.term.modes().mouse);
    let on = state.options.session(sid, "mouse").as_flag();
    match (on, wanted) {
        (_, MouseMode::AnyMotion) => MouseReport::Motion,
        (true, _) => MouseReport::Drags,
        (false, MouseMode::None) => MouseReport::Off,
        (false, MouseMode::Press | MouseMode::PressRelease) => MouseReport::Buttons,
        (false, MouseMode::ButtonMotion) => MouseReport::Drags,
    }
}

/// Returns until when a client's frame is held because a pane it shows is inside a
/// synchronized update (mode 2026), at most [`SYNC_LIMIT`] after the update began.
fn held_until(state: &State, client: &Client, now: Instant) -> Option<Instant> {
    let window = state.session(client.session?)?.current_window()?;
    window
        .visible()
        .iter()
        .filter_map(|(id, _)| state.panes.get(id)?.synchronized_since)
        .map(|since| since + SYNC_LIMIT)
        .filter(|&until| now < until)
        .min()
}

/// Returns the title a client's terminal should have when set-titles is on.
fn outer_title(state: &State, client: &Client) -> Option<String> {
    let sid = client.session?;
    if !state.options.session(sid, "set-titles").as_flag() {
        return None;
    }
    let found = crate::model::target::in_session(state, sid)?;
    let scope = crate::model::vars::Scope {
        session: Some(sid),
        window: Some(found.window),
        pane: Some(found.pane),
        client: Some(client.id),
    };
    let fmt = state.options.session(sid, "set-titles-string").as_text();
    let timed = crate::config::time::format(state.os.wall_clock(), &fmt);
    Some(crate::model::vars::expand(state, scope, &timed))
}

/// A complete client screen.
pub struct Screen {
    /// Its size.
    pub size: Size,
    /// Its rows.
    pub rows: Vec<Vec<Cell>>,
    /// Its cursor.
    pub cursor: Cursor,
    /// Where the parts of its status line are.
    pub status_ranges: Vec<(usize, usize, crate::model::client::StatusTarget)>,
}

/// Queues the rows of `screen` that differ from what the client shows; `wraps` says which
/// rows wrap into the next (see [`crate::view::wrap`]).
fn send_diff(client: &mut Client, screen: Screen, wraps: &[bool], now: Instant) {
    let resized = client.shown.len() != screen.rows.len()
        || client.shown.first().map(Vec::len) != screen.rows.first().map(Vec::len);
    if resized {
        client.shown = vec![Vec::new(); screen.rows.len()];
        client.shown_wrapped = vec![false; screen.rows.len()];
        client.shown_cursor = None;
    }
    send_rows(
        client,
        screen.size,
        screen.rows.into_iter().enumerate(),
        wraps,
        screen.cursor,
        now,
    );
}

/// Queues the rows among `rows` (index and cells) that differ from what the client shows,
/// and any row whose wrapping (`wraps`) changed, with the cursor.
fn send_rows(
    client: &mut Client,
    size: Size,
    rows: impl IntoIterator<Item = (usize, Vec<Cell>)>,
    wraps: &[bool],
    cursor: Cursor,
    now: Instant,
) {
    client.shown_wrapped.resize(client.shown.len(), false);
    let wrap_of = |y: usize| wraps.get(y).copied().unwrap_or(false);
    let row_at = |y: usize, cells: Vec<Cell>| Row {
        y: u16::try_from(y).unwrap_or(u16::MAX),
        cells,
        wrapped: wrap_of(y),
    };
    let mut changed = Vec::new();
    for (y, row) in rows {
        let Some(shown) = client.shown.get_mut(y) else {
            continue;
        };
        if *shown != row {
            changed.push(row_at(y, row.clone()));
            *shown = row;
        }
    }
    // A row whose wrapping alone changed goes again as it is shown.
    let mut rewrapped = false;
    for (y, was) in client.shown_wrapped.iter_mut().enumerate() {
        if *was != wrap_of(y) {
            *was = wrap_of(y);
            let sent = changed.iter().any(|r| usize::from(r.y) == y);
            if let Some(shown) = client.shown.get(y).filter(|_| !sent) {
                changed.push(row_at(y, shown.clone()));
                rewrapped = true;
            }
        }
    }
    if rewrapped {
        changed.sort_by_key(|r| r.y);
    }
    client.dirty = false;
    if changed.is_empty() && client.shown_cursor == Some(cursor) {
        return;
    }
    client.shown_cursor = Some(cursor);
    client.last_flush = Some(now);
    let update = ScreenUpdate {
        size,
        rows: changed,
        cursor,
    };
    if !client.send(ServerMsg::Screen(update)) {
        // The queue filled between the check and now: redraw everything next time.
        client.invalidate();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_protocol::{CommandRequest, Size, Style};
    use tokio::sync::mpsc;

    fn client(rx_cap: usize) -> (Client, mpsc::Receiver<ServerMsg>) {
        let (tx, rx) = mpsc::channel(rx_cap);
        let request = CommandRequest {
            argv: vec![],
            cwd: "/".into(),
            terminal: None,
            env: vec![],
        };
        (Client::new(crate::ids::ClientId(1), tx, &request), rx)
    }

    fn screen(lines: &[&str]) -> Screen {
        let width = lines.iter().map(|l| l.len()).max().unwrap_or(0);
        let rows = lines
            .iter()
            .map(|l| {
                format!("{l:width$}")
                    .chars()
                    .map(|c| Cell {
                        text: c.into(),
                        style: Style::default(),
                        link: None,
                    })
                    .collect()
            })
            .collect();
        Screen {
            size: Size::from_usize(lines.len(), width),
            rows,
            cursor: Cursor::default(),
            status_ranges: Vec::new(),
        }
    }

    fn sent_rows(rx: &mut mpsc::Receiver<ServerMsg>) -> Option<Vec<u16>> {
        match rx.try_recv() {
            Ok(ServerMsg::Screen(u)) => Some(u.rows.iter().map(|r| r.y).collect()),
            _ => None,
        }
    }

    #[test]
    fn only_changed_rows_are_sent() {
        let (mut c, mut rx) = client(8);
        let now = Instant::now();
        send_diff(&mut c, screen(&["ab", "cd", "ef"]), &[], now);
        assert_eq!(sent_rows(&mut rx), Some(vec![0, 1, 2]));
        send_diff(&mut c, screen(&["ab", "cd", "ef"]), &[], now);
        assert_eq!(sent_rows(&mut rx), None, "nothing changed, nothing sent");
        send_diff(&mut c, screen(&["ab", "cX", "ef"]), &[], now);
        assert_eq!(sent_rows(&mut rx), Some(vec![1]));
        send_diff(&mut c, screen(&["abc", "cXd", "efg"]), &[], now);
        assert_eq!(
            sent_rows(&mut rx),
            Some(vec![0, 1, 2]),
            "a resize resends all"
        );
    }

    #[test]
    fn a_row_whose_wrapping_changed_is_sent_again_with_it() {
        let (mut c, mut rx) = client(8);
        let now = Instant::now();
        send_diff(&mut c, screen(&["ab", "cd", "ef"]), &[], now);
        sent_rows(&mut rx);
        send_diff(
            &mut c,
            screen(&["ab", "cd", "ef"]),
            &[false, true, false],
            now,
        );
        match rx.try_recv() {
            Ok(ServerMsg::Screen(u)) => {
                let rows: Vec<(u16, bool)> = u.rows.iter().map(|r| (r.y, r.wrapped)).collect();
                assert_eq!(rows, [(1, true)]);
            }
            other => panic!("{other:?}"),
        }
        send_diff(
            &mut c,
            screen(&["ab", "cd", "ef"]),
            &[false, true, false],
            now,
        );
        assert_eq!(sent_rows(&mut rx), None, "nothing changed, nothing sent");
    }

    #[test]
    fn a_full_queue_forgets_what_was_shown() {
        let (mut c, _rx) = client(1);
        let now = Instant::now();
        send_diff(&mut c, screen(&["a"]), &[], now);
        assert!(!c.can_take_frame());
        send_diff(&mut c, screen(&["b"]), &[], now);
        assert!(
            c.dirty && c.shown.is_empty(),
            "the next update must be a full redraw"
        );
    }
}
