//! Helpers for the tests of the second half of the commands and of the model: commands run
//! from a shell inside a pane, the raw bytes a pane was sent, and the fake's foreground
//! command.

use mux_protocol::{CommandRequest, Size};
use tokio::sync::mpsc;

use super::{split, Harness};
use crate::ids::{ClientId, PaneId};
use crate::io::event::Event;

impl Harness {
    /// Connects a client that sends `line` with `extra` added to its environment, and a
    /// terminal of `size` when given; returns its id.
    pub fn connect_with_env(
        &mut self,
        line: &str,
        size: Option<(u16, u16)>,
        extra: Vec<(String, String)>,
    ) -> ClientId {
        let id = ClientId(self.next_client);
        self.next_client += 1;
        let (tx, rx) = mpsc::channel(crate::io::conn::CLIENT_QUEUE);
        self.queues.insert(id, rx);
        let mut env = vec![
            ("SHELL".to_string(), "/bin/sh".to_string()),
            ("HOME".to_string(), "/".to_string()),
        ];
        env.extend(extra);
        let request = CommandRequest {
            argv: split(line),
            cwd: "/".into(),
            terminal: size.map(|(cols, rows)| mux_protocol::ClientTerminal {
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

    /// Returns the bytes written to a pane since the last look, and forgets them.
    pub fn take_bytes(&self, pane: PaneId) -> Vec<u8> {
        let mut log = self.fake.log();
        log.panes
            .get_mut(&pane)
            .map(|p| std::mem::take(&mut p.input))
            .unwrap_or_default()
    }

    /// Makes the fake report `command` as the foreground command of a pane.
    pub fn set_foreground(&self, pane: PaneId, command: &str) {
        self.fake.log().panes.entry(pane).or_default().command = Some(command.to_string());
    }

    /// Returns the panes of a window (`-t target`, or the current one when empty) as
    /// `index widthxheight` lines with `*` after the active pane, in index order.
    pub fn pane_sizes(&mut self, target: &str) -> Vec<String> {
        let t = if target.is_empty() {
            String::new()
        } else {
            format!(" -t {target}")
        };
        let out = self.ok(&format!(
            "list-panes{t} -F '#{{pane_index}} #{{pane_width}}x#{{pane_height}}#{{?pane_active,*,}}'"
        ));
        out.lines().map(String::from).collect()
    }

    /// Returns the windows of a session (`-t target`, or the current one when empty) as
    /// `index name flags` lines, trailing blanks trimmed.
    pub fn window_list(&mut self, target: &str) -> Vec<String> {
        let t = if target.is_empty() {
            String::new()
        } else {
            format!(" -t {target}")
        };
        let out = self.ok(&format!(
            "list-windows{t} -F '#{{window_index}} #{{window_name}} #{{window_flags}}'"
        ));
        out.lines().map(|l| l.trim_end().to_string()).collect()
    }
}
