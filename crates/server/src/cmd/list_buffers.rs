//! `list-buffers` (`lsb`): one line per paste buffer, newest first, in tmux's line or a
//! format (`-F`, with `buffer_name`, `buffer_size` and `buffer_sample`); `-f` keeps the
//! buffers a filter format is true for.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::format;
use crate::model::buffers::Buffer;
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

/// How many bytes of a buffer its sample shows, as tmux.
const SAMPLE_WIDTH: usize = 200;

/// Runs list-buffers: `NAME: SIZE bytes: "SAMPLE"` as tmux.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let fmt = args.value('F').unwrap_or(FORMAT);
    for b in state.buffers.all() {
        let vars = |name: &str| {
            buffer_var(b, name).or_else(|| vars::lookup(state, Scope::default(), name))
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

/// Returns a buffer's format variable.
fn buffer_var(b: &Buffer, name: &str) -> Option<String> {
    Some(match name {
        "buffer_name" => b.name.clone(),
        "buffer_size" => b.data.len().to_string(),
        "buffer_sample" => sample(&b.data),
        _ => return None,
    })
}

/// Returns tmux's sample of a buffer: its first 200 bytes with backslashes and control
/// characters escaped as C does (`\\`, `\n`, `\t`, `\033`), and `...` when there was more.
fn sample(data: &str) -> String {
    let mut end = data.len().min(SAMPLE_WIDTH);
    while !data.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::new();
    let mut chars = data[..end].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            // `\0` would read as a longer octal escape before an octal digit.
            '\0' if chars.peek().is_some_and(|n| ('0'..='7').contains(n)) => out.push_str("\\000"),
            '\0' => out.push_str("\\0"),
            c if c.is_ascii_control() => out.push_str(&format!("\\{:03o}", u32::from(c))),
            c => out.push(c),
        }
    }
    if data.len() > SAMPLE_WIDTH || out.len() > SAMPLE_WIDTH {
        let mut cut = SAMPLE_WIDTH.min(out.len());
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push_str("...");
    }
    out
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
