//! What the user's terminal can draw. 24-bit colour is passed through when it says it
//! supports it (`COLORTERM=truecolor` or `24bit`, or a terminfo entry with `RGB` or `Tc`),
//! else mapped to the nearest of the 256 colours. Underline kinds and colours are sent only
//! to terminals known to take them (terminfo `Smulx` or `Setulc`, or a terminal that names
//! itself), else drawn as a plain underline: older terminals read `58:2::r:g:b` as separate
//! parameters and would turn dim or reset instead.

use std::sync::OnceLock;

/// Returns whether the user's terminal takes 24-bit colour, as `COLORTERM` or its terminfo
/// entry says.
pub fn truecolor() -> bool {
    static TRUECOLOR: OnceLock<bool> = OnceLock::new();
    *TRUECOLOR.get_or_init(|| {
        let colorterm = std::env::var("COLORTERM").unwrap_or_default();
        colorterm == "truecolor"
            || colorterm == "24bit"
            || std::env::var("TERM").is_ok_and(|term| terminfo_has_rgb(&term))
    })
}

/// Returns whether the user's terminal draws underline kinds (`4:3`) and underline colours
/// (`58`), as its terminfo entry or its name says.
pub fn styled_underlines() -> bool {
    static STYLED: OnceLock<bool> = OnceLock::new();
    *STYLED.get_or_init(|| {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        names_styled_underlines(&var("TERM"), &var("TERM_PROGRAM"), &var("VTE_VERSION"))
            || declares(&terminfo(&var("TERM")), &["Smulx", "Setulc"])
    })
}

/// Returns whether a terminal known by these variables draws underline kinds and colours:
/// kitty, WezTerm, foot, Ghostty, Alacritty, Contour, iTerm2, and VTE 0.52 or later.
fn names_styled_underlines(term: &str, program: &str, vte: &str) -> bool {
    let terms = [
        "kitty",
        "wezterm",
        "foot",
        "ghostty",
        "alacritty",
        "contour",
    ];
    terms.iter().any(|t| term.contains(t))
        || ["WezTerm", "iTerm.app", "ghostty"].contains(&program)
        || vte.parse::<u32>().is_ok_and(|v| v >= 5200)
}

/// Returns whether the terminfo entry of `term` declares direct colour (the `RGB` or `Tc`
/// extended capability, or a `-direct` entry).
fn terminfo_has_rgb(term: &str) -> bool {
    term.ends_with("-direct") || declares(&terminfo(term), &["Tc", "RGB"])
}

/// Returns the terminfo entry of `term` as `infocmp -x` prints it; empty when there is none.
fn terminfo(term: &str) -> String {
    if term.is_empty() || !term.bytes().all(|b| b.is_ascii_graphic()) {
        return String::new();
    }
    std::process::Command::new("infocmp")
        .args(["-x", term])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default()
}

/// Returns whether `infocmp` output lists one of the capabilities `names` (a flag, a number
/// or a string).
fn declares(source: &str, names: &[&str]) -> bool {
    source
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split(','))
        .map(|cap| cap.trim().split(['#', '=']).next().unwrap_or(""))
        .any(|cap| names.contains(&cap))
}

/// The levels of the 6×6×6 colour cube (indexes 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// Returns the index of the 256-colour palette entry nearest to an RGB colour: the closest of
/// the colour cube and the grey ramp (232–255), by squared distance.
pub fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| {
        (0u8..6)
            .min_by_key(|&i| (i32::from(CUBE[usize::from(i)]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (
        CUBE[usize::from(ri)],
        CUBE[usize::from(gi)],
        CUBE[usize::from(bi)],
    );
    let grey_step = ((u32::from(r) + u32::from(g) + u32::from(b)) / 3).saturating_sub(3) / 10;
    let grey_index = u8::try_from(grey_step.min(23)).unwrap_or(23);
    let grey = 8 + 10 * grey_index;
    let dist = |(cr, cg, cb): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(cr, r) + d(cg, g) + d(cb, b)
    };
    if dist((grey, grey, grey)) < dist(cube) {
        232 + grey_index
    } else {
        16 + 36 * ri + 6 * gi + bi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminfo_rgb_and_tc_count_as_truecolor() {
        let entry = "#\tReconstructed via infocmp\nxterm-direct|xterm with direct colour,\n\tam, RGB, colors#0x1000000,\n";
        let rgb = ["Tc", "RGB"];
        assert!(declares(entry, &rgb));
        assert!(declares("foo|bar,\n\tTc, km,\n", &rgb));
        assert!(!declares(
            "xterm-256color|xterm,\n\tam, colors#0x100, setrgbf=\\E[38;2;%p1%dm,\n",
            &rgb
        ));
        assert!(terminfo_has_rgb("xterm-direct"));
        assert!(!terminfo_has_rgb("bad term\n"));
    }

    #[test]
    fn styled_underlines_from_terminfo_or_the_terminal_name() {
        let entry =
            "xterm-kitty|KovIdTTY,\n\tSmulx=\\E[4:%p1%dm, Setulc=\\E[58:2::%p1%{65536}%/%dm,\n";
        assert!(declares(entry, &["Smulx", "Setulc"]));
        assert!(!declares(
            "xterm-256color|xterm,\n\tsmul=\\E[4m,\n",
            &["Smulx", "Setulc"]
        ));
        assert!(names_styled_underlines("xterm-kitty", "", ""));
        assert!(names_styled_underlines("xterm-256color", "WezTerm", ""));
        assert!(names_styled_underlines("xterm-256color", "", "7000"));
        assert!(!names_styled_underlines("xterm-256color", "", "5000"));
        assert!(!names_styled_underlines("screen", "Apple_Terminal", ""));
    }

    #[test]
    fn cube_corners_and_greys_map_exactly() {
        assert_eq!(nearest_256(0, 0, 0), 16);
        assert_eq!(nearest_256(255, 255, 255), 231);
        assert_eq!(nearest_256(255, 0, 0), 196);
        assert_eq!(nearest_256(0, 135, 255), 33);
        assert_eq!(nearest_256(128, 128, 128), 244);
        assert_eq!(nearest_256(8, 8, 8), 232);
    }
}
