//! SGR (`CSI … m`): the pen's colours and attributes, in both the `;` and the `:` forms.

use vte::Params;

use crate::types::{Attrs, Color, Style};

/// Applies the SGR parameters `params` to `pen`.
pub(crate) fn apply(pen: &mut Style, params: &Params) {
    if params.is_empty() {
        *pen = Style::default();
        return;
    }
    let mut iter = params.iter();
    while let Some(param) = iter.next() {
        let Some((&first, rest)) = param.split_first() else {
            continue;
        };
        match first {
            38 | 48 | 58 => {
                let colour = if rest.is_empty() {
                    extended_colour_separate(&mut iter)
                } else {
                    extended_colour_joined(rest)
                };
                if let Some(c) = colour {
                    match first {
                        38 => pen.fg = c,
                        48 => pen.bg = c,
                        _ => pen.underline_color = c,
                    }
                }
            }
            4 => underline(pen, rest.first().copied().unwrap_or(1)),
            _ => simple(pen, first),
        }
    }
}

/// Sets the underline style: 0 none, 1 single, 2 double, 3 curly, 4 dotted, 5 dashed.
fn underline(pen: &mut Style, kind: u16) {
    let bit = match kind {
        0 => None,
        2 => Some(Attrs::DOUBLE_UNDERLINE),
        3 => Some(Attrs::CURLY_UNDERLINE),
        4 => Some(Attrs::DOTTED_UNDERLINE),
        5 => Some(Attrs::DASHED_UNDERLINE),
        _ => Some(Attrs::UNDERLINE),
    };
    pen.attrs = Attrs(pen.attrs.0 & !Attrs::ANY_UNDERLINE.0);
    if let Some(bit) = bit {
        pen.attrs = Attrs(pen.attrs.0 | bit.0);
    }
}

/// Sets or clears the attribute bits `bits`.
fn flag(pen: &mut Style, bits: u16, on: bool) {
    if on {
        pen.attrs.0 |= bits;
    } else {
        pen.attrs.0 &= !bits;
    }
}

/// Applies a parameter without sub-parameters.
fn simple(pen: &mut Style, p: u16) {
    match p {
        0 => *pen = Style::default(),
        1 => flag(pen, Attrs::BOLD.0, true),
        2 => flag(pen, Attrs::DIM.0, true),
        3 => flag(pen, Attrs::ITALIC.0, true),
        5 | 6 => flag(pen, Attrs::BLINK.0, true),
        7 => flag(pen, Attrs::REVERSE.0, true),
        8 => flag(pen, Attrs::HIDDEN.0, true),
        9 => flag(pen, Attrs::STRIKE.0, true),
        21 => underline(pen, 2),
        22 => flag(pen, Attrs::BOLD.0 | Attrs::DIM.0, false),
        23 => flag(pen, Attrs::ITALIC.0, false),
        24 => underline(pen, 0),
        25 => flag(pen, Attrs::BLINK.0, false),
        27 => flag(pen, Attrs::REVERSE.0, false),
        28 => flag(pen, Attrs::HIDDEN.0, false),
        29 => flag(pen, Attrs::STRIKE.0, false),
        30..=37 => pen.fg = Color::Indexed((p - 30) as u8),
        39 => pen.fg = Color::Default,
        40..=47 => pen.bg = Color::Indexed((p - 40) as u8),
        49 => pen.bg = Color::Default,
        53 => flag(pen, Attrs::OVERLINE.0, true),
        55 => flag(pen, Attrs::OVERLINE.0, false),
        59 => pen.underline_color = Color::Default,
        90..=97 => pen.fg = Color::Indexed((p - 90 + 8) as u8),
        100..=107 => pen.bg = Color::Indexed((p - 100 + 8) as u8),
        _ => {}
    }
}

/// Reads `5;n` or `2;r;g;b` from the parameters after a 38, 48 or 58.
fn extended_colour_separate<'a>(iter: &mut impl Iterator<Item = &'a [u16]>) -> Option<Color> {
    let mut next = || iter.next().and_then(|p| p.first().copied());
    match next()? {
        5 => Some(Color::Indexed(byte(next()?))),
        2 => {
            let (r, g, b) = (next()?, next()?, next()?);
            Some(Color::Rgb(byte(r), byte(g), byte(b)))
        }
        _ => None,
    }
}

/// Reads `5:n`, `2:r:g:b` or `2:space:r:g:b` from the sub-parameters of a 38, 48 or 58.
fn extended_colour_joined(rest: &[u16]) -> Option<Color> {
    match rest {
        [5, n, ..] => Some(Color::Indexed(byte(*n))),
        [2, _, r, g, b, ..] => Some(Color::Rgb(byte(*r), byte(*g), byte(*b))),
        [2, r, g, b] => Some(Color::Rgb(byte(*r), byte(*g), byte(*b))),
        _ => None,
    }
}

/// Clamps a parameter to a byte.
fn byte(v: u16) -> u8 {
    u8::try_from(v).unwrap_or(u8::MAX)
}
