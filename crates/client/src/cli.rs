//! The command line: global options in tmux's style, then the command passed to the server.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser};

/// The one-line usage, printed after a bad global option as tmux does.
pub const USAGE: &str =
    "usage: mux [-hVv] [-f file] [-L socket-name] [-S socket-path] [command [flags]]";

/// The global options and what they do, for `mux help` and the man page.
pub const GLOBAL_OPTIONS: &[(&str, &str)] = &[
    (
        "-f file",
        "Load this config file instead of the default (may be repeated)",
    ),
    (
        "-L socket-name",
        "Use the socket of this name in the socket directory",
    ),
    ("-S socket-path", "Use the socket at this path"),
    ("-v", "Write a server log beside the socket"),
    ("-V", "Print the version"),
    ("-h, --help", "Print this help"),
];

/// The global options and the command line that follows them.
#[derive(Debug, Parser)]
#[command(
    name = "mux",
    disable_help_flag = true,
    disable_version_flag = true,
    color = clap::ColorChoice::Never
)]
pub struct Cli {
    /// The socket name inside the socket directory (`default` when not given).
    #[arg(short = 'L', value_name = "socket-name")]
    pub socket_name: Option<String>,
    /// A full socket path, used as is.
    #[arg(short = 'S', value_name = "socket-path")]
    pub socket_path: Option<PathBuf>,
    /// Config files the server loads when this client starts it, in order (instead of the
    /// default file); may be repeated.
    #[arg(short = 'f', value_name = "file", action = ArgAction::Append)]
    pub config: Vec<PathBuf>,
    /// Asks a server started by this client to write a log; may be repeated.
    #[arg(short = 'v', action = ArgAction::Count)]
    pub verbose: u8,
    /// Prints the version and exits.
    #[arg(short = 'V', action = ArgAction::SetTrue)]
    pub version: bool,
    /// Prints the usage and the commands and exits.
    #[arg(short = 'h', long = "help", action = ArgAction::SetTrue)]
    pub help: bool,
    /// The command and its flags, passed to the server verbatim.
    #[arg(trailing_var_arg = true, value_name = "command")]
    pub command: Vec<String>,
}

/// Parses the command line, or returns the message to print on standard error.
pub fn parse<I: IntoIterator<Item = OsString>>(args: I) -> Result<Cli, String> {
    Cli::try_parse_from(args).map_err(|e| format!("mux: {}\n{USAGE}", describe(&e)))
}

/// Describes a parse error in one line, using getopt's wording where tmux would.
fn describe(e: &clap::Error) -> String {
    let option = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => option_letter(s),
        _ => None,
    };
    match (e.kind(), option) {
        (ErrorKind::UnknownArgument, Some(c)) => format!("unknown option -- {c}"),
        (ErrorKind::InvalidValue, Some(c)) => format!("option requires an argument -- {c}"),
        _ => first_line(&e.to_string()),
    }
}

/// Returns the letter of a short option as clap names it (`-Z` or `-L <socket-name>`).
fn option_letter(arg: &str) -> Option<char> {
    let mut chars = arg.strip_prefix('-')?.chars();
    let c = chars.next()?;
    (c != '-').then_some(c)
}

/// Returns the first line of clap's message without its `error: ` label.
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Cli, String> {
        let args = std::iter::once("mux").chain(line.split_whitespace());
        parse(args.map(OsString::from))
    }

    #[test]
    fn command_flags_pass_through() {
        let cli = parse_str("-L work new -s work -d").expect("parses");
        assert_eq!(cli.socket_name.as_deref(), Some("work"));
        assert_eq!(cli.command, ["new", "-s", "work", "-d"]);
    }

    #[test]
    fn combined_and_attached_short_options() {
        let cli = parse_str("-vV -Lfoo -S/tmp/x -f/dev/null -f /dev/null ls -F x").expect("parses");
        assert_eq!(
            cli.config,
            [PathBuf::from("/dev/null"), PathBuf::from("/dev/null")]
        );
        assert_eq!(cli.verbose, 1);
        assert!(cli.version);
        assert_eq!(cli.socket_name.as_deref(), Some("foo"));
        assert_eq!(cli.socket_path, Some(PathBuf::from("/tmp/x")));
        assert_eq!(cli.command, ["ls", "-F", "x"]);
    }

    #[test]
    fn double_dash_ends_the_global_options() {
        let cli = parse_str("-L x -- ls -a").expect("parses");
        assert_eq!(cli.command, ["ls", "-a"]);
        assert!(parse_str("-h").expect("parses").help);
        assert!(parse_str("--help").expect("parses").help);
    }

    #[test]
    fn no_command_is_empty() {
        assert!(parse_str("").expect("parses").command.is_empty());
    }

    #[test]
    fn unknown_option_is_one_line_plus_usage() {
        let err = parse_str("-Z new").expect_err("fails");
        assert_eq!(err, format!("mux: unknown option -- Z\n{USAGE}"));
    }

    #[test]
    fn missing_argument_is_reported() {
        let err = parse_str("-L").expect_err("fails");
        assert_eq!(
            err,
            format!("mux: option requires an argument -- L\n{USAGE}")
        );
    }
}
