//! The event loop on top of the layers: it owns the [`State`], takes one event at a time
//! from the `io` layer, gives client commands to `cmd`, keys to `input`, pane output to the
//! model, and after each batch lets `view` bring attached clients up to date.

use std::time::{Duration, Instant};

use mux_protocol::ClientMsg;
use tokio::sync::mpsc;

use crate::ids::{ClientId, PaneId, ProgramId};
use crate::io::daemon::SocketFile;
use crate::io::event::Event;
use crate::log::log;
use crate::model::client::Client;
use crate::model::state::{OuterColours, State};
use crate::survival::Survival;
use crate::ServerOptions;

/// How many events are handled before attached clients are brought up to date.
const BATCH: usize = 64;

/// Runs the server: becomes a daemon on the socket, serves until the last session ends or
/// it is told to stop, and removes the socket. Returns the process exit status.
pub fn run_server(opts: ServerOptions) -> i32 {
    let daemon = match opts.listen_fd {
        // Another server handed over to this binary (server-upgrade).
        Some(fd) => crate::io::daemon::inherit(&opts, fd),
        None => crate::io::daemon::daemonize(&opts),
    };
    let (listener, socket_file) = match daemon {
        Ok(d) => d,
        Err(status) => return status,
    };
    let report = opts.keeper_fd.and_then(crate::io::keeper::start::inherited);
    let keeper = crate::survival::find_keeper(&opts.socket, report);
    let why = if opts.listen_fd.is_some() {
        "a server upgrade"
    } else {
        "a server crash"
    };
    let status = serve(listener, socket_file.clone(), &opts.config, (keeper, why));
    socket_file.remove();
    log!("server exiting with status {status}");
    status
}

/// How long the programs of a server that is exiting get to end after SIGHUP before what is
/// left is killed.
const HANGUP_GRACE: Duration = Duration::from_secs(1);

/// How long the runtime's threads get to finish once the event loop has ended; the process
/// exits after that whatever they are doing.
const RUNTIME_GRACE: Duration = Duration::from_millis(500);

/// Runs the event loop on an already bound listener until it should exit; returns the
/// status. Exit never waits on a pane: the wait for programs and clients is bounded.
fn serve(
    listener: std::os::unix::net::UnixListener,
    socket: SocketFile,
    config: &[std::path::PathBuf],
    keeper: (Option<crate::survival::Found>, &'static str),
) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            log!("cannot start the runtime: {e}");
            return 1;
        }
    };
    // The loop runs as a task on the workers, beside the tasks that read sockets and PTYs:
    // a task woken by another on the same worker runs next on it, where the main thread
    // (`block_on`'s own future) would have to be woken by another thread for every event
    // and would wake one for every message it sends.
    let config = config.to_vec();
    let status = runtime.block_on(async move {
        match tokio::spawn(run(listener, socket, config, keeper)).await {
            Ok(status) => status,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => {
                log!("the event loop ended: {e}");
                1
            }
        }
    });
    runtime.shutdown_timeout(RUNTIME_GRACE);
    status
}

/// The event loop.
async fn run(
    listener: std::os::unix::net::UnixListener,
    socket: SocketFile,
    config: Vec<std::path::PathBuf>,
    (keeper, why): (Option<crate::survival::Found>, &'static str),
) -> i32 {
    let (tx, mut rx) = mpsc::channel::<Event>(256);
    let (alive_tx, mut alive_rx) = mpsc::channel::<()>(1);
    // A copy of the listening socket, for a hand-over to another binary (server-upgrade).
    let listen_copy = listener.try_clone().ok().map(std::os::fd::OwnedFd::from);
    let path = socket.path().to_path_buf();
    let accept = (socket, tx.clone(), alive_tx);
    let Some(mut acceptor) = crate::survival::accept(listener, &accept) else {
        return 1;
    };
    crate::io::signals::spawn_handlers(tx.clone());
    let mut os = crate::io::os::RealOs::new(tx.clone());
    let mut survival = Survival::start(keeper, &mut os, &tx);
    drop(tx);
    let children = os.children();
    let mut state = State::new(path.clone(), Box::new(os));
    if !survival.restore(&mut state, why) {
        let editor = std::env::var("VISUAL")
            .or_else(|_| std::env::var("EDITOR"))
            .unwrap_or_default();
        vi_keys_for_editor(&mut state, &editor);
        crate::cmd::load_config(&mut state, &config);
    }
    let mut flush_at: Option<Instant> = None;
    let mut clock_at: Option<Instant> = None;
    while state.exit.is_none() {
        let event = tokio::select! {
            ev = rx.recv() => ev,
            _ = sleep_until(flush_at) => None,
            _ = sleep_until(clock_at) => { clock_tick(&mut state); None }
            _ = sleep_until(state.next_timer()) => {
                timers(&mut state);
                None
            }
            _ = sleep_until(survival.due(&state)) => {
                survival.checkpoint(&state);
                None
            }
        };
        if let Some(ev) = event {
            survival.note(&state, &ev);
            handle(&mut state, ev);
            for _ in 0..BATCH {
                // Counted against the task's budget as `recv` is: while the pane readers,
                // on their own thread, keep the queue from emptying, the loop still yields
                // every so often to the tasks it woke on this worker (the writers of pipes,
                // logs and clients), which would otherwise wait out a whole flood.
                tokio::task::coop::consume_budget().await;
                match rx.try_recv() {
                    Ok(ev) => {
                        survival.note(&state, &ev);
                        handle(&mut state, ev);
                    }
                    Err(_) => break,
                }
            }
        }
        flush_at = after_batch(&mut state);
        clock_at = clock_deadline(&state, clock_at);
        if let Some(up) = state.upgrade.take() {
            acceptor.abort();
            survival
                .upgrade(&mut state, up, listen_copy.as_ref(), &path)
                .await;
            // Only a hand-over that failed comes back: serve on.
            let copy = listen_copy.as_ref().and_then(|l| l.try_clone().ok());
            match copy.and_then(|c| crate::survival::accept(c.into(), &accept)) {
                Some(a) => acceptor = a,
                None => log!("cannot listen again; serving the clients connected"),
            }
        }
    }
    acceptor.abort();
    // No one is accepted any more: the socket goes at once (a new server may start while
    // this one ends), and the writers still sending their last messages are all that the
    // wait below waits for.
    let (socket_file, events, alive) = accept;
    socket_file.remove();
    drop((events, alive, listen_copy));
    let status = state.exit.unwrap_or(0);
    // On purpose: the keeper ends what is left once this server is gone. Its programs'
    // exits no longer reach this server (their panes are gone), so it does not wait for
    // them: the keeper hangs them up, and kills what ignores that, once this process ends.
    let keeper_ends_them = survival.shutdown();
    // Dropping the panes stops their readers and writers, which closes every PTY master:
    // the kernel hangs up the terminals, however much input a program left unread.
    drop(state);
    drop(rx);
    // Programs get SIGHUP and at most HANGUP_GRACE to go, then SIGKILL; meanwhile the
    // writers send the last messages (exit, detach) to their clients.
    let flushed = async {
        let _ = tokio::time::timeout(HANGUP_GRACE, alive_rx.recv()).await;
    };
    let ended = async {
        if !keeper_ends_them {
            children.end(HANGUP_GRACE).await;
        }
    };
    tokio::join!(ended, flushed);
    status
}

/// Runs every timer that is due, the model's and the commands', and shows what panes
/// refused meanwhile.
pub(crate) fn timers(state: &mut State) {
    let now = state.os.now();
    state.run_timers(now);
    crate::cmd::run_timers(state, now);
    show_notices(state);
}

/// Makes vi keys the default for copy mode and the prompt when the editor named by
/// `$VISUAL` (else `$EDITOR`) of whoever started the server is a vi, as tmux does.
pub(crate) fn vi_keys_for_editor(state: &mut State, editor: &str) {
    let name = editor.rsplit('/').next().unwrap_or("");
    if !name.contains("vi") {
        return;
    }
    use crate::config::options::{OptionTarget, Scope};
    for (option, scope) in [
        ("mode-keys", Scope::Window),
        ("status-keys", Scope::Session),
    ] {
        if let Err(e) = state
            .options
            .set(option, Some("vi"), OptionTarget::Global(scope), false)
        {
            log!("cannot set {option}: {e}");
        }
    }
}

/// What follows every batch of events: the server ends with its last session (as tmux's
/// exit-empty) unless commands are still to run (the config file loading, a command line
/// waiting for a job), and clients are brought up to date. Returns when the next deferred
/// update is due.
pub(crate) fn after_batch(state: &mut State) -> Option<Instant> {
    // The client that started the server has not connected yet while the config file's
    // jobs may already have finished: the server waits for it.
    if state.sessions.is_empty()
        && state.options.server("exit-empty").as_flag()
        && state.queue.batches.is_empty()
        && state.had_client
    {
        state.exit.get_or_insert(0);
    }
    let now = state.os.now();
    show_notices(state);
    let next = crate::view::render::flush(state, now);
    state.start_format_jobs();
    next
}

/// Shows on the status line what panes refused (`paste truncated: pane is not reading`): to
/// the client it came from when that one is attached, else to every client of the pane's
/// session.
fn show_notices(state: &mut State) {
    let notices: Vec<_> = state
        .panes
        .values_mut()
        .filter_map(|p| Some((p.session, p.notice.take()?)))
        .collect();
    for (sid, (from, text)) in notices {
        let to: Vec<ClientId> =
            match from.filter(|c| state.clients.get(c).is_some_and(|c| c.session.is_some())) {
                Some(c) => vec![c],
                None => state
                    .clients
                    .values()
                    .filter(|c| c.session == Some(sid))
                    .map(|c| c.id)
                    .collect(),
            };
        for c in to {
            crate::cmd::show_message(state, c, text);
        }
    }
}

/// Sleeps until `when`, or forever when there is nothing to wait for.
async fn sleep_until(when: Option<Instant>) {
    match when {
        Some(t) => tokio::time::sleep_until(t.into()).await,
        None => std::future::pending().await,
    }
}

/// Handles one event.
pub(crate) fn handle(state: &mut State, event: Event) {
    match event {
        Event::Connected {
            id,
            tx,
            request,
            pid,
        } => {
            log!("client {} (pid {pid}): {}", id.0, request.argv.join(" "));
            let mut client = Client::new(id, tx, &request);
            client.pid = pid;
            state.had_client = true;
            state.clients.insert(id, client);
            crate::cmd::run_request(state, id, &request.argv);
        }
        Event::Gate(id, gate) => {
            if let Some(c) = state.clients.get_mut(&id) {
                c.gate = gate;
            }
        }
        Event::Message(id, msg) => {
            let turn = state.clients.get(&id).map(|c| c.gate.turn());
            on_message(state, id, msg);
            // Input that now waits in a pane keeps the client's turn: its next message
            // waits too (and so stays behind it).
            if let Some(turn) = turn {
                hold_turn(state, turn);
            }
        }
        Event::InputRoom(pane, program) if runs(state, pane, program) => {
            let now = state.os.now();
            if let Some(p) = state.panes.get_mut(&pane) {
                p.pump(now);
            }
        }
        Event::Gone(id, reason) => {
            if let Some(reason) = reason {
                log!("client {}: dropped: {reason}", id.0);
            }
            state.remove_client(id);
            crate::cmd::client_gone(state, id);
        }
        // A stalled client may take an update again: the flush after this batch sees it.
        Event::Drained => {}
        Event::Output(pane, program, bytes, credit) if runs(state, pane, program) => {
            // Taken off the queue: the reader may read on while this is parsed.
            drop(credit);
            state.on_output(pane, &bytes);
        }
        Event::Closed(pane, program) if runs(state, pane, program) => state.on_pane_closed(pane),
        Event::Exited(pane, program, status) if runs(state, pane, program) => {
            state.on_pane_exited(pane, status);
        }
        // The program a respawn replaced, or a pane already gone.
        Event::Output(..) | Event::Closed(..) | Event::Exited(..) | Event::InputRoom(..) => {}
        Event::Terminate => state.shutdown("[server exited]"),
        Event::JobDone(job, output, status) => crate::cmd::job_done(state, job, output, status),
        Event::PipeInput(pane, sink, bytes) => {
            crate::model::pipes::on_input(state, pane, sink, bytes);
        }
        Event::PipeEnded(pane, sink, error) => {
            crate::model::pipes::on_ended(state, pane, sink, error);
        }
    }
    crate::cmd::run_hooks(state);
}

/// Gives a client's turn to the pane where its message left input waiting, if it did (the
/// turn comes back when the pane has taken it all); otherwise drops it, letting the
/// client's next message in.
fn hold_turn(state: &mut State, turn: crate::model::client::Turn) {
    let mut turn = Some(turn);
    for pane in state.panes.values_mut() {
        if pane.take_fresh_backlog() {
            if let Some(t) = turn.take() {
                pane.hold(t);
            }
        }
    }
}

/// Returns whether pane `pane` exists and runs `program`.
fn runs(state: &State, pane: PaneId, program: ProgramId) -> bool {
    state.panes.get(&pane).is_some_and(|p| p.program == program)
}

/// Handles a message from an attached (or attaching) client.
fn on_message(state: &mut State, id: ClientId, msg: ClientMsg) {
    let Some(client) = state.clients.get(&id) else {
        return;
    };
    match msg {
        ClientMsg::Stdin(piece) => return crate::cmd::load_stdin(state, id, Some(piece)),
        ClientMsg::StdinEnd => return crate::cmd::load_stdin(state, id, None),
        _ => {}
    }
    if client.session.is_none() {
        return;
    }
    match msg {
        ClientMsg::Key(key) => {
            state.touch_client(id);
            crate::input::keys::handle_key(state, id, key);
        }
        ClientMsg::Paste { text, more } => {
            state.touch_client(id);
            paste(state, id, &text, more);
        }
        ClientMsg::Resize(size) => {
            if let Some(c) = state.clients.get_mut(&id) {
                c.set_size(size);
            }
            state.touch_client(id);
            state.notify_client("client-resized", id);
        }
        ClientMsg::Focus(focused) => {
            let hook = if focused {
                "client-focus-in"
            } else {
                "client-focus-out"
            };
            state.notify_client(hook, id);
            if !state.options.server("focus-events").as_flag() {
                return;
            }
            if let Some(pane) = state.client_pane_mut(id) {
                let bytes = pane.term.encode_focus(focused);
                pane.write(bytes);
            }
        }
        ClientMsg::Colours { fg, bg, cursor } => {
            state.outer_colours = OuterColours { fg, bg, cursor };
            for pane in state.panes.values_mut() {
                pane.term.set_default_colours(fg, bg, cursor);
            }
        }
        ClientMsg::Mouse(event) => {
            state.touch_client(id);
            crate::input::mouse::handle_mouse(state, id, event);
        }
        ClientMsg::Redraw => {
            if let Some(c) = state.clients.get_mut(&id) {
                c.invalidate();
            }
        }
        ClientMsg::Command(_) | ClientMsg::Stdin(_) | ClientMsg::StdinEnd => {}
    }
}

/// Takes one piece of a client's paste: the first begins a paste into the client's active
/// pane; each goes through the pane's bounded input (waiting while the program reads); once
/// a piece is refused, the rest of the paste is refused too and the user is told.
fn paste(state: &mut State, id: ClientId, text: &str, more: bool) {
    use crate::model::paste::PasteStream;
    let now = state.os.now();
    let Some(client) = state.clients.get(&id) else {
        return;
    };
    let stream = match client.paste.clone() {
        Some(s) if state.panes.contains_key(&s.pane) => s,
        _ => {
            let Some(pane) = state.client_pane(id) else {
                return;
            };
            let bracketed = state
                .panes
                .get(&pane)
                .is_some_and(|p| p.term.modes().bracketed_paste);
            PasteStream::new(pane, bracketed)
        }
    };
    let mut stream = stream;
    let Some(pane) = state.panes.get_mut(&stream.pane) else {
        return;
    };
    if stream.truncated {
        stream.refused += text.len();
    } else {
        let bytes = stream.feed(text, !more);
        let refused = pane.paste(bytes, now, Some(id));
        if refused > 0 {
            stream.truncated = true;
            stream.refused += refused;
        }
    }
    if !more && stream.truncated {
        pane.write(stream.close_truncated());
        log!(
            "client {}: paste into %{} truncated, {} bytes refused",
            id.0,
            stream.pane.0,
            stream.refused
        );
    }
    if let Some(c) = state.clients.get_mut(&id) {
        c.paste = more.then_some(stream);
    }
}

/// Redraws status lines once a minute for the clock.
fn clock_tick(state: &mut State) {
    for c in state.clients.values_mut() {
        if c.session.is_some() {
            c.dirty = true;
        }
    }
}

/// Returns when the clock next needs a redraw: only while a client is attached.
fn clock_deadline(state: &State, current: Option<Instant>) -> Option<Instant> {
    if !state.clients.values().any(|c| c.session.is_some()) {
        return None;
    }
    let now = state.os.now();
    match current {
        Some(t) if t > now => Some(t),
        _ => Some(now + crate::config::time::until_next_minute()),
    }
}
