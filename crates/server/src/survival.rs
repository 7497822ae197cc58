//! Sessions that survive the server, wired into the event loop: at start-up the server finds
//! its keeper (or starts one) and, when the keeper held programs from a server that died or
//! handed over, rebuilds the state around them; while it runs, the checkpointer is told of
//! every event and runs when due; at a deliberate exit the keeper is told to end everything.
//! The pieces are the keeper (`crate::keeper`), its server side (`io::keeper`) and the
//! records (`model::snapshot`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::io::event::{Event, EventTx};
use crate::io::keeper::checkpoint::Checkpoints;
use crate::io::keeper::link::{self, Adopted, Link};
use crate::io::keeper::recover::{self, Recovered};
use crate::io::os::RealOs;
use crate::log::log;
use crate::model::state::State;

/// What the server found of its keeper before its runtime started.
pub struct Found {
    /// The link to the keeper.
    link: Link,
    /// What the keeper held.
    adopted: Vec<Adopted>,
    /// The keep directory.
    dir: PathBuf,
}

/// Finds the keeper of the server on `socket`, starting one when there is none. Without one
/// (the keep directory refused, the keeper failing to start) the server runs on, and its
/// sessions do not survive it.
pub fn find_keeper(socket: &Path) -> Option<Found> {
    let dir = link::dir_for(socket);
    match Link::open(&dir) {
        Ok((link, adopted)) => {
            log!(
                "keeper pid {} holds {} programs ({})",
                link.pid,
                adopted.len(),
                dir.display()
            );
            Some(Found { link, adopted, dir })
        }
        Err(e) => {
            log!("no keeper, sessions will not survive this server: {e}");
            None
        }
    }
}

/// The keeper and checkpoints, as the event loop holds them.
#[derive(Default)]
pub struct Survival {
    /// The link to the keeper.
    link: Option<Arc<Link>>,
    /// The checkpointer.
    checkpoints: Option<Checkpoints>,
    /// What was recovered, until the state exists to take it.
    recovered: Option<Recovered>,
}

impl Survival {
    /// In the runtime, before the state exists: starts the keeper's reader, makes programs
    /// start through the keeper, and takes over what it held.
    pub fn start(found: Option<Found>, os: &mut RealOs, events: &EventTx) -> Survival {
        let Some(found) = found else {
            return Survival::default();
        };
        let link = Arc::new(found.link);
        if let Err(e) = link.start(events.clone(), os.children()) {
            log!("can't read from the keeper: {e}");
            return Survival::default();
        }
        os.use_keeper(link.clone(), found.dir.clone());
        let recovered =
            (!found.adopted.is_empty()).then(|| recover::recover(&found.dir, found.adopted, os));
        let checkpoints = match Checkpoints::new(&found.dir) {
            Ok(c) => Some(c),
            Err(e) => {
                log!("no checkpoints: {e}");
                None
            }
        };
        Survival {
            link: Some(link),
            checkpoints,
            recovered,
        }
    }

    /// Puts what was recovered into the fresh state. Returns whether there was anything:
    /// then the state is the old server's, and the config file is not loaded again.
    pub fn restore(&mut self, state: &mut State, why: &str) -> bool {
        let Some(recovered) = self.recovered.take() else {
            return false;
        };
        let count = recovered.revived.len();
        let orphans = match recovered.tree {
            Some(tree) => crate::model::snapshot::restore(state, tree, recovered.revived),
            None => recovered.revived,
        };
        let cwd = std::env::var("HOME").unwrap_or_else(|_| "/".into());
        crate::model::snapshot::adopt_orphans(state, orphans, &cwd);
        if let Some(c) = self.checkpoints.as_mut() {
            for &(pane, program, parsed) in &recovered.resume {
                c.resume(pane, program, parsed);
            }
        }
        for (pane, program, status) in recovered.exited {
            crate::server::handle(state, Event::Exited(pane, program, status));
        }
        let noun = if count == 1 { "pane" } else { "panes" };
        let text = format!("recovered {count} {noun} after {why}");
        log!("{text}");
        state.log_message(&text);
        state.recovered = Some(text);
        true
    }

    /// Notes an event before the loop handles it.
    pub fn note(&mut self, state: &State, event: &Event) {
        let Some(c) = self.checkpoints.as_mut() else {
            return;
        };
        let output = match event {
            Event::Output(pane, program, bytes)
                if state.panes.get(pane).is_some_and(|p| p.program == *program) =>
            {
                Some((*pane, *program, bytes.len()))
            }
            _ => None,
        };
        c.on_event(output, Instant::now());
    }

    /// Returns when the checkpointer next wants to run.
    pub fn due(&self, state: &State) -> Option<Instant> {
        self.checkpoints.as_ref()?.due(state)
    }

    /// Runs the checkpointer.
    pub fn checkpoint(&mut self, state: &State) {
        if let Some(c) = self.checkpoints.as_mut() {
            c.run(state, Instant::now());
        }
    }

    /// The server is ending on purpose: the keeper ends every program once the server goes.
    pub fn shutdown(&self) {
        if let Some(link) = &self.link {
            link.shutdown();
        }
    }
}
