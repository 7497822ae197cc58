//! `unbind-key` (`unbind`): remove a key binding (`-a`: every binding of the table).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "unbind-key",
    alias: Some("unbind"),
    flags: "anqT:",
    usage: "[-anq] [-T key-table] key",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs unbind-key. As in tmux, a key that is not bound is no error; an unknown key name or
/// table is, unless `-q`.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let table = if args.has('n') {
        "root"
    } else {
        args.value('T').unwrap_or("prefix")
    };
    let quiet = |e: String| {
        if args.has('q') {
            Ok(Outcome::Done)
        } else {
            Err(e)
        }
    };
    let name = args.positional.first();
    if args.has('a') {
        if name.is_some() {
            return Err("key given with -a".into());
        }
        if !state.keys.has_table(table) {
            return quiet(format!("table {table} doesn't exist"));
        }
        state.keys.unbind_all(table);
        return Ok(Outcome::Done);
    }
    let name = name.ok_or("missing key")?;
    let Some(key) = crate::config::keyname::parse_key(name) else {
        return quiet(format!("unknown key: {name}"));
    };
    if !state.keys.has_table(table) {
        return quiet(format!("table {table} doesn't exist"));
    }
    state.keys.unbind(table, key);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn an_unbound_prefix_key_does_nothing_any_more() {
        let mut h = Harness::with_session();
        let bound = |listed: &str| {
            listed
                .lines()
                .any(|l| l.split_whitespace().nth(3) == Some("c"))
        };
        assert!(bound(&h.ok("list-keys -T prefix")));
        h.ok("unbind-key c");
        let c = h.attach("attach -t work", 80, 24);
        h.keys(c, "C-b c");
        assert_eq!(h.window_list(""), ["0 sh *"]);
        let listed = h.ok("list-keys -T prefix");
        assert!(!bound(&listed), "{listed}");
        // Unbinding it again is no error.
        h.ok("unbind c");
    }

    #[test]
    fn no_prefix_and_table_pick_the_table() {
        let mut h = Harness::with_session();
        h.ok("bind -n F5 new-window");
        h.ok("bind -n F6 new-window");
        h.ok("bind -T mine x new-window");
        h.ok("unbind -n F5");
        let root = h.ok("list-keys -T root");
        assert!(!root.contains("F5") && root.contains("F6"), "{root}");
        h.ok("unbind -T mine x");
        assert_eq!(h.err("unbind -T mine y"), "table mine doesn't exist");
    }

    #[test]
    fn all_empties_the_table() {
        let mut h = Harness::with_session();
        h.ok("unbind-key -a -T prefix");
        assert_eq!(h.err("list-keys -T prefix"), "table prefix doesn't exist");
        assert_eq!(h.err("unbind -a"), "table prefix doesn't exist");
        assert_eq!(h.err("unbind -a -T root x"), "key given with -a");
    }

    #[test]
    fn unknown_keys_and_tables_are_errors_unless_quiet() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("unbind-key"), "missing key");
        assert_eq!(h.err("unbind-key nosuchkey"), "unknown key: nosuchkey");
        assert_eq!(h.ok("unbind-key -q nosuchkey"), "");
        assert_eq!(h.err("unbind -T nosuch x"), "table nosuch doesn't exist");
        assert_eq!(h.ok("unbind -q -T nosuch x"), "");
    }
}
