//! Harness for mux's end-to-end tests: each test gets its own directory, socket and HOME
//! ([`Env`]), runs the real `mux` binary, and drives attached clients inside pseudo-terminals
//! it owns ([`Client`]), whose output is parsed into a screen that the test reads. Every wait
//! has a deadline; nothing sleeps a fixed time.

// The harness reports a broken test by panicking, with what it waited for.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod client;
mod env;
mod wait;

pub use client::Client;
pub use env::{mux_bin, Env};
pub use wait::{
    deadline, process_state, rss_kib, run_to_end, status_kib, wait_child, wait_until, DEADLINE,
};
