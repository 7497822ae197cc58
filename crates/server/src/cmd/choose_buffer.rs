//! `choose-buffer` (`C-b =`): the paste buffers in place of the window, newest first, with
//! the highlighted buffer's text shown below; Enter pastes it (tmux's template
//! `paste-buffer -p -b '%%'`), `d` deletes it, `q` leaves.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{ChooseItem, Chooser, Mode, Preview};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "choose-buffer",
    alias: None,
    flags: "F:NZt:",
    usage: "[-NZ] [-F format] [-t target-pane] [template]",
    args: (0, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs choose-buffer for the attached client; `-N` leaves out the preview, `-F` formats
/// each line (with `buffer_name`, `buffer_size`, `buffer_sample`).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    if state
        .clients
        .get(&ctx.client)
        .is_none_or(|c| c.session.is_none())
    {
        return Err("no current client".into());
    }
    let template = args
        .positional
        .first()
        .cloned()
        .unwrap_or_else(|| "paste-buffer -p -b '%%'".into());
    let fmt = args
        .value('F')
        .unwrap_or("#{buffer_size} bytes: \"#{buffer_sample}\"");
    let mut items = Vec::new();
    for b in state.buffers.all() {
        let line = crate::model::vars::expand_buffer(state, super::scope(ctx, found), b, fmt);
        let quoted = b.name.replace('\'', "'\\''");
        items.push(ChooseItem {
            label: format!("{}: {line}", b.name),
            command: template.replace("%%", &quoted),
            delete: Some(format!("delete-buffer -b '{quoted}'")),
            key: b.name.clone(),
            confirm: None,
            depth: 0,
            preview: if args.has('N') {
                Preview::None
            } else {
                Preview::Text(b.data.to_string())
            },
        });
    }
    if items.is_empty() {
        return Ok(Outcome::Done);
    }
    let mut refresh = String::from("choose-buffer");
    for flag in ['N', 'Z'] {
        if args.has(flag) {
            refresh.push_str(&format!(" -{flag}"));
        }
    }
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        c.mode = Mode::Choose(Chooser {
            items,
            refresh: Some(refresh),
            ..Chooser::default()
        });
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn the_buffers_are_listed_with_a_preview_enter_pastes_and_d_deletes() {
        let mut h = Harness::with_session();
        h.ok("set-buffer -b older 'old text'");
        h.ok("set-buffer -b newer 'line one\nline two'");
        let c = h.attach("attach -t work", 60, 20);
        h.keys(c, "C-b =");
        let screen = h.screen(c);
        assert!(
            screen[0].starts_with("(0) newer: 17 bytes: \"line one\\nline two\""),
            "{screen:?}"
        );
        assert!(screen[1].starts_with("(1) older: 8 bytes"), "{screen:?}");
        assert!(
            screen.iter().any(|l| l == "line two"),
            "the preview: {screen:?}"
        );
        h.keys(c, "Down d");
        assert!(!h.shows(c, "older"), "deleted");
        assert_eq!(h.run("show-buffer -b older").status, Some(1));
        h.fake.take_input(PaneId(0));
        h.keys(c, "Enter");
        assert_eq!(h.fake.take_input(PaneId(0)), "line one\rline two");
    }
}
