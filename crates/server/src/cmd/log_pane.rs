//! `log-pane` (`log`, new in mux; tmux's `pipe-pane 'cat >> FILE'` without a shell): append
//! a pane's output to a file, the bytes in order as the program wrote them, never making the
//! pane wait (see `model::sink` for what a slow disk costs). `-p` (`--plain`) writes text
//! instead: each line as it scrolls off the screen, without escape sequences, and the screen
//! as it was when the log closes. No file closes the log. It is the pane's pipe: a log and a
//! `pipe-pane` replace each other, and `#{pane_pipe}` is 1 while either is open.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::pipes::{self, PipeKind};
use crate::model::sink::SinkSpec;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "log-pane",
    alias: Some("log"),
    flags: "pt:",
    usage: "[-p] [-t target-pane] [file]",
    args: (0, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs log-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let Some(file) = args.positional.first().filter(|f| !f.is_empty()) else {
        pipes::close(state, found.pane);
        state.mark_session_dirty(found.session);
        return Ok(Outcome::Done);
    };
    let path = super::client_path(state, ctx, file);
    let kind = PipeKind::Log {
        path: path.clone(),
        plain: args.has('p'),
    };
    let spec = SinkSpec::File { path };
    pipes::open(state, found.pane, kind, &spec).map_err(|e| format!("{file}: {e}"))?;
    state.mark_session_dirty(found.session);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::model::sink::SinkSpec;
    use crate::testing::Harness;

    #[test]
    fn a_log_gets_the_bytes_as_they_came() {
        let mut h = Harness::with_session();
        h.ok("log -t %0 /tmp/out.log");
        let sink = h.fake.last_sink(PaneId(0)).unwrap();
        assert_eq!(
            sink.spec,
            SinkSpec::File {
                path: "/tmp/out.log".into()
            }
        );
        h.output(PaneId(0), "\x1b[31mred\x1b[m\r\n");
        h.output(PaneId(0), "more");
        assert_eq!(h.fake.sink_text(PaneId(0)), "\x1b[31mred\x1b[m\r\nmore");
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "1\n");
        h.ok("log");
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "0\n");
    }

    #[test]
    fn a_plain_log_gets_lines_as_they_scroll_off_and_the_screen_at_the_end() {
        let mut h = Harness::new();
        h.ok("new-session -d -s work -x 10 -y 3");
        h.output(PaneId(0), "old\r\n");
        h.ok("log -p /tmp/plain.log");
        h.output(PaneId(0), "\x1b[1mone\x1b[m\r\n");
        assert_eq!(h.fake.sink_text(PaneId(0)), "", "nothing scrolled off yet");
        h.output(PaneId(0), "two\r\n");
        assert_eq!(h.fake.sink_text(PaneId(0)), "old\n");
        h.output(PaneId(0), "three\r\n0123456789abc\r\nfour");
        assert_eq!(h.fake.sink_text(PaneId(0)), "old\none\ntwo\nthree\n");
        h.ok("log");
        assert_eq!(
            h.fake.sink_text(PaneId(0)),
            "old\none\ntwo\nthree\n0123456789abc\nfour\n"
        );
    }

    #[test]
    fn a_plain_log_ends_with_the_screen_when_the_pane_goes() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("log -p -t %1 /tmp/plain.log");
        h.output(PaneId(1), "last words\r\n$ ");
        h.exit(PaneId(1), 0);
        let sink = h.fake.last_sink(PaneId(1)).unwrap();
        assert!(!sink.open);
        assert_eq!(String::from_utf8_lossy(&sink.data), "last words\n$\n");
    }

    #[test]
    fn a_log_and_a_pipe_replace_each_other() {
        let mut h = Harness::with_session();
        h.ok("pipe-pane 'cat'");
        h.ok("log /tmp/x.log");
        let log = h.fake.log();
        assert_eq!(log.sinks.len(), 2);
        assert!(!log.sinks[0].open && log.sinks[1].open);
    }
}
