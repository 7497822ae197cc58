//! The man page, `mux.1`, in roff: the synopsis, the global options, where the config file
//! is, every command with its usage and what it does, the environment and the files.

use super::commands;

/// Returns the man page.
pub fn man() -> String {
    let mut out = String::from(
        ".\\\" Generated from mux's command table (MUX_WRITE_ASSETS=1 cargo test -p mux-client\n\
         .\\\" generated); do not edit.\n\
         .TH MUX 1 \"\" \"mux\" \"User Commands\"\n\
         .SH NAME\n\
         mux \\- terminal multiplexer in the family of tmux\n\
         .SH SYNOPSIS\n\
         .B mux\n\
         .RB [ \\-hVv ]\n\
         .RB [ \\-f\n\
         .IR file ]\n\
         .RB [ \\-L\n\
         .IR socket-name ]\n\
         .RB [ \\-S\n\
         .IR socket-path ]\n\
         .RI [ command\n\
         .RI [ flags ]]\n\
         .SH DESCRIPTION\n\
         mux runs programs in terminals that a background server keeps while no one looks:\n\
         sessions of windows split into panes. A client attaches to a session in the terminal\n\
         it runs in, and detaches again leaving everything running. It follows tmux's command\n\
         names, flags, default keys and config syntax. With no command,\n\
         .B mux\n\
         runs\n\
         .BR new-session .\n\
         The prefix key is C\\-b; C\\-b ? lists the key bindings, C\\-b : opens a prompt for\n\
         any command below.\n\
         .SH OPTIONS\n",
    );
    for (flag, what) in crate::cli::GLOBAL_OPTIONS {
        out.push_str(&format!(".TP\n.B {}\n{}.\n", escape(flag), escape(what)));
    }
    out.push_str(
        ".SH CONFIGURATION\n\
         When it starts, the server loads the files given with\n\
         .BR \\-f ,\n\
         else \\fI$XDG_CONFIG_HOME/mux/mux.conf\\fR (\\fI~/.config/mux/mux.conf\\fR by\n\
         default) when it exists, else\n\
         .IR ~/.mux.conf .\n\
         Its syntax is tmux's: one command a line, # comments, \\e at the end of a line to go on,\n\
         ; between commands, { } blocks, quotes, ~ and $VAR, NAME=value, %hidden and\n\
         %if/%elif/%else/%endif with formats. An error names its file and line and the rest\n\
         still loads; the first client to attach sees the errors.\n\
         .B source\\-file\n\
         loads a file again.\n\
         .SH COMMANDS\n",
    );
    for c in commands() {
        let mut names = c.name.to_string();
        if !c.aliases.is_empty() {
            names.push_str(&format!(" ({})", c.aliases.join(", ")));
        }
        out.push_str(&format!(
            ".TP\n.B {}\n{}\n.br\n{}.\n",
            escape(&names),
            escape(c.usage),
            escape(c.about)
        ));
    }
    out.push_str(
        ".SH ENVIRONMENT\n\
         .TP\n.B MUX\n\
         Set in each pane to the socket, the server's pid and the session; commands run in a\n\
         pane use this server and that pane.\n\
         .TP\n.B MUX_PANE\n\
         Set in each pane to its id, such as %3.\n\
         .SH FILES\n\
         .TP\n.I $XDG_RUNTIME_DIR/mux/default\n\
         The socket (else\n\
         .IR /tmp/mux\\-UID/default ).\n\
         .SH SEE ALSO\n\
         .BR tmux (1)\n",
    );
    out
}

/// Escapes text for roff: backslashes, and a leading dot or quote.
fn escape(text: &str) -> String {
    let body = text.replace('\\', "\\e").replace('-', "\\-");
    if body.starts_with('.') || body.starts_with('\'') {
        format!("\\&{body}")
    } else {
        body
    }
}
