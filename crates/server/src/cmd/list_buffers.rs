//! `list-buffers` (`lsb`): one line per paste buffer, newest first, in tmux's line or a
//! format (`-F`, with `buffer_name`, `buffer_size` and `buffer_sample`); `-f` keeps the
//! buffers a filter format is true for.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::format;
use crate::model::state::State;
use crate::model::vars::{self, Scope};

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-buffers",
    alias: Some("lsb"),
    flags: "F:f:",
    usage: "[-F format] [-f filter]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line.
const FORMAT: &str = "#{buffer_name}: #{buffer_size} bytes: \"#{buffer_sample}\"";

/// Runs list-buffers: `NAME: SIZE bytes: "SAMPLE"` as tmux.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let fmt = args.value('F').unwrap_or(FORMAT);
    for b in state.buffers.all() {
        let vars = |name: &str| {
            b.var(name)
                .or_else(|| vars::lookup(state, Scope::default(), name))
        };
        if let Some(filter) = args.value('f') {
            if !format::is_true(&format::expand(filter, &vars)) {
                continue;
            }
        }
        ctx.out.push_str(&format::expand(fmt, &vars));
        ctx.out.push('\n');
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn list_buffers_prints_nothing_without_buffers() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("list-buffers"), "");
    }

    #[test]
    fn list_buffers_prints_each_buffer_newest_first_with_its_size_and_sample() {
        let mut h = Harness::with_session();
        h.ok("set-buffer first");
        h.ok("set-buffer -b mine named");
        h.ok("set-buffer héllo");
        assert_eq!(
            h.ok("list-buffers"),
            "buffer1: 6 bytes: \"héllo\"\nmine: 5 bytes: \"named\"\nbuffer0: 5 bytes: \"first\"\n"
        );
    }

    #[test]
    fn list_buffers_escapes_control_characters_and_backslashes_in_the_sample() {
        let mut h = Harness::with_session();
        h.state
            .buffers
            .add(None, "a\tb\nc\\d\x01\x1b[m\r\x7f end".into(), 50);
        assert_eq!(
            h.ok("lsb"),
            "buffer0: 17 bytes: \"a\\tb\\nc\\\\d\\001\\033[m\\r\\177 end\"\n"
        );
    }

    #[test]
    fn list_buffers_cuts_the_sample_at_200_bytes() {
        let mut h = Harness::with_session();
        h.state.buffers.add(Some("long"), "y".repeat(250), 50);
        h.state.buffers.add(Some("fits"), "x".repeat(200), 50);
        assert_eq!(
            h.ok("list-buffers"),
            format!(
                "fits: 200 bytes: \"{}\"\nlong: 250 bytes: \"{}...\"\n",
                "x".repeat(200),
                "y".repeat(200)
            )
        );
    }

    #[test]
    fn list_buffers_f_prints_each_buffer_in_the_format() {
        let mut h = Harness::with_session();
        h.ok("set-buffer one");
        h.ok("set-buffer -b mine three");
        assert_eq!(
            h.ok("list-buffers -F '#{buffer_name}=#{buffer_size}:#{buffer_sample}'"),
            "mine=5:three\nbuffer0=3:one\n"
        );
    }

    #[test]
    fn list_buffers_filter_keeps_the_buffers_it_is_true_for() {
        let mut h = Harness::with_session();
        h.ok("set-buffer one");
        h.ok("set-buffer -b mine three");
        h.ok("set-buffer two");
        assert_eq!(
            h.ok("list-buffers -f '#{!=:#{buffer_name},mine}' -F '#{buffer_name}'"),
            "buffer1\nbuffer0\n"
        );
        assert_eq!(
            h.ok("lsb -f '#{==:#{buffer_sample},three}'"),
            "mine: 5 bytes: \"three\"\n"
        );
    }
}
