//! The one command table (DESIGN 5): every command's name, alias, flags and implementation,
//! whether it comes from the command line or a key binding.

mod args;
mod attach_session;
mod detach_client;
mod has_session;
mod kill_server;
mod kill_session;
mod list_sessions;
mod new_session;
mod send_prefix;
mod start_server;
mod target;

use mux_protocol::ServerMsg;

pub use args::Args;

use crate::event::{ClientId, SessionId};
use crate::log::log;
use crate::state::State;

/// What a command did, beyond its output.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Finished successfully.
    Done,
    /// The requesting client should attach to this session.
    Attach(SessionId),
}

/// What a command runs with.
pub struct Ctx {
    /// The client that asked (attached for key bindings).
    pub client: ClientId,
    /// Text for the client's standard output.
    pub out: String,
}

/// A command's implementation.
pub type Exec = fn(&mut State, &mut Ctx, &Args) -> Result<Outcome, String>;

/// One entry of the command table.
#[derive(Debug)]
pub struct Spec {
    /// The command's name.
    pub name: &'static str,
    /// Its short alias, if any.
    pub alias: Option<&'static str>,
    /// Its flags, getopt style (`"ds:"`: `-d`, and `-s` with a value).
    pub flags: &'static str,
    /// How many positional arguments it takes at most.
    pub max_args: usize,
    /// What runs it.
    pub exec: Exec,
}

/// Every command, in alphabetical order.
pub const COMMANDS: &[Spec] = &[
    attach_session::SPEC,
    detach_client::SPEC,
    has_session::SPEC,
    kill_server::SPEC,
    kill_session::SPEC,
    list_sessions::SPEC,
    new_session::SPEC,
    send_prefix::SPEC,
    start_server::SPEC,
];

/// Finds a command by name or alias; a unique prefix of a name also works, as in tmux.
pub fn lookup(word: &str) -> Result<&'static Spec, String> {
    if let Some(spec) = COMMANDS
        .iter()
        .find(|s| s.name == word || s.alias == Some(word))
    {
        return Ok(spec);
    }
    let mut prefixed = COMMANDS.iter().filter(|s| s.name.starts_with(word));
    match (prefixed.next(), prefixed.next()) {
        (Some(s), None) if !word.is_empty() => Ok(s),
        (Some(_), Some(_)) => Err(format!("ambiguous command: {word}")),
        _ => Err(format!("unknown command: {word}")),
    }
}

/// Parses and runs one command line.
fn execute(state: &mut State, ctx: &mut Ctx, argv: &[String]) -> Result<Outcome, String> {
    let Some((word, rest)) = argv.split_first() else {
        return Err("no command".into());
    };
    let spec = lookup(word)?;
    let args = args::parse(spec.name, spec.flags, spec.max_args, rest)?;
    (spec.exec)(state, ctx, &args)
}

/// Runs the command a client connected with and answers it: output and an exit status, or
/// attaching the client.
pub fn run_request(state: &mut State, client: ClientId, argv: &[String]) {
    let mut ctx = Ctx {
        client,
        out: String::new(),
    };
    let result = execute(state, &mut ctx, argv);
    let Some(c) = state.clients.get(&client) else {
        return;
    };
    if !ctx.out.is_empty() {
        c.send(ServerMsg::Stdout(std::mem::take(&mut ctx.out)));
    }
    match result {
        Ok(Outcome::Attach(session)) => attach(state, client, session),
        Ok(Outcome::Done) => finish(state, client, 0),
        Err(message) => {
            c.send(ServerMsg::Stderr(format!("{message}\n")));
            finish(state, client, 1);
        }
    }
}

/// Sends the exit status to a command client and forgets it.
fn finish(state: &mut State, client: ClientId, code: i32) {
    if let Some(c) = state.clients.remove(&client) {
        c.send(ServerMsg::Exit(code));
    }
}

/// Attaches a client to a session.
fn attach(state: &mut State, client: ClientId, session: SessionId) {
    let Some(name) = state.session(session).map(|s| s.name.clone()) else {
        return finish(state, client, 1);
    };
    if let Some(c) = state.clients.get_mut(&client) {
        c.session = Some(session);
        c.invalidate();
        c.send(ServerMsg::Attached { session: name });
    }
    state.touch_client(client);
}

/// Runs a key binding's command line for an attached client.
pub fn run_binding(state: &mut State, client: ClientId, line: &str) {
    let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
    let mut ctx = Ctx {
        client,
        out: String::new(),
    };
    if let Err(message) = execute(state, &mut ctx, &argv) {
        log!("binding {line}: {message}");
    }
}

/// Returns the error for a command that needs a terminal and has none.
fn need_terminal(state: &State, client: ClientId) -> Result<(), String> {
    match state.clients.get(&client) {
        Some(c) if c.terminal.is_some() => Ok(()),
        _ => Err("open terminal failed: not a terminal".into()),
    }
}

/// Refuses to attach from inside a pane unless `$MUX` is unset.
fn refuse_nested(state: &State, client: ClientId) -> Result<(), String> {
    let nested = state
        .clients
        .get(&client)
        .and_then(|c| c.env_var("MUX"))
        .is_some_and(|v| !v.is_empty());
    if nested {
        Err("sessions should be nested with care, unset $MUX to force".into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_prefixes_resolve() {
        assert_eq!(lookup("new").unwrap().name, "new-session");
        assert_eq!(lookup("a").unwrap().name, "attach-session");
        assert_eq!(lookup("attach").unwrap().name, "attach-session");
        assert_eq!(lookup("ls").unwrap().name, "list-sessions");
        assert_eq!(lookup("kill-ses").unwrap().name, "kill-session");
        assert_eq!(lookup("foo").unwrap_err(), "unknown command: foo");
        assert_eq!(lookup("kill").unwrap_err(), "ambiguous command: kill");
    }

    #[test]
    fn table_is_sorted_and_aliases_are_unique() {
        let names: Vec<_> = COMMANDS.iter().map(|s| s.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        let aliases: Vec<_> = COMMANDS.iter().filter_map(|s| s.alias).collect();
        for a in &aliases {
            assert_eq!(aliases.iter().filter(|b| *b == a).count(), 1);
            assert!(!names.contains(a));
        }
    }
}
