//! The thread the panes' readers run on, with a runtime of its own: reading a PTY never
//! waits for the event loop to finish parsing a chunk, and the loop never waits for a read.
//!
//! On the two workers, a reader that sent a chunk woke the loop on its own worker, so
//! reading and parsing took turns on one thread while the other woke for every PTY event
//! with nothing to do: an SGR flood ran at 30-35 MB/s with the server idle between reads.
//! On a thread of their own the readers keep the PTY drained while the loop parses (55-65
//! MB/s). The PTY masters are registered with this runtime's reactor, so their events
//! wake this thread only; the pane writers stay on the workers beside the loop.

use tokio::runtime::Handle;
use tokio::sync::oneshot;

use crate::log::log;

/// The readers' runtime, running on its own thread until this value is dropped.
pub struct Readers {
    handle: Handle,
    /// Ends the thread's runtime when dropped.
    _stop: oneshot::Sender<()>,
}

impl Readers {
    /// Starts the thread; `None`, logged, when it cannot be (the readers then run on the
    /// workers, as they did).
    pub fn start() -> Option<Readers> {
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                log!("pane readers stay on the workers: no runtime for them ({e})");
                return None;
            }
        };
        let handle = runtime.handle().clone();
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("readers".into())
            .spawn(move || {
                // Either way the sender is gone: the server is ending.
                let _ = runtime.block_on(stopped);
            });
        match thread {
            Ok(_) => Some(Readers {
                handle,
                _stop: stop,
            }),
            Err(e) => {
                log!("pane readers stay on the workers: no thread for them ({e})");
                None
            }
        }
    }

    /// Returns the handle that spawns on, and registers descriptors with, the runtime.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A task spawned on the readers runs on their thread, and dropping them ends it.
    #[test]
    fn tasks_run_on_the_readers_thread_until_it_is_dropped() {
        let readers = Readers::start().expect("a thread and a runtime");
        let (tx, rx) = std::sync::mpsc::channel();
        let send = tx.clone();
        readers.handle().spawn(async move {
            let name = std::thread::current().name().map(str::to_string);
            let _ = send.send(name);
        });
        let name = rx.recv_timeout(std::time::Duration::from_secs(10));
        assert_eq!(name, Ok(Some("readers".to_string())));
        let handle = readers.handle().clone();
        drop(readers);
        // Once the runtime is gone, what is spawned on it never runs.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let send = tx.clone();
            drop(handle.spawn(async move {
                let _ = send.send(None);
            }));
            if rx
                .recv_timeout(std::time::Duration::from_millis(50))
                .is_err()
            {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the runtime kept running"
            );
        }
    }
}
