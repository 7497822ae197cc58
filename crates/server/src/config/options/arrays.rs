//! Array options (`command-alias[0]`, `update-environment`, `terminal-overrides`) and hooks,
//! which tmux keeps as array options of sessions, windows and panes; and the options tmux has
//! that mux does not, accepted with a warning.

use std::collections::BTreeMap;

use super::{Kind, OptionSpec, Scope, Value};

/// Builds a hook's table entry.
const fn hook(name: &'static str, scope: Scope) -> OptionSpec {
    OptionSpec {
        name,
        scope,
        kind: Kind::Hook,
        default: "",
    }
}

const SESSION: Scope = Scope::Session;
const PANE: Scope = Scope::Pane;

/// tmux 3.3a's hooks, sorted: session hooks (global with `-g`, else a session's), and the
/// window and pane hooks (`-w`, `-p`).
pub const HOOKS: &[OptionSpec] = &[
    hook("after-bind-key", SESSION),
    hook("after-capture-pane", SESSION),
    hook("after-copy-mode", SESSION),
    hook("after-display-message", SESSION),
    hook("after-display-panes", SESSION),
    hook("after-kill-pane", SESSION),
    hook("after-list-buffers", SESSION),
    hook("after-list-clients", SESSION),
    hook("after-list-keys", SESSION),
    hook("after-list-panes", SESSION),
    hook("after-list-sessions", SESSION),
    hook("after-list-windows", SESSION),
    hook("after-load-buffer", SESSION),
    hook("after-lock-server", SESSION),
    hook("after-new-session", SESSION),
    hook("after-new-window", SESSION),
    hook("after-paste-buffer", SESSION),
    hook("after-pipe-pane", SESSION),
    hook("after-queue", SESSION),
    hook("after-refresh-client", SESSION),
    hook("after-rename-session", SESSION),
    hook("after-rename-window", SESSION),
    hook("after-resize-pane", SESSION),
    hook("after-resize-window", SESSION),
    hook("after-save-buffer", SESSION),
    hook("after-select-layout", SESSION),
    hook("after-select-pane", SESSION),
    hook("after-select-window", SESSION),
    hook("after-send-keys", SESSION),
    hook("after-set-buffer", SESSION),
    hook("after-set-environment", SESSION),
    hook("after-set-hook", SESSION),
    hook("after-set-option", SESSION),
    hook("after-show-environment", SESSION),
    hook("after-show-messages", SESSION),
    hook("after-show-options", SESSION),
    hook("after-split-window", SESSION),
    hook("after-unbind-key", SESSION),
    hook("alert-activity", SESSION),
    hook("alert-bell", SESSION),
    hook("alert-silence", SESSION),
    hook("client-active", SESSION),
    hook("client-attached", SESSION),
    hook("client-detached", SESSION),
    hook("client-focus-in", SESSION),
    hook("client-focus-out", SESSION),
    hook("client-resized", SESSION),
    hook("client-session-changed", SESSION),
    hook("pane-died", PANE),
    hook("pane-exited", PANE),
    hook("pane-focus-in", PANE),
    hook("pane-focus-out", PANE),
    hook("pane-mode-changed", PANE),
    hook("pane-set-clipboard", PANE),
    hook("pane-title-changed", PANE),
    hook("session-closed", SESSION),
    hook("session-created", SESSION),
    hook("session-renamed", SESSION),
    hook("session-window-changed", SESSION),
    hook("window-layout-changed", PANE),
    hook("window-linked", SESSION),
    hook("window-pane-changed", PANE),
    hook("window-renamed", PANE),
    hook("window-resized", PANE),
    hook("window-unlinked", SESSION),
];

/// Options of tmux (3.3a, and a few later ones people put in their configs) that mux does
/// not have: setting one is accepted with a warning, so a tmux config still loads.
pub const TMUX_ONLY: &[&str] = &[
    "activity-action",
    "alternate-screen",
    "assume-paste-time",
    "backspace",
    "bell-action",
    "copy-mode-position-format",
    "copy-mode-selection-style",
    "cursor-colour",
    "cursor-style",
    "detach-on-destroy",
    "editor",
    "exit-unattached",
    "extended-keys",
    "extended-keys-format",
    "fill-character",
    "key-table",
    "lock-after-time",
    "lock-command",
    "menu-border-lines",
    "menu-border-style",
    "menu-selected-style",
    "menu-style",
    "other-pane-height",
    "other-pane-width",
    "pane-colours",
    "pane-scrollbars",
    "pane-scrollbars-position",
    "pane-scrollbars-style",
    "popup-border-lines",
    "popup-border-style",
    "popup-style",
    "prompt-cursor-colour",
    "prompt-cursor-style",
    "remain-on-exit-format",
    "scroll-on-clear",
    "silence-action",
    "status-format",
    "user-keys",
    "window-active-style",
    "window-style",
    "xterm-keys",
];

/// Returns the warning for an option tmux has and mux does not, or None.
pub fn unsupported(name: &str) -> Option<String> {
    let (base, _) = split_index(name).ok()?;
    TMUX_ONLY
        .contains(&base)
        .then(|| format!("option not supported yet: {base} (ignored)"))
}

/// Splits `name[N]` into the name and the index.
pub fn split_index(name: &str) -> Result<(&str, Option<u32>), String> {
    let Some(open) = name.find('[') else {
        return Ok((name, None));
    };
    let index = name[open + 1..]
        .strip_suffix(']')
        .and_then(|n| n.parse::<u32>().ok())
        .ok_or_else(|| format!("invalid option: {name}"))?;
    Ok((&name[..open], Some(index)))
}

/// Returns the elements a value sets: a hook's command whole, an array's text split at its
/// separators (empty parts dropped).
pub fn parts(kind: Kind, text: &str) -> Vec<String> {
    match kind {
        Kind::Array(sep) => text
            .split(|c| sep.contains(c))
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect(),
        _ if text.is_empty() => Vec::new(),
        _ => vec![text.to_string()],
    }
}

/// Returns an array value of `items`, numbered from 0.
pub fn array(items: Vec<String>) -> Value {
    Value::Array((0u32..).zip(items).collect::<BTreeMap<u32, String>>())
}

/// Returns `name` with an index as show-options prints an element.
pub fn element_name(name: &str, index: u32) -> String {
    format!("{name}[{index}]")
}
