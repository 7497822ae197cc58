//! The fish completions (`mux.fish`, for `~/.config/fish/completions`).

use super::{commands, lister, Kind, GLOBAL_FLAGS};

/// Returns the fish completions.
pub fn fish() -> String {
    let commands = commands();
    let mut out = String::from(HEADER);
    out.push_str(
        "# Prints the words of the command line after the global options: the command first.\n\
         function __mux_command_words\n\
         \x20   set -l words (commandline -opc)\n\
         \x20   set -e words[1]\n\
         \x20   while set -q words[1]\n\
         \x20       switch $words[1]\n\
         \x20           case -L -S -f\n\
         \x20               set -e words[1..2]\n\
         \x20           case '-*'\n\
         \x20               set -e words[1]\n\
         \x20           case '*'\n\
         \x20               printf '%s\\n' $words\n\
         \x20               return\n\
         \x20       end\n\
         \x20   end\n\
         end\n\n\
         # Prints the socket options typed before the command, for asking the server.\n\
         function __mux_socket\n\
         \x20   set -l words (commandline -opc)\n\
         \x20   for i in (seq 2 (count $words))\n\
         \x20       switch $words[$i]\n\
         \x20           case -L -S\n\
         \x20               printf '%s\\n' $words[$i] $words[(math $i + 1)]\n\
         \x20       end\n\
         \x20   end\n\
         end\n\n\
         function __mux_no_command\n\
         \x20   test (count (__mux_command_words)) -eq 0\n\
         end\n\n\
         function __mux_using\n\
         \x20   set -l cmd (__mux_command_words)[1]\n\
         \x20   contains -- \"$cmd\" $argv\n\
         end\n\n",
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
                "function __mux_{}\n    mux (__mux_socket) {list} 2>/dev/null\nend\n\n",
                kind.word()
            ));
        }
    }
    out.push_str("complete -c mux -f\n");
    for (letter, kind) in GLOBAL_FLAGS {
        let extra = match kind {
            Kind::File => " -r -F",
            _ if super::global_takes_value(*letter) => " -x",
            _ => "",
        };
        out.push_str(&format!(
            "complete -c mux -n __mux_no_command -s {letter}{extra}\n"
        ));
    }
    for c in &commands {
        for name in c.names() {
            out.push_str(&format!(
                "complete -c mux -n __mux_no_command -a {} -d {}\n",
                name,
                quote(c.about)
            ));
        }
    }
    out.push_str(&format!(
        "complete -c mux -n '__mux_using {}' -a '{}'\n",
        commands
            .iter()
            .filter(|c| c.args == Kind::Option)
            .flat_map(|c| c.names())
            .collect::<Vec<_>>()
            .join(" "),
        mux_server::option_names().join(" ")
    ));
    for c in commands.iter().filter(|c| c.args == Kind::File) {
        out.push_str(&format!(
            "complete -c mux -n '__mux_using {}' -F\n",
            c.names().join(" ")
        ));
    }
    for c in &commands {
        let names = c.names().join(" ");
        for f in &c.flags {
            let mut line = format!("complete -c mux -n '__mux_using {names}' -s {}", f.letter);
            if let Some((what, kind)) = &f.value {
                let takes = if *kind == Kind::File { "-r" } else { "-x" };
                line.push_str(&format!(" {takes} -d {}", quote(what)));
                match kind {
                    Kind::File => line.push_str(" -F"),
                    Kind::Dir => line.push_str(" -a '(__fish_complete_directories)'"),
                    k if lister(*k).is_some() => {
                        line.push_str(&format!(" -a '(__mux_{})'", k.word()));
                    }
                    _ => {}
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Quotes a word for fish in single quotes.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The fixed start of the file.
const HEADER: &str = "\
# fish completions for mux: commands, aliases and flags from mux's command table; sessions,
# windows, panes, clients and buffers from the running server.
# Generated from the command table (MUX_WRITE_ASSETS=1 cargo test -p mux-client generated);
# do not edit. Install: copy to ~/.config/fish/completions/mux.fish.

";
