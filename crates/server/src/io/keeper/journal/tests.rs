//! Tests of the journal: reading back, going on after a crash, and a reader killed mid-read.

use std::os::fd::AsFd;

use super::*;

#[test]
fn a_journal_reads_back_across_segments_and_goes_on_where_it_ended() {
    let dir = std::env::temp_dir().join(format!("mux-journal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (r, w) = nix::unistd::pipe().unwrap();
    let mut journal = Journal::open(&dir, 7, 0).unwrap();
    let chunk: Vec<u8> = (0..1000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let mut written = Vec::new();
    // Enough to fill a segment and start another.
    for _ in 0..(SEGMENT / 1000 + 5) {
        nix::unistd::write(&w, &chunk).unwrap();
        let mut got = Vec::new();
        // A read ends at a segment's end; the next goes on in a new one.
        while got.len() < chunk.len() {
            got.extend_from_slice(journal.read(&r, 4096).unwrap());
        }
        assert_eq!(got, chunk);
        written.extend_from_slice(&got);
    }
    let total = written.len() as u64;
    // A full segment, and the next allocated only as far as its bytes go.
    let lens: Vec<u64> = segments(&dir, 7)
        .iter()
        .map(|(_, p)| std::fs::metadata(p).unwrap().len())
        .collect();
    assert_eq!(lens, [SEGMENT as u64, GROW as u64]);
    assert_eq!(read_from(&dir, 7, 0), (written.clone(), total));
    assert_eq!(read_from(&dir, 7, 100).0, written[100..].to_vec());
    drop(journal);
    // Adopted after a crash: it goes on in the same segment.
    let mut journal = Journal::open(&dir, 7, total).unwrap();
    nix::unistd::write(&w, b"more").unwrap();
    journal.read(&r, 4096).unwrap();
    assert_eq!(read_from(&dir, 7, total).0, b"more".to_vec());
    assert_eq!(segments(&dir, 7).len(), 2);
    trim(&dir, 7, total);
    assert_eq!(segments(&dir, 7).len(), 1);
    remove(&dir, 7);
    assert!(segments(&dir, 7).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn zero_bytes_last_are_dropped_and_the_offsets_go_on_from_the_data() {
    let dir = std::env::temp_dir().join(format!("mux-journal-z-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (r, w) = nix::unistd::pipe().unwrap();
    let mut journal = Journal::open(&dir, 3, 0).unwrap();
    nix::unistd::write(&w, b"a\0b\0\0").unwrap();
    assert_eq!(journal.read(&r, 4096).unwrap(), b"a\0b\0\0");
    drop(journal);
    // A crash here: the data ends at its last byte that is not zero.
    let (bytes, end) = read_from(&dir, 3, 0);
    assert_eq!((bytes, end), (b"a\0b".to_vec(), 3));
    let mut journal = Journal::open(&dir, 3, end).unwrap();
    nix::unistd::write(&w, b"c").unwrap();
    journal.read(&r, 4096).unwrap();
    assert_eq!(read_from(&dir, 3, 0).0, b"a\0bc".to_vec());
    // A checkpoint that counted the zero bytes starts a segment of its own.
    drop(journal);
    let mut journal = Journal::open(&dir, 3, 6).unwrap();
    nix::unistd::write(&w, b"d").unwrap();
    journal.read(&r, 4096).unwrap();
    assert_eq!(read_from(&dir, 3, 6), (b"d".to_vec(), 7));
    assert_eq!(read_from(&dir, 3, 0).0, b"a\0bcd".to_vec());
    remove(&dir, 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The environment variable that makes [`reader_child`] read: the journal's directory.
const CHILD_DIR: &str = "MUX_JOURNAL_READER_DIR";

/// The bytes of record `n` of the stream the writer writes.
fn record(n: u64) -> [u8; 8] {
    let mut r = [0u8; 8];
    r.copy_from_slice(format!("{:07}\n", n % 10_000_000).as_bytes());
    r
}

/// The reader half of [`a_reader_killed_mid_read_loses_no_byte`], in a process of its own:
/// reads the PTY master on its standard input into a journal until it is killed.
#[test]
#[ignore = "a helper process that a_reader_killed_mid_read_loses_no_byte starts"]
fn reader_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let master = std::io::stdin().as_fd().try_clone_to_owned().unwrap();
    let mut journal = Journal::open(Path::new(&dir), 1, 0).unwrap();
    while journal.read(&master, 16 << 10).is_ok_and(|b| !b.is_empty()) {}
}

/// Kills a process reading a flooding PTY into its journal at random moments around its
/// first read; what the journal holds and what the PTY still has must join without a byte
/// lost or repeated.
#[test]
fn a_reader_killed_mid_read_loses_no_byte() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut rng = mux_testkit::Rng::new(0x10u64 << 32 | u64::from(std::process::id()));
    let exe = std::env::current_exe().unwrap();
    for trial in 0..60 {
        let dir =
            std::env::temp_dir().join(format!("mux-journal-k-{}-{trial}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (master, tty) = crate::keeper::child::open_pty(80, 24).unwrap();
        let slave = crate::keeper::child::open_slave(&tty).unwrap();
        let mut raw = nix::sys::termios::tcgetattr(&slave).unwrap();
        nix::sys::termios::cfmakeraw(&mut raw);
        nix::sys::termios::tcsetattr(&slave, nix::sys::termios::SetArg::TCSANOW, &raw).unwrap();
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let writer_stop = stop.clone();
        let (go, wait_go) = std::sync::mpsc::channel::<()>();
        let writer = std::thread::spawn(move || {
            let mut n = 0u64;
            let _ = wait_go.recv();
            let mut slave = slave;
            while !writer_stop.load(Ordering::SeqCst) {
                let chunk: Vec<u8> = (n..n + 512).flat_map(record).collect();
                n += 512;
                if std::io::Write::write_all(&mut slave, &chunk).is_err() {
                    break;
                }
            }
        });
        let mut child = std::process::Command::new(&exe)
            .args(["--exact", "io::keeper::journal::tests::reader_child"])
            .args(["--ignored", "--test-threads=1"])
            .env(CHILD_DIR, &dir)
            .stdin(master.try_clone().unwrap())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = mux_testkit::poll_until(std::time::Duration::from_secs(20), || {
            (!segments(&dir, 1).is_empty()).then_some(())
        });
        assert!(started.is_some(), "the reader never opened its journal");
        // The first read of a new segment is the slowest (its first page fault): the kill
        // lands around it.
        go.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng.range(0..600)));
        child.kill().unwrap();
        child.wait().unwrap();
        let (mut bytes, _) = read_from(&dir, 1, 0);
        let journaled = bytes.len();
        let want = journaled + (64 << 10);
        let mut buf = vec![0u8; 16 << 10];
        while bytes.len() < want {
            let n = nix::unistd::read(master.as_fd(), &mut buf).unwrap();
            bytes.extend_from_slice(&buf[..n]);
        }
        stop.store(true, Ordering::SeqCst);
        drop(master);
        writer.join().unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let bad = bytes
            .chunks_exact(8)
            .zip(0u64..)
            .find(|(got, n)| *got != record(*n));
        assert!(
            bad.is_none(),
            "trial {trial}: the stream breaks at record {:?} ({journaled} bytes were journaled)",
            bad.map(|(got, n)| (n, String::from_utf8_lossy(got).into_owned()))
        );
    }
}
