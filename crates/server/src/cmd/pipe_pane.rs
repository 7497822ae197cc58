//! `pipe-pane` (`pipep`): send a pane's output to a shell command's standard input (`-O`,
//! the default) and/or type the command's standard output into the pane (`-I`), as tmux
//! does. A pane has one pipe at a time: a new one closes the old, no command just closes it,
//! and `-o` opens one only when none was open (a key toggles it). The command is a format
//! (`#{pane_id}`), and runs with the session's environment in the pane's directory.
//! `#{pane_pipe}` is 1 while a pipe is open.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::pipes::{self, PipeKind};
use crate::model::sink::SinkSpec;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "pipe-pane",
    alias: Some("pipep"),
    flags: "IOot:",
    usage: "[-IOo] [-t target-pane] [shell-command]",
    args: (0, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs pipe-pane.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let had = pipes::close(state, found.pane);
    let line = args.positional.first().map(String::as_str).unwrap_or("");
    if line.is_empty() || (args.has('o') && had) {
        state.mark_session_dirty(found.session);
        return Ok(Outcome::Done);
    }
    let input = args.has('I');
    let output = args.has('O') || !input;
    let command = crate::model::vars::expand(state, super::client_scope(state, ctx, found), line);
    let cwd = state
        .panes
        .get(&found.pane)
        .map(|p| p.current_path())
        .filter(|p| !p.is_empty())
        .or_else(|| state.session(found.session).map(|s| s.cwd.clone()))
        .unwrap_or_else(|| "/".into());
    let spec = SinkSpec::Command {
        command: command.clone(),
        env: crate::model::environ::for_job(state, Some(found.session)),
        cwd,
        stdin: output,
        stdout: input,
    };
    let kind = PipeKind::Command {
        command: command.clone(),
        output,
        input,
    };
    pipes::open(state, found.pane, kind, &spec).map_err(|e| format!("{command}: {e}"))?;
    state.mark_session_dirty(found.session);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::model::sink::SinkSpec;
    use crate::testing::Harness;

    #[test]
    fn output_goes_to_the_command_and_pane_pipe_says_so() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "0\n");
        h.ok("pipe-pane -t %0 'cat >> /tmp/#{pane_id}.log'");
        let sink = h.fake.last_sink(PaneId(0)).unwrap();
        match &sink.spec {
            SinkSpec::Command {
                command,
                stdin,
                stdout,
                ..
            } => {
                assert_eq!(command, "cat >> /tmp/%0.log");
                assert!(*stdin && !*stdout);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "1\n");
        h.output(PaneId(0), "\x1b[1mbold\x1b[m text\r\n");
        assert_eq!(h.fake.sink_text(PaneId(0)), "\x1b[1mbold\x1b[m text\r\n");
        // No command closes it.
        h.ok("pipe-pane");
        assert!(!h.fake.last_sink(PaneId(0)).unwrap().open);
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "0\n");
    }

    #[test]
    fn dash_o_toggles_and_a_new_pipe_replaces_the_old() {
        let mut h = Harness::with_session();
        h.ok("pipe-pane -o 'cat > /dev/null'");
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "1\n");
        h.ok("pipe-pane -o 'cat > /dev/null'");
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "0\n");
        h.ok("pipe-pane 'first'");
        h.ok("pipe-pane 'second'");
        let log = h.fake.log();
        let open: Vec<bool> = log.sinks.iter().map(|s| s.open).collect();
        assert_eq!(open, [false, false, true]);
    }

    #[test]
    fn dash_i_types_what_the_command_prints_into_the_pane() {
        let mut h = Harness::with_session();
        h.ok("pipe-pane -I 'echo hello'");
        let sink = h.fake.last_sink(PaneId(0)).unwrap();
        assert!(matches!(
            sink.spec,
            SinkSpec::Command {
                stdin: false,
                stdout: true,
                ..
            }
        ));
        h.event(crate::io::event::Event::PipeInput(
            PaneId(0),
            sink.id,
            b"hello\n".to_vec(),
        ));
        assert_eq!(h.take_bytes(PaneId(0)), b"hello\n");
        // Its command ending closes the pipe.
        h.event(crate::io::event::Event::PipeEnded(PaneId(0), sink.id, None));
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "0\n");
        // A late piece from it goes nowhere.
        h.event(crate::io::event::Event::PipeInput(
            PaneId(0),
            sink.id,
            b"late".to_vec(),
        ));
        assert_eq!(h.take_bytes(PaneId(0)), b"");
    }

    #[test]
    fn a_command_that_cannot_start_is_an_error() {
        let mut h = Harness::with_session();
        h.fake.log().fail_next_sink = Some("Too many open files".into());
        assert_eq!(h.err("pipe-pane 'cat'"), "cat: Too many open files");
        assert_eq!(h.ok("display -p '#{pane_pipe}'"), "0\n");
    }

    #[test]
    fn a_killed_pane_closes_its_pipe() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("pipe-pane -t %1 'cat'");
        h.ok("kill-pane -t %1");
        assert!(!h.fake.last_sink(PaneId(1)).unwrap().open);
    }
}
