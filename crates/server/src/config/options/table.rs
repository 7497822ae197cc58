//! The options mux knows, with tmux 3.3a's names, scopes, value kinds and defaults.

use super::Kind::{self, Choice, Colour, Flag, Style, Text};
use super::{OptionSpec, Scope};

/// tmux's upper limit for most numbers (`INT_MAX`).
const INT_MAX: i64 = i32::MAX as i64;

/// Builds a table entry.
const fn opt(name: &'static str, scope: Scope, kind: Kind, default: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        scope,
        kind,
        default,
    }
}

/// A number from `min` to `max`.
const fn num(min: i64, max: i64) -> Kind {
    Kind::Number { min, max }
}

const SERVER: Scope = Scope::Server;
const SESSION: Scope = Scope::Session;
const WINDOW: Scope = Scope::Window;
const PANE: Scope = Scope::Pane;

const OFF_ON_BOTH: &[&str] = &["off", "on", "both"];
const KEYS: &[&str] = &["emacs", "vi"];

/// Every option, sorted by name. Defaults are tmux 3.3a's except `escape-time` (10, tmux's
/// later default), `set-clipboard` (`on`) and `default-shell` (empty, meaning `$SHELL`).
/// `main-pane-height` and `main-pane-width` are text because tmux 3.3a also takes `50%`.
pub const OPTIONS: &[OptionSpec] = &[
    opt("aggressive-resize", WINDOW, Flag, "off"),
    opt(
        "allow-passthrough",
        PANE,
        Choice(&["off", "on", "all"]),
        "off",
    ),
    opt("allow-rename", PANE, Flag, "off"),
    opt("automatic-rename", WINDOW, Flag, "on"),
    opt(
        "automatic-rename-format",
        WINDOW,
        Text,
        "#{?pane_in_mode,[mux],#{pane_current_command}}#{?pane_dead,[dead],}",
    ),
    opt("base-index", SESSION, num(0, INT_MAX), "0"),
    opt("buffer-limit", SERVER, num(1, INT_MAX), "50"),
    opt("clock-mode-colour", WINDOW, Colour, "blue"),
    opt("clock-mode-style", WINDOW, Choice(&["12", "24"]), "24"),
    opt(
        "command-alias",
        SERVER,
        Kind::Array(","),
        "split-pane=split-window,splitp=split-window,server-info=show-messages -JT,\
         info=show-messages -JT,choose-window=choose-tree -w,choose-session=choose-tree -s",
    ),
    opt("copy-command", SERVER, Text, ""),
    opt(
        "copy-mode-current-match-style",
        WINDOW,
        Style,
        "bg=magenta,fg=black",
    ),
    opt("copy-mode-mark-style", WINDOW, Style, "bg=red,fg=black"),
    opt("copy-mode-match-style", WINDOW, Style, "bg=cyan,fg=black"),
    opt("default-command", SESSION, Text, ""),
    opt("default-shell", SESSION, Text, ""),
    opt("default-size", SESSION, Text, "80x24"),
    opt("default-terminal", SERVER, Text, "tmux-256color"),
    opt("destroy-unattached", SESSION, Flag, "off"),
    opt("display-panes-active-colour", SESSION, Colour, "red"),
    opt("display-panes-colour", SESSION, Colour, "blue"),
    opt("display-panes-time", SESSION, num(1, INT_MAX), "1000"),
    opt("display-time", SESSION, num(0, INT_MAX), "750"),
    opt("escape-time", SERVER, num(0, INT_MAX), "10"),
    opt("exit-empty", SERVER, Flag, "on"),
    opt("focus-events", SERVER, Flag, "off"),
    opt("history-file", SERVER, Text, ""),
    opt("history-limit", SESSION, num(0, INT_MAX), "2000"),
    opt("main-pane-height", WINDOW, Text, "24"),
    opt("main-pane-width", WINDOW, Text, "80"),
    opt(
        "message-command-style",
        SESSION,
        Style,
        "bg=black,fg=yellow",
    ),
    opt("message-limit", SERVER, num(0, INT_MAX), "1000"),
    opt("message-style", SESSION, Style, "bg=yellow,fg=black"),
    opt("mode-keys", WINDOW, Choice(KEYS), "emacs"),
    opt("mode-style", WINDOW, Style, "bg=yellow,fg=black"),
    opt("monitor-activity", WINDOW, Flag, "off"),
    opt("monitor-bell", WINDOW, Flag, "on"),
    opt("monitor-silence", WINDOW, num(0, INT_MAX), "0"),
    opt("mouse", SESSION, Flag, "on"),
    opt(
        "pane-active-border-style",
        WINDOW,
        Style,
        "#{?pane_in_mode,fg=yellow,#{?synchronize-panes,fg=red,fg=green}}",
    ),
    opt("pane-base-index", WINDOW, num(0, u16::MAX as i64), "0"),
    opt(
        "pane-border-format",
        PANE,
        Text,
        "#{?pane_active,#[reverse],}#{pane_index}#[default] \"#{pane_title}\"",
    ),
    opt(
        "pane-border-indicators",
        WINDOW,
        Choice(&["off", "colour", "arrows", "both"]),
        "colour",
    ),
    opt(
        "pane-border-lines",
        WINDOW,
        Choice(&["single", "double", "heavy", "simple", "number"]),
        "single",
    ),
    opt(
        "pane-border-status",
        WINDOW,
        Choice(&["off", "top", "bottom"]),
        "off",
    ),
    opt("pane-border-style", WINDOW, Style, "default"),
    opt("prefix", SESSION, Kind::Key, "C-b"),
    opt("prefix-hint-delay", SESSION, num(0, INT_MAX), "600"),
    opt("prefix2", SESSION, Kind::Key, "None"),
    opt("prompt-history-limit", SERVER, num(0, INT_MAX), "100"),
    opt(
        "remain-on-exit",
        PANE,
        Choice(&["off", "on", "failed"]),
        "off",
    ),
    opt("renumber-windows", SESSION, Flag, "off"),
    opt("repeat-time", SESSION, num(0, i16::MAX as i64), "500"),
    // mux's own: saving and restoring sessions (README, "Saved sessions and layout files").
    opt("restore-history", SERVER, Flag, "off"),
    opt("restore-on-start", SERVER, Flag, "off"),
    opt(
        "restore-programs",
        SERVER,
        Text,
        "vim nvim less man top htop ssh",
    ),
    opt("save-file", SERVER, Text, ""),
    opt("save-interval", SERVER, num(0, 1440), "0"),
    opt(
        "set-clipboard",
        SERVER,
        Choice(&["off", "external", "on"]),
        "on",
    ),
    opt("set-titles", SESSION, Flag, "off"),
    opt(
        "set-titles-string",
        SESSION,
        Text,
        "#S:#I:#W - \"#T\" #{session_alerts}",
    ),
    opt(
        "status",
        SESSION,
        Choice(&["off", "on", "2", "3", "4", "5"]),
        "on",
    ),
    opt("status-bg", SESSION, Colour, "default"),
    opt("status-fg", SESSION, Colour, "default"),
    opt("status-interval", SESSION, num(0, INT_MAX), "15"),
    opt(
        "status-justify",
        SESSION,
        Choice(&["left", "centre", "right", "absolute-centre"]),
        "left",
    ),
    opt("status-keys", SESSION, Choice(KEYS), "emacs"),
    opt("status-left", SESSION, Text, "[#{session_name}] "),
    opt("status-left-length", SESSION, num(0, i16::MAX as i64), "10"),
    opt("status-left-style", SESSION, Style, "default"),
    opt(
        "status-position",
        SESSION,
        Choice(&["top", "bottom"]),
        "bottom",
    ),
    opt(
        "status-right",
        SESSION,
        Text,
        "#{?window_bigger,[#{window_offset_x}#,#{window_offset_y}] ,}\"#{=21:pane_title}\" \
         %H:%M %d-%b-%y",
    ),
    opt(
        "status-right-length",
        SESSION,
        num(0, i16::MAX as i64),
        "40",
    ),
    opt("status-right-style", SESSION, Style, "default"),
    opt("status-style", SESSION, Style, "bg=green,fg=black"),
    opt("synchronize-panes", PANE, Flag, "off"),
    opt(
        "terminal-features",
        SERVER,
        Kind::Array(","),
        "xterm*:clipboard:ccolour:cstyle:focus:title,screen*:title",
    ),
    opt("terminal-overrides", SERVER, Kind::Array(","), ""),
    opt(
        "update-environment",
        SESSION,
        Kind::Array(" "),
        "DISPLAY KRB5CCNAME SSH_ASKPASS SSH_AUTH_SOCK SSH_AGENT_PID SSH_CONNECTION WINDOWID \
         XAUTHORITY",
    ),
    opt("visual-activity", SESSION, Choice(OFF_ON_BOTH), "off"),
    opt("visual-bell", SESSION, Choice(OFF_ON_BOTH), "off"),
    opt("visual-silence", SESSION, Choice(OFF_ON_BOTH), "off"),
    opt(
        "window-size",
        WINDOW,
        Choice(&["largest", "smallest", "manual", "latest"]),
        "latest",
    ),
    opt("window-status-activity-style", WINDOW, Style, "reverse"),
    opt("window-status-bell-style", WINDOW, Style, "reverse"),
    opt(
        "window-status-current-format",
        WINDOW,
        Text,
        "#I:#W#{?window_flags,#{window_flags}, }",
    ),
    opt("window-status-current-style", WINDOW, Style, "default"),
    opt(
        "window-status-format",
        WINDOW,
        Text,
        "#I:#W#{?window_flags,#{window_flags}, }",
    ),
    opt("window-status-last-style", WINDOW, Style, "default"),
    opt("window-status-separator", WINDOW, Text, " "),
    opt("window-status-style", WINDOW, Style, "default"),
    opt(
        "word-separators",
        WINDOW,
        Text,
        "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~",
    ),
    opt("wrap-search", WINDOW, Flag, "on"),
];
