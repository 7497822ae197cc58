//! Signals the server handles, as tmux: SIGTERM and SIGINT shut it down; SIGHUP is ignored;
//! SIGUSR2 turns the log on or off. SIGUSR1 (the socket made again) is handled by the accept
//! loop, which owns the listener. Every other signal that would end or stop the server is
//! ignored from the start (`io::daemon`).

use tokio::signal::unix::{signal, SignalKind};

use crate::io::event::{Event, EventTx};
use crate::log::log;

/// Starts the tasks that turn signals into events.
pub fn spawn_handlers(tx: EventTx) {
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
    if let Ok(mut usr2) = signal(SignalKind::user_defined2()) {
        tokio::spawn(async move {
            while usr2.recv().await.is_some() {
                let on = crate::log::toggle();
                log!("SIGUSR2: logging {}", if on { "on" } else { "off" });
            }
        });
    }
}
