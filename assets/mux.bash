# bash completion for mux: commands, and session names after -t / -s.
# Install: source this file from ~/.bashrc, or copy it to
# ~/.local/share/bash-completion/completions/mux.
_mux() {
  local cur prev cmds
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmds="attach-session detach-client has-session kill-server kill-session list-sessions new-session send-prefix start-server"
  case $prev in
    -t|-s)
      COMPREPLY=($(compgen -W "$(mux ls 2>/dev/null | cut -d: -f1)" -- "$cur"))
      return ;;
    -S|-f)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
  esac
  if [ "$COMP_CWORD" -eq 1 ] || [[ ${COMP_WORDS[COMP_CWORD-1]} == -[LSf] && $COMP_CWORD -eq 3 ]]; then
    COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
  fi
}
complete -F _mux mux
