//! The zsh completion function (`_mux`, for a directory in `$fpath`).

use super::{commands, lister, Command, Kind, GLOBAL_FLAGS};

/// Returns the zsh completion function.
pub fn zsh() -> String {
    let commands = commands();
    let mut out = String::from(HEADER);
    out.push_str("_mux_commands=(\n");
    for c in &commands {
        for name in c.names() {
            out.push_str(&format!("  {}\n", quote(&format!("{name}:{}", c.about))));
        }
    }
    out.push_str(")\n");
    out.push_str(&format!(
        "_mux_option_names=({})\n\n",
        mux_server::option_names().join(" ")
    ));
    out.push_str(
        "# Prints the flags of command $1, each flag:what.\n_mux_flags() {\n  case $1 in\n",
    );
    for c in &commands {
        let flags: Vec<String> = c
            .flags
            .iter()
            .map(|f| {
                let what = f.value.as_ref().map_or("", |(name, _)| name.as_str());
                quote(&format!("-{}:{what}", f.letter))
            })
            .collect();
        if !flags.is_empty() {
            out.push_str(&format!(
                "    {}) print -l -- {} ;;\n",
                pattern(c),
                flags.join(" ")
            ));
        }
    }
    out.push_str("  esac\n}\n\n");
    out.push_str(
        "# Prints what the value of flag $2 of command $1 is, or none.\n_mux_value() {\n  case $1 in\n",
    );
    for c in &commands {
        let valued: Vec<String> = c
            .flags
            .iter()
            .filter_map(|f| {
                let (_, kind) = f.value.as_ref()?;
                Some(format!("(-{}) print {} ;;", f.letter, kind.word()))
            })
            .collect();
        if !valued.is_empty() {
            out.push_str(&format!(
                "    ({})\n      case $2 in {} (*) print none ;; esac ;;\n",
                pattern(c),
                valued.join(" ")
            ));
        }
    }
    out.push_str("    (*) print none ;;\n  esac\n}\n\n");
    out.push_str("# Prints what the arguments of command $1 are.\n_mux_args() {\n  case $1 in\n");
    for c in commands.iter().filter(|c| c.args != Kind::Other) {
        out.push_str(&format!(
            "    ({}) print {} ;;\n",
            pattern(c),
            c.args.word()
        ));
    }
    out.push_str("    (*) print other ;;\n  esac\n}\n\n");
    out.push_str(&offer_function());
    out.push_str(&main_function());
    out
}

/// Returns a `case` pattern matching a command's names.
fn pattern(c: &Command) -> String {
    c.names().join("|")
}

/// Quotes a word for zsh in single quotes.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The fixed start of the function file.
const HEADER: &str = "\
#compdef mux
# zsh completion for mux: commands, aliases and flags from mux's command table; sessions,
# windows, panes, clients and buffers from the running server.
# Generated from the command table (MUX_WRITE_ASSETS=1 cargo test -p mux-client generated);
# do not edit. Install: copy to a directory in $fpath as _mux, e.g.
# ~/.zsh/completions/_mux with fpath=(~/.zsh/completions $fpath) before compinit.

";

/// Returns the function that offers the words of one kind.
fn offer_function() -> String {
    let mut out = String::from(
        "# Offers the words of kind $1, asking the server with $mux.\n\
         _mux_offer() {\n  local -a words\n  case $1 in\n",
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
                "    ({}) words=(${{(f)\"$($mux {list} 2>/dev/null)\"}}) ;;\n",
                kind.word()
            ));
        }
    }
    out.push_str(
        "    (file) _files; return ;;\n\
         \x20   (dir) _files -/; return ;;\n\
         \x20   (option) words=($_mux_option_names) ;;\n\
         \x20   (command) _describe 'command' _mux_commands; return ;;\n\
         \x20   (*) return ;;\n  esac\n\
         \x20 compadd -a words\n}\n\n",
    );
    out
}

/// Returns the main completion function.
fn main_function() -> String {
    let globals: Vec<String> = GLOBAL_FLAGS.iter().map(|(c, _)| format!("-{c}")).collect();
    format!(
        "\
_mux() {{
  local -a mux
  mux=(mux)
  local i=2 cmd=
  while (( i < CURRENT )); do
    case $words[i] in
      (-L|-S) mux+=($words[i] $words[i+1]); (( i += 2 )) ;;
      (-f) (( i += 2 )) ;;
      (-*) (( i += 1 )) ;;
      (*) cmd=$words[i]; break ;;
    esac
  done
  local prev=$words[CURRENT-1]
  if [[ -z $cmd ]]; then
    case $prev in
      (-f|-S) _files; return ;;
      (-L) return ;;
    esac
    if [[ $PREFIX == -* ]]; then
      compadd -- {}
    else
      _describe 'command' _mux_commands
    fi
    return
  fi
  local kind=none
  if [[ $prev == -? ]] && (( i < CURRENT - 1 )); then
    kind=$(_mux_value $cmd $prev)
  fi
  if [[ $kind == none ]]; then
    if [[ $PREFIX == -* ]]; then
      local -a flags
      flags=(${{(f)\"$(_mux_flags $cmd)\"}})
      _describe 'flag' flags
      return
    fi
    kind=$(_mux_args $cmd)
  fi
  _mux_offer $kind
}}

_mux \"$@\"
",
        globals.join(" ")
    )
}
