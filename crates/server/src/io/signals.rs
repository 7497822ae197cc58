//! Signals the server handles: SIGTERM and SIGINT shut it down, SIGHUP is ignored.

use crate::io::event::{Event, EventTx};

/// Starts the tasks that turn signals into events.
pub fn spawn_handlers(tx: EventTx) {
    use tokio::signal::unix::{signal, SignalKind};
    for kind in [SignalKind::terminate(), SignalKind::interrupt()] {
        let tx = tx.clone();
        if let Ok(mut sig) = signal(kind) {
            tokio::spawn(async move {
                while sig.recv().await.is_some() {
                    let _ = tx.send(Event::Terminate).await;
                }
            });
        }
    }
    if let Ok(mut hup) = signal(SignalKind::hangup()) {
        tokio::spawn(async move { while hup.recv().await.is_some() {} });
    }
}
