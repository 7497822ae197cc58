//! The one command table (DESIGN 5): every command's name, alias, flags and implementation,
//! whether it comes from the command line or a key binding.

mod alias;
mod args;
mod attach_session;
mod bind_key;
mod break_pane;
mod capture_pane;
mod choose_buffer;
mod choose_client;
mod choose_tree;
mod clear_history;
mod clock_mode;
mod command_prompt;
mod confirm_before;
mod context;
mod copy_mode;
mod customize_mode;
mod delete_buffer;
mod detach_client;
mod display_menu;
mod display_message;
mod display_panes;
mod entry;
mod find_window;
mod has_session;
mod help;
pub mod history_file;
mod hooks;
mod if_shell;
mod jobs;
mod join_pane;
mod kill_pane;
mod kill_server;
mod kill_session;
mod kill_window;
mod last_pane;
mod last_window;
pub mod line;
mod list_buffers;
mod list_clients;
mod list_commands;
mod list_keys;
mod list_panes;
mod list_sessions;
mod list_windows;
mod load_buffer;
mod log_pane;
mod mouse;
mod move_window;
mod new_session;
mod new_window;
mod next_layout;
mod next_window;
pub mod parse;
mod paste_buffer;
mod pipe_pane;
mod previous_layout;
mod previous_window;
mod queue;
mod refresh_client;
mod rename_session;
mod rename_window;
mod resize_pane;
mod resize_window;
mod respawn_pane;
mod respawn_window;
mod restore_sessions;
mod rotate_window;
mod run_shell;
mod save_buffer;
mod save_sessions;
mod select_layout;
mod select_pane;
mod select_window;
mod send_keys;
mod send_prefix;
mod server_upgrade;
mod set_buffer;
mod set_environment;
mod set_hook;
mod set_option;
mod set_window_option;
mod show_buffer;
mod show_environment;
mod show_hooks;
mod show_messages;
mod show_options;
mod show_window_options;
mod source_file;
mod split_window;
mod start_server;
mod suspend_client;
mod swap_pane;
mod swap_window;
mod switch_client;
pub use crate::model::target;
mod unbind_key;
mod wait_for;
mod wait_output;

use mux_protocol::ServerMsg;

pub use alias::check_names;
pub use args::Args;
pub use entry::{
    client_gone, finish_waiting, job_done, load_config, load_stdin, run_binding, run_binding_at,
    run_hooks, run_request, run_timers,
};
pub use help::{default_aliases, help, option_names, usage, Help};

use crate::ids::{ClientId, SessionId};
use crate::model::queue::{BatchId, Item, Place};
use crate::model::state::State;

/// What a command did, beyond its output.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Finished successfully.
    Done,
    /// The requesting client should attach to this session.
    Attach(SessionId),
    /// The command goes on when the client has sent what it was asked for (its standard
    /// input); the client is answered then.
    Wait,
}

/// What a command runs with.
pub struct Ctx {
    /// The client that asked (attached for key bindings); [`ClientId::NONE`] for the config
    /// file and hooks.
    pub client: ClientId,
    /// Text for the client's standard output.
    pub out: String,
    /// The batch the command runs in.
    pub batch: Option<BatchId>,
    /// The command's group: commands it asks to run next join it.
    pub group: u64,
    /// Where the command was written (a config file and line).
    pub place: Option<Place>,
    /// The target it runs on when it names none (a hook's object).
    pub current: Option<target::Found>,
    /// Format variables it sees besides the usual ones (a hook's).
    pub vars: Vec<(String, String)>,
    /// Commands to run right after this one, before the rest of the batch.
    pub next: Vec<Item>,
    /// Errors that do not stop the command (a config file's), reported when the batch ends.
    pub errors: Vec<String>,
    /// Warnings, reported when the batch ends; they do not make it fail.
    pub warnings: Vec<String>,
    /// What the command made (a session, window or pane), which its `after-` hook is for.
    pub made: Option<target::Found>,
    /// The command's `-t` target, resolved by the table when its spec names one.
    target: Option<target::Found>,
    /// The command's `-s` source, resolved by the table when its spec names one and it was
    /// given.
    source: Option<target::Found>,
}

impl Ctx {
    /// Returns a context for commands from `client`.
    pub fn new(client: ClientId) -> Ctx {
        Ctx {
            client,
            out: String::new(),
            batch: None,
            group: 0,
            place: None,
            current: None,
            vars: Vec::new(),
            next: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            made: None,
            target: None,
            source: None,
        }
    }

    /// Asks for commands (each a list of words) to run right after this one, in its group
    /// and with its place and current target.
    pub fn run_next(&mut self, commands: Vec<Vec<String>>) {
        for words in commands {
            self.next.push(Item {
                words,
                group: self.group,
                place: self.place.clone(),
                current: self.current,
                vars: self.vars.clone(),
            });
        }
    }

    /// Parses a command line (an `if-shell` branch) and runs it right after this command.
    pub fn run_line_next(&mut self, state: &mut State, line: &str) -> Result<(), String> {
        let commands = context::parse_line(state, self.client, line)?;
        self.run_next(commands);
        Ok(())
    }

    /// Returns the resolved `-t` target of a command whose spec names one.
    pub fn target(&self) -> Result<target::Found, String> {
        self.target.ok_or_else(|| "no current target".to_string())
    }

    /// Returns the resolved `-s` source, when it was given.
    pub fn source(&self) -> Option<target::Found> {
        self.source
    }

    /// Returns the resolved `-s` source, or the current pane when it was not given.
    pub fn source_or_current(&self, state: &State) -> Result<target::Found, String> {
        self.source
            .or_else(|| target::current(state, self.client))
            .ok_or_else(|| "no current pane".to_string())
    }

    /// Returns the source (`-s`), else the marked pane, else the current pane (as tmux's
    /// join-pane, swap-pane and swap-window take it).
    pub fn source_or_marked(&self, state: &State) -> Result<target::Found, String> {
        self.source
            .or_else(|| target::marked(state))
            .or_else(|| target::current(state, self.client))
            .ok_or_else(|| "no current pane".to_string())
    }
}

/// What a command's target (`-t`) or source (`-s`) flag names; the table resolves it before
/// the command runs, so a command starts from a found target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The command resolves its targets itself, or has none.
    None,
    /// A session (`-t work`), with its current window and active pane.
    Session,
    /// A window (`-t work:2`), with its active pane.
    Window,
    /// A pane (`-t work:2.1`, `%3`).
    Pane,
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
    /// Its usage line after the name, as tmux prints it (`[-d] [-t target-session]`).
    pub usage: &'static str,
    /// How many positional arguments it takes: at least, at most.
    pub args: (usize, usize),
    /// What `-t` names.
    pub target: Target,
    /// What `-s` names.
    pub source: Target,
    /// What runs it.
    pub exec: Exec,
}

/// Every command, in alphabetical order.
pub const COMMANDS: &[Spec] = &[
    attach_session::SPEC,
    bind_key::SPEC,
    break_pane::SPEC,
    capture_pane::SPEC,
    choose_buffer::SPEC,
    choose_client::SPEC,
    choose_tree::SPEC,
    clear_history::SPEC,
    clock_mode::SPEC,
    command_prompt::SPEC,
    confirm_before::SPEC,
    copy_mode::SPEC,
    customize_mode::SPEC,
    delete_buffer::SPEC,
    detach_client::SPEC,
    display_menu::SPEC,
    display_message::SPEC,
    display_panes::SPEC,
    find_window::SPEC,
    has_session::SPEC,
    if_shell::SPEC,
    join_pane::SPEC,
    kill_pane::SPEC,
    kill_server::SPEC,
    kill_session::SPEC,
    kill_window::SPEC,
    last_pane::SPEC,
    last_window::SPEC,
    list_buffers::SPEC,
    list_clients::SPEC,
    list_commands::SPEC,
    list_keys::SPEC,
    list_panes::SPEC,
    list_sessions::SPEC,
    list_windows::SPEC,
    load_buffer::SPEC,
    log_pane::SPEC,
    move_window::SPEC,
    new_session::SPEC,
    new_window::SPEC,
    next_layout::SPEC,
    next_window::SPEC,
    paste_buffer::SPEC,
    pipe_pane::SPEC,
    previous_layout::SPEC,
    previous_window::SPEC,
    refresh_client::SPEC,
    rename_session::SPEC,
    rename_window::SPEC,
    resize_pane::SPEC,
    resize_window::SPEC,
    respawn_pane::SPEC,
    respawn_window::SPEC,
    restore_sessions::SPEC,
    rotate_window::SPEC,
    run_shell::SPEC,
    save_buffer::SPEC,
    save_sessions::SPEC,
    select_layout::SPEC,
    select_pane::SPEC,
    select_window::SPEC,
    send_keys::SPEC,
    send_prefix::SPEC,
    server_upgrade::SPEC,
    set_buffer::SPEC,
    set_environment::SPEC,
    set_hook::SPEC,
    set_option::SPEC,
    set_window_option::SPEC,
    show_buffer::SPEC,
    show_environment::SPEC,
    show_hooks::SPEC,
    show_messages::SPEC,
    show_options::SPEC,
    show_window_options::SPEC,
    source_file::SPEC,
    split_window::SPEC,
    start_server::SPEC,
    suspend_client::SPEC,
    swap_pane::SPEC,
    swap_window::SPEC,
    switch_client::SPEC,
    unbind_key::SPEC,
    wait_for::SPEC,
    wait_output::SPEC,
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

/// Parses and runs one command.
fn execute(state: &mut State, ctx: &mut Ctx, argv: &[String]) -> Result<Outcome, String> {
    let Some((word, rest)) = argv.split_first() else {
        return Err("no command".into());
    };
    if let Some(mut commands) = alias::expand_alias(state, ctx, word)? {
        if let Some(last) = commands.last_mut() {
            last.extend(rest.iter().cloned());
        }
        return match commands.as_slice() {
            [one] => execute_command(state, ctx, one),
            _ => {
                ctx.run_next(commands);
                Ok(Outcome::Done)
            }
        };
    }
    execute_command(state, ctx, argv)
}

/// Runs one command whose name is a command's, not an alias.
fn execute_command(state: &mut State, ctx: &mut Ctx, argv: &[String]) -> Result<Outcome, String> {
    let Some((word, rest)) = argv.split_first() else {
        return Err("no command".into());
    };
    let spec = lookup(word)?;
    let args = args::parse(spec.name, spec.flags, spec.args, rest)
        .map_err(|e| format!("{e}\n{}", usage(spec)))?;
    ctx.target = resolve(state, ctx.client, spec.target, args.value('t'))?;
    ctx.source = match args.value('s') {
        Some(s) => resolve(state, ctx.client, spec.source, Some(s))?,
        None => None,
    };
    contained(spec.name, || (spec.exec)(state, ctx, &args))
}

/// Runs a command's `exec`; if it panics (a bug), the panic is logged and the command fails
/// with a message instead of ending the server and every session in it.
fn contained(
    name: &str,
    exec: impl FnOnce() -> Result<Outcome, String>,
) -> Result<Outcome, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(exec)) {
        Ok(result) => result,
        Err(_) => {
            crate::log::log!("{name}: the command panicked (a bug); the server goes on");
            Err(format!(
                "{name}: internal error, see the server log (mux -v); nothing else was affected"
            ))
        }
    }
}

/// Resolves a target flag's value (or the current target when it is absent) as `kind`.
fn resolve(
    state: &State,
    client: ClientId,
    kind: Target,
    value: Option<&str>,
) -> Result<Option<target::Found>, String> {
    let found = match kind {
        Target::None => return Ok(None),
        Target::Session => {
            let sid = target::session_or_current(state, client, value)?;
            target::in_session(state, sid).ok_or_else(|| "no current window".to_string())?
        }
        Target::Window => target::window(state, client, value)?,
        Target::Pane => target::pane(state, client, value)?,
    };
    Ok(Some(found))
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
        c.send(ServerMsg::Attached {
            session: name,
            id: session.0,
        });
    }
    state.touch_client(client);
    state.notify_client("client-attached", client);
    if !state.config_errors.is_empty() {
        let text = std::mem::take(&mut state.config_errors).join("\n") + "\n";
        crate::model::viewmode::show_for_client(state, client, &text);
    }
    if let Some(text) = state.recovered.take() {
        // Until a key: a crash is worth a look.
        state.show_message_for(client, &text, Some(0));
    }
}

/// Shows a message on a client's status line for display-time milliseconds.
pub fn show_message(state: &mut State, client: ClientId, text: &str) {
    state.show_message(client, text);
}

/// Shows a message on a client's status line for `ms` milliseconds (`display-time` when
/// `None`); 0 keeps it until a key is pressed.
pub fn show_message_for(state: &mut State, client: ClientId, text: &str, ms: Option<u64>) {
    state.show_message_for(client, text, ms);
}

/// Expands a `-F` format for a target and ends it with a newline (`-P` output, list lines).
pub fn print_format(state: &State, ctx: &Ctx, found: target::Found, fmt: &str) -> String {
    let mut text = crate::model::vars::expand(state, client_scope(state, ctx, found), fmt);
    text.push('\n');
    text
}

/// Prints one line per item, in format `fmt`, of the items the `-f` filter keeps (the list
/// commands).
pub fn print_list(
    state: &State,
    ctx: &mut Ctx,
    items: &[target::Found],
    fmt: &str,
    filter: Option<&str>,
) {
    for found in items {
        if filter_matches(state, ctx, *found, filter) {
            let line = print_format(state, ctx, *found, fmt);
            ctx.out.push_str(&line);
        }
    }
}

/// Returns whether a `-f` filter (a format) is true for a target; no filter passes.
pub fn filter_matches(
    state: &State,
    ctx: &Ctx,
    found: target::Found,
    filter: Option<&str>,
) -> bool {
    filter.is_none_or(|f| {
        crate::config::format::is_true(&crate::model::vars::expand(state, scope(ctx, found), f))
    })
}

/// Returns the format scope of a resolved target for this command's client.
pub fn scope(ctx: &Ctx, f: target::Found) -> crate::model::vars::Scope {
    crate::model::vars::Scope {
        session: Some(f.session),
        window: Some(f.window),
        pane: Some(f.pane),
        client: Some(ctx.client),
    }
}

/// Like [`scope`], but a command from outside (not an attached client) sees the most
/// recently active client attached to the target's session, as tmux's `client_*` do.
pub fn client_scope(state: &State, ctx: &Ctx, f: target::Found) -> crate::model::vars::Scope {
    let attached = state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_some());
    let client = if attached {
        Some(ctx.client)
    } else {
        state
            .clients
            .values()
            .filter(|c| c.session == Some(f.session))
            .max_by_key(|c| c.last_active)
            .map(|c| c.id)
    };
    crate::model::vars::Scope {
        client,
        ..scope(ctx, f)
    }
}

/// Parses a size given as `N` cells or `N%` (split-window -l, join-pane -l).
pub fn parse_size(text: &str) -> Result<crate::model::layout::SplitSize, String> {
    use crate::model::layout::SplitSize;
    let bad = || format!("size is invalid: {text}");
    match text.strip_suffix('%') {
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p <= 100)
            .map(SplitSize::Percent)
            .ok_or_else(bad),
        None => text
            .parse::<u16>()
            .ok()
            .filter(|n| *n > 0)
            .map(SplitSize::Cells)
            .ok_or_else(bad),
    }
}

/// Returns `path` as the client that ran the command means it: `~` is its home, a relative
/// path is in its working directory.
pub fn client_path(state: &State, ctx: &Ctx, path: &str) -> std::path::PathBuf {
    let client = state.clients.get(&ctx.client);
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = client.and_then(|c| c.env_var("HOME")) {
            return std::path::Path::new(home).join(rest);
        }
    }
    let p = std::path::Path::new(path);
    match client {
        Some(c) if p.is_relative() => std::path::Path::new(&c.cwd).join(p),
        _ => p.to_path_buf(),
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
mod defaults_check;
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
    fn every_flag_is_in_the_usage_line_and_every_usage_flag_is_taken() {
        for spec in COMMANDS {
            let mut in_usage = String::new();
            for group in spec.usage.split('[').skip(1) {
                if let Some(letters) = group.strip_prefix('-') {
                    // `[-L|-S|-U]`: one of several flags.
                    let word = letters.split([' ', ']']).next().unwrap_or("");
                    in_usage.extend(word.chars().filter(|c| c.is_ascii_alphanumeric()));
                }
            }
            let mut taken: Vec<char> = spec.flags.chars().filter(|c| *c != ':').collect();
            let mut listed: Vec<char> = in_usage.chars().collect();
            taken.sort_unstable();
            listed.sort_unstable();
            assert_eq!(
                taken, listed,
                "{}: flags {:?}, usage {:?}",
                spec.name, spec.flags, spec.usage
            );
        }
    }

    #[test]
    fn a_command_that_panics_fails_with_a_message_and_the_server_goes_on() {
        let err = contained("send-keys", || panic!("a bug")).unwrap_err();
        assert!(err.starts_with("send-keys: internal error"), "{err}");
        assert!(matches!(
            contained("x", || Ok(Outcome::Done)),
            Ok(Outcome::Done)
        ));
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
