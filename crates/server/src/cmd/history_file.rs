//! history-file: the command prompt's history is read from this file the first time a prompt
//! opens after the option names it, and written back after every entry (tmux writes it at
//! exit; writing at once loses nothing when the server is killed).

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;

use crate::model::state::State;

/// Returns the history file's path, `~/` expanded, or `None` when the option is empty.
fn path(state: &State) -> Option<String> {
    let name = state.options.server("history-file").as_text();
    if name.is_empty() {
        return None;
    }
    Some(match name.strip_prefix("~/") {
        Some(rest) => format!("{}/{rest}", std::env::var("HOME").unwrap_or_default()),
        None => name,
    })
}

/// Reads the history file into the prompt history (its entries first) unless it was read
/// already.
pub fn load_once(state: &mut State) {
    let Some(path) = path(state) else {
        return;
    };
    if state.history_file_read.as_deref() == Some(path.as_str()) {
        return;
    }
    state.history_file_read = Some(path.clone());
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let mut history: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    history.append(&mut state.prompt_history);
    let limit = state.options.server("prompt-history-limit").as_count();
    let excess = history.len().saturating_sub(limit);
    history.drain(..excess);
    state.prompt_history = history;
}

/// Writes the prompt history to the history file (mode 0600), logging a failure.
pub fn save(state: &State) {
    let Some(path) = path(state) else {
        return;
    };
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .and_then(|mut f| {
            let text: String = state
                .prompt_history
                .iter()
                .map(|l| format!("{l}\n"))
                .collect();
            f.write_all(text.as_bytes())
        });
    if let Err(e) = result {
        crate::log::log!("history-file {path}: {e}");
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn the_history_is_read_when_a_prompt_opens_and_written_after_each_entry() {
        let dir = std::env::temp_dir().join(format!("mux-histfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("history");
        std::fs::write(&file, "display-message -p old\n").unwrap();
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok(&format!("set -s history-file {}", file.display()));
        h.keys(c, "C-b : Up");
        assert_eq!(h.status_line(c), ":display-message -p old");
        h.keys(c, "C-u");
        h.type_text(c, "new-window");
        h.keys(c, "Enter");
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text, "display-message -p old\nnew-window\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
