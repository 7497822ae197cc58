//! One terminal's state: a façade over the `vt100` crate.
