//! Every input on which the fuzzer once found a failure, replayed through the same invariant
//! checks (`mux_term_emu::invariants::check`). A new crash is kept by copying its artifact
//! into `tests/fuzz_cases/`.

use std::path::Path;

#[test]
fn every_recorded_fuzz_case_keeps_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_cases");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("the fuzz cases directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    for case in cases {
        let data = std::fs::read(&case).expect("a fuzz case");
        let name = case.display().to_string();
        if std::panic::catch_unwind(|| mux_term_emu::invariants::check(&data)).is_err() {
            panic!("{name} breaks an invariant");
        }
    }
}
