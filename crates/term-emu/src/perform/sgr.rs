//! SGR (`CSI … m`): the pen's colours and attributes, in both the `;` and the `:` forms.

use vte::Params;

use crate::types::{Attrs, Color, Style};

/// Applies the SGR parameters `params` to `pen`.
pub(crate) fn apply(pen: &mut Style, params: &Params) {
    if params.is_empty() {
        *pen = Style::default();
        return;
    }
    apply_list(pen, params.iter());
}

/// Applies SGR parameters to `pen`, each given with its sub-parameters (`38:5:n` is one).
pub(crate) fn apply_list<'a>(pen: &mut Style, mut iter: impl Iterator<Item = &'a [u16]>) {
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
    pen.attrs.set_underline(match kind {
        0 => Attrs::NONE,
        2 => Attrs::DOUBLE_UNDERLINE,
        3 => Attrs::CURLY_UNDERLINE,
        4 => Attrs::DOTTED_UNDERLINE,
        5 => Attrs::DASHED_UNDERLINE,
        _ => Attrs::UNDERLINE,
    });
}

/// Sets or clears the attributes `attrs`.
fn flag(pen: &mut Style, attrs: Attrs, on: bool) {
    pen.attrs.set(attrs, on);
}

/// Applies a parameter without sub-parameters.
fn simple(pen: &mut Style, p: u16) {
    match p {
        0 => *pen = Style::default(),
        1 => flag(pen, Attrs::BOLD, true),
        2 => flag(pen, Attrs::DIM, true),
        3 => flag(pen, Attrs::ITALIC, true),
        5 | 6 => flag(pen, Attrs::BLINK, true),
        7 => flag(pen, Attrs::REVERSE, true),
        8 => flag(pen, Attrs::HIDDEN, true),
        9 => flag(pen, Attrs::STRIKE, true),
        21 => underline(pen, 2),
        22 => flag(pen, Attrs::BOLD | Attrs::DIM, false),
        23 => flag(pen, Attrs::ITALIC, false),
        24 => underline(pen, 0),
        25 => flag(pen, Attrs::BLINK, false),
        27 => flag(pen, Attrs::REVERSE, false),
        28 => flag(pen, Attrs::HIDDEN, false),
        29 => flag(pen, Attrs::STRIKE, false),
        30..=37 => pen.fg = Color::Indexed(byte(p - 30)),
        39 => pen.fg = Color::Default,
        40..=47 => pen.bg = Color::Indexed(byte(p - 40)),
        49 => pen.bg = Color::Default,
        53 => flag(pen, Attrs::OVERLINE, true),
        55 => flag(pen, Attrs::OVERLINE, false),
        59 => pen.underline_color = Color::Default,
        90..=97 => pen.fg = Color::Indexed(byte(p - 90 + 8)),
        100..=107 => pen.bg = Color::Indexed(byte(p - 100 + 8)),
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
