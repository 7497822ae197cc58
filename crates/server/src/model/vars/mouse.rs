//! The mouse's format variables while a mouse binding runs: `mouse_x` and `mouse_y` (in the
//! pane), `mouse_pane`, and the word and line under the pointer (`mouse_word`,
//! `mouse_line`), which the pane menu offers to search for, type or copy.

use super::Scope;
use crate::model::copy::CopyMode;
use crate::model::hit::Hit;
use crate::model::state::State;

/// Returns a `mouse_*` variable for the client in `scope`, empty when no mouse event is
/// being handled.
pub fn mouse_var(state: &State, scope: Scope, name: &str) -> Option<String> {
    if !matches!(
        name,
        "mouse_x" | "mouse_y" | "mouse_pane" | "mouse_word" | "mouse_line"
    ) {
        return None;
    }
    let target = scope
        .client
        .and_then(|c| state.clients.get(&c))
        .and_then(|c| c.mouse.current);
    let Some((pane, at)) = target.and_then(|t| match t.hit {
        Hit::Pane(pane, at) => Some((pane, at)),
        _ => None,
    }) else {
        return Some(String::new());
    };
    let p = state.panes.get(&pane)?;
    let term = p.copy_term();
    let top = p.copy.as_ref().map_or(term.screen_top(), |c| c.top);
    let line = top + u64::from(at.row);
    Some(match name {
        "mouse_x" => at.col.to_string(),
        "mouse_y" => at.row.to_string(),
        "mouse_pane" => format!("%{}", pane.0),
        "mouse_line" => term.line_text(line).trim_end().to_string(),
        _ => {
            let seps = state.options.window(p.window, "word-separators").as_text();
            CopyMode::word_at(term, &seps, (line, at.col))
                .map(|(a, b)| {
                    let cols = crate::model::copy::motion::columns(term, line);
                    let (a, b) = (
                        usize::from(a),
                        usize::from(b).min(cols.len().saturating_sub(1)),
                    );
                    cols.get(a..=b)
                        .map(|c| c.iter().collect())
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        }
    })
}
