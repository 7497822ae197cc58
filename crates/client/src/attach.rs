//! The attached client: the main thread owns the ratatui terminal and the screen model and
//! reads the server's messages itself (see [`crate::inbox`]); an input thread and a signal
//! thread post their events to it. When the server goes away without telling the client to
//! leave (a crash), or says it is handing over (an upgrade), the client attaches again to the
//! server that takes over (`reconnect.rs`).

use std::cell::RefCell;
use std::io::{self, Stdout, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use mux_protocol::{write_frame, ClientMsg, ServerMsg, Size};
use nix::sys::signal::Signal;
use ratatui::Terminal;

use crate::backend::MuxBackend;
use crate::command::{emit, emit_bytes, terminal_size};
use crate::draw::Model;
use crate::escape::EscapeJoin;
use crate::inbox::{Inbox, Incoming, Poster};
use crate::links::Links;
use crate::{keys, outer, tty};

/// The most events handled before the screen is drawn, so a flood cannot starve drawing.
const MAX_BATCH: usize = 256;

/// What reaches the main thread.
enum Event {
    /// A message from the server.
    Server(ServerMsg),
    /// The connection to the server ended.
    ServerLost,
    /// A message could not be sent on the connection of this generation.
    InputLost(u64),
    /// The user's terminal changed size.
    Resize,
    /// The user's terminal can no longer be read.
    TtyLost,
    /// A handled signal arrived.
    Signal(Signal),
}

/// How the attached client ends: what it prints once the terminal is restored, and its status.
#[derive(Default)]
struct Ending {
    /// Printed on standard output.
    stdout: String,
    /// Printed on standard error.
    stderr: String,
    /// The exit status.
    status: i32,
}

impl Ending {
    /// Ends with `[reason]` and status 1, as tmux does for abnormal exits.
    fn abnormal(reason: &str) -> Ending {
        Ending {
            stdout: format!("[{reason}]\n"),
            status: 1,
            ..Ending::default()
        }
    }
}

/// The sending half of the connection, shared by the input and main threads.
type Writer = Arc<Mutex<UnixStream>>;

/// Which connection is the current one: it goes up by one at each reattach.
type Generation = Arc<AtomicU64>;

/// Where the client attached: the socket, and the session's id (`$N`, kept across a rename,
/// a crash and an upgrade).
pub struct Place {
    /// The server's socket.
    pub socket: PathBuf,
    /// The session's id.
    pub id: u32,
}

/// Runs the attached UI on `stream` until the client detaches, the session ends, the server or
/// the terminal is lost, or a signal ends it. `reported` is the size sent with the command.
/// Returns the exit status, after restoring the terminal.
pub fn run(stream: UnixStream, reported: Option<Size>, place: Place) -> i32 {
    let (mut rx, tx) = match stream.try_clone().and_then(crate::inbox::inbox) {
        Ok(pair) => pair,
        Err(e) => return fail(&e),
    };
    // Before any other thread exists, so that every thread inherits the blocked signals.
    let signals = tx.clone();
    if let Err(e) = tty::watch_signals(move |s| signals.post(Event::Signal(s))) {
        emit(
            &mut io::stderr(),
            &format!("mux: can't handle signals: {e}\n"),
        );
        return 1;
    }
    let ending = match start(stream, tx, place) {
        Ok((mut ui, writer)) => {
            let mut ending = match ui.sync_size(&writer, reported) {
                Ok(()) => ui.run(&mut rx, &writer),
                Err(_) => Ending::abnormal("lost server"),
            };
            ending.stdout.insert_str(0, &ui.stdout);
            ending.stderr.insert_str(0, &ui.stderr);
            ending
        }
        Err(e) => Ending {
            status: fail(&e),
            ..Ending::default()
        },
    };
    tty::restore();
    emit(&mut io::stderr(), &ending.stderr);
    emit(&mut io::stdout(), &ending.stdout);
    ending.status
}

/// Restores the terminal and reports a setup error; returns the exit status.
fn fail(e: &io::Error) -> i32 {
    tty::restore();
    emit(&mut io::stderr(), &format!("mux: {e}\n"));
    1
}

/// Enters the attached terminal mode and starts the input and reader threads.
fn start(stream: UnixStream, tx: Poster<Event>, place: Place) -> io::Result<(Ui, Writer)> {
    let writer: Writer = Arc::new(Mutex::new(stream));
    tty::enter()?;
    let ([fg, bg, cursor], typed) = outer::query_colours();
    if fg.is_some() || bg.is_some() || cursor.is_some() {
        send(&writer, &ClientMsg::Colours { fg, bg, cursor })?;
    }
    // Keys typed during the wait go first, in order, before the input thread reads more.
    for event in crate::typeahead::keys(&typed) {
        if let Some(msg) = keys::event_to_msg(event) {
            send(&writer, &msg)?;
        }
    }
    // The alternate screen starts cleared and the terminal's buffers blank: they agree.
    let links = Rc::new(RefCell::new(Links::default()));
    let terminal = Terminal::new(MuxBackend::new(io::stdout(), Rc::clone(&links)))?;
    let input_tx = tx;
    let input_writer = Arc::clone(&writer);
    let escape_time = Arc::new(AtomicU32::new(0));
    let mut events = EscapeJoin::new(Arc::clone(&escape_time));
    let generation: Generation = Arc::new(AtomicU64::new(0));
    let input_generation = Arc::clone(&generation);
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || input_loop(&mut events, &input_writer, &input_tx, &input_generation))?;
    let ui = Ui {
        escape_time,
        place,
        generation,
        new_socket: None,
        terminal,
        links,
        model: None,
        shape: 0,
        sent_size: None,
        full: true,
        last: ratatui::buffer::Buffer::empty(ratatui::layout::Rect::default()),
        quick: false,
        stdout: String::new(),
        stderr: String::new(),
    };
    Ok((ui, writer))
}

/// Sends one message to the server. It may wait: while a pane takes in a long paste the
/// server reads nothing more from this client, and the socket pushes back.
fn send(writer: &Writer, msg: &ClientMsg) -> io::Result<()> {
    let mut stream = writer
        .lock()
        .map_err(|_| io::Error::other("the connection's lock is poisoned"))?;
    write_frame(&mut *stream, msg).map_err(|e| io::Error::other(e.to_string()))
}

/// Reads terminal events and sends them to the server, a paste in pieces under the frame
/// limit; resizes go to the main thread, which resizes its terminal first. A message that
/// cannot be sent tells the main thread the connection is lost (it reattaches or ends the
/// client with `[lost server]`); what is typed meanwhile is dropped.
fn input_loop(
    events: &mut EscapeJoin,
    writer: &Writer,
    tx: &Poster<Event>,
    generation: &Generation,
) {
    loop {
        let event = match events.next() {
            Ok(event) => event,
            Err(_) => {
                tx.post(Event::TtyLost);
                return;
            }
        };
        let sent = match event {
            crossterm::event::Event::Resize(..) => {
                if !tx.post(Event::Resize) {
                    return;
                }
                Ok(())
            }
            crossterm::event::Event::Paste(text) => {
                mux_protocol::paste_pieces(&text).try_for_each(|piece| send(writer, &piece))
            }
            event => match keys::event_to_msg(event) {
                Some(msg) => send(writer, &msg),
                None => Ok(()),
            },
        };
        if sent.is_err() && !tx.post(Event::InputLost(generation.load(Ordering::SeqCst))) {
            return;
        }
    }
}

/// Turns what the inbox gives into the main thread's event.
fn to_event(incoming: Incoming<Event>) -> Event {
    match incoming {
        Incoming::Server(msg) => Event::Server(msg),
        Incoming::Lost => Event::ServerLost,
        Incoming::Local(event) => event,
    }
}

/// The main thread's state: the terminal, what the server last drew, and what was sent.
struct Ui {
    /// The escape-time the input thread honours, as the server last said.
    escape_time: Arc<AtomicU32>,
    /// Where it is attached.
    place: Place,
    /// The current connection's generation.
    generation: Generation,
    /// The connection to a server that took over, for the inbox to read from now on.
    new_socket: Option<UnixStream>,
    /// The ratatui terminal on standard output.
    terminal: Terminal<MuxBackend<Stdout>>,
    /// The hyperlinks of the frame being drawn, shared with the terminal's backend.
    links: Rc<RefCell<Links>>,
    /// The screen as the server last described it; `None` until the first update.
    model: Option<Model>,
    /// The cursor shape last set on the terminal.
    shape: u8,
    /// The terminal size last reported to the server.
    sent_size: Option<Size>,
    /// Whether the next frame must write every cell (first frame, resizes).
    full: bool,
    /// The frame on the terminal, when drawn without hyperlinks.
    last: ratatui::buffer::Buffer,
    /// Whether `last` is the frame on the terminal, so the next frame may draw only the rows
    /// that changed (see [`crate::quick`]).
    quick: bool,
    /// Standard output text from the server, printed after the terminal is restored.
    stdout: String,
    /// Standard error text from the server, printed after the terminal is restored.
    stderr: String,
}

impl Ui {
    /// Handles events until one ends the client, drawing after each batch that changed the
    /// screen.
    fn run(&mut self, rx: &mut Inbox<Event>, writer: &Writer) -> Ending {
        loop {
            let first = to_event(rx.next());
            let mut dirty = false;
            let mut next = Some(first);
            let mut handled = 0;
            while let Some(event) = next {
                if let Some(ending) = self.handle(event, writer, &mut dirty) {
                    return ending;
                }
                if let Some(socket) = self.new_socket.take() {
                    rx.replace_socket(socket);
                }
                handled += 1;
                next = if handled < MAX_BATCH {
                    rx.try_next().map(to_event)
                } else {
                    None
                };
            }
            if dirty && self.draw().is_err() {
                return Ending::abnormal("lost tty");
            }
            // The end-to-end tests check that a panic restores the terminal; this is the
            // only way for them to cause one.
            if dirty && mux_server::hooks::panic_on_draw() {
                panic!("MUX_TEST_PANIC is set");
            }
        }
    }

    /// Handles one event; sets `dirty` when the screen must be drawn, and returns how the
    /// client ends if the event ends it.
    fn handle(&mut self, event: Event, writer: &Writer, dirty: &mut bool) -> Option<Ending> {
        let current = self.generation.load(Ordering::SeqCst);
        match event {
            // A failed send on a connection that was replaced since.
            Event::InputLost(g) if g != current => {}
            Event::Server(ServerMsg::Reconnect { message }) => {
                return self.reattach(writer, &message, dirty)
            }
            Event::Server(ServerMsg::Suspend) => {
                if self.suspend(writer).is_err() {
                    return Some(Ending::abnormal("lost tty"));
                }
                *dirty = true;
            }
            Event::Server(msg) => return self.handle_server(msg, dirty),
            Event::ServerLost | Event::InputLost(_) => {
                return self.reattach(writer, "server exited unexpectedly", dirty)
            }
            Event::TtyLost => return Some(Ending::abnormal("lost tty")),
            Event::Signal(Signal::SIGHUP) => return Some(Ending::abnormal("lost tty")),
            Event::Signal(_) => return Some(Ending::abnormal("terminated")),
            Event::Resize => {
                self.terminal.backend().forget_size();
                if self.terminal.autoresize().is_err() {
                    return Some(Ending::abnormal("lost tty"));
                }
                if self.sync_size(writer, self.sent_size).is_err() {
                    return Some(Ending::abnormal("lost server"));
                }
                self.full = true;
                *dirty = true;
            }
        }
        None
    }

    /// Gives the terminal back and stops with SIGTSTP (`suspend-client`); once continued
    /// (`fg`), takes the terminal again and asks the server to redraw everything.
    fn suspend(&mut self, writer: &Writer) -> io::Result<()> {
        tty::restore();
        nix::sys::signal::raise(Signal::SIGTSTP).map_err(io::Error::from)?;
        tty::enter()?;
        // The terminal may have changed size meanwhile; the next frame writes every cell.
        self.terminal.backend().forget_size();
        self.terminal.autoresize()?;
        self.sync_size(writer, self.sent_size)?;
        self.full = true;
        self.shape = u8::MAX;
        send(writer, &ClientMsg::Redraw)
    }

    /// Handles one server message, like [`Ui::handle`].
    fn handle_server(&mut self, msg: ServerMsg, dirty: &mut bool) -> Option<Ending> {
        match msg {
            ServerMsg::Screen(update) => {
                let model = self.model.get_or_insert_with(|| Model::new(update.size));
                self.full |= model.size != update.size;
                model.apply(update);
                *dirty = true;
            }
            ServerMsg::Bell => emit(&mut io::stdout(), "\x07"),
            ServerMsg::Detach { message, status } => {
                return Some(Ending {
                    stdout: format!("{message}\n"),
                    status,
                    ..Ending::default()
                })
            }
            ServerMsg::Exit(status) => {
                return Some(Ending {
                    status,
                    ..Ending::default()
                })
            }
            // Text cannot be shown over the attached screen: it is printed on the way out.
            ServerMsg::Stdout(text) => self.stdout.push_str(&text),
            ServerMsg::Stderr(text) => self.stderr.push_str(&text),
            ServerMsg::Attached { id, .. } => self.place.id = id,
            ServerMsg::Clipboard(data) => emit(&mut io::stdout(), &format!("\x1b]52;c;{data}\x07")),
            ServerMsg::Title(title) => emit(&mut io::stdout(), &format!("\x1b]2;{title}\x07")),
            ServerMsg::Mouse(report) => emit(&mut io::stdout(), &tty::mouse_modes(report)),
            ServerMsg::Passthrough(bytes) => emit_bytes(&mut io::stdout(), &bytes),
            // Handled by `handle`, which can answer the server.
            ServerMsg::Suspend => {}
            ServerMsg::EscapeTime(ms) => self
                .escape_time
                .store(ms.min(mux_protocol::MAX_ESCAPE_TIME), Ordering::Relaxed),
            // An attached client's standard input is its terminal; nothing asks for it.
            ServerMsg::ReadStdin => {}
            // Handled with the connection's loss, in `handle`.
            ServerMsg::Reconnect { .. } => {}
        }
        None
    }

    /// The server went away (`why`) without telling this client to leave: shows
    /// `[why; reconnecting]` on the bottom row and attaches again to whichever server takes
    /// over; ends the client with `[lost server]` when none does.
    fn reattach(&mut self, writer: &Writer, why: &str, dirty: &mut bool) -> Option<Ending> {
        let rows = self.terminal.size().map_or(24, |s| s.height);
        emit(
            &mut io::stdout(),
            &format!("\x1b[{rows};1H\x1b[0;7m[{why}; reconnecting]\x1b[0m\x1b[K"),
        );
        let socket = self.place.socket.clone();
        let stream = match crate::reconnect::reattach(&socket, self.place.id) {
            crate::reconnect::Reattach::Attached(stream) => stream,
            crate::reconnect::Reattach::Exec { exe, version } => {
                let e = crate::reconnect::exec(&exe, version, &socket, self.place.id);
                self.stderr
                    .push_str(&format!("mux: can't run {}: {e}\n", exe.display()));
                return Some(Ending::abnormal("lost server"));
            }
            crate::reconnect::Reattach::Failed(why) => {
                self.stderr.push_str(&format!("mux: {why}\n"));
                return Some(Ending::abnormal("lost server"));
            }
        };
        let Ok(reader) = stream.try_clone() else {
            return Some(Ending::abnormal("lost server"));
        };
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut w) = writer.lock() {
            *w = stream;
        }
        self.new_socket = Some(reader);
        self.model = None;
        self.full = true;
        self.quick = false;
        let _ = self.terminal.clear();
        if self.sync_size(writer, None).is_err() {
            return Some(Ending::abnormal("lost server"));
        }
        *dirty = true;
        None
    }

    /// Tells the server the terminal's size if it differs from `known`, the size it has.
    fn sync_size(&mut self, writer: &Writer, known: Option<Size>) -> io::Result<()> {
        let size = terminal_size();
        if known != Some(size) {
            send(writer, &ClientMsg::Resize(size))?;
        }
        self.sent_size = Some(size);
        Ok(())
    }

    /// Draws the model and sets the cursor's position, visibility and shape.
    fn draw(&mut self) -> io::Result<()> {
        let Some(model) = &mut self.model else {
            return Ok(());
        };
        // Rows that wrap are drawn so the terminal knows (see crate::wrap); on a full frame
        // the terminal was cleared, which ended every wrap.
        let unwrapped = match model.take_unwrapped() {
            _ if self.full => Vec::new(),
            cells => cells,
        };
        if let Ok(size) = self.terminal.size() {
            let wraps = model.wraps(size.width, size.height);
            self.terminal
                .backend_mut()
                .set_wraps(wraps, unwrapped.clone());
        }
        if !self.full && !model.linked() && self.quick {
            let backend = self.terminal.backend_mut();
            crate::quick::draw_changed(model, &mut self.last, backend, &unwrapped)?;
        } else {
            // Ratatui's buffers are stale after quick frames, and so is its links table the
            // first time a link shows: that frame writes every cell.
            let full = self.full || (self.quick && model.linked());
            let links = &self.links;
            self.terminal.draw(|frame| {
                model.render(frame.buffer_mut(), full, &mut links.borrow_mut());
                Model::force(frame.buffer_mut(), &unwrapped);
                let area = frame.area();
                if let Some(position) = model.cursor_position(area.width, area.height) {
                    frame.set_cursor_position(position);
                }
            })?;
            if full {
                model.settle(&mut self.terminal, &mut self.links.borrow_mut());
            }
            model.mark_drawn();
            // What the next quick frame starts from.
            self.quick = !model.linked();
            if self.quick {
                let area = self.terminal.get_frame().area();
                self.last = ratatui::buffer::Buffer::empty(area);
                model.render(&mut self.last, false, &mut Links::default());
            }
        }
        self.full = false;
        let shape = model.cursor.shape;
        if shape != self.shape {
            let out = self.terminal.backend_mut();
            crossterm::execute!(out, tty::cursor_style(shape))?;
            self.shape = shape;
        }
        io::stdout().flush()
    }
}
