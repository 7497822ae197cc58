//! The engine's fast paths: printable ASCII, C0 controls and SGR sequences met in the ground
//! state go to the screen without the parser, with the parser's meaning.

use vte::Perform;

use crate::perform::{sgr, Core};
use crate::screen::Screen;

/// The most SGR parameters taken here; longer lists go through the parser.
const MAX_PARAMS: usize = 16;

/// Applies the printable ASCII and C0 controls at the start of `bytes` (in the ground state,
/// without ESC) and returns the rest, from the first byte that is neither.
pub(crate) fn text<'a>(core: &mut Core, bytes: &'a [u8]) -> &'a [u8] {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0x20..=0x7e => {
                let rest = &bytes[i..];
                let n = rest
                    .iter()
                    .position(|b| !(0x20..=0x7e).contains(b))
                    .unwrap_or(rest.len());
                core.screen.print_ascii(&rest[..n]);
                i += n;
            }
            // The parser executes every C0 control met in the ground state.
            0x00..=0x1f => {
                core.execute(b);
                i += 1;
            }
            _ => break,
        }
    }
    &bytes[i..]
}

/// Applies `sequence`, a complete `CSI … m`, when its parameters are plain numbers separated
/// by `;` (no sub-parameters, no private marker, at most [`MAX_PARAMS`]); returns whether it
/// did, else the parser must take it.
pub(crate) fn sgr(screen: &mut Screen, sequence: &[u8]) -> bool {
    let Some(body) = sequence
        .strip_prefix(b"\x1b[")
        .and_then(|s| s.strip_suffix(b"m"))
    else {
        return false;
    };
    let mut values = [0u16; MAX_PARAMS];
    let mut n = 0;
    let mut value: u16 = 0;
    for &b in body {
        match b {
            // As the parser: a value saturates rather than wraps.
            b'0'..=b'9' => value = value.saturating_mul(10).saturating_add(u16::from(b - b'0')),
            b';' if n + 1 < MAX_PARAMS => {
                values[n] = value;
                n += 1;
                value = 0;
            }
            _ => return false,
        }
    }
    values[n] = value;
    let mut pen = screen.pen;
    sgr::apply_list(&mut pen, values[..=n].iter().map(std::slice::from_ref));
    screen.set_pen(pen);
    true
}
