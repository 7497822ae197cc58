//! `show-buffer` (`showb`): print a paste buffer (the newest, or `-b NAME`).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-buffer",
    alias: Some("showb"),
    flags: "b:",
    usage: "[-b buffer-name]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-buffer.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let b = state
        .buffers
        .get(args.value('b'))
        .ok_or_else(|| match args.value('b') {
            Some(n) => format!("no buffer {n}"),
            None => "no buffers".to_string(),
        })?;
    ctx.out.push_str(&b.data);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn the_newest_or_the_named_buffer_is_printed_as_it_is() {
        let mut h = Harness::with_session();
        h.ok("set-buffer -b notes 'a\nb'");
        h.ok("set-buffer 'newest'");
        assert_eq!(h.ok("show-buffer"), "newest");
        assert_eq!(h.ok("showb -b notes"), "a\nb");
    }

    #[test]
    fn missing_buffers_are_errors_worded_as_tmux_words_them() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("show-buffer"), "no buffers");
        h.ok("set-buffer x");
        assert_eq!(h.err("show-buffer -b nope"), "no buffer nope");
    }
}
