//! `choose-tree`: a list of sessions, windows and panes in place of the window; Enter
//! switches to the chosen one (`-s` starts with sessions only, `-w` with windows).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{ChooseItem, Chooser, Mode, Preview};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "choose-tree",
    alias: None,
    flags: "F:f:GK:NO:rst:wZ",
    usage: "[-GNrswZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs choose-tree for the attached client.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let current = state
        .clients
        .get(&ctx.client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let mut items = Vec::new();
    let mut selected = 0;
    let mut sessions: Vec<_> = state.sessions.iter().collect();
    sessions.sort_by(|a, b| a.name.cmp(&b.name));
    for s in sessions {
        let attached = state.clients.values().any(|c| c.session == Some(s.id));
        if s.id == current {
            selected = items.len();
        }
        items.push(ChooseItem {
            label: format!(
                "({}) - {}: {} windows{}",
                items.len(),
                s.name,
                s.windows.len(),
                if attached { " (attached)" } else { "" }
            ),
            command: format!("switch-client -t '${}'", s.id.0),
            ..ChooseItem::default()
        });
        if args.has('s') {
            continue;
        }
        for w in &s.windows {
            if s.id == current && w.id == s.current {
                selected = items.len();
            }
            let flags = w.flags(w.id == s.current, s.last_window() == Some(w.id));
            items.push(ChooseItem {
                label: format!(
                    "({})   - {}: {}{} ({} panes)",
                    items.len(),
                    w.index,
                    w.name,
                    flags,
                    w.layout.len()
                ),
                command: format!("switch-client -t '@{}'", w.id.0),
                preview: Preview::Pane(w.active),
                ..ChooseItem::default()
            });
            if w.layout.len() < 2 {
                continue;
            }
            for (i, pane) in w.panes().into_iter().enumerate() {
                let title = state
                    .panes
                    .get(&pane)
                    .map(|p| p.title().to_string())
                    .unwrap_or_default();
                items.push(ChooseItem {
                    label: format!("({})     - {i}: %{} \"{title}\"", items.len(), pane.0),
                    command: format!(
                        "switch-client -t '@{}' ; select-pane -t '%{}'",
                        w.id.0, pane.0
                    ),
                    preview: Preview::Pane(pane),
                    ..ChooseItem::default()
                });
            }
        }
    }
    if let Some(c) = state.clients.get_mut(&ctx.client) {
        c.mode = Mode::Choose(Chooser {
            items,
            selected,
            ..Chooser::default()
        });
        c.dirty = true;
    }
    Ok(Outcome::Done)
}
