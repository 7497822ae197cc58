//! Which rows of a client's screen continue on the next one: a pane as wide as the screen
//! whose line wraps there. The client draws such a row's last column and goes on to the next
//! row without moving the cursor, so its terminal knows the line wrapped (selecting a long
//! URL or command with the terminal's own mouse copies one line, as under tmux).

use crate::model::client::Client;
use crate::model::mode::Mode;
use crate::model::state::State;

/// Returns, for each row of the client's screen, whether it wraps into the next row.
pub fn wrapped_rows(state: &State, client: &Client) -> Vec<bool> {
    let size = client.size();
    let mut wraps = vec![false; usize::from(size.rows)];
    if !matches!(client.mode, Mode::Normal | Mode::Prompt(_)) {
        return wraps;
    }
    let Some(sid) = client.session else {
        return wraps;
    };
    if crate::model::hit::window_offset(state, client) != (0, 0) {
        return wraps;
    }
    let area = crate::model::hit::screen_layout(state, sid, size).window;
    let Some(window) = state.session(sid).and_then(|s| s.current_window()) else {
        return wraps;
    };
    if area.x != 0 || area.cols != usize::from(size.cols) {
        return wraps;
    }
    for (pane, rect) in window.visible() {
        let Some(p) = state.panes.get(&pane) else {
            continue;
        };
        let plain = p.copy.is_none() && !p.clock && p.exit_status.is_none();
        let full_width = rect.x == 0 && usize::from(rect.cols) == area.cols;
        if !plain || !full_width || p.term.size().cols != rect.cols {
            continue;
        }
        // The pane's last row continues nowhere on the screen: a border or the status follows.
        for y in 0..rect.rows.saturating_sub(1) {
            let sy = area.y + usize::from(rect.y) + usize::from(y);
            if sy + 1 >= area.y + area.rows {
                break;
            }
            if let Some(w) = wraps.get_mut(sy) {
                *w = p.term.row_wrapped(y);
            }
        }
    }
    wraps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn a_full_width_pane_s_wrapped_line_wraps_its_screen_rows() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 20, 6);
        h.output(PaneId(0), &format!("{}\r\nshort\r\n", "x".repeat(45)));
        let client = h.state.clients.get(&c).expect("attached");
        let wraps = wrapped_rows(&h.state, client);
        assert_eq!(wraps, [true, true, false, false, false, false]);
    }

    #[test]
    fn panes_side_by_side_and_copy_mode_wrap_nothing() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 20, 6);
        h.output(PaneId(0), &"x".repeat(45));
        h.ok("copy-mode");
        let client = h.state.clients.get(&c).expect("attached");
        assert!(!wrapped_rows(&h.state, client).contains(&true), "copy mode");
        h.ok("send -X cancel");
        h.ok("split-window -h");
        let client = h.state.clients.get(&c).expect("attached");
        assert!(
            !wrapped_rows(&h.state, client).contains(&true),
            "side by side"
        );
    }

    #[test]
    fn panes_one_above_the_other_wrap_within_each() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 20, 11);
        h.ok("split-window -v");
        let top: usize = h
            .ok("display -p -t %0 '#{pane_height}'")
            .trim()
            .parse()
            .unwrap_or(0);
        assert!(top >= 3, "{top}");
        // A long line typed on the top pane's last row scrolls it: the row above now wraps
        // into the last one, which continues nowhere (the border follows).
        h.output(PaneId(0), &format!("\x1b[{top};1H{}", "y".repeat(25)));
        let client = h.state.clients.get(&c).expect("attached");
        let wraps = wrapped_rows(&h.state, client);
        assert!(wraps[top - 2] && !wraps[top - 1], "{wraps:?}");
        assert!(!wraps[top..].contains(&true), "{wraps:?}");
    }
}
