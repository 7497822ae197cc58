//! A 100 MB paste buffer through the real binary: `load-buffer` and `paste-buffer` into a
//! program that reads it all arrive exactly (the same size and checksum), and into a program
//! that never reads it cost the server no more than a bounded queue.

use std::time::Duration;

use mux_e2e::{rss_kib, Env};

/// The size of the buffer, in bytes.
const SIZE: usize = 100 << 20;

/// Writes a file of [`SIZE`] bytes of numbered lines and returns its path.
fn big_file(env: &Env) -> String {
    let mut text = String::with_capacity(SIZE);
    let mut i = 0u64;
    while text.len() + 16 <= SIZE {
        text.push_str(&format!("{i:015}\n"));
        i += 1;
    }
    while text.len() < SIZE {
        text.push('x');
    }
    let path = env.path("big.txt");
    std::fs::write(&path, text).expect("write the big file");
    path.display().to_string()
}

/// Waits for `path` to exist, for as long as 100 MB may take through a PTY on a slow machine.
fn wait_for(path: &std::path::Path, what: &str) -> String {
    mux_testkit::wait_until(
        what,
        Duration::from_secs(180),
        || std::fs::read_to_string(path).ok(),
        || format!("{} is not there", path.display()),
    )
}

#[test]
fn a_100_mb_buffer_pastes_into_a_reading_program_exactly() {
    let env = Env::new();
    let file = big_file(&env);
    let want = std::process::Command::new("cksum")
        .stdin(std::fs::File::open(&file).expect("open the big file"))
        .output()
        .expect("run cksum");
    let want = String::from_utf8_lossy(&want.stdout).trim().to_string();
    assert!(want.ends_with(&format!(" {SIZE}")), "cksum said {want:?}");
    let ready = env.path("ready");
    let out = env.path("out");
    let script = format!(
        "stty raw -echo; touch {ready}; head -c {SIZE} | cksum > {out}.part; mv {out}.part {out}; \
         exec sleep 1000",
        ready = ready.display(),
        out = out.display()
    );
    env.ok(&["new", "-d", "-s", "work", &script]);
    wait_for(&ready, "the pane's program to set its terminal raw");
    env.ok(&["load-buffer", "-b", "big", &file]);
    env.ok(&["paste-buffer", "-r", "-b", "big", "-t", "work"]);
    let got = wait_for(&out, "the pane's program to read 100 MB");
    assert_eq!(got.trim(), want, "the paste arrived changed");
}

#[test]
fn a_100_mb_paste_into_a_program_that_never_reads_costs_a_bounded_queue() {
    let env = Env::new();
    let file = big_file(&env);
    env.ok(&["new", "-d", "-s", "work", "exec sleep 1000"]);
    env.ok(&["load-buffer", "-b", "big", &file]);
    let pid = env.server_pid().expect("the server's pid");
    let before = rss_kib(pid);
    for _ in 0..3 {
        env.ok(&["paste-buffer", "-b", "big", "-t", "work"]);
    }
    let after = rss_kib(pid);
    assert!(
        after <= before + 64 * 1024,
        "server memory grew from {before} KiB to {after} KiB"
    );
    // The server still answers, and the buffer is whole.
    let size = env.ok(&["list-buffers", "-F", "#{buffer_name} #{buffer_size}"]);
    assert!(size.contains(&format!("big {SIZE}")), "buffers: {size}");
}
