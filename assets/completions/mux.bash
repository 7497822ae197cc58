# bash completion for mux: commands, aliases and flags from mux's command table; sessions,
# windows, panes, clients and buffers from the running server.
# Generated from the command table (MUX_WRITE_ASSETS=1 cargo test -p mux-client generated);
# do not edit. Install: copy to ~/.local/share/bash-completion/completions/mux, or source it
# from ~/.bashrc.

_mux_commands='attach-session attach bind-key bind break-pane breakp capture-pane capturep choose-buffer choose-client choose-tree choose-window choose-session clear-history clearhist clock-mode command-prompt confirm-before confirm copy-mode customize-mode delete-buffer deleteb detach-client detach display-menu menu display-message display display-panes displayp find-window findw has-session has if-shell if join-pane joinp kill-pane killp kill-server kill-session kill-window killw last-pane lastp last-window last list-buffers lsb list-clients lsc list-commands lscm list-keys lsk list-panes lsp list-sessions ls list-windows lsw load-buffer loadb log-pane log move-window movew new-session new new-window neww next-layout nextl next-window next paste-buffer pasteb pipe-pane pipep previous-layout prevl previous-window prev refresh-client refresh rename-session rename rename-window renamew resize-pane resizep resize-window resizew respawn-pane respawnp respawn-window respawnw restore-sessions restore rotate-window rotatew run-shell run save-buffer saveb save-sessions save select-layout selectl select-pane selectp select-window selectw send-keys send send-prefix server-upgrade set-buffer setb set-environment setenv set-hook set-option set set-window-option setw show-buffer showb show-environment showenv show-hooks show-messages showmsgs server-info info show-options show show-window-options showw source-file source split-window splitw split-pane splitp start-server start suspend-client suspendc swap-pane swapp swap-window swapw switch-client switchc unbind-key unbind wait-for wait wait-output'
_mux_options='aggressive-resize allow-passthrough allow-rename automatic-rename automatic-rename-format base-index buffer-limit clock-mode-colour clock-mode-style command-alias copy-command copy-mode-current-match-style copy-mode-mark-style copy-mode-match-style default-command default-shell default-size default-terminal destroy-unattached display-panes-active-colour display-panes-colour display-panes-time display-time escape-time exit-empty focus-events history-file history-limit main-pane-height main-pane-width message-command-style message-limit message-style mode-keys mode-style monitor-activity monitor-bell monitor-silence mouse pane-active-border-style pane-base-index pane-border-format pane-border-indicators pane-border-lines pane-border-status pane-border-style prefix prefix-hint-delay prefix2 prompt-history-limit remain-on-exit renumber-windows repeat-time restore-history restore-on-start restore-programs save-file save-interval set-clipboard set-titles set-titles-string status status-bg status-fg status-interval status-justify status-keys status-left status-left-length status-left-style status-position status-right status-right-length status-right-style status-style synchronize-panes terminal-features terminal-overrides update-environment visual-activity visual-bell visual-silence window-size window-status-activity-style window-status-bell-style window-status-current-format window-status-current-style window-status-format window-status-last-style window-status-separator window-status-style word-separators wrap-search'

# Prints the flags of command $1.
_mux_flags() {
  case $1 in
    attach-session|attach) echo '-d -E -t' ;;
    bind-key|bind) echo '-n -r -N -T' ;;
    break-pane|breakp) echo '-a -b -d -P -F -n -s -t' ;;
    capture-pane|capturep) echo '-a -b -C -e -E -J -N -p -P -q -S -t' ;;
    choose-buffer) echo '-F -N -Z -t' ;;
    choose-client) echo '-F -f -K -N -O -r -t -Z' ;;
    choose-tree|choose-window|choose-session) echo '-F -f -G -K -N -O -r -s -t -w -Z' ;;
    clear-history|clearhist) echo '-H -t' ;;
    clock-mode) echo '-t' ;;
    command-prompt) echo '-1 -b -F -k -i -I -N -p -t -T' ;;
    confirm-before|confirm) echo '-b -p -t -y' ;;
    copy-mode) echo '-e -H -M -q -t -u' ;;
    customize-mode) echo '-F -f -N -Z -t' ;;
    delete-buffer|deleteb) echo '-b' ;;
    detach-client|detach) echo '-a -s -t' ;;
    display-menu|menu) echo '-c -t -O -T -x -y' ;;
    display-message|display) echo '-a -C -c -d -F -I -N -p -t -v' ;;
    display-panes|displayp) echo '-b -d -N -t' ;;
    find-window|findw) echo '-C -i -N -r -t -T -Z' ;;
    has-session|has) echo '-t' ;;
    if-shell|if) echo '-b -F -t' ;;
    join-pane|joinp) echo '-b -d -f -h -v -l -p -s -t' ;;
    kill-pane|killp) echo '-a -t' ;;
    kill-session) echo '-a -t' ;;
    kill-window|killw) echo '-a -t' ;;
    last-pane|lastp) echo '-d -e -t -Z' ;;
    last-window|last) echo '-t' ;;
    list-buffers|lsb) echo '-F -f' ;;
    list-clients|lsc) echo '-F -f -t' ;;
    list-commands|lscm) echo '-F' ;;
    list-keys|lsk) echo '-1 -a -N -P -T' ;;
    list-panes|lsp) echo '-a -s -F -f -t' ;;
    list-sessions|ls) echo '-F -f' ;;
    list-windows|lsw) echo '-a -F -f -t' ;;
    load-buffer|loadb) echo '-b -w' ;;
    log-pane|log) echo '-p -t' ;;
    move-window|movew) echo '-a -b -d -k -r -s -t' ;;
    new-session|new) echo '-A -d -E -P -c -F -L -n -s -x -y' ;;
    new-window|neww) echo '-a -b -c -d -F -k -n -P -t' ;;
    next-layout|nextl) echo '-t' ;;
    next-window|next) echo '-a -t' ;;
    paste-buffer|pasteb) echo '-d -b -p -r -s -t' ;;
    pipe-pane|pipep) echo '-I -O -o -t' ;;
    previous-layout|prevl) echo '-t' ;;
    previous-window|prev) echo '-a -t' ;;
    refresh-client|refresh) echo '-c -D -L -R -S -t -U' ;;
    rename-session|rename) echo '-t' ;;
    rename-window|renamew) echo '-t' ;;
    resize-pane|resizep) echo '-D -L -M -R -T -t -U -x -y -Z' ;;
    resize-window|resizew) echo '-a -A -D -L -R -t -U -x -y' ;;
    respawn-pane|respawnp) echo '-c -e -k -t' ;;
    respawn-window|respawnw) echo '-c -e -k -t' ;;
    restore-sessions|restore) echo '-f' ;;
    rotate-window|rotatew) echo '-D -t -U -Z' ;;
    run-shell|run) echo '-b -C -c -d -t' ;;
    save-buffer|saveb) echo '-a -b' ;;
    save-sessions|save) echo '-f -L -t' ;;
    select-layout|selectl) echo '-E -n -o -p -t' ;;
    select-pane|selectp) echo '-D -d -e -g -L -l -M -m -P -R -T -t -U -Z' ;;
    select-window|selectw) echo '-l -n -p -T -t' ;;
    send-keys|send) echo '-F -H -l -M -N -R -t -X' ;;
    send-prefix) echo '-2 -t' ;;
    set-buffer|setb) echo '-a -b -n -w' ;;
    set-environment|setenv) echo '-F -h -g -r -t -u' ;;
    set-hook) echo '-a -g -p -R -t -u -w' ;;
    set-option|set) echo '-a -F -g -o -p -q -s -t -u -U -w' ;;
    set-window-option|setw) echo '-a -F -g -o -q -t -u -U' ;;
    show-buffer|showb) echo '-b' ;;
    show-environment|showenv) echo '-h -g -s -t' ;;
    show-hooks) echo '-g -p -t -w' ;;
    show-messages|showmsgs|server-info|info) echo '-J -T -t' ;;
    show-options|show) echo '-A -g -H -p -q -s -t -v -w' ;;
    show-window-options|showw) echo '-g -v -t' ;;
    source-file|source) echo '-F -n -q -t -v' ;;
    split-window|splitw|split-pane|splitp) echo '-b -c -d -f -F -h -l -p -P -t -v -Z' ;;
    suspend-client|suspendc) echo '-t' ;;
    swap-pane|swapp) echo '-d -D -s -t -U -Z' ;;
    swap-window|swapw) echo '-d -s -t' ;;
    switch-client|switchc) echo '-c -E -F -l -n -p -r -t -T -Z' ;;
    unbind-key|unbind) echo '-a -n -q -T' ;;
    wait-for|wait) echo '-L -S -U' ;;
    wait-output) echo '-F -T -t' ;;
  esac
}

# Prints what the value of flag $2 of command $1 is, or none when it takes none.
_mux_value() {
  case $1 in
    attach-session|attach)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    bind-key|bind)
      case $2 in -N) echo other ;; -T) echo other ;; *) echo none ;; esac ;;
    break-pane|breakp)
      case $2 in -F) echo other ;; -n) echo other ;; -s) echo pane ;; -t) echo window ;; *) echo none ;; esac ;;
    capture-pane|capturep)
      case $2 in -b) echo buffer ;; -E) echo other ;; -S) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    choose-buffer)
      case $2 in -F) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    choose-client)
      case $2 in -F) echo other ;; -f) echo other ;; -K) echo other ;; -O) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    choose-tree|choose-window|choose-session)
      case $2 in -F) echo other ;; -f) echo other ;; -K) echo other ;; -O) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    clear-history|clearhist)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    clock-mode)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    command-prompt)
      case $2 in -I) echo other ;; -p) echo other ;; -t) echo client ;; -T) echo other ;; *) echo none ;; esac ;;
    confirm-before|confirm)
      case $2 in -p) echo other ;; -t) echo client ;; *) echo none ;; esac ;;
    copy-mode)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    customize-mode)
      case $2 in -F) echo other ;; -f) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    delete-buffer|deleteb)
      case $2 in -b) echo buffer ;; *) echo none ;; esac ;;
    detach-client|detach)
      case $2 in -s) echo session ;; -t) echo client ;; *) echo none ;; esac ;;
    display-menu|menu)
      case $2 in -c) echo client ;; -t) echo pane ;; -T) echo other ;; -x) echo other ;; -y) echo other ;; *) echo none ;; esac ;;
    display-message|display)
      case $2 in -c) echo client ;; -d) echo other ;; -F) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    display-panes|displayp)
      case $2 in -d) echo other ;; -t) echo client ;; *) echo none ;; esac ;;
    find-window|findw)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    has-session|has)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    if-shell|if)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    join-pane|joinp)
      case $2 in -l) echo other ;; -p) echo other ;; -s) echo pane ;; -t) echo pane ;; *) echo none ;; esac ;;
    kill-pane|killp)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    kill-session)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    kill-window|killw)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    last-pane|lastp)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    last-window|last)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    list-buffers|lsb)
      case $2 in -F) echo other ;; -f) echo other ;; *) echo none ;; esac ;;
    list-clients|lsc)
      case $2 in -F) echo other ;; -f) echo other ;; -t) echo session ;; *) echo none ;; esac ;;
    list-commands|lscm)
      case $2 in -F) echo other ;; *) echo none ;; esac ;;
    list-keys|lsk)
      case $2 in -P) echo other ;; -T) echo other ;; *) echo none ;; esac ;;
    list-panes|lsp)
      case $2 in -F) echo other ;; -f) echo other ;; -t) echo window ;; *) echo none ;; esac ;;
    list-sessions|ls)
      case $2 in -F) echo other ;; -f) echo other ;; *) echo none ;; esac ;;
    list-windows|lsw)
      case $2 in -F) echo other ;; -f) echo other ;; -t) echo session ;; *) echo none ;; esac ;;
    load-buffer|loadb)
      case $2 in -b) echo buffer ;; *) echo none ;; esac ;;
    log-pane|log)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    move-window|movew)
      case $2 in -s) echo window ;; -t) echo window ;; *) echo none ;; esac ;;
    new-session|new)
      case $2 in -c) echo dir ;; -F) echo other ;; -L) echo other ;; -n) echo other ;; -s) echo other ;; -x) echo other ;; -y) echo other ;; *) echo none ;; esac ;;
    new-window|neww)
      case $2 in -c) echo dir ;; -F) echo other ;; -n) echo other ;; -t) echo window ;; *) echo none ;; esac ;;
    next-layout|nextl)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    next-window|next)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    paste-buffer|pasteb)
      case $2 in -b) echo buffer ;; -s) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    pipe-pane|pipep)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    previous-layout|prevl)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    previous-window|prev)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    refresh-client|refresh)
      case $2 in -t) echo client ;; *) echo none ;; esac ;;
    rename-session|rename)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    rename-window|renamew)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    resize-pane|resizep)
      case $2 in -t) echo pane ;; -x) echo other ;; -y) echo other ;; *) echo none ;; esac ;;
    resize-window|resizew)
      case $2 in -t) echo window ;; -x) echo other ;; -y) echo other ;; *) echo none ;; esac ;;
    respawn-pane|respawnp)
      case $2 in -c) echo dir ;; -e) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    respawn-window|respawnw)
      case $2 in -c) echo dir ;; -e) echo other ;; -t) echo window ;; *) echo none ;; esac ;;
    restore-sessions|restore)
      case $2 in -f) echo file ;; *) echo none ;; esac ;;
    rotate-window|rotatew)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    run-shell|run)
      case $2 in -c) echo dir ;; -d) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    save-buffer|saveb)
      case $2 in -b) echo buffer ;; *) echo none ;; esac ;;
    save-sessions|save)
      case $2 in -f) echo file ;; -L) echo other ;; -t) echo session ;; *) echo none ;; esac ;;
    select-layout|selectl)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    select-pane|selectp)
      case $2 in -P) echo other ;; -T) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    select-window|selectw)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    send-keys|send)
      case $2 in -N) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    send-prefix)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    set-buffer|setb)
      case $2 in -b) echo buffer ;; -n) echo buffer ;; *) echo none ;; esac ;;
    set-environment|setenv)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    set-hook)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    set-option|set)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    set-window-option|setw)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    show-buffer|showb)
      case $2 in -b) echo buffer ;; *) echo none ;; esac ;;
    show-environment|showenv)
      case $2 in -t) echo session ;; *) echo none ;; esac ;;
    show-hooks)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    show-messages|showmsgs|server-info|info)
      case $2 in -t) echo client ;; *) echo none ;; esac ;;
    show-options|show)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    show-window-options|showw)
      case $2 in -t) echo window ;; *) echo none ;; esac ;;
    source-file|source)
      case $2 in -t) echo pane ;; *) echo none ;; esac ;;
    split-window|splitw|split-pane|splitp)
      case $2 in -c) echo dir ;; -F) echo other ;; -l) echo other ;; -p) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    suspend-client|suspendc)
      case $2 in -t) echo client ;; *) echo none ;; esac ;;
    swap-pane|swapp)
      case $2 in -s) echo pane ;; -t) echo pane ;; *) echo none ;; esac ;;
    swap-window|swapw)
      case $2 in -s) echo window ;; -t) echo window ;; *) echo none ;; esac ;;
    switch-client|switchc)
      case $2 in -c) echo client ;; -t) echo session ;; -T) echo other ;; *) echo none ;; esac ;;
    unbind-key|unbind)
      case $2 in -T) echo other ;; *) echo none ;; esac ;;
    wait-output)
      case $2 in -T) echo other ;; -t) echo pane ;; *) echo none ;; esac ;;
    *) echo none ;;
  esac
}

# Prints what the arguments of command $1 are.
_mux_args() {
  case $1 in
    list-commands|lscm) echo command ;;
    load-buffer|loadb) echo file ;;
    save-buffer|saveb) echo file ;;
    set-option|set) echo option ;;
    set-window-option|setw) echo option ;;
    show-options|show) echo option ;;
    show-window-options|showw) echo option ;;
    source-file|source) echo file ;;
    *) echo other ;;
  esac
}

# Offers the words of kind $1 for $cur, asking the server with "${mux[@]}" (a name
# a line: names may hold blanks).
_mux_offer() {
  local words IFS=$' \t\n'
  case $1 in
    session) words=$("${mux[@]}" list-sessions -F '#{session_name}' 2>/dev/null); IFS=$'\n' ;;
    window) words=$("${mux[@]}" list-windows -a -F '#{session_name}:#{window_index}' 2>/dev/null); IFS=$'\n' ;;
    pane) words=$("${mux[@]}" list-panes -a -F '#{session_name}:#{window_index}.#{pane_index}' 2>/dev/null); IFS=$'\n' ;;
    client) words=$("${mux[@]}" list-clients -F '#{client_name}' 2>/dev/null); IFS=$'\n' ;;
    buffer) words=$("${mux[@]}" list-buffers -F '#{buffer_name}' 2>/dev/null); IFS=$'\n' ;;
    file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    option) words=$_mux_options ;;
    command) words=$_mux_commands ;;
    *) return ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  # bash completes only what follows the last colon of a word such as work:1.
  if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
    local colon=${cur%"${cur##*:}"}
    COMPREPLY=("${COMPREPLY[@]#"$colon"}")
  fi
}

_mux() {
  # Words as the shell splits them, without bash's split at colons.
  local line=${COMP_LINE:0:COMP_POINT}
  local -a w
  read -ra w <<<"$line"
  [[ $line == *[[:space:]] ]] && w+=('')
  local cur=${w[${#w[@]}-1]} prev=${w[${#w[@]}-2]}
  local i=1 cmd= mux=(mux)
  while [ "$i" -lt $((${#w[@]} - 1)) ]; do
    case ${w[i]} in
      -L|-S) mux+=("${w[i]}" "${w[i+1]}"); i=$((i + 2)) ;;
      -f) i=$((i + 2)) ;;
      -*) i=$((i + 1)) ;;
      *) cmd=${w[i]}; break ;;
    esac
  done
  COMPREPLY=()
  if [ -z "$cmd" ]; then
    case $prev in
      -f|-S) _mux_offer file; return ;;
      -L) return ;;
    esac
    case $cur in
      -*) COMPREPLY=($(compgen -W '-f -L -S -v -V -h' -- "$cur")) ;;
      *) _mux_offer command ;;
    esac
    return
  fi
  local kind=none
  [[ $prev == -? && $i -lt $((${#w[@]} - 2)) ]] && kind=$(_mux_value "$cmd" "$prev")
  if [ "$kind" = none ]; then
    case $cur in
      -*) COMPREPLY=($(compgen -W "$(_mux_flags "$cmd")" -- "$cur")); return ;;
    esac
    kind=$(_mux_args "$cmd")
  fi
  _mux_offer "$kind"
}
complete -F _mux mux
