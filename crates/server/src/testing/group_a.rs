//! Helpers for the tests of the commands from attach-session to move-window: a command run
//! from a shell inside a pane, what a client was told when it was detached, the line a
//! client's status line shows, the highlighted lines of a chooser, and time passing on the
//! fake clock.

use std::time::Duration;

use mux_protocol::{Attrs, ClientTerminal, CommandRequest, ServerMsg, Size};
use tokio::sync::mpsc;

use super::{split, Harness, Reply};
use crate::ids::{ClientId, PaneId};
use crate::io::event::Event;

impl Harness {
    /// Runs a command line as `mux LINE` typed at the shell in `pane`: the client has the
    /// environment the pane's program was started with (`$MUX`, `$MUX_PANE`) and no terminal.
    pub fn run_in_pane(&mut self, pane: PaneId, line: &str) -> Reply {
        let id = self.connect_from(pane, line, None);
        self.reply(id)
    }

    /// Runs `mux LINE` from the shell in `pane` with a terminal of `cols`x`rows`, as a user
    /// would type `mux attach` inside mux; returns the client's id.
    pub fn connect_in_pane(&mut self, pane: PaneId, line: &str, cols: u16, rows: u16) -> ClientId {
        self.connect_from(pane, line, Some((cols, rows)))
    }

    /// Returns what a command client was told, once it has finished.
    pub fn reply_of(&mut self, client: ClientId) -> Reply {
        self.reply(client)
    }

    /// Connects a client with the environment of the program running in `pane`.
    fn connect_from(&mut self, pane: PaneId, line: &str, size: Option<(u16, u16)>) -> ClientId {
        let env = self
            .fake
            .pane(pane)
            .spawned
            .last()
            .map(|spec| spec.env.clone())
            .unwrap_or_else(|| panic!("nothing was started in pane %{}", pane.0));
        let id = ClientId(self.next_client);
        self.next_client += 1;
        let (tx, rx) = mpsc::channel(crate::io::conn::CLIENT_QUEUE);
        self.queues.insert(id, rx);
        let request = CommandRequest {
            argv: split(line),
            cwd: "/".into(),
            terminal: size.map(|(cols, rows)| ClientTerminal {
                size: Size { cols, rows },
                term: "xterm-256color".into(),
            }),
            env,
        };
        self.event(Event::Connected {
            id,
            tx,
            request,
            pid: 0,
        });
        id
    }

    /// Returns the message and exit status each `Detach` a client was sent carried, and
    /// forgets the client's other messages.
    pub fn detaches(&mut self, client: ClientId) -> Vec<(String, i32)> {
        self.take_messages(client)
            .into_iter()
            .filter_map(|m| match m {
                ServerMsg::Detach { message, status } => Some((message, status)),
                _ => None,
            })
            .collect()
    }

    /// Returns whether a client is still connected and attached to a session.
    pub fn is_attached(&self, client: ClientId) -> bool {
        self.state
            .clients
            .get(&client)
            .is_some_and(|c| c.session.is_some())
    }

    /// Returns the bottom line of an attached client's screen: its status line, or the
    /// prompt or message shown in its place.
    pub fn status_line(&mut self, client: ClientId) -> String {
        self.screen(client).pop().unwrap_or_default()
    }

    /// Returns the lines of an attached client's screen that are drawn in reverse from their
    /// first cell, as a chooser draws its selected line.
    pub fn reversed_lines(&mut self, client: ClientId) -> Vec<String> {
        let screen = self.client_screen(client);
        let lines = screen.lines();
        screen
            .rows
            .iter()
            .zip(lines)
            .filter(|(row, _)| {
                row.first()
                    .is_some_and(|cell| cell.style.attrs.contains(Attrs::REVERSE))
            })
            .map(|(_, line)| line)
            .collect()
    }

    /// Moves the fake clock on by `by` and runs the timers that fell due, as the event loop
    /// does when its sleep ends, then brings the clients up to date.
    pub fn pass_time(&mut self, by: Duration) {
        self.fake.advance(by);
        crate::server::timers(&mut self.state);
        self.settle();
    }
}
