//! Test support shared by mux's crates, with no dependencies: [`Rng`], one seeded random
//! generator for randomised tests, and [`wait_until`], one way to wait for a condition with a
//! deadline that says what it waited for when it gives up.
//!
//! Only tests use this crate (as a dev-dependency); nothing in it belongs in a release build.

// A test-support crate: its helpers report a broken test by panicking, and its generator
// wants the low bits of wider numbers.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::cast_possible_truncation
)]

mod rng;
mod wait;

pub use rng::Rng;
pub use wait::{poll_until, wait_until};
