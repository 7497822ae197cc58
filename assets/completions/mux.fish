# fish completions for mux: commands, aliases and flags from mux's command table; sessions,
# windows, panes, clients and buffers from the running server.
# Generated from the command table (MUX_WRITE_ASSETS=1 cargo test -p mux-client generated);
# do not edit. Install: copy to ~/.config/fish/completions/mux.fish.

# Prints the words of the command line after the global options: the command first.
function __mux_command_words
    set -l words (commandline -opc)
    set -e words[1]
    while set -q words[1]
        switch $words[1]
            case -L -S -f
                set -e words[1..2]
            case '-*'
                set -e words[1]
            case '*'
                printf '%s\n' $words
                return
        end
    end
end

# Prints the socket options typed before the command, for asking the server.
function __mux_socket
    set -l words (commandline -opc)
    for i in (seq 2 (count $words))
        switch $words[$i]
            case -L -S
                printf '%s\n' $words[$i] $words[(math $i + 1)]
        end
    end
end

function __mux_no_command
    test (count (__mux_command_words)) -eq 0
end

function __mux_using
    set -l cmd (__mux_command_words)[1]
    contains -- "$cmd" $argv
end

function __mux_session
    mux (__mux_socket) list-sessions -F '#{session_name}' 2>/dev/null
end

function __mux_window
    mux (__mux_socket) list-windows -a -F '#{session_name}:#{window_index}' 2>/dev/null
end

function __mux_pane
    mux (__mux_socket) list-panes -a -F '#{session_name}:#{window_index}.#{pane_index}' 2>/dev/null
end

function __mux_client
    mux (__mux_socket) list-clients -F '#{client_name}' 2>/dev/null
end

function __mux_buffer
    mux (__mux_socket) list-buffers -F '#{buffer_name}' 2>/dev/null
end

complete -c mux -f
complete -c mux -n __mux_no_command -s f -r -F
complete -c mux -n __mux_no_command -s L -x
complete -c mux -n __mux_no_command -s S -r -F
complete -c mux -n __mux_no_command -s v
complete -c mux -n __mux_no_command -s V
complete -c mux -n __mux_no_command -s h
complete -c mux -n __mux_no_command -a attach-session -d 'Attach this terminal to a session'
complete -c mux -n __mux_no_command -a attach -d 'Attach this terminal to a session'
complete -c mux -n __mux_no_command -a bind-key -d 'Bind a key to a command in a key table'
complete -c mux -n __mux_no_command -a bind -d 'Bind a key to a command in a key table'
complete -c mux -n __mux_no_command -a break-pane -d 'Move a pane into a window of its own'
complete -c mux -n __mux_no_command -a breakp -d 'Move a pane into a window of its own'
complete -c mux -n __mux_no_command -a capture-pane -d 'Print a pane\'s text, or put it in a paste buffer'
complete -c mux -n __mux_no_command -a capturep -d 'Print a pane\'s text, or put it in a paste buffer'
complete -c mux -n __mux_no_command -a choose-buffer -d 'Choose a paste buffer from a list'
complete -c mux -n __mux_no_command -a choose-client -d 'Choose a client from a list and detach it'
complete -c mux -n __mux_no_command -a choose-tree -d 'Choose a session, window or pane from a tree'
complete -c mux -n __mux_no_command -a choose-window -d 'Choose a session, window or pane from a tree'
complete -c mux -n __mux_no_command -a choose-session -d 'Choose a session, window or pane from a tree'
complete -c mux -n __mux_no_command -a clear-history -d 'Clear a pane\'s scrollback'
complete -c mux -n __mux_no_command -a clearhist -d 'Clear a pane\'s scrollback'
complete -c mux -n __mux_no_command -a clock-mode -d 'Show a big clock over a pane until a key is pressed'
complete -c mux -n __mux_no_command -a command-prompt -d 'Open a prompt on the status line to type a command'
complete -c mux -n __mux_no_command -a confirm-before -d 'Ask y/n before running a command'
complete -c mux -n __mux_no_command -a confirm -d 'Ask y/n before running a command'
complete -c mux -n __mux_no_command -a copy-mode -d 'Enter copy mode to scroll, search and copy'
complete -c mux -n __mux_no_command -a customize-mode -d 'Edit options and key bindings from a list'
complete -c mux -n __mux_no_command -a delete-buffer -d 'Delete a paste buffer'
complete -c mux -n __mux_no_command -a deleteb -d 'Delete a paste buffer'
complete -c mux -n __mux_no_command -a detach-client -d 'Detach a client, leaving its programs running'
complete -c mux -n __mux_no_command -a detach -d 'Detach a client, leaving its programs running'
complete -c mux -n __mux_no_command -a display-menu -d 'Show a menu'
complete -c mux -n __mux_no_command -a menu -d 'Show a menu'
complete -c mux -n __mux_no_command -a display-message -d 'Show a message or print a format'
complete -c mux -n __mux_no_command -a display -d 'Show a message or print a format'
complete -c mux -n __mux_no_command -a display-panes -d 'Show each pane\'s number to select one'
complete -c mux -n __mux_no_command -a displayp -d 'Show each pane\'s number to select one'
complete -c mux -n __mux_no_command -a find-window -d 'Find windows by name, title or contents'
complete -c mux -n __mux_no_command -a findw -d 'Find windows by name, title or contents'
complete -c mux -n __mux_no_command -a has-session -d 'Exit with status 0 if a session exists'
complete -c mux -n __mux_no_command -a has -d 'Exit with status 0 if a session exists'
complete -c mux -n __mux_no_command -a if-shell -d 'Run a command if a shell command or a format is true'
complete -c mux -n __mux_no_command -a if -d 'Run a command if a shell command or a format is true'
complete -c mux -n __mux_no_command -a join-pane -d 'Move a pane into another window'
complete -c mux -n __mux_no_command -a joinp -d 'Move a pane into another window'
complete -c mux -n __mux_no_command -a kill-pane -d 'Kill a pane and its program'
complete -c mux -n __mux_no_command -a killp -d 'Kill a pane and its program'
complete -c mux -n __mux_no_command -a kill-server -d 'Kill every session and the server'
complete -c mux -n __mux_no_command -a kill-session -d 'Kill a session and its programs'
complete -c mux -n __mux_no_command -a kill-window -d 'Kill a window and its panes'
complete -c mux -n __mux_no_command -a killw -d 'Kill a window and its panes'
complete -c mux -n __mux_no_command -a last-pane -d 'Select the previously active pane'
complete -c mux -n __mux_no_command -a lastp -d 'Select the previously active pane'
complete -c mux -n __mux_no_command -a last-window -d 'Select the previously current window'
complete -c mux -n __mux_no_command -a last -d 'Select the previously current window'
complete -c mux -n __mux_no_command -a list-buffers -d 'List the paste buffers'
complete -c mux -n __mux_no_command -a lsb -d 'List the paste buffers'
complete -c mux -n __mux_no_command -a list-clients -d 'List the attached clients'
complete -c mux -n __mux_no_command -a lsc -d 'List the attached clients'
complete -c mux -n __mux_no_command -a list-commands -d 'List the commands and their usage'
complete -c mux -n __mux_no_command -a lscm -d 'List the commands and their usage'
complete -c mux -n __mux_no_command -a list-keys -d 'List the key bindings'
complete -c mux -n __mux_no_command -a lsk -d 'List the key bindings'
complete -c mux -n __mux_no_command -a list-panes -d 'List the panes of a window, session or server'
complete -c mux -n __mux_no_command -a lsp -d 'List the panes of a window, session or server'
complete -c mux -n __mux_no_command -a list-sessions -d 'List the sessions'
complete -c mux -n __mux_no_command -a ls -d 'List the sessions'
complete -c mux -n __mux_no_command -a list-windows -d 'List the windows of a session or server'
complete -c mux -n __mux_no_command -a lsw -d 'List the windows of a session or server'
complete -c mux -n __mux_no_command -a load-buffer -d 'Load a file or standard input into a paste buffer'
complete -c mux -n __mux_no_command -a loadb -d 'Load a file or standard input into a paste buffer'
complete -c mux -n __mux_no_command -a log-pane -d 'Append a pane\'s output to a file, as it came or as plain text'
complete -c mux -n __mux_no_command -a log -d 'Append a pane\'s output to a file, as it came or as plain text'
complete -c mux -n __mux_no_command -a move-window -d 'Move a window to another index or session'
complete -c mux -n __mux_no_command -a movew -d 'Move a window to another index or session'
complete -c mux -n __mux_no_command -a new-session -d 'Create a session and attach to it'
complete -c mux -n __mux_no_command -a new -d 'Create a session and attach to it'
complete -c mux -n __mux_no_command -a new-window -d 'Create a window'
complete -c mux -n __mux_no_command -a neww -d 'Create a window'
complete -c mux -n __mux_no_command -a next-layout -d 'Arrange the panes in the next preset layout'
complete -c mux -n __mux_no_command -a nextl -d 'Arrange the panes in the next preset layout'
complete -c mux -n __mux_no_command -a next-window -d 'Select the next window'
complete -c mux -n __mux_no_command -a next -d 'Select the next window'
complete -c mux -n __mux_no_command -a paste-buffer -d 'Paste a buffer into a pane'
complete -c mux -n __mux_no_command -a pasteb -d 'Paste a buffer into a pane'
complete -c mux -n __mux_no_command -a pipe-pane -d 'Pipe a pane\'s output to a shell command, or its output into the pane'
complete -c mux -n __mux_no_command -a pipep -d 'Pipe a pane\'s output to a shell command, or its output into the pane'
complete -c mux -n __mux_no_command -a previous-layout -d 'Arrange the panes in the previous preset layout'
complete -c mux -n __mux_no_command -a prevl -d 'Arrange the panes in the previous preset layout'
complete -c mux -n __mux_no_command -a previous-window -d 'Select the previous window'
complete -c mux -n __mux_no_command -a prev -d 'Select the previous window'
complete -c mux -n __mux_no_command -a refresh-client -d 'Redraw a client'
complete -c mux -n __mux_no_command -a refresh -d 'Redraw a client'
complete -c mux -n __mux_no_command -a rename-session -d 'Rename a session'
complete -c mux -n __mux_no_command -a rename -d 'Rename a session'
complete -c mux -n __mux_no_command -a rename-window -d 'Rename a window'
complete -c mux -n __mux_no_command -a renamew -d 'Rename a window'
complete -c mux -n __mux_no_command -a resize-pane -d 'Resize or zoom a pane'
complete -c mux -n __mux_no_command -a resizep -d 'Resize or zoom a pane'
complete -c mux -n __mux_no_command -a resize-window -d 'Give a window a size of its own'
complete -c mux -n __mux_no_command -a resizew -d 'Give a window a size of its own'
complete -c mux -n __mux_no_command -a respawn-pane -d 'Start a pane\'s program again'
complete -c mux -n __mux_no_command -a respawnp -d 'Start a pane\'s program again'
complete -c mux -n __mux_no_command -a respawn-window -d 'Start a window\'s program again in its first pane'
complete -c mux -n __mux_no_command -a respawnw -d 'Start a window\'s program again in its first pane'
complete -c mux -n __mux_no_command -a restore-sessions -d 'Recreate the sessions a save file holds'
complete -c mux -n __mux_no_command -a restore -d 'Recreate the sessions a save file holds'
complete -c mux -n __mux_no_command -a rotate-window -d 'Rotate the panes of a window'
complete -c mux -n __mux_no_command -a rotatew -d 'Rotate the panes of a window'
complete -c mux -n __mux_no_command -a run-shell -d 'Run a shell command and show its output'
complete -c mux -n __mux_no_command -a run -d 'Run a shell command and show its output'
complete -c mux -n __mux_no_command -a save-buffer -d 'Save a paste buffer to a file'
complete -c mux -n __mux_no_command -a saveb -d 'Save a paste buffer to a file'
complete -c mux -n __mux_no_command -a save-sessions -d 'Save every session to a file, or one session as a layout file'
complete -c mux -n __mux_no_command -a save -d 'Save every session to a file, or one session as a layout file'
complete -c mux -n __mux_no_command -a select-layout -d 'Arrange a window\'s panes in a layout'
complete -c mux -n __mux_no_command -a selectl -d 'Arrange a window\'s panes in a layout'
complete -c mux -n __mux_no_command -a select-pane -d 'Select a pane'
complete -c mux -n __mux_no_command -a selectp -d 'Select a pane'
complete -c mux -n __mux_no_command -a select-window -d 'Select a window'
complete -c mux -n __mux_no_command -a selectw -d 'Select a window'
complete -c mux -n __mux_no_command -a send-keys -d 'Send keys to a pane'
complete -c mux -n __mux_no_command -a send -d 'Send keys to a pane'
complete -c mux -n __mux_no_command -a send-prefix -d 'Send the prefix key to a pane'
complete -c mux -n __mux_no_command -a server-upgrade -d 'Hand the server and its sessions over to another mux binary'
complete -c mux -n __mux_no_command -a set-buffer -d 'Set the text of a paste buffer'
complete -c mux -n __mux_no_command -a setb -d 'Set the text of a paste buffer'
complete -c mux -n __mux_no_command -a set-environment -d 'Set a variable in a session\'s or the global environment'
complete -c mux -n __mux_no_command -a setenv -d 'Set a variable in a session\'s or the global environment'
complete -c mux -n __mux_no_command -a set-hook -d 'Set a command to run when something happens'
complete -c mux -n __mux_no_command -a set-option -d 'Set an option'
complete -c mux -n __mux_no_command -a set -d 'Set an option'
complete -c mux -n __mux_no_command -a set-window-option -d 'Set a window option'
complete -c mux -n __mux_no_command -a setw -d 'Set a window option'
complete -c mux -n __mux_no_command -a show-buffer -d 'Print a paste buffer'
complete -c mux -n __mux_no_command -a showb -d 'Print a paste buffer'
complete -c mux -n __mux_no_command -a show-environment -d 'Print a session\'s or the global environment'
complete -c mux -n __mux_no_command -a showenv -d 'Print a session\'s or the global environment'
complete -c mux -n __mux_no_command -a show-hooks -d 'Print the hooks'
complete -c mux -n __mux_no_command -a show-messages -d 'Show the message log'
complete -c mux -n __mux_no_command -a showmsgs -d 'Show the message log'
complete -c mux -n __mux_no_command -a server-info -d 'Show the message log'
complete -c mux -n __mux_no_command -a info -d 'Show the message log'
complete -c mux -n __mux_no_command -a show-options -d 'Print options'
complete -c mux -n __mux_no_command -a show -d 'Print options'
complete -c mux -n __mux_no_command -a show-window-options -d 'Print window options'
complete -c mux -n __mux_no_command -a showw -d 'Print window options'
complete -c mux -n __mux_no_command -a source-file -d 'Run the commands of a config file'
complete -c mux -n __mux_no_command -a source -d 'Run the commands of a config file'
complete -c mux -n __mux_no_command -a split-window -d 'Split a pane in two'
complete -c mux -n __mux_no_command -a splitw -d 'Split a pane in two'
complete -c mux -n __mux_no_command -a split-pane -d 'Split a pane in two'
complete -c mux -n __mux_no_command -a splitp -d 'Split a pane in two'
complete -c mux -n __mux_no_command -a start-server -d 'Start the server'
complete -c mux -n __mux_no_command -a start -d 'Start the server'
complete -c mux -n __mux_no_command -a suspend-client -d 'Stop a client as a shell job (fg brings it back)'
complete -c mux -n __mux_no_command -a suspendc -d 'Stop a client as a shell job (fg brings it back)'
complete -c mux -n __mux_no_command -a swap-pane -d 'Swap two panes'
complete -c mux -n __mux_no_command -a swapp -d 'Swap two panes'
complete -c mux -n __mux_no_command -a swap-window -d 'Swap two windows'
complete -c mux -n __mux_no_command -a swapw -d 'Swap two windows'
complete -c mux -n __mux_no_command -a switch-client -d 'Show another session in a client'
complete -c mux -n __mux_no_command -a switchc -d 'Show another session in a client'
complete -c mux -n __mux_no_command -a unbind-key -d 'Remove a key binding'
complete -c mux -n __mux_no_command -a unbind -d 'Remove a key binding'
complete -c mux -n __mux_no_command -a wait-for -d 'Wait for, signal, lock or unlock a channel'
complete -c mux -n __mux_no_command -a wait -d 'Wait for, signal, lock or unlock a channel'
complete -c mux -n __mux_no_command -a wait-output -d 'Wait until a pane prints a line matching a pattern'
complete -c mux -n '__mux_using set-option set set-window-option setw show-options show show-window-options showw' -a 'aggressive-resize allow-passthrough allow-rename automatic-rename automatic-rename-format base-index buffer-limit clock-mode-colour clock-mode-style command-alias copy-command copy-mode-current-match-style copy-mode-mark-style copy-mode-match-style default-command default-shell default-size default-terminal destroy-unattached display-panes-active-colour display-panes-colour display-panes-time display-time escape-time exit-empty focus-events history-file history-limit main-pane-height main-pane-width message-command-style message-limit message-style mode-keys mode-style monitor-activity monitor-bell monitor-silence mouse pane-active-border-style pane-base-index pane-border-format pane-border-indicators pane-border-lines pane-border-status pane-border-style prefix prefix-hint-delay prefix2 prompt-history-limit remain-on-exit renumber-windows repeat-time restore-history restore-on-start restore-programs save-file save-interval set-clipboard set-titles set-titles-string status status-bg status-fg status-interval status-justify status-keys status-left status-left-length status-left-style status-position status-right status-right-length status-right-style status-style synchronize-panes terminal-features terminal-overrides update-environment visual-activity visual-bell visual-silence window-size window-status-activity-style window-status-bell-style window-status-current-format window-status-current-style window-status-format window-status-last-style window-status-separator window-status-style word-separators wrap-search'
complete -c mux -n '__mux_using load-buffer loadb' -F
complete -c mux -n '__mux_using save-buffer saveb' -F
complete -c mux -n '__mux_using source-file source' -F
complete -c mux -n '__mux_using attach-session attach' -s d
complete -c mux -n '__mux_using attach-session attach' -s E
complete -c mux -n '__mux_using attach-session attach' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using bind-key bind' -s n
complete -c mux -n '__mux_using bind-key bind' -s r
complete -c mux -n '__mux_using bind-key bind' -s N -x -d 'note'
complete -c mux -n '__mux_using bind-key bind' -s T -x -d 'key-table'
complete -c mux -n '__mux_using break-pane breakp' -s a
complete -c mux -n '__mux_using break-pane breakp' -s b
complete -c mux -n '__mux_using break-pane breakp' -s d
complete -c mux -n '__mux_using break-pane breakp' -s P
complete -c mux -n '__mux_using break-pane breakp' -s F -x -d 'format'
complete -c mux -n '__mux_using break-pane breakp' -s n -x -d 'window-name'
complete -c mux -n '__mux_using break-pane breakp' -s s -x -d 'src-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using break-pane breakp' -s t -x -d 'dst-window' -a '(__mux_window)'
complete -c mux -n '__mux_using capture-pane capturep' -s a
complete -c mux -n '__mux_using capture-pane capturep' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using capture-pane capturep' -s C
complete -c mux -n '__mux_using capture-pane capturep' -s e
complete -c mux -n '__mux_using capture-pane capturep' -s E -x -d 'end-line'
complete -c mux -n '__mux_using capture-pane capturep' -s J
complete -c mux -n '__mux_using capture-pane capturep' -s N
complete -c mux -n '__mux_using capture-pane capturep' -s p
complete -c mux -n '__mux_using capture-pane capturep' -s P
complete -c mux -n '__mux_using capture-pane capturep' -s q
complete -c mux -n '__mux_using capture-pane capturep' -s S -x -d 'start-line'
complete -c mux -n '__mux_using capture-pane capturep' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using choose-buffer' -s F -x -d 'format'
complete -c mux -n '__mux_using choose-buffer' -s N
complete -c mux -n '__mux_using choose-buffer' -s Z
complete -c mux -n '__mux_using choose-buffer' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using choose-client' -s F -x -d 'format'
complete -c mux -n '__mux_using choose-client' -s f -x -d 'filter'
complete -c mux -n '__mux_using choose-client' -s K -x -d 'key-format'
complete -c mux -n '__mux_using choose-client' -s N
complete -c mux -n '__mux_using choose-client' -s O -x -d 'sort-order'
complete -c mux -n '__mux_using choose-client' -s r
complete -c mux -n '__mux_using choose-client' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using choose-client' -s Z
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s F -x -d 'format'
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s f -x -d 'filter'
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s G
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s K -x -d 'key-format'
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s N
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s O -x -d 'sort-order'
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s r
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s s
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s w
complete -c mux -n '__mux_using choose-tree choose-window choose-session' -s Z
complete -c mux -n '__mux_using clear-history clearhist' -s H
complete -c mux -n '__mux_using clear-history clearhist' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using clock-mode' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using command-prompt' -s 1
complete -c mux -n '__mux_using command-prompt' -s b
complete -c mux -n '__mux_using command-prompt' -s F
complete -c mux -n '__mux_using command-prompt' -s k
complete -c mux -n '__mux_using command-prompt' -s i
complete -c mux -n '__mux_using command-prompt' -s I -x -d 'inputs'
complete -c mux -n '__mux_using command-prompt' -s N
complete -c mux -n '__mux_using command-prompt' -s p -x -d 'prompts'
complete -c mux -n '__mux_using command-prompt' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using command-prompt' -s T -x -d 'type'
complete -c mux -n '__mux_using confirm-before confirm' -s b
complete -c mux -n '__mux_using confirm-before confirm' -s p -x -d 'prompt'
complete -c mux -n '__mux_using confirm-before confirm' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using confirm-before confirm' -s y
complete -c mux -n '__mux_using copy-mode' -s e
complete -c mux -n '__mux_using copy-mode' -s H
complete -c mux -n '__mux_using copy-mode' -s M
complete -c mux -n '__mux_using copy-mode' -s q
complete -c mux -n '__mux_using copy-mode' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using copy-mode' -s u
complete -c mux -n '__mux_using customize-mode' -s F -x -d 'format'
complete -c mux -n '__mux_using customize-mode' -s f -x -d 'filter'
complete -c mux -n '__mux_using customize-mode' -s N
complete -c mux -n '__mux_using customize-mode' -s Z
complete -c mux -n '__mux_using customize-mode' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using delete-buffer deleteb' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using detach-client detach' -s a
complete -c mux -n '__mux_using detach-client detach' -s s -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using detach-client detach' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using display-menu menu' -s c -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using display-menu menu' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using display-menu menu' -s O
complete -c mux -n '__mux_using display-menu menu' -s T -x -d 'title'
complete -c mux -n '__mux_using display-menu menu' -s x -x -d 'position'
complete -c mux -n '__mux_using display-menu menu' -s y -x -d 'position'
complete -c mux -n '__mux_using display-message display' -s a
complete -c mux -n '__mux_using display-message display' -s C
complete -c mux -n '__mux_using display-message display' -s c -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using display-message display' -s d -x -d 'delay'
complete -c mux -n '__mux_using display-message display' -s F -x -d 'format'
complete -c mux -n '__mux_using display-message display' -s I
complete -c mux -n '__mux_using display-message display' -s N
complete -c mux -n '__mux_using display-message display' -s p
complete -c mux -n '__mux_using display-message display' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using display-message display' -s v
complete -c mux -n '__mux_using display-panes displayp' -s b
complete -c mux -n '__mux_using display-panes displayp' -s d -x -d 'duration'
complete -c mux -n '__mux_using display-panes displayp' -s N
complete -c mux -n '__mux_using display-panes displayp' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using find-window findw' -s C
complete -c mux -n '__mux_using find-window findw' -s i
complete -c mux -n '__mux_using find-window findw' -s N
complete -c mux -n '__mux_using find-window findw' -s r
complete -c mux -n '__mux_using find-window findw' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using find-window findw' -s T
complete -c mux -n '__mux_using find-window findw' -s Z
complete -c mux -n '__mux_using has-session has' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using if-shell if' -s b
complete -c mux -n '__mux_using if-shell if' -s F
complete -c mux -n '__mux_using if-shell if' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using join-pane joinp' -s b
complete -c mux -n '__mux_using join-pane joinp' -s d
complete -c mux -n '__mux_using join-pane joinp' -s f
complete -c mux -n '__mux_using join-pane joinp' -s h
complete -c mux -n '__mux_using join-pane joinp' -s v
complete -c mux -n '__mux_using join-pane joinp' -s l -x -d 'size'
complete -c mux -n '__mux_using join-pane joinp' -s p -x -d 'percentage'
complete -c mux -n '__mux_using join-pane joinp' -s s -x -d 'src-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using join-pane joinp' -s t -x -d 'dst-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using kill-pane killp' -s a
complete -c mux -n '__mux_using kill-pane killp' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using kill-session' -s a
complete -c mux -n '__mux_using kill-session' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using kill-window killw' -s a
complete -c mux -n '__mux_using kill-window killw' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using last-pane lastp' -s d
complete -c mux -n '__mux_using last-pane lastp' -s e
complete -c mux -n '__mux_using last-pane lastp' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using last-pane lastp' -s Z
complete -c mux -n '__mux_using last-window last' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using list-buffers lsb' -s F -x -d 'format'
complete -c mux -n '__mux_using list-buffers lsb' -s f -x -d 'filter'
complete -c mux -n '__mux_using list-clients lsc' -s F -x -d 'format'
complete -c mux -n '__mux_using list-clients lsc' -s f -x -d 'filter'
complete -c mux -n '__mux_using list-clients lsc' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using list-commands lscm' -s F -x -d 'format'
complete -c mux -n '__mux_using list-keys lsk' -s 1
complete -c mux -n '__mux_using list-keys lsk' -s a
complete -c mux -n '__mux_using list-keys lsk' -s N
complete -c mux -n '__mux_using list-keys lsk' -s P -x -d 'prefix-string'
complete -c mux -n '__mux_using list-keys lsk' -s T -x -d 'key-table'
complete -c mux -n '__mux_using list-panes lsp' -s a
complete -c mux -n '__mux_using list-panes lsp' -s s
complete -c mux -n '__mux_using list-panes lsp' -s F -x -d 'format'
complete -c mux -n '__mux_using list-panes lsp' -s f -x -d 'filter'
complete -c mux -n '__mux_using list-panes lsp' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using list-sessions ls' -s F -x -d 'format'
complete -c mux -n '__mux_using list-sessions ls' -s f -x -d 'filter'
complete -c mux -n '__mux_using list-windows lsw' -s a
complete -c mux -n '__mux_using list-windows lsw' -s F -x -d 'format'
complete -c mux -n '__mux_using list-windows lsw' -s f -x -d 'filter'
complete -c mux -n '__mux_using list-windows lsw' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using load-buffer loadb' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using load-buffer loadb' -s w
complete -c mux -n '__mux_using log-pane log' -s p
complete -c mux -n '__mux_using log-pane log' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using move-window movew' -s a
complete -c mux -n '__mux_using move-window movew' -s b
complete -c mux -n '__mux_using move-window movew' -s d
complete -c mux -n '__mux_using move-window movew' -s k
complete -c mux -n '__mux_using move-window movew' -s r
complete -c mux -n '__mux_using move-window movew' -s s -x -d 'src-window' -a '(__mux_window)'
complete -c mux -n '__mux_using move-window movew' -s t -x -d 'dst-window' -a '(__mux_window)'
complete -c mux -n '__mux_using new-session new' -s A
complete -c mux -n '__mux_using new-session new' -s d
complete -c mux -n '__mux_using new-session new' -s E
complete -c mux -n '__mux_using new-session new' -s P
complete -c mux -n '__mux_using new-session new' -s c -x -d 'start-directory' -a '(__fish_complete_directories)'
complete -c mux -n '__mux_using new-session new' -s F -x -d 'format'
complete -c mux -n '__mux_using new-session new' -s L -x -d 'layout-file'
complete -c mux -n '__mux_using new-session new' -s n -x -d 'window-name'
complete -c mux -n '__mux_using new-session new' -s s -x -d 'session-name'
complete -c mux -n '__mux_using new-session new' -s x -x -d 'width'
complete -c mux -n '__mux_using new-session new' -s y -x -d 'height'
complete -c mux -n '__mux_using new-window neww' -s a
complete -c mux -n '__mux_using new-window neww' -s b
complete -c mux -n '__mux_using new-window neww' -s c -x -d 'start-directory' -a '(__fish_complete_directories)'
complete -c mux -n '__mux_using new-window neww' -s d
complete -c mux -n '__mux_using new-window neww' -s F -x -d 'format'
complete -c mux -n '__mux_using new-window neww' -s k
complete -c mux -n '__mux_using new-window neww' -s n -x -d 'window-name'
complete -c mux -n '__mux_using new-window neww' -s P
complete -c mux -n '__mux_using new-window neww' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using next-layout nextl' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using next-window next' -s a
complete -c mux -n '__mux_using next-window next' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using paste-buffer pasteb' -s d
complete -c mux -n '__mux_using paste-buffer pasteb' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using paste-buffer pasteb' -s p
complete -c mux -n '__mux_using paste-buffer pasteb' -s r
complete -c mux -n '__mux_using paste-buffer pasteb' -s s -x -d 'separator'
complete -c mux -n '__mux_using paste-buffer pasteb' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using pipe-pane pipep' -s I
complete -c mux -n '__mux_using pipe-pane pipep' -s O
complete -c mux -n '__mux_using pipe-pane pipep' -s o
complete -c mux -n '__mux_using pipe-pane pipep' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using previous-layout prevl' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using previous-window prev' -s a
complete -c mux -n '__mux_using previous-window prev' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using refresh-client refresh' -s c
complete -c mux -n '__mux_using refresh-client refresh' -s D
complete -c mux -n '__mux_using refresh-client refresh' -s L
complete -c mux -n '__mux_using refresh-client refresh' -s R
complete -c mux -n '__mux_using refresh-client refresh' -s S
complete -c mux -n '__mux_using refresh-client refresh' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using refresh-client refresh' -s U
complete -c mux -n '__mux_using rename-session rename' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using rename-window renamew' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using resize-pane resizep' -s D
complete -c mux -n '__mux_using resize-pane resizep' -s L
complete -c mux -n '__mux_using resize-pane resizep' -s M
complete -c mux -n '__mux_using resize-pane resizep' -s R
complete -c mux -n '__mux_using resize-pane resizep' -s T
complete -c mux -n '__mux_using resize-pane resizep' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using resize-pane resizep' -s U
complete -c mux -n '__mux_using resize-pane resizep' -s x -x -d 'width'
complete -c mux -n '__mux_using resize-pane resizep' -s y -x -d 'height'
complete -c mux -n '__mux_using resize-pane resizep' -s Z
complete -c mux -n '__mux_using resize-window resizew' -s a
complete -c mux -n '__mux_using resize-window resizew' -s A
complete -c mux -n '__mux_using resize-window resizew' -s D
complete -c mux -n '__mux_using resize-window resizew' -s L
complete -c mux -n '__mux_using resize-window resizew' -s R
complete -c mux -n '__mux_using resize-window resizew' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using resize-window resizew' -s U
complete -c mux -n '__mux_using resize-window resizew' -s x -x -d 'width'
complete -c mux -n '__mux_using resize-window resizew' -s y -x -d 'height'
complete -c mux -n '__mux_using respawn-pane respawnp' -s c -x -d 'start-directory' -a '(__fish_complete_directories)'
complete -c mux -n '__mux_using respawn-pane respawnp' -s e -x -d 'environment'
complete -c mux -n '__mux_using respawn-pane respawnp' -s k
complete -c mux -n '__mux_using respawn-pane respawnp' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using respawn-window respawnw' -s c -x -d 'start-directory' -a '(__fish_complete_directories)'
complete -c mux -n '__mux_using respawn-window respawnw' -s e -x -d 'environment'
complete -c mux -n '__mux_using respawn-window respawnw' -s k
complete -c mux -n '__mux_using respawn-window respawnw' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using restore-sessions restore' -s f -r -d 'file' -F
complete -c mux -n '__mux_using rotate-window rotatew' -s D
complete -c mux -n '__mux_using rotate-window rotatew' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using rotate-window rotatew' -s U
complete -c mux -n '__mux_using rotate-window rotatew' -s Z
complete -c mux -n '__mux_using run-shell run' -s b
complete -c mux -n '__mux_using run-shell run' -s C
complete -c mux -n '__mux_using run-shell run' -s c -x -d 'start-directory' -a '(__fish_complete_directories)'
complete -c mux -n '__mux_using run-shell run' -s d -x -d 'delay'
complete -c mux -n '__mux_using run-shell run' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using save-buffer saveb' -s a
complete -c mux -n '__mux_using save-buffer saveb' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using save-sessions save' -s f -r -d 'file' -F
complete -c mux -n '__mux_using save-sessions save' -s L -x -d 'layout-file'
complete -c mux -n '__mux_using save-sessions save' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using select-layout selectl' -s E
complete -c mux -n '__mux_using select-layout selectl' -s n
complete -c mux -n '__mux_using select-layout selectl' -s o
complete -c mux -n '__mux_using select-layout selectl' -s p
complete -c mux -n '__mux_using select-layout selectl' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using select-pane selectp' -s D
complete -c mux -n '__mux_using select-pane selectp' -s d
complete -c mux -n '__mux_using select-pane selectp' -s e
complete -c mux -n '__mux_using select-pane selectp' -s g
complete -c mux -n '__mux_using select-pane selectp' -s L
complete -c mux -n '__mux_using select-pane selectp' -s l
complete -c mux -n '__mux_using select-pane selectp' -s M
complete -c mux -n '__mux_using select-pane selectp' -s m
complete -c mux -n '__mux_using select-pane selectp' -s P -x -d 'value'
complete -c mux -n '__mux_using select-pane selectp' -s R
complete -c mux -n '__mux_using select-pane selectp' -s T -x -d 'title'
complete -c mux -n '__mux_using select-pane selectp' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using select-pane selectp' -s U
complete -c mux -n '__mux_using select-pane selectp' -s Z
complete -c mux -n '__mux_using select-window selectw' -s l
complete -c mux -n '__mux_using select-window selectw' -s n
complete -c mux -n '__mux_using select-window selectw' -s p
complete -c mux -n '__mux_using select-window selectw' -s T
complete -c mux -n '__mux_using select-window selectw' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using send-keys send' -s F
complete -c mux -n '__mux_using send-keys send' -s H
complete -c mux -n '__mux_using send-keys send' -s l
complete -c mux -n '__mux_using send-keys send' -s M
complete -c mux -n '__mux_using send-keys send' -s N -x -d 'repeat-count'
complete -c mux -n '__mux_using send-keys send' -s R
complete -c mux -n '__mux_using send-keys send' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using send-keys send' -s X
complete -c mux -n '__mux_using send-prefix' -s 2
complete -c mux -n '__mux_using send-prefix' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using set-buffer setb' -s a
complete -c mux -n '__mux_using set-buffer setb' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using set-buffer setb' -s n -x -d 'new-buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using set-buffer setb' -s w
complete -c mux -n '__mux_using set-environment setenv' -s F
complete -c mux -n '__mux_using set-environment setenv' -s h
complete -c mux -n '__mux_using set-environment setenv' -s g
complete -c mux -n '__mux_using set-environment setenv' -s r
complete -c mux -n '__mux_using set-environment setenv' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using set-environment setenv' -s u
complete -c mux -n '__mux_using set-hook' -s a
complete -c mux -n '__mux_using set-hook' -s g
complete -c mux -n '__mux_using set-hook' -s p
complete -c mux -n '__mux_using set-hook' -s R
complete -c mux -n '__mux_using set-hook' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using set-hook' -s u
complete -c mux -n '__mux_using set-hook' -s w
complete -c mux -n '__mux_using set-option set' -s a
complete -c mux -n '__mux_using set-option set' -s F
complete -c mux -n '__mux_using set-option set' -s g
complete -c mux -n '__mux_using set-option set' -s o
complete -c mux -n '__mux_using set-option set' -s p
complete -c mux -n '__mux_using set-option set' -s q
complete -c mux -n '__mux_using set-option set' -s s
complete -c mux -n '__mux_using set-option set' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using set-option set' -s u
complete -c mux -n '__mux_using set-option set' -s U
complete -c mux -n '__mux_using set-option set' -s w
complete -c mux -n '__mux_using set-window-option setw' -s a
complete -c mux -n '__mux_using set-window-option setw' -s F
complete -c mux -n '__mux_using set-window-option setw' -s g
complete -c mux -n '__mux_using set-window-option setw' -s o
complete -c mux -n '__mux_using set-window-option setw' -s q
complete -c mux -n '__mux_using set-window-option setw' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using set-window-option setw' -s u
complete -c mux -n '__mux_using set-window-option setw' -s U
complete -c mux -n '__mux_using show-buffer showb' -s b -x -d 'buffer-name' -a '(__mux_buffer)'
complete -c mux -n '__mux_using show-environment showenv' -s h
complete -c mux -n '__mux_using show-environment showenv' -s g
complete -c mux -n '__mux_using show-environment showenv' -s s
complete -c mux -n '__mux_using show-environment showenv' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using show-hooks' -s g
complete -c mux -n '__mux_using show-hooks' -s p
complete -c mux -n '__mux_using show-hooks' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using show-hooks' -s w
complete -c mux -n '__mux_using show-messages showmsgs server-info info' -s J
complete -c mux -n '__mux_using show-messages showmsgs server-info info' -s T
complete -c mux -n '__mux_using show-messages showmsgs server-info info' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using show-options show' -s A
complete -c mux -n '__mux_using show-options show' -s g
complete -c mux -n '__mux_using show-options show' -s H
complete -c mux -n '__mux_using show-options show' -s p
complete -c mux -n '__mux_using show-options show' -s q
complete -c mux -n '__mux_using show-options show' -s s
complete -c mux -n '__mux_using show-options show' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using show-options show' -s v
complete -c mux -n '__mux_using show-options show' -s w
complete -c mux -n '__mux_using show-window-options showw' -s g
complete -c mux -n '__mux_using show-window-options showw' -s v
complete -c mux -n '__mux_using show-window-options showw' -s t -x -d 'target-window' -a '(__mux_window)'
complete -c mux -n '__mux_using source-file source' -s F
complete -c mux -n '__mux_using source-file source' -s n
complete -c mux -n '__mux_using source-file source' -s q
complete -c mux -n '__mux_using source-file source' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using source-file source' -s v
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s b
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s c -x -d 'start-directory' -a '(__fish_complete_directories)'
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s d
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s f
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s F -x -d 'format'
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s h
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s l -x -d 'size'
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s p -x -d 'percentage'
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s P
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s t -x -d 'target-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s v
complete -c mux -n '__mux_using split-window splitw split-pane splitp' -s Z
complete -c mux -n '__mux_using suspend-client suspendc' -s t -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using swap-pane swapp' -s d
complete -c mux -n '__mux_using swap-pane swapp' -s D
complete -c mux -n '__mux_using swap-pane swapp' -s s -x -d 'src-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using swap-pane swapp' -s t -x -d 'dst-pane' -a '(__mux_pane)'
complete -c mux -n '__mux_using swap-pane swapp' -s U
complete -c mux -n '__mux_using swap-pane swapp' -s Z
complete -c mux -n '__mux_using swap-window swapw' -s d
complete -c mux -n '__mux_using swap-window swapw' -s s -x -d 'src-window' -a '(__mux_window)'
complete -c mux -n '__mux_using swap-window swapw' -s t -x -d 'dst-window' -a '(__mux_window)'
complete -c mux -n '__mux_using switch-client switchc' -s c -x -d 'target-client' -a '(__mux_client)'
complete -c mux -n '__mux_using switch-client switchc' -s E
complete -c mux -n '__mux_using switch-client switchc' -s F
complete -c mux -n '__mux_using switch-client switchc' -s l
complete -c mux -n '__mux_using switch-client switchc' -s n
complete -c mux -n '__mux_using switch-client switchc' -s p
complete -c mux -n '__mux_using switch-client switchc' -s r
complete -c mux -n '__mux_using switch-client switchc' -s t -x -d 'target-session' -a '(__mux_session)'
complete -c mux -n '__mux_using switch-client switchc' -s T -x -d 'key-table'
complete -c mux -n '__mux_using switch-client switchc' -s Z
complete -c mux -n '__mux_using unbind-key unbind' -s a
complete -c mux -n '__mux_using unbind-key unbind' -s n
complete -c mux -n '__mux_using unbind-key unbind' -s q
complete -c mux -n '__mux_using unbind-key unbind' -s T -x -d 'key-table'
complete -c mux -n '__mux_using wait-for wait' -s L
complete -c mux -n '__mux_using wait-for wait' -s S
complete -c mux -n '__mux_using wait-for wait' -s U
complete -c mux -n '__mux_using wait-output' -s F
complete -c mux -n '__mux_using wait-output' -s T -x -d 'timeout'
complete -c mux -n '__mux_using wait-output' -s t -x -d 'target-pane' -a '(__mux_pane)'
