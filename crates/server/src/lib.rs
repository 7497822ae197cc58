//! The mux server.
