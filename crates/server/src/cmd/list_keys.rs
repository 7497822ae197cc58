//! `list-keys` (`lsk`): print the key bindings as `bind-key` commands.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-keys",
    alias: Some("lsk"),
    flags: "1aNP:T:",
    usage: "[-1aN] [-P prefix-string] [-T key-table] [key]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs list-keys (`-T` one table; `-N` the notes instead of the commands).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if let Some(t) = args.value('T') {
        if !state.keys.has_table(t) {
            return Err(format!("table {t} doesn't exist"));
        }
    }
    let lines = if args.has('N') {
        state.keys.notes(args.value('T').unwrap_or("prefix"))
    } else {
        state.keys.list(args.value('T'))
    };
    for line in lines {
        ctx.out.push_str(&line);
        ctx.out.push('\n');
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn list_keys_t_prints_a_table_as_bind_key_commands_padded_as_tmux_does() {
        let mut h = Harness::with_session();
        let prefix = h.ok("list-keys -T prefix");
        let lines: Vec<&str> = prefix.lines().collect();
        assert_eq!(lines[0], "bind-key    -T prefix C-b     send-prefix");
        assert!(lines.contains(&"bind-key    -T prefix \\\"      split-window"));
        assert!(lines.contains(&"bind-key    -T prefix c       new-window"));
        assert!(lines.contains(&"bind-key -r -T prefix Up      select-pane -U"));
        assert!(lines.contains(&"bind-key -r -T prefix M-Right resize-pane -R 5"));
        assert_eq!(h.ok("lsk -T prefix"), prefix);
    }

    #[test]
    fn list_keys_lists_every_table_in_name_order() {
        let mut h = Harness::with_session();
        h.ok("bind-key -T mytable z last-window");
        h.ok("bind-key -n F5 new-window");
        let all = h.ok("list-keys");
        let tables: Vec<&str> = all
            .lines()
            .map(|l| l.split(" -T ").nth(1).unwrap().split(' ').next().unwrap())
            .collect();
        let mut sorted = tables.clone();
        sorted.sort();
        assert_eq!(tables, sorted);
        assert!(
            all.starts_with("bind-key    -T mytable z       last-window\n"),
            "{all}"
        );
        assert!(
            all.ends_with("bind-key    -T root    F5      new-window\n"),
            "{all}"
        );
    }

    #[test]
    fn list_keys_n_prints_the_notes_of_the_default_bindings() {
        let mut h = Harness::with_session();
        let notes = h.ok("list-keys -N -T prefix");
        let lines: Vec<&str> = notes.lines().collect();
        assert_eq!(lines[0], "C-b     Send the prefix key");
        assert!(lines.contains(&"c       Create a new window"), "{notes}");
        assert!(
            lines.contains(&"d       Detach the current client"),
            "{notes}"
        );
    }

    #[test]
    fn list_keys_of_a_table_that_does_not_exist_fails() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("list-keys -T nosuch"), "table nosuch doesn't exist");
        h.ok("bind-key -T mine x kill-pane");
        h.ok("unbind-key -T mine x");
        assert_eq!(h.err("list-keys -T mine"), "table mine doesn't exist");
    }
}
