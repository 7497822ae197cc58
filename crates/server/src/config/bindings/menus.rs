//! tmux's default menus: the window menu (`C-b <`, the right button on the status line), the
//! pane menu (`C-b >`, the right button on a pane), and the session menu (the right button
//! on the status line's left part), as tmux 3.3a binds them.

/// The window menu's title.
const WINDOW_TITLE: &str = "-T \"#[align=centre]#{window_index}:#{window_name}\"";

/// The window menu's items.
const WINDOW_ITEMS: &str = "\
\"#{?#{>:#{session_windows},1},,-}Swap Left\" l { swap-window -t :-1 } \
\"#{?#{>:#{session_windows},1},,-}Swap Right\" r { swap-window -t :+1 } \
\"#{?pane_marked_set,,-}Swap Marked\" s { swap-window } \
'' \
Kill X { kill-window } \
Respawn R { respawn-window -k } \
\"#{?pane_marked,Unmark,Mark}\" m { select-pane -m } \
Rename n { command-prompt -F -I \"#W\" { rename-window -t \"#{window_id}\" \"%%\" } } \
'' \
\"New After\" w { new-window -a } \
\"New At End\" W { new-window }";

/// The pane menu's title.
const PANE_TITLE: &str = "-T \"#[align=centre]#{pane_index} (#{pane_id})\"";

/// The pane menu's items.
const PANE_ITEMS: &str = "\
\"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Top,}\" < { send-keys -X history-top } \
\"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}\" > { send-keys -X history-bottom } \
'' \
\"#{?mouse_word,Search For #[underscore]#{=/9/...:mouse_word},}\" C-r \
{ if-shell -F \"#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}\" \"copy-mode -t=\" ; \
send-keys -X -t = search-backward \"#{q:mouse_word}\" } \
\"#{?mouse_word,Type #[underscore]#{=/9/...:mouse_word},}\" C-y \
{ copy-mode -q ; send-keys -l \"#{q:mouse_word}\" } \
\"#{?mouse_word,Copy #[underscore]#{=/9/...:mouse_word},}\" c \
{ copy-mode -q ; set-buffer \"#{q:mouse_word}\" } \
\"#{?mouse_line,Copy Line,}\" l { copy-mode -q ; set-buffer \"#{q:mouse_line}\" } \
'' \
\"Horizontal Split\" h { split-window -h } \
\"Vertical Split\" v { split-window -v } \
'' \
\"#{?#{>:#{window_panes},1},,-}Swap Up\" u { swap-pane -U } \
\"#{?#{>:#{window_panes},1},,-}Swap Down\" d { swap-pane -D } \
\"#{?pane_marked_set,,-}Swap Marked\" s { swap-pane } \
'' \
Kill X { kill-pane } \
Respawn R { respawn-pane -k } \
\"#{?pane_marked,Unmark,Mark}\" m { select-pane -m } \
\"#{?#{>:#{window_panes},1},,-}#{?window_zoomed_flag,Unzoom,Zoom}\" z { resize-pane -Z }";

/// The session menu's title.
const SESSION_TITLE: &str = "-T \"#[align=centre]#{session_name}\"";

/// The session menu's items.
const SESSION_ITEMS: &str = "\
Next n { switch-client -n } \
Previous p { switch-client -p } \
'' \
Renumber N { move-window -r } \
Rename n { command-prompt -I \"#S\" { rename-session \"%%\" } } \
'' \
\"New Session\" s { new-session } \
\"New Window\" w { new-window }";

/// The condition under which the right button goes to the pane's program instead of opening
/// the pane menu: the program asked for the mouse, or the pane is in a mode other than copy
/// and view mode.
const PASS_RIGHT: &str = "#{||:#{mouse_any_flag},#{&&:#{pane_in_mode},\
#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}}}";

/// Returns the menu bindings: table, key, command and note (for the prefix table).
pub fn menu_bindings() -> Vec<(&'static str, &'static str, String, Option<&'static str>)> {
    vec![
        (
            "prefix",
            "<",
            format!("display-menu {WINDOW_TITLE} -x W -y W {WINDOW_ITEMS}"),
            Some("Display window menu"),
        ),
        (
            "prefix",
            ">",
            format!("display-menu {PANE_TITLE} -x P -y P {PANE_ITEMS}"),
            Some("Display pane menu"),
        ),
        (
            "root",
            "MouseDown3Pane",
            format!(
                "if-shell -F -t = \"{PASS_RIGHT}\" {{ select-pane -t = ; send-keys -M }} \
                 {{ display-menu {PANE_TITLE} -t = -x M -y M {PANE_ITEMS} }}"
            ),
            None,
        ),
        (
            "root",
            "M-MouseDown3Pane",
            format!("display-menu {PANE_TITLE} -t = -x M -y M {PANE_ITEMS}"),
            None,
        ),
        (
            "root",
            "MouseDown3Status",
            format!("display-menu {WINDOW_TITLE} -t = -x W -y W {WINDOW_ITEMS}"),
            None,
        ),
        (
            "root",
            "MouseDown3StatusLeft",
            format!("display-menu {SESSION_TITLE} -t = -x M -y W {SESSION_ITEMS}"),
            None,
        ),
    ]
}
