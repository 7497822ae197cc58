//! A ratatui backend that writes every attribute mux knows (underline kinds and colour,
//! overline, OSC 8 hyperlinks) to the user's terminal, as a complete SGR per style change.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::rc::Rc;

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::terminal::{self, Clear};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use crate::links::Links;

/// Overline (SGR 53), a bit ratatui's [`Modifier`] does not define.
pub const OVERLINE: Modifier = Modifier::from_bits_retain(1 << 9);
/// Double underline (SGR 4:2), set together with [`Modifier::UNDERLINED`].
pub const DOUBLE_UNDERLINE: Modifier = Modifier::from_bits_retain(1 << 10);
/// Curly underline (SGR 4:3), set together with [`Modifier::UNDERLINED`].
pub const CURLY_UNDERLINE: Modifier = Modifier::from_bits_retain(1 << 11);
/// Dotted underline (SGR 4:4), set together with [`Modifier::UNDERLINED`].
pub const DOTTED_UNDERLINE: Modifier = Modifier::from_bits_retain(1 << 12);
/// Dashed underline (SGR 4:5), set together with [`Modifier::UNDERLINED`].
pub const DASHED_UNDERLINE: Modifier = Modifier::from_bits_retain(1 << 13);
/// Marks a cell whose hyperlink is in the [`Links`] table; it is not a style.
pub const LINK: Modifier = Modifier::from_bits_retain(1 << 14);

/// The attributes written as a plain SGR parameter, in the order they are written.
const PLAIN: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
    (OVERLINE, "53"),
];

/// The underline kinds and their SGR parameter; a plain underline is `4`.
const UNDERLINES: [(Modifier, &str); 4] = [
    (DOUBLE_UNDERLINE, "4:2"),
    (CURLY_UNDERLINE, "4:3"),
    (DOTTED_UNDERLINE, "4:4"),
    (DASHED_UNDERLINE, "4:5"),
];

/// Opens an OSC 8 hyperlink; the URI and [`LINK_END`] follow.
const LINK_START: &[u8] = b"\x1b]8;;";
/// Ends an OSC 8 sequence; after an empty URI it closes the hyperlink.
const LINK_END: &[u8] = b"\x1b\\";

/// A ratatui backend writing to `W` with raw escape sequences.
pub struct MuxBackend<W: Write> {
    /// Where the escape sequences go, normally standard output.
    writer: W,
    /// The hyperlinks of the frame being drawn.
    links: Rc<RefCell<Links>>,
    /// A size to report instead of asking the terminal, for tests.
    fixed: Option<Size>,
    /// The bytes of one frame, written at once.
    frame: Vec<u8>,
    /// Whether underline kinds and colours are written (see [`crate::colour`]); else every
    /// underline is a plain one.
    styled_underlines: bool,
    /// Where the cursor was last put: what ratatui is told when it asks (on a resize), so
    /// the terminal is never queried while the input thread reads its answers.
    cursor: Position,
    /// The terminal's size as last asked: ratatui asks before every frame, and asking opens
    /// the terminal; it is asked again after [`MuxBackend::forget_size`] (on a resize).
    known: std::cell::Cell<Option<Size>>,
    /// Which rows of the frame wrap into the next (see [`crate::wrap`]).
    wraps: crate::wrap::Wraps,
    /// Last cells of rows that no longer wrap, erased before the next frame is written.
    unwrap: Vec<(u16, u16)>,
}

impl<W: Write> MuxBackend<W> {
    /// Returns a backend writing to `writer` and taking hyperlinks from `links`.
    pub fn new(writer: W, links: Rc<RefCell<Links>>) -> MuxBackend<W> {
        MuxBackend {
            writer,
            links,
            fixed: None,
            frame: Vec::new(),
            styled_underlines: crate::colour::styled_underlines(),
            cursor: Position { x: 0, y: 0 },
            known: std::cell::Cell::new(None),
            wraps: crate::wrap::Wraps::default(),
            unwrap: Vec::new(),
        }
    }

    /// Sets which rows of the frames to come wrap into the next row, and the cells where the
    /// next frame ends a wrap the terminal still has (the frame must write them too).
    pub fn set_wraps(&mut self, wraps: crate::wrap::Wraps, unwrap: Vec<(u16, u16)>) {
        self.wraps = wraps;
        self.unwrap = unwrap;
    }

    /// Makes the next frame ask the terminal for its size again.
    pub fn forget_size(&self) {
        self.known.set(None);
    }

    /// Sets whether underline kinds and colours are written, for tests.
    #[cfg(test)]
    pub fn with_styled_underlines(mut self, on: bool) -> MuxBackend<W> {
        self.styled_underlines = on;
        self
    }

    /// Makes the backend report `size` instead of the terminal's size.
    #[cfg(test)]
    pub fn with_size(mut self, size: Size) -> MuxBackend<W> {
        self.fixed = Some(size);
        self
    }

    /// Returns what was written to, for tests.
    #[cfg(test)]
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }
}

/// The part of a cell's looks that one SGR sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    /// The foreground colour.
    fg: Color,
    /// The background colour.
    bg: Color,
    /// The underline colour.
    underline: Color,
    /// The attributes, without [`LINK`].
    modifier: Modifier,
}

impl Pen {
    /// Returns the pen that draws `cell`; without `styled` underlines, a plain underline
    /// stands for every kind and the underline colour is dropped.
    fn of(cell: &Cell, styled: bool) -> Pen {
        let mut pen = Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier.difference(LINK),
        };
        if !styled {
            pen.underline = Color::Reset;
            for (kind, _) in UNDERLINES {
                pen.modifier.remove(kind);
            }
        }
        pen
    }
}

/// The state of the terminal while a frame is written.
#[derive(Default)]
struct Writing<'a> {
    /// The last pen set; `None` before the first, when the terminal's is unknown.
    pen: Option<Pen>,
    /// The last position written.
    last: Option<(u16, u16)>,
    /// The hyperlink open on the terminal.
    link: Option<&'a str>,
    /// Whether underline kinds and colours are written.
    styled: bool,
    /// The column after the last symbol written, with [`Writing::last`].
    end: u16,
    /// Which rows wrap into the next.
    wraps: Option<&'a crate::wrap::Wraps>,
}

impl<'a> Writing<'a> {
    /// Writes `cell` at (`x`, `y`) with its hyperlink `link` into `out`.
    fn cell(&mut self, out: &mut Vec<u8>, x: u16, y: u16, cell: &Cell, link: Option<&'a str>) {
        let next = matches!(self.last, Some((lx, ly)) if ly == y && lx.checked_add(1) == Some(x));
        // A wrapped row's last symbol was written: the terminal's cursor waits to wrap, and
        // the next row's first symbol goes on the same line for the terminal.
        let wraps_on = self.last.is_some_and(|(_, ly)| {
            self.wraps
                .is_some_and(|w| w.continues(ly, self.end) && ly.checked_add(1) == Some(y))
        }) && x == 0;
        if !next && !wraps_on {
            self.close_link(out);
            // Writing to a vector cannot fail.
            let _ = write!(out, "\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1);
        }
        self.last = Some((x, y));
        // Only a wrapping row's end is looked at: no width is measured for the others.
        self.end = match self.wraps {
            Some(w) if w.wraps(y) => x.saturating_add(crate::wrap::symbol_width(cell.symbol())),
            _ => 0,
        };
        let pen = Pen::of(cell, self.styled);
        if self.pen != Some(pen) {
            out.extend_from_slice(sgr(pen, self.pen).as_bytes());
            self.pen = Some(pen);
        }
        if self.link != link {
            self.close_link(out);
            if let Some(uri) = link {
                out.extend_from_slice(LINK_START);
                out.extend_from_slice(uri.as_bytes());
                out.extend_from_slice(LINK_END);
                self.link = Some(uri);
            }
        }
        out.extend_from_slice(cell.symbol().as_bytes());
    }

    /// Closes the open hyperlink, if any.
    fn close_link(&mut self, out: &mut Vec<u8>) {
        if self.link.take().is_some() {
            out.extend_from_slice(LINK_START);
            out.extend_from_slice(LINK_END);
        }
    }

    /// Ends the frame: closes the hyperlink and goes back to the default pen.
    fn finish(&mut self, out: &mut Vec<u8>) {
        self.close_link(out);
        if let Some(pen) = self.pen {
            let reset: &[u8] = if pen.underline == Color::Reset {
                b"\x1b[0m"
            } else {
                b"\x1b[0;59m"
            };
            out.extend_from_slice(reset);
        }
    }
}

/// Returns the complete SGR sequence that sets `pen` from any state: a reset, the attributes,
/// then the colours. `59` resets the underline colour explicitly when `before` had one.
fn sgr(pen: Pen, before: Option<Pen>) -> String {
    let mut out = String::from("\x1b[0");
    for (bit, param) in PLAIN {
        if pen.modifier.contains(bit) {
            out.push(';');
            out.push_str(param);
        }
    }
    if pen.modifier.contains(Modifier::UNDERLINED) {
        let kind = UNDERLINES
            .iter()
            .find(|(bit, _)| pen.modifier.contains(*bit));
        out.push(';');
        out.push_str(kind.map_or("4", |(_, param)| param));
    }
    push_color(&mut out, pen.fg, 30);
    push_color(&mut out, pen.bg, 40);
    push_underline_color(&mut out, pen.underline);
    if pen.underline == Color::Reset && before.is_some_and(|b| b.underline != Color::Reset) {
        out.push_str(";59");
    }
    out.push('m');
    out
}

/// Appends the SGR parameters of a foreground (`base` 30) or background (`base` 40) colour:
/// `30`–`37` and `90`–`97` for the 16 named colours, `38;5;n` for the 256, `38;2;r;g;b` for
/// 24-bit colour. The default colour adds nothing, as the SGR starts with a reset.
fn push_color(out: &mut String, color: Color, base: u8) {
    // Writing to a string cannot fail.
    let _ = match (named_index(color), color) {
        (Some(n), _) if n < 8 => write!(out, ";{}", base + n),
        (Some(n), _) => write!(out, ";{}", base + 60 + n - 8),
        (None, Color::Indexed(n)) => write!(out, ";{};5;{n}", base + 8),
        (None, Color::Rgb(r, g, b)) => write!(out, ";{};2;{r};{g};{b}", base + 8),
        (None, _) => Ok(()),
    };
}

/// Appends the SGR parameter of an underline colour: `58:5:n` for the 256 colours (the named
/// ones by their index), `58:2::r:g:b` for 24-bit colour, nothing for the default.
fn push_underline_color(out: &mut String, color: Color) {
    let _ = match (named_index(color), color) {
        (Some(n), _) | (None, Color::Indexed(n)) => write!(out, ";58:5:{n}"),
        (None, Color::Rgb(r, g, b)) => write!(out, ";58:2::{r}:{g}:{b}"),
        (None, _) => Ok(()),
    };
}

/// Returns the palette index of one of ratatui's 16 named colours.
fn named_index(color: Color) -> Option<u8> {
    let n = match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        _ => return None,
    };
    Some(n)
}

impl<W: Write> Backend for MuxBackend<W> {
    type Error = io::Error;

    /// Writes the changed cells, moving the cursor only where they are not consecutive, then
    /// goes back to the default pen; the whole frame is written at once.
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let links = self.links.borrow();
        let mut out = std::mem::take(&mut self.frame);
        out.clear();
        crate::wrap::erase_ends(&mut out, &std::mem::take(&mut self.unwrap));
        let mut writing = Writing {
            styled: self.styled_underlines,
            wraps: Some(&self.wraps),
            ..Writing::default()
        };
        for (x, y, cell) in content {
            let link = if cell.modifier.contains(LINK) {
                links.get(x, y)
            } else {
                None
            };
            writing.cell(&mut out, x, y, cell, link);
        }
        writing.finish(&mut out);
        drop(links);
        let result = self.writer.write_all(&out);
        self.frame = out;
        result
    }

    // The cursor is queued behind the frame: ratatui flushes once the frame is complete, so
    // a small frame and its cursor reach the terminal in one write.
    fn hide_cursor(&mut self) -> io::Result<()> {
        queue!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        queue!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        self.cursor = Position { x, y };
        queue!(self.writer, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use crossterm::terminal::ClearType as C;
        let kind = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        execute!(self.writer, Clear(kind))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.writer, crossterm::style::Print("\n"))?;
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.fixed {
            return Ok(size);
        }
        if let Some(size) = self.known.get() {
            return Ok(size);
        }
        // A terminal that reports no size (`script`, an `expect` driver) is drawn at 80×24,
        // the size the server was told, as tmux does.
        let mux_protocol::Size { cols, rows } = crate::command::terminal_size();
        let size = Size {
            width: cols,
            height: rows,
        };
        self.known.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        if let Some(size) = self.fixed {
            let pixels = Size::default();
            return Ok(WindowSize {
                columns_rows: size,
                pixels,
            });
        }
        let ws = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: ws.columns,
                height: ws.rows,
            },
            pixels: Size {
                width: ws.width,
                height: ws.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Writing to the backend writes to the terminal, for sequences ratatui has no call for
/// (the cursor style).
impl<W: Write> Write for MuxBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
#[path = "backend_tests.rs"]
mod tests;
