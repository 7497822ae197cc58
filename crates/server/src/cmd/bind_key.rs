//! `bind-key` (`bind`): bind a key in a key table (`-T`, default `prefix`; `-n` root;
//! `-r` repeatable) to a command line, with a note for `list-keys -N` (`-N`); a key alone
//! only sets or clears its binding's note, as in tmux.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "bind-key",
    alias: Some("bind"),
    flags: "nrN:T:",
    usage: "[-nr] [-N note] [-T key-table] key [command [arguments]]",
    args: (1, usize::MAX),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs bind-key. The command is its words split at `;` words, or a single word (a quoted
/// string or a `{ }` block) parsed as a command line; every command must exist. It is kept
/// as one command line, commands joined by ` \; ` as tmux prints them.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let (key_name, command) = args
        .positional
        .split_first()
        .ok_or("command bind-key: too few arguments (need at least 1)")?;
    let key = crate::config::keyname::parse_key(key_name)
        .ok_or_else(|| format!("unknown key: {key_name}"))?;
    let table = if args.has('n') {
        "root"
    } else {
        args.value('T').unwrap_or("prefix")
    };
    if command.is_empty() {
        state.keys.set_note(table, key, args.value('N'));
        return Ok(Outcome::Done);
    }
    let commands = match command {
        [one] => super::context::parse_line(state, ctx.client, one)?
            .iter()
            .flat_map(|words| super::parse::split_arguments(words))
            .collect(),
        words => super::parse::split_arguments(words),
    };
    super::check_names(state, &commands)?;
    let line = commands
        .iter()
        .map(|words| words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" \\; ");
    state.keys.bind(table, key, &line, args.has('r'));
    state.keys.set_note(table, key, args.value('N'));
    Ok(Outcome::Done)
}

/// Quotes a word for a command line when it needs it.
pub fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:/%@=+,!^".contains(c))
    {
        word.to_string()
    } else if let Some(stem) = word.strip_suffix(';') {
        // Kept a word, not a separator, when the line is read again.
        format!("'{}\\;'", stem.replace('\'', "'\\''"))
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn bind_key_binds_a_prefix_key_that_list_keys_shows_and_the_key_runs() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        assert_eq!(h.ok("bind-key K split-window -h"), "");
        assert!(h
            .ok("list-keys -T prefix")
            .contains("\nbind-key    -T prefix K       split-window -h\n"));
        h.keys(c, "C-b K");
        assert_eq!(h.ok("list-panes -F '#{pane_id}'"), "%0\n%1\n");
        assert_eq!(
            h.fake.take_input(PaneId(0)),
            "",
            "the key was not typed into the pane"
        );
    }

    #[test]
    fn bind_key_replaces_an_existing_binding() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        h.ok("bind c split-window");
        h.keys(c, "C-b c");
        assert_eq!(h.ok("list-windows -F '#{window_index}'"), "0\n");
        assert_eq!(h.ok("list-panes -F '#{pane_id}'"), "%0\n%1\n");
    }

    #[test]
    fn bind_key_n_binds_a_key_in_the_root_table_that_needs_no_prefix() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        h.ok("bind-key -n F5 new-window");
        let root = h.ok("list-keys -T root");
        assert!(
            root.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>()
                    == ["bind-key", "-T", "root", "F5", "new-window"]),
            "{root}"
        );
        h.keys(c, "F5");
        assert_eq!(h.ok("list-windows -F '#{window_index}'"), "0\n1\n");
        h.keys(c, "C-b F5");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}'"),
            "0\n1\n",
            "not bound in the prefix table"
        );
    }

    #[test]
    fn bind_key_t_binds_in_a_named_table() {
        let mut h = Harness::with_session();
        h.ok("bind-key -T mytable z last-window");
        assert_eq!(
            h.ok("list-keys -T mytable"),
            "bind-key -T mytable z last-window\n"
        );
    }

    #[test]
    fn bind_key_r_lets_the_key_repeat_without_the_prefix() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 24);
        h.ok("bind-key -r y split-window");
        h.ok("bind-key x split-window");
        assert!(h
            .ok("list-keys -T prefix")
            .contains("\nbind-key -r -T prefix y "));
        h.keys(c, "C-b y y");
        assert_eq!(h.ok("list-panes -F '#{pane_id}'"), "%0\n%1\n%2\n");
        h.keys(c, "C-b x x");
        assert_eq!(h.ok("display-message -p '#{window_panes}'"), "4\n");
        assert_eq!(h.fake.take_input(PaneId(3)), "x", "x does not repeat");
    }

    #[test]
    fn bind_key_keeps_a_quoted_argument_as_one_word() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("bind-key M display-message 'two words; and #{session_name}'");
        h.keys(c, "C-b M");
        assert_eq!(h.status_line(c), "two words; and work");
    }

    #[test]
    fn bind_key_fails_for_a_key_it_does_not_know() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("bind-key notakey kill-pane"), "unknown key: notakey");
        assert_eq!(
            h.err("bind-key -n C-NoSuch kill-pane"),
            "unknown key: C-NoSuch"
        );
    }

    #[test]
    fn bind_key_n_gives_the_binding_a_note_that_list_keys_n_shows() {
        let mut h = Harness::with_session();
        h.ok("bind-key -N 'Split it sideways' K split-window -h");
        assert_eq!(h.ok("list-keys -N -T prefix K"), "K Split it sideways\n");
        assert_eq!(
            h.ok("list-keys -T prefix K"),
            "bind-key -T prefix K split-window -h\n"
        );
    }

    #[test]
    fn bind_key_with_only_a_key_sets_or_clears_the_note_of_its_binding() {
        let mut h = Harness::with_session();
        h.ok("bind-key -N 'Goodbye' d");
        assert_eq!(h.ok("list-keys -N -T prefix d"), "d Goodbye\n");
        assert_eq!(
            h.ok("list-keys -T prefix d"),
            "bind-key -T prefix d detach-client\n",
            "the command is kept"
        );
        h.ok("bind-key d");
        assert_eq!(h.err("list-keys -N -T prefix d"), "unknown key: d");
        h.ok("bind-key -N 'Nothing' F9");
        assert_eq!(h.err("list-keys -T prefix F9"), "unknown key: F9");
    }

    #[test]
    fn bind_key_again_drops_the_old_note_as_tmux_does() {
        let mut h = Harness::with_session();
        h.ok("bind-key c new-window -d");
        assert_eq!(h.err("list-keys -N -T prefix c"), "unknown key: c");
    }

    #[test]
    fn bind_key_without_a_key_fails() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.err("bind-key"),
            "command bind-key: too few arguments (need at least 1)\nusage: bind-key [-nr] [-N note] [-T key-table] key [command [arguments]]"
        );
    }

    #[test]
    fn a_block_or_a_quoted_line_is_the_command_and_semicolons_separate() {
        let mut h = Harness::with_session();
        h.ok("bind x 'display -p a ; display -p b'");
        // As from a shell: `\;` reaches bind-key as a `;` word, `\\;` as a `;` to send.
        h.ok("bind y display -p a '\\;' display -p '#{session_name}'");
        h.ok("bind z send-keys '\\\\;'");
        let keys = h.ok("list-keys -T prefix");
        assert!(
            keys.contains("\nbind-key    -T prefix x       display -p a \\; display -p b\n"),
            "{keys}"
        );
        assert!(
            keys.contains("prefix y       display -p a \\; display -p '#{session_name}'\n"),
            "{keys}"
        );
        assert!(keys.contains("prefix z       send-keys '\\;'\n"), "{keys}");
        let c = h.attach("attach -t work", 40, 6);
        h.keys(c, "C-b y");
        let screen = h.screen(c);
        assert!(screen[0].starts_with('a'), "{screen:?}");
        assert_eq!(screen[1], "work");
        h.keys(c, "q C-b z");
        assert_eq!(h.fake.take_input(PaneId(0)), ";");
        assert_eq!(h.err("bind w nosuchcmd"), "unknown command: nosuchcmd");
    }
}
