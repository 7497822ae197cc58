//! `set-buffer` (`setb`): put text in a paste buffer (`-b` name, `-a` append, `-n` rename).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "set-buffer",
    alias: Some("setb"),
    flags: "ab:n:w",
    usage: "[-aw] [-b buffer-name] [-n new-buffer-name] data",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs set-buffer: a new buffer, or the one `-b` names replaced; `-a` appends to the buffer
/// `-b` names (without `-b`, or when it does not exist, a new buffer is made, as in tmux);
/// `-n` renames the buffer `-b` names, or the newest.
fn exec(state: &mut State, _ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let name = args.value('b');
    if let Some(new) = args.value('n') {
        state.buffers.rename(name, new)?;
        return Ok(Outcome::Done);
    }
    let data = args.positional.first().ok_or("no data specified")?;
    // As tmux: empty data makes no buffer and changes none.
    if data.is_empty() {
        return Ok(Outcome::Done);
    }
    if args.has('a') && name.is_some() && state.buffers.append(name, data) {
        return Ok(Outcome::Done);
    }
    let limit = state.options.server("buffer-limit").as_count().max(1);
    state.buffers.add(name, data.clone(), limit);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn unnamed_buffers_get_automatic_names_newest_first() {
        let mut h = Harness::with_session();
        h.ok("set-buffer first");
        h.ok("setb second");
        assert_eq!(
            h.ok("list-buffers"),
            "buffer1: 6 bytes: \"second\"\nbuffer0: 5 bytes: \"first\"\n"
        );
        assert_eq!(h.ok("show-buffer"), "second");
    }

    #[test]
    fn empty_data_makes_no_buffer() {
        let mut h = Harness::with_session();
        h.ok("set-buffer ''");
        h.ok("set-buffer -b x ''");
        assert_eq!(h.ok("list-buffers"), "");
    }

    #[test]
    fn a_named_buffer_is_replaced_or_appended_to() {
        let mut h = Harness::with_session();
        h.ok("set-buffer -b notes 'one'");
        h.ok("set-buffer -b notes 'two'");
        assert_eq!(h.ok("show-buffer -b notes"), "two");
        h.ok("set-buffer -a -b notes ' three'");
        assert_eq!(h.ok("show-buffer -b notes"), "two three");
        // Appending to a buffer that does not exist makes it.
        h.ok("set-buffer -a -b fresh 'new'");
        assert_eq!(h.ok("show-buffer -b fresh"), "new");
    }

    #[test]
    fn append_without_a_name_makes_a_new_buffer_as_tmux_does() {
        let mut h = Harness::with_session();
        h.ok("set-buffer 'base'");
        h.ok("set-buffer -a ' tail'");
        assert_eq!(h.ok("show-buffer"), " tail");
        assert_eq!(h.ok("show-buffer -b buffer0"), "base");
    }

    #[test]
    fn rename_keeps_the_buffers_place_and_refuses_names_in_use() {
        let mut h = Harness::with_session();
        h.ok("set-buffer one");
        h.ok("set-buffer two");
        h.ok("set-buffer -b buffer0 -n first");
        assert_eq!(
            h.ok("list-buffers"),
            "buffer1: 3 bytes: \"two\"\nfirst: 3 bytes: \"one\"\n"
        );
        h.ok("set-buffer -n newest");
        assert_eq!(h.ok("show-buffer -b newest"), "two");
        assert_eq!(
            h.err("set-buffer -b newest -n first"),
            "buffer first already exists"
        );
        assert_eq!(h.err("set-buffer -b nope -n x"), "unknown buffer: nope");
    }

    #[test]
    fn missing_data_or_buffer_is_an_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("set-buffer"), "no data specified");
        assert_eq!(h.err("set-buffer -n x"), "no buffer");
    }

    #[test]
    fn the_buffer_limit_drops_the_oldest_automatic_buffers_only() {
        let mut h = Harness::with_session();
        h.ok("set -s buffer-limit 2");
        h.ok("set-buffer -b keep 'kept'");
        for text in ["a", "b", "c"] {
            h.ok(&format!("set-buffer {text}"));
        }
        assert_eq!(
            h.ok("list-buffers"),
            "buffer2: 1 bytes: \"c\"\nbuffer1: 1 bytes: \"b\"\nkeep: 4 bytes: \"kept\"\n"
        );
    }
}
