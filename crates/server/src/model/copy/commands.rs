//! The copy-mode commands, by tmux's names (`send-keys -X cursor-up`), and where copied text
//! goes: a paste buffer, the clients' clipboards (OSC 52, as `set-clipboard` says) and,
//! for `copy-pipe` or with `copy-command`, a command's standard input.

use mux_protocol::ServerMsg;

use super::motion::{line_end, line_len, line_start, ViewLine};
use super::search::Direction;
use super::select::text_between;
use super::{CopyMode, Jump};
use crate::ids::PaneId;
use crate::model::state::State;

/// What a command did to copy mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Copy mode goes on.
    Stay,
    /// Copy mode ends.
    Leave,
}

/// The options a copy-mode command reads.
struct Keys {
    /// Whether `mode-keys` is vi.
    vi: bool,
    /// The word separators.
    separators: String,
    /// Whether searches wrap round the ends.
    wrap: bool,
}

/// Enters copy mode on a pane, unless it is in it already; returns whether it entered.
pub fn enter(state: &mut State, pane: PaneId) -> bool {
    let Some(p) = state.panes.get_mut(&pane) else {
        return false;
    };
    if p.copy.is_some() {
        return false;
    }
    p.copy = Some(CopyMode::new(&p.term));
    let (sid, wid) = (p.session, p.window);
    crate::model::rename::became_active(state, pane);
    state.mark_session_dirty(sid);
    state.notify("pane-mode-changed", Some(sid), Some(wid), Some(pane));
    true
}

/// Leaves copy mode on a pane.
pub fn leave(state: &mut State, pane: PaneId) {
    if let Some(p) = state.panes.get_mut(&pane) {
        p.view = None;
        if p.copy.take().is_some() {
            let (sid, wid) = (p.session, p.window);
            crate::model::rename::became_active(state, pane);
            state.mark_session_dirty(sid);
            state.notify("pane-mode-changed", Some(sid), Some(wid), Some(pane));
        }
    }
}

/// Runs copy-mode command `name` with `args` on a pane in copy mode, `repeat` times.
pub fn run(
    state: &mut State,
    pane: PaneId,
    name: &str,
    args: &[String],
    repeat: usize,
) -> Result<(), String> {
    let p = state.panes.get_mut(&pane).ok_or("no such pane")?;
    let Some(copy) = p.copy.as_mut() else {
        return Err("not in a mode".into());
    };
    let repeat = copy.prefix.take().unwrap_or(repeat);
    let p = state.panes.get(&pane).ok_or("no such pane")?;
    let opts = &state.options;
    let keys = Keys {
        vi: opts.window(p.window, "mode-keys").as_text() == "vi",
        separators: opts.window(p.window, "word-separators").as_text(),
        wrap: opts.window(p.window, "wrap-search").as_flag(),
    };
    // `page-down-and-cancel` and its kind move, and leave once at the bottom, as tmux.
    let (name, cancel_at_bottom) = match name.strip_suffix("-and-cancel") {
        Some(b @ ("cursor-down" | "halfpage-down" | "page-down" | "scroll-down")) => (b, true),
        _ => (name, false),
    };
    let then = match copy_command(state, pane, name, args, &keys)? {
        Some(then) => then,
        None => {
            let before = position(state, pane);
            for _ in 0..repeat.max(1) {
                step(state, pane, name, args, &keys)?;
            }
            let after = position(state, pane);
            let at_bottom = match name {
                "cursor-down" => after == before,
                _ => after.is_some_and(|(_, back)| back == 0),
            };
            // `copy-mode -e` ends when scrolling (not moving the cursor) reaches the bottom.
            let scrolls = matches!(name, "scroll-down" | "page-down" | "halfpage-down");
            if cancel_at_bottom && at_bottom {
                Then::Leave
            } else if scrolls {
                leave_at_bottom(state, pane)
            } else {
                Then::Stay
            }
        }
    };
    if then == Then::Leave {
        leave(state, pane);
    } else if let Some(p) = state.panes.get(&pane) {
        let sid = p.session;
        state.mark_session_dirty(sid);
    }
    Ok(())
}

/// Runs one step of a command that moves, selects or searches.
fn step(
    state: &mut State,
    pane: PaneId,
    name: &str,
    args: &[String],
    keys: &Keys,
) -> Result<(), String> {
    let p = state.panes.get_mut(&pane).ok_or("no such pane")?;
    let term = p.view.as_ref().unwrap_or(&p.term);
    let Some(c) = p.copy.as_mut() else {
        return Ok(());
    };
    let arg = args.first().map(String::as_str).unwrap_or("");
    let seps = keys.separators.as_str();
    match name {
        "cursor-up" => c.cursor_vertical(term, true),
        "cursor-down" => c.cursor_vertical(term, false),
        "cursor-left" => c.cursor_left(term),
        "cursor-right" => c.cursor_right(term),
        "start-of-line" => c.start_of_line(term),
        "end-of-line" => c.end_of_line(term),
        "back-to-indentation" => c.back_to_indentation(term),
        "next-word" => c.next_word(term, seps),
        "next-word-end" => c.next_word_end(term, seps, keys.vi),
        "previous-word" => c.previous_word(term, seps),
        "next-space" => c.next_word(term, ""),
        "next-space-end" => c.next_word_end(term, "", keys.vi),
        "previous-space" => c.previous_word(term, ""),
        "top-line" => c.view_line(term, ViewLine::Top),
        "middle-line" => c.view_line(term, ViewLine::Middle),
        "bottom-line" => c.view_line(term, ViewLine::Bottom),
        "history-top" => c.history_top(term),
        "history-bottom" => c.history_bottom(term),
        "page-up" => c.page(term, true, false),
        "page-down" => c.page(term, false, false),
        "halfpage-up" => c.page(term, true, true),
        "halfpage-down" => c.page(term, false, true),
        "scroll-up" => c.scroll(term, -1),
        "scroll-down" => c.scroll(term, 1),
        "next-matching-bracket" => c.matching_bracket(term, false),
        "previous-matching-bracket" => c.matching_bracket(term, true),
        "next-paragraph" => c.paragraph(term, false),
        "previous-paragraph" => c.paragraph(term, true),
        "jump-forward" | "jump-backward" | "jump-to-forward" | "jump-to-backward" => {
            let target = arg.chars().next().ok_or("no character to jump to")?;
            let jump = Jump {
                target,
                forward: name.ends_with("forward"),
                before: name.starts_with("jump-to"),
            };
            c.jump(term, jump);
        }
        "jump-again" | "jump-reverse" => {
            if let Some(saved) = c.jump {
                let forward = saved.forward ^ (name == "jump-reverse");
                c.jump(term, Jump { forward, ..saved });
                // `;` and `,` keep the direction of the jump they repeat.
                c.jump = Some(saved);
            }
        }
        "goto-line" => {
            let n = arg
                .trim()
                .parse::<u64>()
                .map_err(|_| format!("invalid line: {arg}"))?;
            c.goto_line(term, n);
        }
        "begin-selection" => c.begin_selection(),
        "select-line" => c.select_line(term),
        "select-word" => c.select_word(term, seps, keys.vi),
        "rectangle-toggle" => c.rectangle_toggle(),
        "rectangle-on" | "rectangle-off" => {
            if (c.kind == super::SelKind::Rect) != (name == "rectangle-on") {
                c.rectangle_toggle();
            }
        }
        "other-end" => c.other_end(term),
        "clear-selection" => c.clear_selection(),
        "stop-selection" => c.stop_selection(),
        "search-forward" | "search-forward-text" | "search-backward" | "search-backward-text" => {
            let dir = Direction {
                forward: name.starts_with("search-forward"),
                wrap: keys.wrap,
                literal: name.ends_with("-text"),
            };
            c.search(term, arg, dir);
        }
        "search-forward-incremental" => c.search_incremental(term, arg, true, keys.wrap),
        "search-backward-incremental" => c.search_incremental(term, arg, false, keys.wrap),
        "search-again" | "search-reverse" => {
            let forward = c.search.as_ref().is_none_or(|s| s.forward) ^ (name == "search-reverse");
            c.search_step(term, forward, keys.wrap, false);
        }
        "set-mark" => c.mark = Some((c.cy, c.cx)),
        "jump-to-mark" => {
            if let Some(mark) = c.mark {
                c.mark = Some((c.cy, c.cx));
                (c.cy, c.cx) = mark;
                c.show_cursor(term);
            }
        }
        "toggle-position" => c.hide_position = !c.hide_position,
        "refresh-from-pane" => c.clamp(term),
        _ => return Err(format!("unknown copy-mode command: {name}")),
    }
    Ok(())
}

/// Returns where a pane's copy-mode cursor is and how far back its view is.
fn position(state: &State, pane: PaneId) -> Option<((u64, u16), u64)> {
    let p = state.panes.get(&pane)?;
    let c = p.copy.as_ref()?;
    Some(((c.cy, c.cx), c.scrolled_back(p.copy_term())))
}

/// Leaves copy mode when it was entered with `-e` and the view is back at the bottom.
fn leave_at_bottom(state: &State, pane: PaneId) -> Then {
    let Some(p) = state.panes.get(&pane) else {
        return Then::Stay;
    };
    match &p.copy {
        Some(c) if c.exit_at_bottom && c.scrolled_back(p.copy_term()) == 0 && c.sel.is_none() => {
            Then::Leave
        }
        _ => Then::Stay,
    }
}

/// Runs the commands that copy or leave; `None` for any other.
fn copy_command(
    state: &mut State,
    pane: PaneId,
    name: &str,
    args: &[String],
    keys: &Keys,
) -> Result<Option<Then>, String> {
    let cancel = name.ends_with("-and-cancel");
    let base = name
        .trim_end_matches("-and-cancel")
        .trim_end_matches("-no-clear");
    let text = match base {
        "cancel" => return Ok(Some(Then::Leave)),
        "copy-selection" | "copy-pipe" | "append-selection" | "pipe" => {
            selected(state, pane, keys.vi)
        }
        "copy-end-of-line" | "copy-pipe-end-of-line" => to_end_of_line(state, pane, keys.vi),
        "copy-line" | "copy-pipe-line" => whole_line(state, pane, keys.vi),
        _ => return Ok(None),
    };
    let Some(text) = text else {
        return Ok(Some(if cancel { Then::Leave } else { Then::Stay }));
    };
    if base == "pipe" {
        // The selection goes to the command only: no buffer, no clipboard.
        pipe_out(state, pane, text, args.first().cloned());
    } else if base == "append-selection" {
        copy_out(state, pane, text, Copy::Append, None);
    } else {
        let (pipe, prefix) = if base.starts_with("copy-pipe") {
            (args.first().cloned(), args.get(1))
        } else {
            (None, args.first())
        };
        let to = prefix.map_or(Copy::New, |p| Copy::Prefix(p));
        copy_out(state, pane, text, to, pipe);
    }
    if !name.ends_with("-no-clear") {
        if let Some(c) = state.panes.get_mut(&pane).and_then(|p| p.copy.as_mut()) {
            c.clear_selection();
        }
    }
    Ok(Some(if cancel { Then::Leave } else { Then::Stay }))
}

/// Returns the selected text of a pane in copy mode.
fn selected(state: &State, pane: PaneId, vi: bool) -> Option<String> {
    let p = state.panes.get(&pane)?;
    p.copy.as_ref()?.selection_text(p.copy_term(), vi)
}

/// Returns the text from the cursor to the end of its line (`D`, `C-k`), the rows it wrapped
/// onto included; with vi keys, the newline too (the end is inclusive).
fn to_end_of_line(state: &State, pane: PaneId, vi: bool) -> Option<String> {
    let p = state.panes.get(&pane)?;
    let c = p.copy.as_ref()?;
    let term = p.copy_term();
    let last = line_end(term, c.cy);
    Some(text_between(
        term,
        (c.cy, c.cx),
        (last, line_len(term, last)),
        vi,
    ))
}

/// Returns the cursor's whole line, all the rows it wrapped onto; with vi keys, its newline
/// too.
fn whole_line(state: &State, pane: PaneId, vi: bool) -> Option<String> {
    let p = state.panes.get(&pane)?;
    let c = p.copy.as_ref()?;
    let term = p.copy_term();
    let last = line_end(term, c.cy);
    let first = (line_start(term, c.cy), 0);
    Some(text_between(term, first, (last, line_len(term, last)), vi))
}

/// Moves the copy-mode cursor (and so a selection's end) to a point of the pane while the
/// mouse drags; at the top or bottom row the view scrolls a line.
pub fn drag_to(state: &mut State, pane: PaneId, at: mux_protocol::Point) {
    let Some(p) = state.panes.get_mut(&pane) else {
        return;
    };
    let term = p.view.as_ref().unwrap_or(&p.term);
    let Some(c) = p.copy.as_mut() else {
        return;
    };
    let h = CopyMode::height(term);
    if at.row == 0 {
        c.scroll(term, -1);
    } else if u64::from(at.row) + 1 >= h {
        c.scroll(term, 1);
    }
    c.cy = (c.top + u64::from(at.row)).min(CopyMode::last(term));
    c.cx = at.col.min(line_len(term, c.cy));
    c.want_cx = c.cx;
    let sid = p.session;
    state.mark_session_dirty(sid);
}

/// Which buffer a copy goes to.
#[derive(Debug, Clone, Copy)]
pub enum Copy<'a> {
    /// A new automatic buffer (`bufferN`).
    New,
    /// A new automatic buffer named with this prefix and a number, as tmux.
    Prefix(&'a str),
    /// The end of the newest buffer (`append-selection`), or a new one when there is none.
    Append,
}

/// Puts copied text in a buffer (`to`), sends it to the clients' clipboards as
/// `set-clipboard` says, and pipes it to `pipe` (or `copy-command`) when set.
pub fn copy_out(state: &mut State, pane: PaneId, text: String, to: Copy, pipe: Option<String>) {
    let limit = state.options.server("buffer-limit").as_count().max(1);
    match to {
        Copy::Append if state.buffers.append(None, &text) => {}
        Copy::Prefix(prefix) => state.buffers.add_automatic(prefix, text.clone(), limit),
        _ => state.buffers.add(None, text.clone(), limit),
    }
    let Some(p) = state.panes.get(&pane) else {
        return;
    };
    let sid = p.session;
    if state.options.server("set-clipboard").as_text() != "off" {
        let data = crate::model::base64::encode(text.as_bytes());
        for c in state.clients.values().filter(|c| c.session == Some(sid)) {
            c.send(ServerMsg::Clipboard(data.clone()));
        }
    }
    pipe_out(state, pane, text, pipe);
}

/// Pipes copied text to `command` (else `copy-command`), run in the pane's directory, when
/// there is one.
fn pipe_out(state: &mut State, pane: PaneId, text: String, command: Option<String>) {
    let Some(cwd) = state.panes.get(&pane).map(|p| p.current_path()) else {
        return;
    };
    let command = command
        .filter(|c| !c.is_empty())
        .or_else(|| Some(state.options.server("copy-command").as_text()))
        .filter(|c| !c.is_empty());
    if let Some(command) = command {
        state.os.pipe_to(&command, text.into_bytes(), &cwd);
    }
}
