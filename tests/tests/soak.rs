//! The soak test (issue 14), run on demand and never in CI:
//!
//! ```sh
//! cargo build --release -p mux-client   # the binary the test runs
//! MUX_SOAK_MINUTES=30 cargo test -p mux-e2e --release -- --ignored soak --nocapture
//! ```
//!
//! 20 sessions of 4 panes print in bursts; windows are resized at random; a client attaches
//! and detaches every second and a random one is killed with SIGKILL; hostile frames arrive on
//! side connections; a key is typed into a pane and its echo timed. It fails on a server
//! restart, heap growth (`RssAnon`) after the warm-up of more than 1 MB per 10 minutes,
//! mapped file pages (the journals) past 256 KiB a pane, a change in the
//! server's descriptor or child count, or a key echo p99 over 50 ms. `MUX_SOAK_MINUTES`
//! (default 10) sets how long it runs; the figures are printed.

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use mux_e2e::{status_kib, wait_until, Env};
use mux_protocol::{write_frame, ClientMsg, Hello, Size};

/// Returns the server's resident heap (`RssAnon`) and mapped file pages (`RssFile`), in KiB:
/// a leak shows in the first; the second holds the binary and the panes' journals, which fill
/// their segments as panes print (README: at most 256 KiB a pane once checkpointed).
fn memory(pid: i32) -> (u64, u64) {
    (status_kib(pid, "RssAnon"), status_kib(pid, "RssFile"))
}

/// Returns how many descriptors `pid` has open.
fn fds(pid: i32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count())
}

/// Returns every process's pid.
fn pids() -> Vec<i32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .collect()
}

/// Returns how many processes have `pid` as their parent.
fn children_of(pid: i32) -> usize {
    pids()
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|s| {
                    s.rsplit(')')
                        .next()?
                        .split_whitespace()
                        .nth(1)?
                        .parse::<i32>()
                        .ok()
                })
                == Some(pid)
        })
        .count()
}

/// Returns how many processes the server has: its own children and those of its keeper
/// (`mux __keeper <socket>.keep`), the parent of every pane's program.
fn children(env: &Env, server: i32) -> usize {
    let keep = format!("{}.keep", env.sock.display());
    let keepers = pids().into_iter().filter(|p| {
        std::fs::read(format!("/proc/{p}/cmdline")).is_ok_and(|c| {
            let c = String::from_utf8_lossy(&c);
            c.contains("__keeper") && c.contains(&keep)
        })
    });
    children_of(server) + keepers.map(children_of).sum::<usize>()
}

/// Returns how long after `typed` the text `marker` showed on the probe's screen, polled
/// every half millisecond (the harness's usual waits back off to 50 ms between polls, which
/// would measure the polling, not the echo).
fn echo_time(probe: &mux_e2e::Client, marker: &str, typed: Instant) -> Duration {
    let deadline = typed + Duration::from_secs(15);
    while !probe.with_screen(|s| s.contents().contains(marker)) {
        assert!(
            Instant::now() < deadline,
            "the key echo {marker} never showed"
        );
        std::thread::sleep(Duration::from_micros(500));
    }
    typed.elapsed()
}

/// The `pct`-th percentile of `samples` (sorted in place).
fn percentile(samples: &mut [Duration], pct: usize) -> Duration {
    samples.sort();
    let i = samples.len().saturating_sub(1) * pct / 100;
    samples.get(i).copied().unwrap_or_default()
}

/// Sends something hostile on a side connection: garbage, a bad length, a half frame, or a
/// huge resize after a command.
fn hostile(env: &Env, rng: &mut mux_testkit::Rng) {
    let Ok(mut s) = UnixStream::connect(&env.sock) else {
        return;
    };
    let _ = s.set_write_timeout(Some(Duration::from_secs(1)));
    match rng.index(4) {
        0 => {
            let n = rng.index(64);
            let _ = s.write_all(&rng.bytes(n));
        }
        1 => {
            let _ = write_frame(&mut s, &Hello::current());
            let _ = s.write_all(&u32::MAX.to_le_bytes());
        }
        2 => {
            let _ = write_frame(&mut s, &Hello::current());
            let _ = s.write_all(&(1u32 << 20).to_le_bytes());
            let _ = s.write_all(&[1; 1000]);
        }
        _ => {
            let _ = write_frame(&mut s, &Hello::current());
            let huge = Size {
                cols: u16::MAX,
                rows: u16::MAX,
            };
            let _ = write_frame(&mut s, &ClientMsg::Resize(huge));
        }
    }
}

/// Waits until the soak's clients are gone from the server's view (only the probe is left),
/// so counts compare like with like.
fn only_the_probe_attached(env: &Env) {
    wait_until(
        "the soak's clients to be gone",
        || (env.ok(&["list-clients"]).lines().count() <= 1).then_some(()),
        || env.ok(&["list-clients"]),
    );
}

#[test]
#[ignore = "a soak test: minutes long, run on demand with --ignored soak"]
fn soak() {
    let minutes: u64 = std::env::var("MUX_SOAK_MINUTES")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(10);
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    // Bursty output: a line of text every so often, sometimes a screenful.
    let burst = env.write_home(
        "burst",
        "i=0; while :; do i=$((i+1)); if [ $((i % 50)) -eq 0 ]; then seq 1 2000; else echo burst $i; fi; sleep 1; done\n",
    );
    let burst = format!("sh {}", burst.display());
    for s in 0..20 {
        let name = format!("s{s}");
        env.ok(&["new", "-d", "-s", &name, "-x", "120", "-y", "40", &burst]);
        for _ in 0..3 {
            env.ok(&["split-window", "-t", &name, &burst]);
            env.ok(&["select-layout", "-t", &name, "tiled"]);
        }
    }
    // The pane whose echo is timed: a shell in a session of its own.
    let probe = env.client(&["new", "-s", "probe"], 100, 30);
    probe.wait_text("$ ");
    let server = env.server_pid().expect("a server");
    let mut rng = mux_testkit::Rng::new(14);
    // The warm-up lasts until every pane's history is full (the first `seq 1 2000` burst
    // comes about 50 s in) and has been rewrapped by resizes a few hundred times, so that
    // what grows after it is a leak, not history filling up: in a 30-minute run the heap
    // grew 1.5 MB in the first eight minutes, then moved within half a megabyte.
    let warmup = Duration::from_secs(300.min(minutes * 30));
    let end = Instant::now() + Duration::from_secs(minutes * 60);
    let started = Instant::now();
    let mut baseline: Option<((u64, u64), usize, usize)> = None;
    let mut echoes = Vec::new();
    let mut clients = Vec::new();
    let mut killed = 0;
    let mut n = 0u64;
    while Instant::now() < end {
        n += 1;
        // Attach or detach every second; now and then kill one outright.
        if clients.len() < 4 {
            let s = format!("s{}", rng.index(20));
            let c = env.client(&["attach", "-t", &s], 80, 24);
            // Attached (its status line drawn) before anything is typed into it: keys typed
            // while a client still waits for its terminal's colours are another matter
            // (issue 16), not what the soak measures.
            c.wait_text(&format!("[{s}]"));
            clients.push(c);
        } else {
            let i = rng.index(clients.len());
            let mut c = clients.swap_remove(i);
            if rng.index(3) == 0 {
                c.signal(nix::sys::signal::Signal::SIGKILL);
                killed += 1;
            } else {
                c.send(b"\x02d");
            }
            let _ = c.wait_exit();
        }
        // Random resizes.
        for c in &clients {
            let cols = 10 + u16::try_from(rng.index(200)).unwrap_or(0);
            let rows = 3 + u16::try_from(rng.index(60)).unwrap_or(0);
            c.resize(cols, rows);
        }
        hostile(&env, &mut rng);
        // A key echo, timed from the keystroke to the screen.
        let marker = format!("k{n}x");
        let typed = Instant::now();
        probe.send(format!("# {marker}"));
        echoes.push(echo_time(&probe, &marker, typed));
        probe.send(b"\x15");
        assert_eq!(env.server_pid(), Some(server), "the server restarted");
        if started.elapsed() >= warmup && baseline.is_none() {
            clients.clear();
            only_the_probe_attached(&env);
            baseline = Some((memory(server), fds(server), children(&env, server)));
        }
        if n.is_multiple_of(60) {
            // A trace of the figures as it goes, so a growth can be told from a plateau.
            eprintln!(
                "soak: {} s: heap and file pages {:?} KiB, fds {}, children {}",
                started.elapsed().as_secs(),
                memory(server),
                fds(server),
                children(&env, server)
            );
        }
        std::thread::sleep(Duration::from_millis(1000));
    }
    drop(clients);
    only_the_probe_attached(&env);
    let ((anon0, file0), fds0, kids0) = baseline.expect("the soak ran past its warm-up");
    let ((anon1, file1), fds1, kids1) = (memory(server), fds(server), children(&env, server));
    let p99 = percentile(&mut echoes, 99);
    let p50 = percentile(&mut echoes, 50);
    let after_warmup = started
        .elapsed()
        .as_secs()
        .saturating_sub(warmup.as_secs())
        .max(1);
    let growth_per_10min = anon1.saturating_sub(anon0) * 600 / after_warmup;
    eprintln!(
        "soak: {minutes} min, {n} rounds, {killed} clients killed; heap (RssAnon) {anon0} -> \
         {anon1} KiB ({growth_per_10min} KiB per 10 min after warm-up); file pages (RssFile) \
         {file0} -> {file1} KiB; fds {fds0} -> {fds1}; children {kids0} -> {kids1}; key echo \
         p50 {p50:?} p99 {p99:?}"
    );
    assert!(
        growth_per_10min <= 1024,
        "the heap grew {growth_per_10min} KiB per 10 min"
    );
    // File pages are the binary and the panes' journals, mapped: each pane's is at most a
    // segment of 256 KiB once its checkpoint has passed the rest (README, "Limits and costs").
    let panes = 81;
    assert!(
        file1 <= file0 + panes * 256,
        "mapped file pages grew past the journals' bound: {file0} -> {file1} KiB"
    );
    assert_eq!(fds1, fds0, "descriptor count drifted");
    assert_eq!(kids1, kids0, "child count drifted");
    assert!(p99 <= Duration::from_millis(50), "key echo p99 {p99:?}");
    env.ok(&["kill-server"]);
}
