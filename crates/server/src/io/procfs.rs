//! What the server reads from `/proc` for saving sessions: a process's command line and the
//! id of this boot of the machine.

/// Returns the argv of process `pid`, or `None` when it is gone or has none (a kernel
/// thread, a zombie).
pub fn argv(pid: i32) -> Option<Vec<String>> {
    if pid <= 0 {
        return None;
    }
    let raw = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let words: Vec<String> = raw
        .split(|b| *b == 0)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    // The list ends with a NUL, which leaves an empty last word.
    let words = match words.split_last() {
        Some((last, rest)) if last.is_empty() => rest.to_vec(),
        _ => words,
    };
    (!words.is_empty()).then_some(words)
}

/// Returns the kernel's id of this boot, which changes when the machine restarts.
pub fn boot_id() -> Option<String> {
    let id = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let id = id.trim();
    (!id.is_empty()).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn this_process_has_a_command_line_and_the_machine_a_boot_id() {
        let me = i32::try_from(std::process::id()).unwrap();
        let argv = super::argv(me).expect("our own argv");
        assert!(argv[0].contains("mux_server"), "{argv:?}");
        assert!(super::argv(-1).is_none());
        let id = super::boot_id().expect("a boot id");
        assert_eq!(id.len(), 36, "{id}");
    }
}
