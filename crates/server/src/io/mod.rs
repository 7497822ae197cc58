//! The `io` layer: everything that touches the operating system. The socket and its
//! connections, becoming a daemon, signals, PTYs and the real implementation of the model's
//! OS seam. It turns what happens outside into [`event::Event`]s for the event loop.
//!
//! It may import `model`, `config`, `ids`, `log` and `keeper`; never `cmd`, `input` or `view`.

pub mod conn;
pub mod daemon;
pub mod event;
pub mod job;
pub mod keeper;
pub mod os;
pub mod procfs;
pub mod pty;
pub mod readers;
pub mod signals;
pub mod sink;
