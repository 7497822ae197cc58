//! monitor-silence: a window whose panes print nothing for that many seconds while it is not
//! current is flagged `~`, fires `alert-silence` and, with visual-silence, shows a message.
//! The timer runs only for windows that monitor silence (an idle server without them never
//! wakes for it).

use std::time::{Duration, Instant};

use crate::ids::{SessionId, WindowId};
use crate::model::state::State;

/// Restarts a window's silence timer from `now` (output arrived, the option changed or the
/// window was made), or stops it when monitor-silence is 0.
pub fn restart(state: &mut State, sid: SessionId, wid: WindowId, now: Instant) {
    let secs = state.options.window(wid, "monitor-silence").as_count();
    let due = (secs > 0).then(|| now + Duration::from_secs(u64::try_from(secs).unwrap_or(0)));
    if let Some(w) = state.window_mut(sid, wid) {
        w.silence_at = due;
    }
}

/// Restarts the silence timer of every window (monitor-silence was set).
pub fn restart_all(state: &mut State) {
    let now = state.os.now();
    let windows: Vec<(SessionId, WindowId)> = state
        .sessions
        .iter()
        .flat_map(|s| s.windows.iter().map(move |w| (s.id, w.id)))
        .collect();
    for (sid, wid) in windows {
        restart(state, sid, wid, now);
    }
}

/// Returns when the next window falls silent, if any monitors silence.
pub fn next_due(state: &State) -> Option<Instant> {
    state
        .sessions
        .iter()
        .flat_map(|s| s.windows.iter().filter_map(|w| w.silence_at))
        .min()
}

/// Flags the windows whose silence timer is due and that are not current.
pub fn check(state: &mut State, now: Instant) {
    let mut fell_silent = Vec::new();
    for s in &mut state.sessions {
        let current = s.current;
        for w in &mut s.windows {
            if w.silence_at.is_some_and(|t| t <= now) {
                w.silence_at = None;
                if w.id != current && !w.silence {
                    w.silence = true;
                    fell_silent.push((s.id, w.id, w.index, w.active));
                }
            }
        }
    }
    for (sid, wid, index, pane) in fell_silent {
        state.notify("alert-silence", Some(sid), Some(wid), Some(pane));
        if state.options.session(sid, "visual-silence").as_text() != "off" {
            let clients: Vec<_> = state
                .clients
                .values()
                .filter(|c| c.session == Some(sid))
                .map(|c| c.id)
                .collect();
            for c in clients {
                state.show_message(c, &format!("Silence in window {index}"));
            }
        }
        state.mark_session_dirty(sid);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn a_quiet_window_that_is_not_current_is_flagged_and_the_flag_goes_when_selected() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 6);
        h.ok("new-window -d -n quiet");
        h.ok("set -g monitor-silence 5");
        h.ok("set -g visual-silence on");
        h.pass_time(Duration::from_secs(3));
        h.output(PaneId(1), "still here\r\n");
        h.pass_time(Duration::from_secs(3));
        assert_eq!(h.ok("display -p -t :1 '#{window_silence_flag}'"), "0\n");
        h.pass_time(Duration::from_secs(3));
        assert_eq!(
            h.ok("display -p -t :1 '#{window_silence_flag}#{window_flags}'"),
            "1~\n"
        );
        assert!(h.status_line(c).contains("Silence in window 1"));
        assert_eq!(
            h.ok("display -p -t :0 '#{window_silence_flag}'"),
            "0\n",
            "the current window is never flagged"
        );
        h.ok("select-window -t :1");
        assert_eq!(h.ok("display -p -t :1 '#{window_silence_flag}'"), "0\n");
    }

    #[test]
    fn without_monitor_silence_no_timer_runs() {
        let mut h = Harness::with_session();
        h.ok("new-window -d");
        h.ok("set -g monitor-silence 5");
        assert!(h.state.next_timer().is_some());
        h.ok("set -g monitor-silence 0");
        assert_eq!(h.state.next_timer(), None);
    }
}
