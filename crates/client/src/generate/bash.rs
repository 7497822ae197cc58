//! The bash completion script.

use super::{all_names, commands, lister, Command, Kind, GLOBAL_FLAGS};

/// Returns the bash completion script.
pub fn bash() -> String {
    let commands = commands();
    let mut out = String::from(HEADER);
    out.push_str(&format!(
        "_mux_commands='{}'\n",
        all_names(&commands).join(" ")
    ));
    out.push_str(&format!(
        "_mux_options='{}'\n\n",
        mux_server::option_names().join(" ")
    ));
    out.push_str("# Prints the flags of command $1.\n_mux_flags() {\n  case $1 in\n");
    for c in &commands {
        let flags: Vec<String> = c.flags.iter().map(|f| format!("-{}", f.letter)).collect();
        if !flags.is_empty() {
            out.push_str(&format!(
                "    {}) echo '{}' ;;\n",
                pattern(c),
                flags.join(" ")
            ));
        }
    }
    out.push_str("  esac\n}\n\n");
    out.push_str(
        "# Prints what the value of flag $2 of command $1 is, or none when it takes none.\n\
         _mux_value() {\n  case $1 in\n",
    );
    for c in &commands {
        let valued: Vec<String> = c
            .flags
            .iter()
            .filter_map(|f| {
                let (_, kind) = f.value.as_ref()?;
                Some(format!("-{}) echo {} ;;", f.letter, kind.word()))
            })
            .collect();
        if !valued.is_empty() {
            out.push_str(&format!(
                "    {})\n      case $2 in {} *) echo none ;; esac ;;\n",
                pattern(c),
                valued.join(" ")
            ));
        }
    }
    out.push_str("    *) echo none ;;\n  esac\n}\n\n");
    out.push_str("# Prints what the arguments of command $1 are.\n_mux_args() {\n  case $1 in\n");
    for c in commands.iter().filter(|c| c.args != Kind::Other) {
        out.push_str(&format!("    {}) echo {} ;;\n", pattern(c), c.args.word()));
    }
    out.push_str("    *) echo other ;;\n  esac\n}\n\n");
    out.push_str(&complete_function());
    out.push_str(&main_function());
    out
}

/// Returns a `case` pattern matching a command's names.
fn pattern(c: &Command) -> String {
    c.names().join("|")
}

/// The fixed start of the script.
const HEADER: &str = "\
# bash completion for mux: commands, aliases and flags from mux's command table; sessions,
# windows, panes, clients and buffers from the running server.
# Generated from the command table (MUX_WRITE_ASSETS=1 cargo test -p mux-client generated);
# do not edit. Install: copy to ~/.local/share/bash-completion/completions/mux, or source it
# from ~/.bashrc.

";

/// Returns the function that offers the words of one kind.
fn complete_function() -> String {
    let mut out = String::from(
        "# Offers the words of kind $1 for $cur, asking the server with \"${mux[@]}\" (a name\n\
         # a line: names may hold blanks).\n\
         _mux_offer() {\n  local words IFS=$' \\t\\n'\n  case $1 in\n",
    );
    for kind in [
        Kind::Session,
        Kind::Window,
        Kind::Pane,
        Kind::Client,
        Kind::Buffer,
    ] {
        if let Some(list) = lister(kind) {
            out.push_str(&format!(
                "    {}) words=$(\"${{mux[@]}}\" {list} 2>/dev/null); IFS=$'\\n' ;;\n",
                kind.word()
            ));
        }
    }
    out.push_str(
        "    file) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n\
         \x20   dir) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n\
         \x20   option) words=$_mux_options ;;\n\
         \x20   command) words=$_mux_commands ;;\n\
         \x20   *) return ;;\n  esac\n\
         \x20 COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n\
         \x20 # bash completes only what follows the last colon of a word such as work:1.\n\
         \x20 if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then\n\
         \x20   local colon=${cur%\"${cur##*:}\"}\n\
         \x20   COMPREPLY=(\"${COMPREPLY[@]#\"$colon\"}\")\n\
         \x20 fi\n}\n\n",
    );
    out
}

/// Returns the main completion function.
fn main_function() -> String {
    let globals: Vec<String> = GLOBAL_FLAGS.iter().map(|(c, _)| format!("-{c}")).collect();
    format!(
        "\
_mux() {{
  # Words as the shell splits them, without bash's split at colons.
  local line=${{COMP_LINE:0:COMP_POINT}}
  local -a w
  read -ra w <<<\"$line\"
  [[ $line == *[[:space:]] ]] && w+=('')
  local cur=${{w[${{#w[@]}}-1]}} prev=${{w[${{#w[@]}}-2]}}
  local i=1 cmd= mux=(mux)
  while [ \"$i\" -lt $((${{#w[@]}} - 1)) ]; do
    case ${{w[i]}} in
      -L|-S) mux+=(\"${{w[i]}}\" \"${{w[i+1]}}\"); i=$((i + 2)) ;;
      -f) i=$((i + 2)) ;;
      -*) i=$((i + 1)) ;;
      *) cmd=${{w[i]}}; break ;;
    esac
  done
  COMPREPLY=()
  if [ -z \"$cmd\" ]; then
    case $prev in
      -f|-S) _mux_offer file; return ;;
      -L) return ;;
    esac
    case $cur in
      -*) COMPREPLY=($(compgen -W '{}' -- \"$cur\")) ;;
      *) _mux_offer command ;;
    esac
    return
  fi
  local kind=none
  [[ $prev == -? && $i -lt $((${{#w[@]}} - 2)) ]] && kind=$(_mux_value \"$cmd\" \"$prev\")
  if [ \"$kind\" = none ]; then
    case $cur in
      -*) COMPREPLY=($(compgen -W \"$(_mux_flags \"$cmd\")\" -- \"$cur\")); return ;;
    esac
    kind=$(_mux_args \"$cmd\")
  fi
  _mux_offer \"$kind\"
}}
complete -F _mux mux
",
        globals.join(" ")
    )
}
