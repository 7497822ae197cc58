//! `paste-buffer` (`pasteb`): type a paste buffer into a pane (`C-b ]`), bracketed when the
//! pane asked for it with `-p`; line feeds become carriage returns unless `-r`.

use super::{Args, Ctx, Outcome, Spec, Target};
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
    let text = if args.has('r') {
        b.data.clone()
    } else {
        b.data.replace('\n', "\r")
    };
    if let Some(pane) = state.panes.get(&f.pane) {
        let bytes = if args.has('p') {
            pane.term.encode_paste(&text)
        } else {
            text.into_bytes()
        };
        pane.write(bytes);
    }
    if args.has('d') {
        state.buffers.delete(Some(&b.name));
    }
    Ok(Outcome::Done)
}
