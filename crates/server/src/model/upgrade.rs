//! A hand-over to another server binary (`server-upgrade`), as data: the command records
//! it, the event loop carries it out after the batch (see `survival.rs`).

use std::path::PathBuf;

use crate::ids::ClientId;

/// A requested hand-over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    /// The binary to hand over to.
    pub exe: PathBuf,
    /// The client that asked, told how it went (`ClientId::NONE` for a key binding).
    pub client: ClientId,
    /// The asking client's environment (what a test hook may read).
    pub env: Vec<(String, String)>,
}
