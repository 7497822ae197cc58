//! The typed ids of everything the server names: clients, sessions (`$N`), windows (`@N`),
//! panes (`%N`) and the programs run in panes. Every layer may use them.

/// Identifies a connected client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(pub u32);

/// Identifies a session (`$N` in tmux targets).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct SessionId(pub u32);

/// Identifies a window (`@N`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct WindowId(pub u32);

/// Identifies a pane (`%N`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PaneId(pub u32);

/// Identifies one program started in a pane. A respawned pane keeps its [`PaneId`] and gets
/// a new program id, so that the late output and exit of the program it replaced are told
/// apart from the new one's and dropped.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ProgramId(pub u64);

impl ClientId {
    /// No client: what the config file loaded at startup and hooks run as. Connections are
    /// numbered from 1, so no client has this id.
    pub const NONE: ClientId = ClientId(0);
}
