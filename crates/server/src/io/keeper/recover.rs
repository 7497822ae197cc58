//! Recovering after the server died or handed over: the programs the keeper held become
//! panes again, each terminal rebuilt from its checkpoint record with the journal replayed on
//! top (or from the journal alone when it has no record), and the session tree read back.

use std::os::fd::AsFd;
use std::path::Path;

use mux_term_emu::{Size as TermSize, Terminal};

use crate::ids::{PaneId, ProgramId};
use crate::io::keeper::{files, journal, link::Adopted};
use crate::io::os::RealOs;
use crate::log::log;
use crate::model::snapshot::{self, Revived, Tree};

/// The history a terminal rebuilt without a record keeps (tmux's default history-limit).
const DEFAULT_HISTORY: usize = 2000;

/// How much journal is fed to a terminal at a time.
const REPLAY_CHUNK: usize = 64 << 10;

/// What recovering found.
pub struct Recovered {
    /// The session tree, if its record could be read.
    pub tree: Option<Tree>,
    /// The programs, with their terminals.
    pub revived: Vec<Revived>,
    /// Where each pane's output count goes on from (pane, program, bytes parsed).
    pub resume: Vec<(PaneId, ProgramId, u64)>,
    /// The programs that exited while no server ran, with their statuses.
    pub exited: Vec<(PaneId, ProgramId, i32)>,
}

/// Rebuilds the terminals of the programs a keeper held and takes them over through `os`.
pub fn recover(dir: &Path, adopted: Vec<Adopted>, os: &mut RealOs) -> Recovered {
    let tree = match files::read(dir, files::TREE).and_then(|b| snapshot::decode_tree(&b)) {
        Ok(tree) => Some(tree),
        Err(e) => {
            log!("the session tree's checkpoint can't be used: {e}");
            None
        }
    };
    let limit = |pane: PaneId| {
        tree.as_ref()
            .and_then(|t| t.panes.iter().find(|m| m.id == pane))
            .map_or(DEFAULT_HISTORY, |m| m.history_limit)
    };
    let mut out = Recovered {
        tree: None,
        revived: Vec::new(),
        resume: Vec::new(),
        exited: Vec::new(),
    };
    for a in adopted {
        let pane = PaneId(a.kept.pane);
        let program = ProgramId(a.kept.program);
        let record = files::read(dir, &files::pane_name(pane.0))
            .and_then(|b| snapshot::decode_pane(&b))
            .ok()
            .filter(|r| r.program == program && r.id == pane);
        let (mut term, from) = match record {
            Some(r) => (r.term, r.processed),
            None => (Terminal::new(pty_size(&a.master), limit(pane)), 0),
        };
        let (bytes, end) = journal::read_from(dir, program.0, from);
        for chunk in bytes.chunks(REPLAY_CHUNK) {
            crate::model::contain::process(&mut term, pane.0, chunk);
        }
        log!(
            "pane %{}: program {} (pid {}) adopted, {} bytes of journal replayed",
            pane.0,
            program.0,
            a.kept.pid,
            bytes.len()
        );
        let started = match os.adopt((pane, program), a.kept.pid, a.kept.tty, a.master, end) {
            Ok(s) => s,
            Err(e) => {
                log!("pane %{}: can't take over its PTY: {e}", pane.0);
                continue;
            }
        };
        if let Some(status) = a.kept.status {
            out.exited.push((pane, program, status));
        }
        out.resume.push((pane, program, end));
        out.revived.push(Revived {
            id: pane,
            program,
            term,
            started,
            exit_status: None,
        });
    }
    out.tree = tree;
    out
}

/// Returns a PTY's size, 80x24 when it cannot be read.
fn pty_size(master: &impl AsFd) -> TermSize {
    let mut ws = nix::pty::Winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    match crate::keeper::child::get_size(master, &mut ws) {
        Ok(()) if ws.ws_row > 0 && ws.ws_col > 0 => TermSize {
            rows: ws.ws_row,
            cols: ws.ws_col,
        },
        _ => TermSize { rows: 24, cols: 80 },
    }
}
