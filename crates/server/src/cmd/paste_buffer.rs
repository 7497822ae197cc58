//! `paste-buffer` (`pasteb`): type a paste buffer into a pane (`C-b ]`), bracketed when the
//! pane asked for it with `-p`; line feeds become carriage returns, or the `-s` separator, or
//! stay with `-r`. The buffer is read into the pane piece by piece as its program reads (see
//! `model::backlog`), so a paste of any size costs no more memory than the buffer.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::paste::{Newlines, PasteSource};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "paste-buffer",
    alias: Some("pasteb"),
    flags: "db:prs:t:",
    usage: "[-dpr] [-b buffer-name] [-s separator] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs paste-buffer; `-d` deletes the buffer afterwards.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let Some(b) = state.buffers.get(args.value('b')).cloned() else {
        return match args.value('b') {
            Some(n) => Err(format!("no buffer {n}")),
            None => Ok(Outcome::Done),
        };
    };
    let separator = match args.value('s') {
        Some(s) => s,
        None if args.has('r') => "\n",
        None => "\r",
    };
    let now = state.os.now();
    if let Some(pane) = state.panes.get_mut(&f.pane) {
        let bracketed = args.has('p') && pane.term.modes().bracketed_paste;
        let newlines = Newlines::Replace(separator.to_string());
        let source = PasteSource::new(f.pane, b.data.clone(), newlines, bracketed);
        pane.paste_source(source, now)?;
    }
    if args.has('d') {
        state.buffers.delete(Some(&b.name));
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn the_newest_buffer_is_typed_with_line_feeds_as_carriage_returns() {
        let mut h = Harness::with_session();
        h.ok("set-buffer 'old'");
        h.ok("set-buffer 'one\ntwo\n'");
        h.ok("paste-buffer");
        assert_eq!(h.take_bytes(PaneId(0)), b"one\rtwo\r");
        // A named buffer set last is the newest too, as in tmux.
        h.ok("set-buffer -b mine 'named'");
        h.ok("pasteb");
        assert_eq!(h.take_bytes(PaneId(0)), b"named");
    }

    #[test]
    fn raw_keeps_line_feeds_and_a_separator_replaces_them() {
        let mut h = Harness::with_session();
        h.ok("set-buffer 'one\ntwo\n'");
        h.ok("paste-buffer -r");
        assert_eq!(h.take_bytes(PaneId(0)), b"one\ntwo\n");
        h.ok("paste-buffer -s X");
        assert_eq!(h.take_bytes(PaneId(0)), b"oneXtwoX");
        h.ok("paste-buffer -s ''");
        assert_eq!(h.take_bytes(PaneId(0)), b"onetwo");
    }

    #[test]
    fn bracketed_paste_is_used_only_when_the_pane_asked_for_it() {
        let mut h = Harness::with_session();
        h.ok("set-buffer 'text'");
        h.ok("paste-buffer -p");
        assert_eq!(h.take_bytes(PaneId(0)), b"text");
        h.output(PaneId(0), "\x1b[?2004h");
        h.ok("paste-buffer -p");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x1b[200~text\x1b[201~");
        h.ok("paste-buffer");
        assert_eq!(h.take_bytes(PaneId(0)), b"text");
    }

    #[test]
    fn a_named_buffer_goes_to_the_target_pane_and_delete_removes_it() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("set-buffer -b clip 'copied'");
        h.ok("set-buffer 'newer'");
        h.ok("paste-buffer -d -b clip -t %0");
        assert_eq!(h.take_bytes(PaneId(0)), b"copied");
        assert_eq!(h.take_bytes(PaneId(1)), b"");
        assert_eq!(h.err("paste-buffer -b clip"), "no buffer clip");
        assert_eq!(h.ok("show-buffer"), "newer");
    }

    #[test]
    fn with_no_buffer_nothing_is_typed_and_it_is_no_error() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("paste-buffer"), "");
        assert_eq!(h.take_bytes(PaneId(0)), b"");
        assert_eq!(h.err("paste-buffer -t %4"), "can't find pane: %4");
    }

    #[test]
    fn the_paste_key_types_the_buffer_into_the_active_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -d");
        let c = h.attach("attach -t work", 80, 24);
        h.ok("set-buffer 'hello'");
        h.keys(c, "C-b ]");
        assert_eq!(h.take_bytes(PaneId(0)), b"hello");
        assert_eq!(h.take_bytes(PaneId(1)), b"");
    }
}
