//! `list-keys` (`lsk`): print the key bindings as `bind-key` commands.

use mux_protocol::Key;

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::keyname::parse_key;
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

/// Runs list-keys: `-T` one table, a key only that key's bindings (`-1` only the first);
/// `-N` the notes instead of the commands.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let table = args.value('T');
    if let Some(t) = table {
        if !state.keys.has_table(t) {
            return Err(format!("table {t} doesn't exist"));
        }
    }
    let key = match args.positional.first() {
        Some(name) => Some((
            name,
            parse_key(name).ok_or_else(|| format!("invalid key: {name}"))?,
        )),
        None => None,
    };
    let mut lines = if args.has('N') {
        notes(state, args, table, key.map(|k| k.1))
    } else {
        match key {
            Some((_, k)) => state.keys.list_key(table, k),
            None => state.keys.list(table),
        }
    };
    if let Some((name, _)) = key {
        if lines.is_empty() {
            return Err(format!("unknown key: {name}"));
        }
        if args.has('1') {
            lines.truncate(1);
            // As tmux, one key described for an attached client goes to its status line.
            let attached = state
                .clients
                .get(&ctx.client)
                .is_some_and(|c| c.session.is_some());
            if let (true, Some(line)) = (attached, lines.first()) {
                super::show_message(state, ctx.client, line.trim());
                return Ok(Outcome::Done);
            }
        }
    }
    for line in lines {
        ctx.out.push_str(&line);
        ctx.out.push('\n');
    }
    Ok(Outcome::Done)
}

/// Returns `list-keys -N` lines as tmux 3.3a prints them: of one table with `-T`, each key
/// after the `-P` string; else the root table's, then the prefix table's after the prefix key
/// (or the `-P` string), the root's keys indented to match. Keys are padded to the widest
/// shown.
fn notes(state: &State, args: &Args, table: Option<&str>, key: Option<Key>) -> Vec<String> {
    let sections = match table {
        Some(t) => vec![(args.value('P').unwrap_or("").to_string(), t)],
        None => {
            let start = match args.value('P') {
                Some(p) => p.to_string(),
                None => format!("{} ", state.options.server("prefix").as_text()),
            };
            let blank = " ".repeat(start.chars().count());
            vec![(blank, "root"), (start, "prefix")]
        }
    };
    let noted: Vec<(&str, Vec<(String, &str)>)> = sections
        .iter()
        .map(|(start, t)| (start.as_str(), state.keys.noted(t, key)))
        .collect();
    let width = noted
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(k, _)| k.chars().count()))
        .max()
        .unwrap_or(0);
    noted
        .iter()
        .flat_map(|(start, keys)| {
            keys.iter()
                .map(move |(k, note)| format!("{start}{k:<width$} {note}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn prefix_slash_describes_the_next_key_on_the_status_line() {
        let mut h = crate::testing::Harness::with_session();
        let c = h.attach("attach -t work", 60, 6);
        h.keys(c, "C-b /");
        assert_eq!(h.status_line(c), "key");
        h.keys(c, "c");
        assert_eq!(h.status_line(c).trim_end(), "C-b c Create a new window");
    }

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
    fn what_list_keys_prints_binds_the_same_keys_when_run_again() {
        let mut h = Harness::with_session();
        let dir = std::env::temp_dir().join(format!("mux-lsk-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("keys.conf");
        let reload = |h: &mut Harness| {
            let all = h.ok("list-keys");
            for table in ["root", "prefix", "copy-mode", "copy-mode-vi"] {
                h.ok(&format!("unbind-key -a -T {table}"));
            }
            std::fs::write(&file, &all).unwrap();
            h.ok(&format!("source-file {}", file.display()));
            all
        };
        let keys = |all: &str| -> Vec<String> {
            let fields = |l: &str| l.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
            all.lines().map(fields).collect()
        };
        let first = reload(&mut h);
        let second = reload(&mut h);
        let third = h.ok("list-keys");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            keys(&second),
            keys(&first),
            "the same keys in the same tables"
        );
        assert_eq!(third, second, "read back, the listing lists itself");
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
        let words = |l: &str| l.split_whitespace().map(String::from).collect::<Vec<_>>();
        let lines: Vec<Vec<String>> = all.lines().map(words).collect();
        assert!(
            lines.contains(&words("bind-key -T mytable z last-window")),
            "{all}"
        );
        assert!(
            lines.contains(&words("bind-key -T root F5 new-window")),
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

    #[test]
    fn list_keys_with_a_key_prints_only_that_keys_bindings_padded_to_them() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.ok("list-keys -T prefix c"),
            "bind-key -T prefix c new-window\n"
        );
        assert_eq!(
            h.ok("list-keys -T prefix Up"),
            "bind-key -r -T prefix Up select-pane -U\n"
        );
        h.ok("bind-key -T mytable z last-window");
        assert_eq!(
            h.ok("list-keys z"),
            "bind-key -T mytable z last-window\nbind-key -T prefix  z resize-pane -Z\n"
        );
        assert_eq!(
            h.ok("list-keys -1 z"),
            "bind-key -T mytable z last-window\n"
        );
    }

    #[test]
    fn list_keys_with_a_key_that_is_not_bound_or_not_a_key_fails() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("list-keys F12"), "unknown key: F12");
        assert_eq!(h.err("list-keys -T prefix F12"), "unknown key: F12");
        assert_eq!(h.err("list-keys notakey"), "invalid key: notakey");
        assert_eq!(h.err("list-keys -N F12"), "unknown key: F12");
    }

    #[test]
    fn list_keys_n_without_a_table_puts_the_prefix_key_before_each_key() {
        let mut h = Harness::with_session();
        let notes = h.ok("list-keys -N");
        let lines: Vec<&str> = notes.lines().collect();
        assert_eq!(lines[0], "C-b C-b     Send the prefix key");
        assert!(
            lines.contains(&"C-b c       Create a new window"),
            "{notes}"
        );
        assert!(lines.contains(&"C-b M-Right Resize the pane right by 5"));
        h.ok("set-option -g prefix C-a");
        assert_eq!(h.ok("list-keys -N c"), "C-a c Create a new window\n");
        assert_eq!(h.ok("list-keys -N -T prefix c"), "c Create a new window\n");
    }

    #[test]
    fn list_keys_p_puts_its_string_before_each_noted_key() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.ok("list-keys -N -P 'PRE ' -T prefix d"),
            "PRE d Detach the current client\n"
        );
        assert_eq!(h.ok("list-keys -N -P '> ' c"), "> c Create a new window\n");
    }
}
