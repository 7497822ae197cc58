//! The `mux` binary: parses the global options, connects to (or starts) the server, runs one
//! command and, when it attaches, the terminal UI. `mux __server -S PATH [-v]` runs the server,
//! `mux __keeper DIR` a server's keeper.

mod attach;
mod backend;
mod cli;
mod colour;
mod command;
mod config;
mod connect;
mod draw;
mod escape;
mod generate;
mod help;
mod inbox;
mod keys;
mod links;
mod outer;
mod quick;
mod reconnect;
mod socket;
mod tty;
mod typeahead;
mod upgrade;
mod wrap;

use std::ffi::OsString;
use std::path::PathBuf;

/// The hidden subcommand that runs the server.
const SERVER_COMMAND: &str = "__server";

/// The hidden subcommand that runs a server's keeper (see `mux_server::run_keeper`).
const KEEPER_COMMAND: &str = "__keeper";

fn main() {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The server forks, so it must start before this process has any other thread.
    if args.get(1).is_some_and(|a| a == SERVER_COMMAND) {
        std::process::exit(server_main(&args[2..]));
    }
    // The keeper forks too.
    if args.get(1).is_some_and(|a| a == KEEPER_COMMAND) {
        let Some(dir) = args.get(2) else {
            eprintln!("mux: the keeper needs its directory");
            std::process::exit(1);
        };
        std::process::exit(mux_server::run_keeper(PathBuf::from(dir)));
    }
    let status = match cli::parse(args) {
        Ok(cli) => run(cli),
        Err(message) => {
            eprintln!("{message}");
            1
        }
    };
    std::process::exit(status);
}

/// Runs `__server -S PATH [-v] [-f FILE]... [--listen-fd N]`; returns the exit status.
fn server_main(args: &[OsString]) -> i32 {
    let mut socket = None;
    let mut verbose = false;
    let mut config = Vec::new();
    let mut listen_fd = None;
    let mut keeper_fd = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("-S") => socket = it.next().map(PathBuf::from),
            Some("-v") => verbose = true,
            Some("-f") => config.extend(it.next().map(PathBuf::from)),
            Some("--listen-fd") => {
                listen_fd = it.next().and_then(|n| n.to_str()?.parse().ok());
            }
            Some("--keeper-fd") => {
                keeper_fd = it.next().and_then(|n| n.to_str()?.parse().ok());
            }
            _ => {
                eprintln!("mux: bad server argument {}", arg.to_string_lossy());
                return 1;
            }
        }
    }
    let Some(socket) = socket else {
        eprintln!("mux: the server needs -S PATH");
        return 1;
    };
    mux_server::run_server(mux_server::ServerOptions {
        socket,
        verbose,
        config,
        listen_fd,
        keeper_fd,
    })
}

/// Runs the client for parsed options; returns the exit status.
fn run(cli: cli::Cli) -> i32 {
    if cli.version {
        println!("mux {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    let help = match cli.command.split_first() {
        _ if cli.help => Some(help::text(&[])),
        Some((word, rest)) if word == "help" => Some(help::text(rest)),
        _ => None,
    };
    match help {
        Some(Ok(text)) => {
            command::emit(&mut std::io::stdout(), &text);
            return 0;
        }
        Some(Err(message)) => return fail(&message),
        None => {}
    }
    let socket = match socket::resolve(cli.socket_name.as_deref(), cli.socket_path.as_deref()) {
        Ok(path) => path,
        Err(message) => return fail(&message),
    };
    let argv = if cli.command.is_empty() {
        vec!["new-session".to_string()]
    } else {
        cli.command
    };
    let config = if cli.config.is_empty() {
        config::default_file().into_iter().collect()
    } else {
        cli.config
    };
    // A hand-over speaks a handshake of its own, which servers of any version understand.
    if argv.first().is_some_and(|w| w == "server-upgrade") {
        return upgrade::run(&socket, &argv[1..]);
    }
    // The command goes out right behind the hello.
    let request = command::request(argv.clone());
    let reported = request.terminal.as_ref().map(|t| t.size);
    let first = match mux_protocol::encode(&mux_protocol::ClientMsg::Command(request)) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&format!("mux: {e}")),
    };
    match connect::open(&socket, &argv, cli.verbose > 0, &config, &first) {
        Ok(stream) => command::run(stream, reported, &socket),
        Err(message) => fail(&message),
    }
}

/// Prints a one-line error on standard error; returns status 1.
fn fail(message: &str) -> i32 {
    command::emit(&mut std::io::stderr(), &format!("{message}\n"));
    1
}
