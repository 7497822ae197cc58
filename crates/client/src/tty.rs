//! The user's terminal in attached mode: entering raw mode and the alternate screen, and
//! restoring it on every way out (normal exit, lost server, signals, panic).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{SetCursorStyle, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableFocusChange, EnableBracketedPaste, EnableFocusChange,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{execute, queue};
use nix::sys::signal::{SigSet, Signal};

/// Whether the terminal is in attached mode and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal in raw mode on the cleared alternate screen with bracketed paste and focus
/// reporting, and makes a panic restore it before the panic message is printed.
pub fn enter() -> io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        Clear(ClearType::All),
        EnableBracketedPaste,
        EnableFocusChange
    )
}

/// Returns the sequences that make the terminal report the mouse as the server asks: off, or
/// presses (1000), drags (1002) or all motion (1003), always in SGR form (1006).
pub fn mouse_modes(report: mux_protocol::MouseReport) -> String {
    use mux_protocol::MouseReport;
    let mode = match report {
        MouseReport::Off => return MOUSE_OFF.to_string(),
        MouseReport::Buttons => 1000,
        MouseReport::Drags => 1002,
        MouseReport::Motion => 1003,
    };
    format!("{MOUSE_OFF}\x1b[?{mode}h\x1b[?1006h")
}

/// Turns every mouse report off.
const MOUSE_OFF: &str = "\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1006l";

/// Undoes [`enter`]: shows the cursor with its default shape, leaves the alternate screen and
/// raw mode. Only the first call does anything; errors are ignored (the terminal may be gone).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    let _ = queue!(
        out,
        SetCursorStyle::DefaultUserShape,
        Show,
        DisableFocusChange,
        DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Chains a panic hook that restores the terminal first, so the message is readable; once,
/// however often the terminal is entered (a suspended client enters it again).
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The signals the attached client handles itself: SIGTERM and SIGHUP.
fn handled_signals() -> SigSet {
    let mut set = SigSet::empty();
    set.add(Signal::SIGTERM);
    set.add(Signal::SIGHUP);
    set
}

/// Blocks SIGTERM and SIGHUP in the calling thread (and so in threads it spawns later) and
/// starts a thread that waits for them and gives each to `post`, until `post` returns false.
/// Call it before any other thread exists.
pub fn watch_signals(post: impl Fn(Signal) -> bool + Send + 'static) -> io::Result<()> {
    let set = handled_signals();
    set.thread_block().map_err(io::Error::from)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            while let Ok(signal) = set.wait() {
                if !post(signal) {
                    break;
                }
            }
        })?;
    Ok(())
}

/// Returns the DECSCUSR cursor style for a shape number (0 the terminal's default).
pub fn cursor_style(shape: u8) -> SetCursorStyle {
    match shape {
        1 => SetCursorStyle::BlinkingBlock,
        2 => SetCursorStyle::SteadyBlock,
        3 => SetCursorStyle::BlinkingUnderScore,
        4 => SetCursorStyle::SteadyUnderScore,
        5 => SetCursorStyle::BlinkingBar,
        6 => SetCursorStyle::SteadyBar,
        _ => SetCursorStyle::DefaultUserShape,
    }
}
