//! Keys from attached clients: client modes first (prompt, chooser, pane numbers), then the
//! key tables (the prefix key, the prefix table with repeatable bindings, the root table),
//! and every other key to the active pane encoded for its modes (DESIGN 4).

use std::time::Duration;

use mux_protocol::{Key, KeyCode, Mods};

use crate::ids::ClientId;
use crate::model::menu::MenuAction;
use crate::model::mode::{ChooseAction, Chooser, Mode, PromptAction};
use crate::model::state::State;

/// Handles a key from an attached client. A key clears a message on its status line.
pub fn handle_key(state: &mut State, client: ClientId, key: Key) {
    if let Some(c) = state.clients.get_mut(&client) {
        if c.message.take().is_some() {
            c.dirty = true;
        }
    }
    if handle_mode(state, client, key) {
        return;
    }
    let Some(sid) = state.clients.get(&client).and_then(|c| c.session) else {
        return;
    };
    let now = state.os.now();
    let Some(c) = state.clients.get_mut(&client) else {
        return;
    };
    let repeating = c.repeat_until.is_some_and(|t| now < t);
    if c.key_table == "prefix" || repeating {
        c.key_table = "root".into();
        c.repeat_until = None;
        if c.prefix_hint.take().is_some_and(|(_, shown)| shown) {
            c.dirty = true;
        }
        let binding = state
            .keys
            .get("prefix", key)
            .map(|b| (b.command.clone(), b.repeat));
        match binding {
            Some((command, repeat)) if repeat || !repeating => {
                if repeat {
                    let ms = state.options.session(sid, "repeat-time").as_number().max(0);
                    if let Some(c) = state.clients.get_mut(&client) {
                        c.repeat_until = Some(now + Duration::from_millis(ms as u64));
                    }
                }
                crate::cmd::run_binding(state, client, &command);
                return;
            }
            // Not bound (or not repeatable while repeating): dropped after the prefix, as
            // in tmux; while repeating it is an ordinary key again.
            _ if !repeating => return,
            _ => {}
        }
    }
    if is_prefix(state, sid, key) {
        let delay = state.options.session(sid, "prefix-hint-delay").as_number();
        let delay = u64::try_from(delay).unwrap_or(0);
        if let Some(c) = state.clients.get_mut(&client) {
            c.key_table = "prefix".into();
            c.prefix_hint = (delay > 0).then(|| (now + Duration::from_millis(delay), false));
        }
        return;
    }
    let table = root_table(state, client);
    let bound = state.keys.get(table, key).or_else(|| {
        // In view mode (a read-only list) the vi keys work with emacs keys too: `/`, `n`,
        // `j`, `k` as well as the arrows.
        let viewing = state
            .client_pane(client)
            .and_then(|p| state.panes.get(&p))
            .is_some_and(|p| p.view.is_some());
        viewing
            .then(|| state.keys.get("copy-mode-vi", key))
            .flatten()
    });
    if let Some(command) = bound.map(|b| b.command.clone()) {
        crate::cmd::run_binding(state, client, &command);
        return;
    }
    // In copy mode an unbound key does nothing; the program does not see it. In clock
    // mode it leaves the clock.
    if table == "root" && !leave_clock(state, client) {
        crate::model::keys::send_key(state, client, key);
    }
}

/// Takes the client's active pane out of clock mode; returns whether it was in it.
fn leave_clock(state: &mut State, client: ClientId) -> bool {
    let Some(p) = state.client_pane_mut(client) else {
        return false;
    };
    if !p.clock {
        return false;
    }
    p.clock = false;
    let (sid, wid, pane) = (p.session, p.window, p.id);
    state.mark_session_dirty(sid);
    state.notify("pane-mode-changed", Some(sid), Some(wid), Some(pane));
    true
}

/// Returns the table a key without the prefix is looked up in: the copy-mode table of the
/// client's `mode-keys` when its active pane is in copy mode, else `root` (as tmux).
fn root_table(state: &State, client: ClientId) -> &'static str {
    let Some(pane) = state.client_pane(client) else {
        return "root";
    };
    match state.panes.get(&pane) {
        Some(p) if p.copy.is_some() => {
            if state.options.window(p.window, "mode-keys").as_text() == "vi" {
                "copy-mode-vi"
            } else {
                "copy-mode"
            }
        }
        _ => "root",
    }
}

/// Returns whether `key` is the session's prefix or prefix2.
fn is_prefix(state: &State, sid: crate::ids::SessionId, key: Key) -> bool {
    ["prefix", "prefix2"].iter().any(|name| {
        let text = state.options.session(sid, name).as_text();
        crate::config::keyname::parse_key(&text) == Some(key)
    })
}

/// Gives a key to the client's mode when it has one; returns whether it was taken.
fn handle_mode(state: &mut State, client: ClientId, key: Key) -> bool {
    let Some(c) = state.clients.get_mut(&client) else {
        return true;
    };
    let mut save_history = false;
    let mut at = None;
    let run = match &mut c.mode {
        Mode::Normal => return false,
        Mode::Prompt(p) => match p.key(key) {
            PromptAction::Continue => None,
            PromptAction::Cancel => Some(None),
            PromptAction::Run(line) => {
                if !p.confirm {
                    let entry = p.input.clone();
                    remember(&mut state.prompt_history, entry, &state.options);
                    save_history = true;
                }
                Some(Some(line))
            }
            PromptAction::Update(line) => {
                c.dirty = true;
                crate::cmd::run_binding(state, client, &line);
                return true;
            }
            PromptAction::RunAndPass(line) => {
                c.mode = Mode::Normal;
                c.dirty = true;
                crate::cmd::run_binding(state, client, &line);
                return false;
            }
        },
        Mode::Choose(ch) => match ch.key(key) {
            ChooseAction::Continue => None,
            ChooseAction::Cancel => Some(None),
            ChooseAction::Run(line) => Some(Some(line)),
            ChooseAction::Delete(line) => {
                let (old, refresh) = (ch.clone(), ch.refresh.clone());
                c.dirty = true;
                crate::cmd::run_binding(state, client, &line);
                reopen(state, client, refresh, &old);
                return true;
            }
            ChooseAction::Rebuild(refresh) => {
                let old = ch.clone();
                c.dirty = true;
                reopen(state, client, Some(refresh), &old);
                return true;
            }
        },
        Mode::PaneNumbers(_) => Some(pane_number_command(key)),
        Mode::Menu(m) => {
            at = m.target;
            match m.key(key) {
                MenuAction::Continue => None,
                MenuAction::Cancel => Some(None),
                MenuAction::Run(line) => Some(Some(line)),
            }
        }
    };
    c.dirty = true;
    if let Some(line) = run {
        c.mode = Mode::Normal;
        if save_history {
            crate::cmd::history_file::save(state);
        }
        if let Some(line) = line {
            crate::cmd::run_binding_at(state, client, &line, at);
        }
    }
    true
}

/// Builds a chooser's list again (after an item was deleted, or in another sort order),
/// keeping the folds, tags, filter and highlighted item of the old one; with no items left
/// the chooser closes.
fn reopen(state: &mut State, client: ClientId, refresh: Option<String>, old: &Chooser) {
    if let Some(refresh) = refresh {
        crate::cmd::run_binding(state, client, &refresh);
    }
    let Some(c) = state.clients.get_mut(&client) else {
        return;
    };
    if let Mode::Choose(ch) = &mut c.mode {
        if ch.items.is_empty() {
            c.mode = Mode::Normal;
        } else {
            ch.keep_state(old);
        }
    }
}

/// Adds a prompt's input to the history, unless empty or the same as the newest, keeping at
/// most `prompt-history-limit` entries.
fn remember(
    history: &mut Vec<String>,
    entry: String,
    options: &crate::config::options::OptionStore,
) {
    if entry.is_empty() || history.last() == Some(&entry) {
        return;
    }
    history.push(entry);
    let limit = options.server("prompt-history-limit").as_count();
    let excess = history.len().saturating_sub(limit);
    history.drain(..excess);
}

/// Returns the command a digit typed over the pane numbers runs.
fn pane_number_command(key: Key) -> Option<String> {
    match key.code {
        KeyCode::Char(c) if c.is_ascii_digit() && key.mods == Mods::NONE => {
            Some(format!("select-pane -t :.{c}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_over_pane_numbers_select_panes() {
        let k = |c| Key {
            code: KeyCode::Char(c),
            mods: Mods::NONE,
        };
        assert_eq!(
            pane_number_command(k('3')).as_deref(),
            Some("select-pane -t :.3")
        );
        assert_eq!(pane_number_command(k('x')), None);
    }
}
