//! An in-process harness for the server's unit tests: a [`State`] on the fake OS, clients
//! that connect and send messages as the real ones do, and the screen each client would
//! show, rebuilt from what it was sent. Events go through the event loop's own handler, so a
//! test exercises commands, keys, views and the model together without a PTY or a socket.

// Not every test uses every helper.
#![allow(dead_code)]

use std::collections::HashMap;
use std::time::Duration;

use mux_protocol::{Cell, ClientMsg, ClientTerminal, CommandRequest, ServerMsg, Size};
use tokio::sync::mpsc;

use crate::ids::{ClientId, PaneId};
use crate::io::event::Event;
use crate::model::fake::{Fake, FakeOs};
use crate::model::state::State;

pub mod files;
mod group_a;
mod group_b;
mod input;
mod jobs;

/// What a command client was told.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
    /// Its exit status, if it was sent one.
    pub status: Option<i32>,
    /// Whether it was attached.
    pub attached: bool,
}

/// A client's screen, rebuilt from the updates it was sent.
#[derive(Debug, Default)]
pub struct ClientScreen {
    /// The rows of cells.
    pub rows: Vec<Vec<Cell>>,
    /// The cursor's column and row, and whether it is shown.
    pub cursor: (u16, u16, bool),
    /// Every other message, in order.
    pub other: Vec<ServerMsg>,
}

impl ClientScreen {
    /// Returns the screen's rows as text, trailing blanks trimmed.
    pub fn lines(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| {
                let text: String = r.iter().map(|c| c.text.as_str()).collect();
                text.trim_end().to_string()
            })
            .collect()
    }
}

/// The harness.
pub struct Harness {
    /// The server's state.
    pub state: State,
    /// What the fake OS did.
    pub fake: Fake,
    /// The next client id.
    next_client: u32,
    /// Each client's queue, as the writer task would read it.
    queues: HashMap<ClientId, mpsc::Receiver<ServerMsg>>,
    /// Each attached client's screen.
    screens: HashMap<ClientId, ClientScreen>,
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

impl Harness {
    /// Returns a server with no session, on the fake OS.
    pub fn new() -> Harness {
        let (os, fake) = FakeOs::new();
        Harness {
            state: State::new("/tmp/mux-test/sock".into(), Box::new(os)),
            fake,
            next_client: 1,
            queues: HashMap::new(),
            screens: HashMap::new(),
        }
    }

    /// Returns a server with one detached session `work` of 80x24.
    pub fn with_session() -> Harness {
        let mut h = Harness::new();
        h.ok("new-session -d -s work");
        h
    }

    /// Handles an event as the event loop does, then the end of its batch.
    pub fn event(&mut self, event: Event) {
        crate::server::handle(&mut self.state, event);
        self.settle();
    }

    /// Lets the frame interval pass and brings attached clients up to date.
    pub fn settle(&mut self) {
        self.fake.advance(Duration::from_millis(20));
        // As a connection's writer reports an emptied queue (Event::Drained), updates held
        // back while a client's queue was not empty go out on the next round.
        for _ in 0..4 {
            crate::server::after_batch(&mut self.state);
            let ids: Vec<ClientId> = self.queues.keys().copied().collect();
            let mut drained = false;
            for id in ids {
                drained |= self.drain(id);
            }
            if !drained {
                break;
            }
        }
    }

    /// Connects a client that sends `line`, with a terminal of `size` when given.
    fn connect(&mut self, line: &str, size: Option<(u16, u16)>) -> ClientId {
        let id = ClientId(self.next_client);
        self.next_client += 1;
        let (tx, rx) = mpsc::channel(crate::io::conn::CLIENT_QUEUE);
        self.queues.insert(id, rx);
        let argv = split(line);
        let request = CommandRequest {
            argv,
            cwd: "/".into(),
            terminal: size.map(|(cols, rows)| ClientTerminal {
                size: Size { cols, rows },
                term: "xterm-256color".into(),
            }),
            env: vec![
                ("SHELL".into(), "/bin/sh".into()),
                ("HOME".into(), "/".into()),
            ],
        };
        self.event(Event::Connected {
            id,
            tx,
            request,
            pid: 0,
        });
        id
    }

    /// Runs a command line as `mux LINE` from a shell and returns what it was told.
    pub fn run(&mut self, line: &str) -> Reply {
        let id = self.connect(line, None);
        self.reply(id)
    }

    /// Starts a command line from a shell that may wait (for its standard input); returns
    /// the client, to send it more and read its reply later with [`Harness::reply_of`].
    pub fn start(&mut self, line: &str) -> ClientId {
        self.connect(line, None)
    }

    /// Runs a command line that must succeed and returns its standard output.
    pub fn ok(&mut self, line: &str) -> String {
        let reply = self.run(line);
        assert_eq!(
            reply.status,
            Some(0),
            "`{line}` failed: {}",
            reply.stderr.trim_end()
        );
        reply.stdout
    }

    /// Runs a command line that must fail and returns its error message.
    pub fn err(&mut self, line: &str) -> String {
        let reply = self.run(line);
        assert_eq!(reply.status, Some(1), "`{line}` should have failed");
        reply.stderr.trim_end().to_string()
    }

    /// Attaches a client with a terminal of `cols`x`rows` by running `line` (such as
    /// `attach -t work` or `new-session -s x`); returns its id.
    pub fn attach(&mut self, line: &str, cols: u16, rows: u16) -> ClientId {
        let id = self.connect(line, Some((cols, rows)));
        let screen = self.screens.entry(id).or_default();
        assert!(
            screen
                .other
                .iter()
                .any(|m| matches!(m, ServerMsg::Attached { .. })),
            "`{line}` did not attach: {:?}",
            screen.other
        );
        id
    }

    /// Sends a message from a client.
    pub fn send(&mut self, client: ClientId, msg: ClientMsg) {
        self.event(Event::Message(client, msg));
    }

    /// Types keys named as tmux names them, separated by blanks (`C-b c`, `Enter`).
    pub fn keys(&mut self, client: ClientId, names: &str) {
        for name in names.split_whitespace() {
            let key = crate::config::keyname::parse_key(name)
                .unwrap_or_else(|| panic!("not a key name: {name}"));
            self.send(client, ClientMsg::Key(key));
        }
    }

    /// Types text, one key per character.
    pub fn type_text(&mut self, client: ClientId, text: &str) {
        for c in text.chars() {
            let key = mux_protocol::Key {
                code: mux_protocol::KeyCode::Char(c),
                mods: mux_protocol::Mods::NONE,
            };
            self.send(client, ClientMsg::Key(key));
        }
    }

    /// Feeds output to a pane as if its program wrote it.
    pub fn output(&mut self, pane: PaneId, bytes: &str) {
        let program = self.program(pane);
        self.event(Event::Output(
            pane,
            program,
            bytes.as_bytes().to_vec(),
            crate::io::event::Credit::default(),
        ));
    }

    /// Feeds output to a pane as [`Harness::output`] does, but without letting time pass:
    /// an update the frame interval holds back stays held. Returns the client's screen as
    /// it is then.
    pub fn output_now(&mut self, pane: PaneId, bytes: &str, client: ClientId) -> Vec<String> {
        let program = self.program(pane);
        let credit = crate::io::event::Credit::default();
        let event = Event::Output(pane, program, bytes.as_bytes().to_vec(), credit);
        crate::server::handle(&mut self.state, event);
        crate::server::after_batch(&mut self.state);
        self.drain(client);
        self.screens
            .get(&client)
            .map(ClientScreen::lines)
            .unwrap_or_default()
    }

    /// Makes a pane's program exit with `status` and its PTY close.
    pub fn exit(&mut self, pane: PaneId, status: i32) {
        let program = self.program(pane);
        self.event(Event::Exited(pane, program, status));
        self.event(Event::Closed(pane, program));
    }

    /// Returns the program running in a pane.
    fn program(&self, pane: PaneId) -> crate::ids::ProgramId {
        self.state
            .panes
            .get(&pane)
            .map(|p| p.program)
            .unwrap_or_else(|| panic!("no pane %{}", pane.0))
    }

    /// Returns an attached client's screen as text lines.
    pub fn screen(&mut self, client: ClientId) -> Vec<String> {
        self.settle();
        self.screens
            .get(&client)
            .map(ClientScreen::lines)
            .unwrap_or_default()
    }

    /// Returns an attached client's screen.
    pub fn client_screen(&mut self, client: ClientId) -> &ClientScreen {
        self.settle();
        self.screens.entry(client).or_default()
    }

    /// Returns whether any line of a client's screen contains `text`.
    pub fn shows(&mut self, client: ClientId, text: &str) -> bool {
        self.screen(client).iter().any(|l| l.contains(text))
    }

    /// Returns the ids of the panes, in id order.
    pub fn panes(&self) -> Vec<PaneId> {
        let mut ids: Vec<PaneId> = self.state.panes.keys().copied().collect();
        ids.sort();
        ids
    }

    /// Reads what a client was sent into its reply or screen.
    fn drain(&mut self, id: ClientId) -> bool {
        let Some(rx) = self.queues.get_mut(&id) else {
            return false;
        };
        let screen = self.screens.entry(id).or_default();
        let mut any = false;
        while let Ok(msg) = rx.try_recv() {
            any = true;
            match msg {
                ServerMsg::Screen(update) => {
                    let (cols, rows) =
                        (usize::from(update.size.cols), usize::from(update.size.rows));
                    if screen.rows.len() != rows || screen.rows.first().map(Vec::len) != Some(cols)
                    {
                        screen.rows = vec![vec![Cell::new(" ", Default::default()); cols]; rows];
                    }
                    for row in update.rows {
                        if let Some(r) = screen.rows.get_mut(row.y as usize) {
                            *r = row.cells;
                        }
                    }
                    let c = update.cursor;
                    screen.cursor = (c.pos.col, c.pos.row, c.visible);
                }
                other => screen.other.push(other),
            }
        }
        any
    }

    /// Collects a command client's reply from what it was sent.
    fn reply(&mut self, id: ClientId) -> Reply {
        self.drain(id);
        let mut reply = Reply::default();
        for msg in self
            .screens
            .get(&id)
            .map(|s| s.other.clone())
            .unwrap_or_default()
        {
            match msg {
                ServerMsg::Stdout(t) => reply.stdout.push_str(&t),
                ServerMsg::Stderr(t) => reply.stderr.push_str(&t),
                ServerMsg::Exit(code) => reply.status = Some(code),
                ServerMsg::Attached { .. } => reply.attached = true,
                _ => {}
            }
        }
        reply
    }

    /// Returns the messages other than screen updates a client was sent, and forgets them.
    pub fn take_messages(&mut self, client: ClientId) -> Vec<ServerMsg> {
        self.settle();
        self.screens
            .get_mut(&client)
            .map(|s| std::mem::take(&mut s.other))
            .unwrap_or_default()
    }
}

/// Splits a command line into words as the shell would for `mux LINE`, with `;` words kept.
fn split(line: &str) -> Vec<String> {
    match crate::cmd::line::parse(line) {
        Ok(commands) => commands.join(&";".to_string()),
        Err(e) => panic!("bad test command line `{line}`: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_on_the_fake_os_starts_a_shell_and_opens_no_pty() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("display-message -p '#{session_name}'"), "work\n");
        let pane = h.fake.pane(PaneId(0));
        assert_eq!(pane.spawned.len(), 1);
        assert_eq!(pane.spawned[0].argv0, std::ffi::OsString::from("-sh"));
        assert_eq!(pane.size.map(|s| (s.cols, s.rows)), Some((80, 24)));
    }

    #[test]
    fn an_attached_client_sees_pane_output_and_the_status_line() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(0), "hello\r\nworld");
        let screen = h.screen(c);
        assert_eq!(screen[0], "hello");
        assert_eq!(screen[1], "world");
        assert!(
            screen[9].starts_with("[work] 0:"),
            "status: {:?}",
            screen[9]
        );
        assert_eq!(h.client_screen(c).cursor, (5, 1, true));
    }
}
