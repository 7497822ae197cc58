//! Harness for end-to-end tests of the real `mux` binary.
