//! `delete-buffer` (`deleteb`): delete a paste buffer (the newest, or `-b NAME`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "delete-buffer",
    alias: Some("deleteb"),
    flags: "b:",
    usage: "[-b buffer-name]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs delete-buffer.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if state.buffers.delete(args.value('b')) {
        Ok(Outcome::Done)
    } else {
        Err(match args.value('b') {
            Some(n) => format!("unknown buffer: {n}"),
            None => "no buffer".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    /// The buffers' names, newest first, one per line.
    fn names(h: &mut Harness) -> String {
        h.ok("list-buffers -F '#{buffer_name}'")
    }

    #[test]
    fn delete_buffer_deletes_the_newest_buffer() {
        let mut h = Harness::with_session();
        h.ok("set-buffer one");
        h.ok("set-buffer two");
        assert_eq!(h.ok("delete-buffer"), "");
        assert_eq!(names(&mut h), "buffer0\n");
        assert_eq!(h.ok("show-buffer"), "one");
    }

    #[test]
    fn delete_buffer_without_b_deletes_a_named_buffer_when_it_is_the_newest() {
        let mut h = Harness::with_session();
        h.ok("set-buffer auto");
        h.ok("set-buffer -b mine named");
        h.ok("deleteb");
        assert_eq!(names(&mut h), "buffer0\n");
        h.ok("deleteb");
        h.ok("set-buffer -b only x");
        h.ok("deleteb");
        assert_eq!(names(&mut h), "");
    }

    #[test]
    fn delete_buffer_b_deletes_the_named_buffer_only() {
        let mut h = Harness::with_session();
        h.ok("set-buffer -b keep kept");
        h.ok("set-buffer -b mine gone");
        h.ok("set-buffer auto");
        h.ok("delete-buffer -b mine");
        assert_eq!(names(&mut h), "buffer0\nkeep\n");
        h.ok("delete-buffer -b buffer0");
        assert_eq!(names(&mut h), "keep\n");
    }

    #[test]
    fn delete_buffer_fails_when_there_is_no_such_buffer() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("delete-buffer"), "no buffer");
        h.ok("set-buffer x");
        assert_eq!(h.err("delete-buffer -b mine"), "unknown buffer: mine");
        assert_eq!(names(&mut h), "buffer0\n");
    }
}
