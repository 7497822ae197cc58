//! The server's side of the keeper (see `crate::keeper`): the link to it, each program's
//! journal, checkpoint record files, the checkpointer, and recovering after a crash or an
//! upgrade.
//!
//! What survives what:
//!
//! | failure | programs | screens, history, tree |
//! |---|---|---|
//! | the server crashes (panic, OOM, `kill -9`) | all keep running, same pids, no SIGHUP | the last checkpoint, plus the journal (every byte the server read since), plus what waited in the PTYs: nothing lost |
//! | `server-upgrade` | handed over | a full checkpoint first: nothing lost |
//! | the keeper dies, the server lives | keep running while the server holds their PTYs; their exit statuses are not known; they no longer survive a server crash | unaffected |
//! | both die, or the machine restarts | lost, as with tmux | lost |

pub mod checkpoint;
pub mod files;
pub mod journal;
pub mod link;
pub mod recover;
pub mod start;

use std::path::PathBuf;

/// Returns the path of this server's executable, for starting a keeper: the file it was
/// started from, or `/proc/self/exe` when that file was replaced or deleted since (an
/// install over a running server).
pub fn own_exe() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("can't find the mux binary: {e}"))?;
    if exe.to_string_lossy().ends_with(" (deleted)") || !exe.exists() {
        return Ok(PathBuf::from("/proc/self/exe"));
    }
    Ok(exe)
}
