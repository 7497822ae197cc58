//! The `vte` side of the engine: controls, escape and CSI sequences become screen operations
//! and replies. OSC and DCS strings never get here: the filter takes them out first.

pub(crate) mod sgr;

use vte::{Params, Perform};

use crate::handler::Handler;
use crate::screen::Screen;

/// DA1 answer: a VT100 with advanced video, as tmux answers.
const DA1_REPLY: &[u8] = b"\x1b[?1;2c";
/// DA2 answer: terminal type 84 (`T`, as tmux), version 0.
const DA2_REPLY: &[u8] = b"\x1b[>84;0;0c";
/// DA3 answer: the unit id, all zeros as xterm reports it.
const DA3_REPLY: &[u8] = b"\x1bP!|00000000\x1b\\";
/// The cell size in pixels reported to window-size queries, for want of a real one.
const CELL_PIXELS: (usize, usize) = (16, 8);
/// How many parameters are looked at; later ones are ignored.
const MAX_PARAMS: usize = 16;

/// The screen and the side state, driven by the parser.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Core {
    pub screen: Screen,
    pub h: Handler,
}

/// The first value of each parameter, 0 where omitted.
struct Args {
    values: [u16; MAX_PARAMS],
    len: usize,
}

impl Args {
    fn new(params: &Params) -> Args {
        let mut values = [0; MAX_PARAMS];
        let mut len = 0;
        for (slot, p) in values.iter_mut().zip(params.iter()) {
            *slot = p.first().copied().unwrap_or(0);
            len += 1;
        }
        Args { values, len }
    }

    /// Returns parameter `i`, or 0.
    fn get(&self, i: usize) -> u16 {
        self.values.get(i).copied().unwrap_or(0)
    }

    /// Returns parameter `i` as a count: 0 or omitted means 1.
    fn count(&self, i: usize) -> usize {
        usize::from(self.get(i).max(1))
    }

    /// Returns the parameters given.
    fn all(&self) -> &[u16] {
        &self.values[..self.len.min(MAX_PARAMS)]
    }
}

impl Perform for Core {
    #[inline]
    fn print(&mut self, c: char) {
        self.screen.print(c);
    }

    fn execute(&mut self, byte: u8) {
        let s = &mut self.screen;
        match byte {
            0x07 => self.h.bells += 1,
            0x08 => s.backspace(),
            0x09 => s.tab(1),
            0x0a..=0x0c => {
                s.linefeed();
                if s.modes.newline {
                    s.carriage_return();
                }
            }
            0x0d => s.carriage_return(),
            _ => {}
        }
    }

    fn csi_dispatch(&mut self, params: &Params, intermediates: &[u8], ignore: bool, c: char) {
        if ignore {
            return;
        }
        let args = Args::new(params);
        match intermediates {
            [] => self.csi_plain(&args, params, c),
            [b'?'] => self.csi_private(&args, c),
            [b'>'] if args.get(0) == 0 => match c {
                'c' => self.h.replies.extend_from_slice(DA2_REPLY),
                'q' => self.h.reply(format_args!(
                    "\x1bP>|mux {}\x1b\\",
                    env!("CARGO_PKG_VERSION")
                )),
                _ => {}
            },
            [b'='] if c == 'c' && args.get(0) == 0 => {
                self.h.replies.extend_from_slice(DA3_REPLY);
            }
            [b' '] if c == 'q' => {
                self.screen.modes.cursor_shape = u8::try_from(args.get(0)).map_or(6, |n| n.min(6));
            }
            [b'!'] if c == 'p' => self.screen.soft_reset(),
            [b'?', b'$'] if c == 'p' => {
                let m = args.get(0);
                let state = self.screen.private_mode_state(m);
                self.h.reply(format_args!("\x1b[?{m};{state}$y"));
            }
            [b'$'] if c == 'p' => {
                let m = args.get(0);
                let state = self.screen.ansi_mode_state(m);
                self.h.reply(format_args!("\x1b[{m};{state}$y"));
            }
            _ => {}
        }
    }

    fn esc_dispatch(&mut self, intermediates: &[u8], ignore: bool, byte: u8) {
        if ignore {
            return;
        }
        let s = &mut self.screen;
        match (intermediates, byte) {
            ([], b'7') => s.save_cursor(),
            ([], b'8') => s.restore_cursor(),
            ([], b'c') => s.full_reset(),
            ([], b'D') => s.linefeed(),
            ([], b'E') => {
                s.linefeed();
                s.carriage_return();
            }
            ([], b'M') => s.reverse_index(),
            ([], b'H') => s.set_tab(),
            ([], b'=') => s.modes.application_keypad = true,
            ([], b'>') => s.modes.application_keypad = false,
            ([b'#'], b'8') => s.alignment_test(),
            _ => {}
        }
    }
}

impl Core {
    /// Handles a CSI sequence without private marker or intermediates.
    fn csi_plain(&mut self, a: &Args, params: &Params, c: char) {
        let s = &mut self.screen;
        let n = a.count(0);
        match c {
            '@' => s.insert_chars(n),
            'A' => s.up(n),
            'B' | 'e' => s.down(n),
            'C' | 'a' => s.right(n),
            'D' => s.left(n),
            'E' => {
                s.down(n);
                s.carriage_return();
            }
            'F' => {
                s.up(n);
                s.carriage_return();
            }
            'G' | '`' => s.goto_col(n - 1),
            'H' | 'f' => s.goto(n - 1, a.count(1) - 1),
            'I' => s.tab(n.min(s.cols)),
            'J' => s.erase_display(a.get(0)),
            'K' => s.erase_line(a.get(0)),
            'L' => s.insert_lines(n),
            'M' => s.delete_lines(n),
            'P' => s.delete_chars(n),
            'S' => s.scroll_up(n),
            'T' => s.scroll_down(n),
            'X' => s.erase_chars(n),
            'Z' => s.back_tab(n.min(s.cols)),
            'b' => s.repeat(n),
            'c' if a.get(0) == 0 => self.h.replies.extend_from_slice(DA1_REPLY),
            'd' => {
                let col = s.col_in_grid();
                s.goto(n - 1, col);
            }
            'g' => match a.get(0) {
                0 => s.clear_tabs(false),
                3 => s.clear_tabs(true),
                _ => {}
            },
            'h' | 'l' => {
                for &m in a.all() {
                    s.set_ansi_mode(m, c == 'h');
                }
            }
            'm' => {
                let mut pen = s.pen;
                sgr::apply(&mut pen, params);
                s.set_pen(pen);
            }
            'n' => self.status_report(a.get(0), false),
            'r' => s.set_region(usize::from(a.get(0)), usize::from(a.get(1))),
            's' if a.len == 0 || a.all() == [0] => s.save_cursor(),
            'u' if a.len == 0 || a.all() == [0] => s.restore_cursor(),
            't' => self.window_op(a.get(0)),
            _ => {}
        }
    }

    /// Handles `CSI ? …` sequences.
    fn csi_private(&mut self, a: &Args, c: char) {
        match c {
            'h' | 'l' => {
                for &m in a.all() {
                    self.screen.set_private_mode(m, c == 'h');
                }
            }
            'J' => self.screen.erase_display(a.get(0)),
            'K' => self.screen.erase_line(a.get(0)),
            'n' => self.status_report(a.get(0), true),
            'u' => self.h.replies.extend_from_slice(b"\x1b[?0u"),
            _ => {}
        }
    }

    /// Answers a device status report.
    fn status_report(&mut self, kind: u16, private: bool) {
        match kind {
            5 if !private => self.h.replies.extend_from_slice(b"\x1b[0n"),
            6 => {
                let s = &self.screen;
                let row = if s.modes.origin {
                    s.row.saturating_sub(s.top)
                } else {
                    s.row
                };
                let col = s.col_in_grid();
                let q = if private { "?" } else { "" };
                self.h
                    .reply(format_args!("\x1b[{q}{};{}R", row + 1, col + 1));
            }
            _ => {}
        }
    }

    /// Answers the xterm window operations that report sizes (14, 16 and 18); the others,
    /// such as the title report (21), get no answer.
    fn window_op(&mut self, op: u16) {
        let (rows, cols) = (self.screen.rows, self.screen.cols);
        let (h, w) = CELL_PIXELS;
        match op {
            14 => self
                .h
                .reply(format_args!("\x1b[4;{};{}t", rows * h, cols * w)),
            16 => self.h.reply(format_args!("\x1b[6;{h};{w}t")),
            18 => self.h.reply(format_args!("\x1b[8;{rows};{cols}t")),
            _ => {}
        }
    }
}
