//! tmux 3.3a's default copy-mode key tables: `copy-mode-vi` (with `mode-keys vi`) and
//! `copy-mode` (emacs keys). mux adds `y` in the vi table, copying as `Enter` does.

/// The `copy-mode-vi` table: key and command.
pub const COPY_MODE_VI: &[(&str, &str)] = &[
    ("C-b", "send-keys -X page-up"),
    ("C-c", "send-keys -X cancel"),
    ("C-d", "send-keys -X halfpage-down"),
    ("C-e", "send-keys -X scroll-down"),
    ("C-f", "send-keys -X page-down"),
    ("C-h", "send-keys -X cursor-left"),
    ("C-j", "send-keys -X copy-pipe-and-cancel"),
    ("Enter", "send-keys -X copy-pipe-and-cancel"),
    ("C-u", "send-keys -X halfpage-up"),
    ("C-v", "send-keys -X rectangle-toggle"),
    ("C-y", "send-keys -X scroll-up"),
    ("Escape", "send-keys -X clear-selection"),
    ("Space", "send-keys -X begin-selection"),
    ("#", "send-keys -FX search-backward \"#{copy_cursor_word}\""),
    ("$", "send-keys -X end-of-line"),
    ("%", "send-keys -X next-matching-bracket"),
    ("*", "send-keys -FX search-forward \"#{copy_cursor_word}\""),
    (",", "send-keys -X jump-reverse"),
    (
        "/",
        "command-prompt -T search -p \"(search down)\" { send-keys -X search-forward \"%%\" }",
    ),
    ("0", "send-keys -X start-of-line"),
    (
        "1",
        "command-prompt -N -I 1 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "2",
        "command-prompt -N -I 2 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "3",
        "command-prompt -N -I 3 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "4",
        "command-prompt -N -I 4 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "5",
        "command-prompt -N -I 5 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "6",
        "command-prompt -N -I 6 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "7",
        "command-prompt -N -I 7 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "8",
        "command-prompt -N -I 8 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        "9",
        "command-prompt -N -I 9 -p (repeat) { send-keys -N \"%%\" }",
    ),
    (
        ":",
        "command-prompt -p \"(goto line)\" { send-keys -X goto-line \"%%\" }",
    ),
    (";", "send-keys -X jump-again"),
    (
        "?",
        "command-prompt -T search -p \"(search up)\" { send-keys -X search-backward \"%%\" }",
    ),
    ("A", "send-keys -X append-selection-and-cancel"),
    ("B", "send-keys -X previous-space"),
    ("D", "send-keys -X copy-pipe-end-of-line-and-cancel"),
    ("E", "send-keys -X next-space-end"),
    (
        "F",
        "command-prompt -1 -p \"(jump backward)\" { send-keys -X jump-backward \"%%\" }",
    ),
    ("G", "send-keys -X history-bottom"),
    ("H", "send-keys -X top-line"),
    ("J", "send-keys -X scroll-down"),
    ("K", "send-keys -X scroll-up"),
    ("L", "send-keys -X bottom-line"),
    ("M", "send-keys -X middle-line"),
    ("N", "send-keys -X search-reverse"),
    ("P", "send-keys -X toggle-position"),
    (
        "T",
        "command-prompt -1 -p \"(jump to backward)\" { send-keys -X jump-to-backward \"%%\" }",
    ),
    ("V", "send-keys -X select-line"),
    ("W", "send-keys -X next-space"),
    ("X", "send-keys -X set-mark"),
    ("^", "send-keys -X back-to-indentation"),
    ("b", "send-keys -X previous-word"),
    ("e", "send-keys -X next-word-end"),
    (
        "f",
        "command-prompt -1 -p \"(jump forward)\" { send-keys -X jump-forward \"%%\" }",
    ),
    ("g", "send-keys -X history-top"),
    ("h", "send-keys -X cursor-left"),
    ("j", "send-keys -X cursor-down"),
    ("k", "send-keys -X cursor-up"),
    ("l", "send-keys -X cursor-right"),
    ("n", "send-keys -X search-again"),
    ("o", "send-keys -X other-end"),
    ("q", "send-keys -X cancel"),
    ("r", "send-keys -X refresh-from-pane"),
    (
        "t",
        "command-prompt -1 -p \"(jump to forward)\" { send-keys -X jump-to-forward \"%%\" }",
    ),
    ("v", "send-keys -X rectangle-toggle"),
    ("w", "send-keys -X next-word"),
    ("{", "send-keys -X previous-paragraph"),
    ("}", "send-keys -X next-paragraph"),
    ("BSpace", "send-keys -X cursor-left"),
    ("NPage", "send-keys -X page-down"),
    ("PPage", "send-keys -X page-up"),
    ("Up", "send-keys -X cursor-up"),
    ("Down", "send-keys -X cursor-down"),
    ("Left", "send-keys -X cursor-left"),
    ("Right", "send-keys -X cursor-right"),
    ("M-x", "send-keys -X jump-to-mark"),
    ("C-Up", "send-keys -X scroll-up"),
    ("C-Down", "send-keys -X scroll-down"),
    ("y", "send-keys -X copy-pipe-and-cancel"),
];

/// The `copy-mode` (emacs) table: key and command.
pub const COPY_MODE: &[(&str, &str)] = &[
    ("C-Space", "send-keys -X begin-selection"),
    ("C-a", "send-keys -X start-of-line"),
    ("C-b", "send-keys -X cursor-left"),
    ("C-c", "send-keys -X cancel"),
    ("C-e", "send-keys -X end-of-line"),
    ("C-f", "send-keys -X cursor-right"),
    ("C-g", "send-keys -X clear-selection"),
    ("C-k", "send-keys -X copy-pipe-end-of-line-and-cancel"),
    ("C-n", "send-keys -X cursor-down"),
    ("C-p", "send-keys -X cursor-up"),
    ("C-r", "command-prompt -i -I \"#{pane_search_string}\" -T search -p \"(search up)\" { send-keys -X search-backward-incremental \"%%\" }"),
    ("C-s", "command-prompt -i -I \"#{pane_search_string}\" -T search -p \"(search down)\" { send-keys -X search-forward-incremental \"%%\" }"),
    ("C-v", "send-keys -X page-down"),
    ("C-w", "send-keys -X copy-pipe-and-cancel"),
    ("Escape", "send-keys -X cancel"),
    ("Space", "send-keys -X page-down"),
    (",", "send-keys -X jump-reverse"),
    (";", "send-keys -X jump-again"),
    ("F", "command-prompt -1 -p \"(jump backward)\" { send-keys -X jump-backward \"%%\" }"),
    ("N", "send-keys -X search-reverse"),
    ("P", "send-keys -X toggle-position"),
    ("R", "send-keys -X rectangle-toggle"),
    ("T", "command-prompt -1 -p \"(jump to backward)\" { send-keys -X jump-to-backward \"%%\" }"),
    ("X", "send-keys -X set-mark"),
    ("f", "command-prompt -1 -p \"(jump forward)\" { send-keys -X jump-forward \"%%\" }"),
    ("g", "command-prompt -p \"(goto line)\" { send-keys -X goto-line \"%%\" }"),
    ("n", "send-keys -X search-again"),
    ("q", "send-keys -X cancel"),
    ("r", "send-keys -X refresh-from-pane"),
    ("t", "command-prompt -1 -p \"(jump to forward)\" { send-keys -X jump-to-forward \"%%\" }"),
    ("Home", "send-keys -X start-of-line"),
    ("End", "send-keys -X end-of-line"),
    ("NPage", "send-keys -X page-down"),
    ("PPage", "send-keys -X page-up"),
    ("Up", "send-keys -X cursor-up"),
    ("Down", "send-keys -X cursor-down"),
    ("Left", "send-keys -X cursor-left"),
    ("Right", "send-keys -X cursor-right"),
    ("M-C-b", "send-keys -X previous-matching-bracket"),
    ("M-C-f", "send-keys -X next-matching-bracket"),
    ("M-1", "command-prompt -N -I 1 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-2", "command-prompt -N -I 2 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-3", "command-prompt -N -I 3 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-4", "command-prompt -N -I 4 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-5", "command-prompt -N -I 5 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-6", "command-prompt -N -I 6 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-7", "command-prompt -N -I 7 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-8", "command-prompt -N -I 8 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-9", "command-prompt -N -I 9 -p (repeat) { send-keys -N \"%%\" }"),
    ("M-<", "send-keys -X history-top"),
    ("M->", "send-keys -X history-bottom"),
    ("M-R", "send-keys -X top-line"),
    ("M-b", "send-keys -X previous-word"),
    ("M-f", "send-keys -X next-word-end"),
    ("M-m", "send-keys -X back-to-indentation"),
    ("M-r", "send-keys -X middle-line"),
    ("M-v", "send-keys -X page-up"),
    ("M-w", "send-keys -X copy-pipe-and-cancel"),
    ("M-x", "send-keys -X jump-to-mark"),
    ("M-{", "send-keys -X previous-paragraph"),
    ("M-}", "send-keys -X next-paragraph"),
    ("M-Up", "send-keys -X halfpage-up"),
    ("M-Down", "send-keys -X halfpage-down"),
    ("C-Up", "send-keys -X scroll-up"),
    ("C-Down", "send-keys -X scroll-down"),
];

/// The mouse in the copy-mode tables (both): select, extend by dragging, copy at the end
/// of a drag or on a double or triple click, and three lines a wheel notch (tmux scrolls
/// five; three is what terminals and editors use).
pub const COPY_MOUSE: &[(&str, &str)] = &[
    ("MouseDown1Pane", "select-pane"),
    (
        "MouseDrag1Pane",
        "select-pane \\; send-keys -X begin-selection",
    ),
    ("MouseDragEnd1Pane", "send-keys -X copy-pipe-and-cancel"),
    ("WheelUpPane", "select-pane \\; send-keys -X -N 3 scroll-up"),
    (
        "WheelDownPane",
        "select-pane \\; send-keys -X -N 3 scroll-down",
    ),
    (
        "DoubleClick1Pane",
        "select-pane \\; send-keys -X select-word \\; send-keys -X copy-pipe-and-cancel",
    ),
    (
        "TripleClick1Pane",
        "select-pane \\; send-keys -X select-line \\; send-keys -X copy-pipe-and-cancel",
    ),
];

/// The condition under which the root table's mouse bindings pass the mouse to the program:
/// the pane is in a mode, or its program asked for the mouse.
const PASS: &str = "#{||:#{pane_in_mode},#{mouse_any_flag}}";

/// The mouse in the root table, as tmux 3.3a's defaults (without the menus): a click selects
/// a pane and reaches its program, the wheel enters copy mode (or reaches a program that
/// asked for the mouse, or scrolls an alternate screen that asked for alternate scrolling),
/// dragging selects text or moves a border, a click on the status line selects a window.
pub fn root_mouse() -> Vec<(&'static str, String)> {
    vec![
        ("MouseDown1Pane", "select-pane -t = \\; send-keys -M".into()),
        ("MouseDown1Status", "select-window -t =".into()),
        (
            "MouseDown2Pane",
            format!("select-pane -t = \\; if-shell -F \"{PASS}\" {{ send-keys -M }} {{ paste-buffer -p }}"),
        ),
        (
            "MouseDrag1Pane",
            format!("if-shell -F \"{PASS}\" {{ send-keys -M }} {{ copy-mode -M }}"),
        ),
        ("MouseDrag1Border", "resize-pane -M".into()),
        (
            "WheelUpPane",
            format!(
                "if-shell -F \"#{{||:{PASS},#{{alternate_on}}}}\" {{ send-keys -M }} \
                 {{ copy-mode -e ; send-keys -X -N 3 scroll-up }}"
            ),
        ),
        ("WheelDownPane", "send-keys -M".into()),
        ("WheelUpStatus", "previous-window".into()),
        ("WheelDownStatus", "next-window".into()),
        (
            "DoubleClick1Pane",
            format!(
                "select-pane -t = \\; if-shell -F \"{PASS}\" {{ send-keys -M }} \
                 {{ copy-mode -H ; send-keys -X select-word ; send-keys -X copy-pipe-and-cancel }}"
            ),
        ),
        (
            "TripleClick1Pane",
            format!(
                "select-pane -t = \\; if-shell -F \"{PASS}\" {{ send-keys -M }} \
                 {{ copy-mode -H ; send-keys -X select-line ; send-keys -X copy-pipe-and-cancel }}"
            ),
        ),
    ]
}
