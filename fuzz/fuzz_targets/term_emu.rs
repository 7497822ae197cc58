//! Feeds term-emu arbitrary bytes with resizes mixed in and checks its invariants (see
//! `mux_term_emu::invariants`). Every crash found becomes a case in
//! `crates/term-emu/tests/fuzz_cases.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| mux_term_emu::invariants::check(data));
