//! Taking the running server's sessions as [`Saved`] data: names, sizes, options, each
//! window's layout with its sizes in cells, and each pane's directory, foreground command
//! (when it is not a shell), title and, when asked, its history and screen.

use mux_term_emu::Terminal;

use crate::config::options::{OptionTarget, Scope};
use crate::ids::{PaneId, SessionId};
use crate::model::layout::{Split, Tree};
use crate::model::persist::{
    NodeKind, Saved, SavedNode, SavedOption, SavedPane, SavedSession, SavedSize, SavedWindow,
};
use crate::model::state::State;
use crate::model::window::Window;

/// The most lines of history kept for one pane.
pub const HISTORY_LINES: usize = 10_000;

/// The most bytes of history kept for one pane (the newest lines are kept).
pub const HISTORY_BYTES: usize = 1 << 20;

/// Programs that are shells: a pane whose foreground is one is restored with a shell.
const SHELLS: &[&str] = &[
    "sh", "bash", "zsh", "fish", "dash", "ksh", "mksh", "tcsh", "csh", "ash", "nu", "elvish",
    "xonsh",
];

/// Returns every session, with the machine's boot id; panes keep their history when
/// `history` is on.
pub fn all(state: &State, history: bool) -> Saved {
    Saved {
        boot: state.os.boot_id(),
        sessions: state
            .sessions
            .iter()
            .filter_map(|s| session(state, s.id, history))
            .collect(),
    }
}

/// Returns one session.
pub fn session(state: &State, id: SessionId, history: bool) -> Option<SavedSession> {
    let s = state.session(id)?;
    let mut windows: Vec<&Window> = s.windows.iter().collect();
    windows.sort_by_key(|w| w.index);
    Some(SavedSession {
        name: s.name.clone(),
        size: Some(s.size),
        cwd: Some(s.cwd.clone()).filter(|c| !c.is_empty()),
        options: options(state, Scope::Session, OptionTarget::Session(id)),
        windows: windows
            .into_iter()
            .map(|w| window(state, w, s.current == w.id, history))
            .collect(),
    })
}

/// Returns one window.
fn window(state: &State, w: &Window, current: bool, history: bool) -> SavedWindow {
    let named = !state.options.window(w.id, "automatic-rename").as_flag();
    SavedWindow {
        index: Some(w.index),
        name: named.then(|| w.name.clone()),
        active: current,
        zoomed: w.zoomed,
        size: Some(w.layout.size()),
        options: options(state, Scope::Window, OptionTarget::Window(w.id)),
        layout: node(state, w, &w.layout.tree(), None, history),
    }
}

/// Returns a layout node, its size along `parent`'s direction.
fn node(state: &State, w: &Window, tree: &Tree, parent: Option<Split>, history: bool) -> SavedNode {
    let size = parent.map(|axis| SavedSize::Cells(tree.len(axis)));
    let kind = match tree {
        Tree::Pane { pane, .. } => NodeKind::Pane(pane_of(state, w, *pane, history)),
        Tree::Split { dir, children, .. } => NodeKind::Split(
            *dir,
            children
                .iter()
                .map(|c| node(state, w, c, Some(*dir), history))
                .collect(),
        ),
    };
    SavedNode { size, kind }
}

/// Returns one pane.
fn pane_of(state: &State, w: &Window, id: PaneId, history: bool) -> SavedPane {
    let Some(p) = state.panes.get(&id) else {
        return SavedPane::default();
    };
    let command = if p.exit_status.is_none() {
        state
            .os
            .process_argv(p.foreground())
            .filter(|argv| !is_shell(argv))
            .map(|argv| {
                let words: Vec<String> = argv
                    .iter()
                    .map(|a| crate::model::persist::shell_quote(a))
                    .collect();
                words.join(" ")
            })
    } else {
        None
    };
    SavedPane {
        cwd: Some(p.current_path()).filter(|c| !c.is_empty()),
        command,
        title: Some(p.term.title().to_string()).filter(|t| !t.is_empty()),
        active: w.active == id && w.layout.len() > 1,
        options: options(state, Scope::Pane, OptionTarget::Pane(id, w.id)),
        history: if history {
            history_lines(&p.term)
        } else {
            Vec::new()
        },
    }
}

/// Returns whether a command line runs a shell (a login shell's argv[0] starts with `-`).
fn is_shell(argv: &[String]) -> bool {
    let Some(first) = argv.first() else {
        return true;
    };
    let name = first.rsplit('/').next().unwrap_or(first);
    SHELLS.contains(&name.trim_start_matches('-'))
}

/// Returns the options set on an object, as name and value.
fn options(state: &State, scope: Scope, target: OptionTarget) -> Vec<SavedOption> {
    let lines = state.options.show(scope, target, None).unwrap_or_default();
    let values = state
        .options
        .show_values(scope, target, None)
        .unwrap_or_default();
    // An empty array is listed by name alone and has no value: it is left out of both.
    lines
        .iter()
        .filter_map(|l| l.split_once(' ').map(|(name, _)| name.to_string()))
        .zip(values)
        .map(|(name, value)| SavedOption { name, value })
        .collect()
}

/// Returns a pane's history and then its screen (unless a full-screen program has the
/// alternate screen), with SGR sequences, bounded by [`HISTORY_LINES`] and
/// [`HISTORY_BYTES`], newest kept.
pub fn history_lines(term: &Terminal) -> Vec<String> {
    let h = term.history();
    let mut lines: Vec<String> = (0..h.len())
        .filter_map(|i| h.formatted(i).map(str::to_string))
        .collect();
    if !term.modes().alternate_screen {
        lines.extend((0..term.size().rows).map(|r| term.row_formatted(r)));
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut bytes = 0;
    let keep = lines
        .iter()
        .rev()
        .take(HISTORY_LINES)
        .take_while(|l| {
            bytes += l.len() + 1;
            bytes <= HISTORY_BYTES
        })
        .count();
    lines.split_off(lines.len() - keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mux_term_emu::Size;

    #[test]
    fn shells_are_not_commands_to_restore() {
        let argv = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert!(is_shell(&argv(&["-bash"])));
        assert!(is_shell(&argv(&["/bin/zsh", "-l"])));
        assert!(!is_shell(&argv(&["less", "notes.txt"])));
        assert!(is_shell(&[]));
    }

    #[test]
    fn history_keeps_the_newest_lines_and_the_screen_with_their_colours() {
        let mut t = Terminal::new(Size { rows: 3, cols: 20 }, 100);
        for n in 0..10 {
            t.process(format!("\x1b[1mline {n}\x1b[m\r\n").as_bytes());
        }
        t.process(b"$ ");
        let lines = history_lines(&t);
        assert_eq!(lines.len(), 11);
        assert!(lines[0].contains("line 0") && lines[0].contains("\x1b["));
        assert_eq!(lines[10], "$");
        // The alternate screen is a program's, not history.
        t.process(b"\x1b[?1049hFULL SCREEN");
        assert!(history_lines(&t).iter().all(|l| !l.contains("FULL")));
    }
}
