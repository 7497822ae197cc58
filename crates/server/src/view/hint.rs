//! The hint shown on the status line when the prefix was pressed and no second key came
//! within `prefix-hint-delay`: the most used prefix keys, read from the live prefix table so
//! that a rebinding shows (`c new  % split  " split  d detach  [ copy  ? keys`).

use crate::model::state::State;

/// The commands the hint names, in order: a binding's command matches when it is the
/// command alone (`exact`) or the command with arguments.
const WANTED: &[(&str, bool, &str)] = &[
    ("new-window", false, "new"),
    ("split-window", false, "split"),
    ("detach-client", true, "detach"),
    ("copy-mode", true, "copy"),
    ("list-keys", false, "keys"),
    ("command-prompt", true, "command"),
    ("next-window", true, "next"),
    ("previous-window", true, "prev"),
    ("choose-tree", false, "tree"),
    ("resize-pane -Z", true, "zoom"),
];

/// Returns the hint, at most `width` columns, cut between entries.
pub fn text(state: &State, width: usize) -> String {
    let bindings = state.keys.commands("prefix");
    let mut entries = Vec::new();
    for (command, exact, label) in WANTED {
        for (key, bound) in &bindings {
            let matches = *bound == *command
                || (!exact
                    && bound
                        .strip_prefix(command)
                        .is_some_and(|r| r.starts_with(' ')));
            if matches {
                entries.push(format!("{key} {label}"));
            }
        }
    }
    let mut out = String::new();
    for entry in entries {
        let gap = if out.is_empty() { "" } else { "  " };
        if out.chars().count() + gap.len() + entry.chars().count() > width {
            break;
        }
        out.push_str(gap);
        out.push_str(&entry);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::testing::Harness;

    #[test]
    fn the_hint_comes_after_the_delay_and_goes_with_the_next_key() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 6);
        h.keys(c, "C-b");
        assert!(h.status_line(c).starts_with("[work]"));
        h.pass_time(Duration::from_millis(700));
        assert_eq!(
            h.status_line(c),
            "c new  \" split  % split  d detach  [ copy  ? keys  : command  n next  p prev"
        );
        h.keys(c, "c");
        assert!(h.status_line(c).starts_with("[work]"));
        assert_eq!(
            h.ok("display -p '#{session_windows}'"),
            "2\n",
            "the key still works"
        );
    }

    #[test]
    fn a_rebinding_shows_in_the_hint_and_zero_turns_it_off() {
        let mut h = Harness::with_session();
        h.ok("bind | split-window -h");
        h.ok("unbind '\"'");
        let c = h.attach("attach -t work", 40, 6);
        h.keys(c, "C-b");
        h.pass_time(Duration::from_millis(700));
        assert_eq!(h.status_line(c), "c new  % split  | split  d detach");
        h.keys(c, "Escape");
        h.ok("set -g prefix-hint-delay 0");
        h.keys(c, "C-b");
        assert_eq!(h.state.next_timer(), None, "no wakeup when it is off");
        h.pass_time(Duration::from_secs(2));
        assert!(h.status_line(c).starts_with("[work]"));
    }

    #[test]
    fn an_idle_prefix_costs_one_timer_and_none_after_the_hint() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 6);
        assert_eq!(h.state.next_timer(), None);
        h.keys(c, "C-b");
        assert!(h.state.next_timer().is_some());
        h.pass_time(Duration::from_millis(700));
        assert_eq!(h.state.next_timer(), None);
    }
}
