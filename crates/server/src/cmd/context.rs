//! What the parser asks of the server while it reads a config file or a command line:
//! `$NAME` from the global environment (then the client's, then the server's own), `NAME=value`
//! into the global environment, `%if` formats expanded for the current target, and `~` as
//! the client's home.

use super::parse::Context;
use crate::ids::ClientId;
use crate::model::state::State;

/// The parser's view of the server for one client (or none).
pub struct StateContext<'a> {
    /// The server.
    pub state: &'a mut State,
    /// The client the text is parsed for.
    pub client: ClientId,
}

impl Context for StateContext<'_> {
    fn var(&self, name: &str) -> Option<String> {
        if let Some(var) = self.state.environ.get(name) {
            return var.value.clone();
        }
        let client = self.state.clients.get(&self.client);
        if let Some(value) = client.and_then(|c| c.env_var(name)) {
            return Some(value.to_string());
        }
        std::env::var(name).ok()
    }

    fn assign(&mut self, name: &str, value: &str, hidden: bool) {
        self.state.environ.set(name, value, hidden);
    }

    fn holds(&mut self, condition: &str) -> bool {
        let scope = match crate::model::target::current(self.state, self.client) {
            Some(f) => super::client_scope(self.state, &super::Ctx::new(self.client), f),
            None => crate::model::vars::Scope {
                client: Some(self.client),
                ..Default::default()
            },
        };
        let value = crate::model::vars::expand(self.state, scope, condition);
        crate::config::format::is_true(&value)
    }

    fn home(&self, user: Option<&str>) -> Option<String> {
        match user {
            Some(name) => nix::unistd::User::from_name(name)
                .ok()
                .flatten()
                .map(|u| u.dir.to_string_lossy().into_owned()),
            None => self.var("HOME"),
        }
    }
}

/// Parses a command line for `client` with the server's variables and formats.
pub fn parse_line(
    state: &mut State,
    client: ClientId,
    line: &str,
) -> Result<Vec<Vec<String>>, String> {
    super::line::parse_in(line, &mut StateContext { state, client })
}
