//! Golden tests: real programs recorded in an 80x24 PTY (`tests/golden/*.bytes`), checked
//! against the screen tmux 3.3a shows for the same bytes (`*.screen`, `*.screen-e`,
//! `*.cursor`). See `tests/golden/README.md` for how the files were made.
//!
//! Each recording is fed to a fresh 80x24 [`Terminal`] in 4 KB chunks. For every scenario there
//! are four tests: the text of the 24 rows (`_text`), the cursor (`_cursor`), and fg, bg,
//! attributes and underline colour of every cell tmux's `-e` capture covers, split into cells
//! holding text (`_styles`) and empty, erased cells (`_erased_styles`). The expected styles are
//! parsed from tmux's SGR output by this file, not by the engine under test, so an SGR the
//! engine drops cannot vanish from the expectation as well.
//!
//! A check where term-emu knowingly differs from tmux 3.3a is `#[ignore]`d with the reason; run them with
//! `cargo test -p mux-term-emu --test golden -- --include-ignored`.

// SGR codes and sizes in the recorded screens are small; a cast that lost bits would fail
// the comparison anyway; and a test fails by panicking.
#![allow(
    clippy::cast_possible_truncation,
    clippy::expect_used,
    clippy::unwrap_used
)]

use std::fmt::Write as _;
use std::path::PathBuf;

use mux_term_emu::{Attrs, Color, Size, Style, Terminal};

const ROWS: u16 = 24;
const COLS: u16 = 80;
/// Bytes fed per `process` call, like reads from a PTY.
const CHUNK: usize = 4096;

fn path(name: &str, ext: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.{ext}"))
}

fn read(name: &str, ext: &str) -> Vec<u8> {
    let p = path(name, ext);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read_text(name: &str, ext: &str) -> String {
    String::from_utf8(read(name, ext)).unwrap_or_else(|e| panic!("{name}.{ext} is not UTF-8: {e}"))
}

fn new_terminal() -> Terminal {
    Terminal::new(
        Size {
            rows: ROWS,
            cols: COLS,
        },
        0,
    )
}

/// Feeds the recording into a fresh 80x24 terminal.
fn replay(name: &str) -> Terminal {
    let mut term = new_terminal();
    for chunk in read(name, "bytes").chunks(CHUNK) {
        term.process(chunk);
    }
    term
}

/// The text of a row as tmux's `capture-pane -p` writes it: every cell's text (a blank for an
/// empty cell), wide characters once, trailing blanks dropped.
fn row_text(term: &Terminal, row: u16) -> String {
    let mut s = String::new();
    for col in 0..COLS {
        let cell = term
            .cell(row, col)
            .unwrap_or_else(|| panic!("no cell at {row},{col}"));
        if cell.wide_continuation {
            continue;
        }
        s.push_str(if cell.text.is_empty() { " " } else { cell.text });
    }
    s.trim_end_matches(' ').to_string()
}

/// Compares the 24 rows' text with `NAME.screen`.
fn check_text(name: &str) {
    let term = replay(name);
    let expected = read_text(name, "screen");
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(
        expected.len(),
        usize::from(ROWS),
        "{name}.screen must hold {ROWS} lines"
    );
    let mut diff = String::new();
    for row in 0..ROWS {
        let want = expected[usize::from(row)].trim_end_matches(' ');
        let got = row_text(&term, row);
        if got != want {
            let _ = writeln!(
                diff,
                "  row {row:2}:\n    expected |{want}|\n    actual   |{got}|"
            );
        }
    }
    if !diff.is_empty() {
        let mut screen = String::new();
        for row in 0..ROWS {
            let _ = writeln!(screen, "  {row:2} |{}|", row_text(&term, row));
        }
        panic!("{name}: screen text differs from tmux's:\n{diff}whole actual screen:\n{screen}");
    }
}

/// Compares the cursor with `NAME.cursor` (`x,y,visible` from tmux). The position is compared
/// only where tmux shows the cursor; its visibility always.
fn check_cursor(name: &str) {
    let term = replay(name);
    let text = read_text(name, "cursor");
    let fields: Vec<u16> = text
        .trim()
        .split(',')
        .map(|f| {
            f.parse()
                .unwrap_or_else(|e| panic!("{name}.cursor: {f:?}: {e}"))
        })
        .collect();
    let [x, y, visible] = fields[..] else {
        panic!("{name}.cursor must be x,y,visible: {text:?}");
    };
    let cursor = term.cursor();
    assert_eq!(
        cursor.visible,
        visible == 1,
        "{name}: cursor visibility: expected {}, actual {}",
        visible == 1,
        cursor.visible
    );
    if visible == 1 {
        assert_eq!(
            (cursor.pos.row, cursor.pos.col),
            (y, x),
            "{name}: cursor (row, col): expected ({y}, {x}), actual ({}, {})",
            cursor.pos.row,
            cursor.pos.col
        );
    }
}

/// The styles tmux reports in `NAME.screen-e`, one `Option<Style>` a cell: `None` where the
/// capture says nothing (tmux leaves out the blank cells at the end of a row, even erased ones
/// with a background colour).
///
/// The SGR sequences are parsed here, not by the engine under test, so that an attribute the
/// engine drops (say `4:3`) is not dropped from the expectation too. The vocabulary is what
/// tmux 3.3a's `capture-pane -e` writes: `0`, `1`–`9`, `4:N`, `53`, `22`–`29`, `55`, `30`–`37`,
/// `39`, `40`–`47`, `49`, `90`–`97`, `100`–`107`, `38`/`48`/`58` with `5;N` or `2;R;G;B`
/// (`;` or `:` separated), `59`; the SGR state carries on from row to row. SO and SI (tmux's
/// marks for DEC line-drawing cells) are skipped. Columns are counted with `unicode-width`,
/// character by character (zero-width ones join the cell before), as tmux 3.3a does.
fn expected_styles(name: &str) -> Vec<Vec<Option<Style>>> {
    let text = read_text(name, "screen-e");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        usize::from(ROWS),
        "{name}.screen-e must hold {ROWS} lines"
    );
    let mut pen = Style::default();
    let mut screen = Vec::new();
    for (row, line) in lines.iter().enumerate() {
        let mut cells = vec![None; usize::from(COLS)];
        let mut col = 0usize;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\x1b' => {
                    assert_eq!(
                        chars.next(),
                        Some('['),
                        "{name}.screen-e row {row}: ESC not CSI"
                    );
                    let mut params = String::new();
                    loop {
                        match chars.next() {
                            Some('m') => break,
                            Some(p @ ('0'..='9' | ';' | ':')) => params.push(p),
                            other => panic!(
                                "{name}.screen-e row {row}: unexpected {other:?} in CSI {params}"
                            ),
                        }
                    }
                    apply_sgr(&mut pen, &params)
                        .unwrap_or_else(|e| panic!("{name}.screen-e row {row}: SGR {params}: {e}"));
                }
                '\x0e' | '\x0f' => {}
                c => {
                    let width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    for _ in 0..width {
                        assert!(
                            col < usize::from(COLS),
                            "{name}.screen-e row {row} is too long"
                        );
                        cells[col] = Some(pen);
                        col += 1;
                    }
                }
            }
        }
        screen.push(cells);
    }
    screen
}

/// Applies one SGR sequence's parameters to `pen`.
fn apply_sgr(pen: &mut Style, params: &str) -> Result<(), String> {
    fn num(s: Option<&str>) -> Result<u8, String> {
        let s = s.ok_or("missing colour parameter")?;
        s.parse().map_err(|e| format!("{s:?}: {e}"))
    }
    // A colour after 38, 48 or 58: `rest` are its parameters, colon or semicolon separated.
    fn colour<'a>(rest: &mut impl Iterator<Item = &'a str>) -> Result<Color, String> {
        match rest.next() {
            Some("5") => Ok(Color::Indexed(num(rest.next())?)),
            Some("2") => {
                let mut v: Vec<&str> = rest.take(4).collect();
                // The colon form may carry a colour space id: 38:2::R:G:B.
                if v.len() == 4 {
                    v.remove(0);
                }
                Ok(Color::Rgb(
                    num(v.first().copied())?,
                    num(v.get(1).copied())?,
                    num(v.get(2).copied())?,
                ))
            }
            other => Err(format!("unknown colour form {other:?}")),
        }
    }
    let set_underline = |pen: &mut Style, bit: Attrs| {
        pen.attrs = Attrs((pen.attrs.0 & !Attrs::ANY_UNDERLINE.0) | bit.0);
    };
    let clear = |pen: &mut Style, bit: Attrs| pen.attrs = Attrs(pen.attrs.0 & !bit.0);
    let all: Vec<&str> = params.split(';').collect();
    let mut i = 0;
    while i < all.len() {
        let p = all[i];
        i += 1;
        let mut sub = p.split(':');
        let head = sub.next().unwrap_or("");
        let code: u16 = if head.is_empty() {
            0
        } else {
            head.parse().map_err(|e| format!("{p:?}: {e}"))?
        };
        match code {
            38 | 48 | 58 => {
                let c = if p.contains(':') {
                    colour(&mut sub)?
                } else {
                    let mut rest = all[i..].iter().copied();
                    let before = rest.clone().count();
                    let c = colour(&mut rest)?;
                    i += before - rest.count();
                    c
                };
                match code {
                    38 => pen.fg = c,
                    48 => pen.bg = c,
                    _ => pen.underline_color = c,
                }
            }
            0 => *pen = Style::default(),
            1 => pen.attrs = Attrs(pen.attrs.0 | Attrs::BOLD.0),
            2 => pen.attrs = Attrs(pen.attrs.0 | Attrs::DIM.0),
            3 => pen.attrs = Attrs(pen.attrs.0 | Attrs::ITALIC.0),
            4 => match sub.next() {
                None | Some("1") => set_underline(pen, Attrs::UNDERLINE),
                Some("0") => clear(pen, Attrs::ANY_UNDERLINE),
                Some("2") => set_underline(pen, Attrs::DOUBLE_UNDERLINE),
                Some("3") => set_underline(pen, Attrs::CURLY_UNDERLINE),
                Some("4") => set_underline(pen, Attrs::DOTTED_UNDERLINE),
                Some("5") => set_underline(pen, Attrs::DASHED_UNDERLINE),
                Some(other) => return Err(format!("unknown underline style {other}")),
            },
            5 | 6 => pen.attrs = Attrs(pen.attrs.0 | Attrs::BLINK.0),
            7 => pen.attrs = Attrs(pen.attrs.0 | Attrs::REVERSE.0),
            8 => pen.attrs = Attrs(pen.attrs.0 | Attrs::HIDDEN.0),
            9 => pen.attrs = Attrs(pen.attrs.0 | Attrs::STRIKE.0),
            21 => set_underline(pen, Attrs::DOUBLE_UNDERLINE),
            22 => clear(pen, Attrs(Attrs::BOLD.0 | Attrs::DIM.0)),
            23 => clear(pen, Attrs::ITALIC),
            24 => clear(pen, Attrs::ANY_UNDERLINE),
            25 => clear(pen, Attrs::BLINK),
            27 => clear(pen, Attrs::REVERSE),
            28 => clear(pen, Attrs::HIDDEN),
            29 => clear(pen, Attrs::STRIKE),
            53 => pen.attrs = Attrs(pen.attrs.0 | Attrs::OVERLINE.0),
            55 => clear(pen, Attrs::OVERLINE),
            30..=37 => pen.fg = Color::Indexed((code - 30) as u8),
            39 => pen.fg = Color::Default,
            40..=47 => pen.bg = Color::Indexed((code - 40) as u8),
            49 => pen.bg = Color::Default,
            59 => pen.underline_color = Color::Default,
            90..=97 => pen.fg = Color::Indexed((code - 90 + 8) as u8),
            100..=107 => pen.bg = Color::Indexed((code - 100 + 8) as u8),
            _ => return Err(format!("unknown SGR {code}")),
        }
    }
    Ok(())
}

fn show_style(s: &Style) -> String {
    let mut out = format!(
        "fg {:?} bg {:?} attrs [{}]",
        s.fg,
        s.bg,
        attr_names(s.attrs)
    );
    if s.underline_color != Color::Default {
        let _ = write!(out, " underline colour {:?}", s.underline_color);
    }
    out
}

fn attr_names(a: Attrs) -> String {
    const NAMES: [(Attrs, &str); 13] = [
        (Attrs::BOLD, "bold"),
        (Attrs::DIM, "dim"),
        (Attrs::ITALIC, "italic"),
        (Attrs::UNDERLINE, "underline"),
        (Attrs::REVERSE, "reverse"),
        (Attrs::BLINK, "blink"),
        (Attrs::HIDDEN, "hidden"),
        (Attrs::STRIKE, "strike"),
        (Attrs::OVERLINE, "overline"),
        (Attrs::DOUBLE_UNDERLINE, "double underline"),
        (Attrs::CURLY_UNDERLINE, "curly underline"),
        (Attrs::DOTTED_UNDERLINE, "dotted underline"),
        (Attrs::DASHED_UNDERLINE, "dashed underline"),
    ];
    NAMES
        .iter()
        .filter(|(bit, _)| a.contains(*bit))
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which cells a style check looks at, by the recording's cell text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cells {
    /// Cells holding text (a space the program wrote included).
    Written,
    /// Empty cells: never written, or erased (ED, EL, ECH, scrolling, ...).
    Erased,
}

/// Compares fg, bg, attributes and underline colour of every cell tmux's `-e` capture covers.
fn check_styles(name: &str, which: Cells) {
    let term = replay(name);
    let want = expected_styles(name);
    let mut mismatches = Vec::new();
    for row in 0..ROWS {
        for col in 0..COLS {
            let Some(w) = want[usize::from(row)][usize::from(col)] else {
                continue;
            };
            let cell = term.cell(row, col).expect("cell");
            let erased = cell.text.is_empty() && !cell.wide_continuation;
            if erased != (which == Cells::Erased) {
                continue;
            }
            let g = cell.style;
            if (w.fg, w.bg, w.attrs, w.underline_color) != (g.fg, g.bg, g.attrs, g.underline_color)
            {
                mismatches.push(format!(
                    "  row {row:2} col {col:2} ({:?}):\n    expected {}\n    actual   {}",
                    cell.text,
                    show_style(&w),
                    show_style(&g)
                ));
            }
        }
    }
    if !mismatches.is_empty() {
        let n = mismatches.len();
        mismatches.truncate(12);
        panic!(
            "{name}: {n} {} cells differ in style from tmux's (first {}):\n{}",
            if which == Cells::Erased {
                "empty"
            } else {
                "written"
            },
            mismatches.len(),
            mismatches.join("\n")
        );
    }
}

macro_rules! golden {
    ($(#[$meta:meta])* $test:ident: $check:ident($($arg:expr),*)) => {
        #[test]
        $(#[$meta])*
        fn $test() {
            $check($($arg),*);
        }
    };
}

golden!(vim_text: check_text("vim"));
golden!(vim_cursor: check_cursor("vim"));
golden!(vim_styles: check_styles("vim", Cells::Written));
golden!(vim_erased_styles: check_styles("vim", Cells::Erased));

golden!(htop_text: check_text("htop"));
golden!(htop_cursor: check_cursor("htop"));
golden!(htop_styles: check_styles("htop", Cells::Written));
golden!(htop_erased_styles: check_styles("htop", Cells::Erased));

golden!(top_text: check_text("top"));
golden!(top_cursor: check_cursor("top"));
golden!(top_styles: check_styles("top", Cells::Written));
golden!(top_erased_styles: check_styles("top", Cells::Erased));

golden!(less_text: check_text("less"));
golden!(less_cursor: check_cursor("less"));
golden!(less_styles: check_styles("less", Cells::Written));
golden!(less_erased_styles: check_styles("less", Cells::Erased));

golden!(man_text: check_text("man"));
golden!(man_cursor: check_cursor("man"));
golden!(man_styles: check_styles("man", Cells::Written));
golden!(man_erased_styles: check_styles("man", Cells::Erased));

golden!(git_log_text: check_text("git-log"));
golden!(git_log_cursor: check_cursor("git-log"));
golden!(git_log_styles: check_styles("git-log", Cells::Written));
golden!(git_log_erased_styles: check_styles("git-log", Cells::Erased));

golden!(ls_text: check_text("ls"));
golden!(ls_cursor: check_cursor("ls"));
golden!(ls_styles: check_styles("ls", Cells::Written));
golden!(ls_erased_styles: check_styles("ls", Cells::Erased));

golden!(dialog_text: check_text("dialog"));
golden!(dialog_cursor: check_cursor("dialog"));
golden!(dialog_styles: check_styles("dialog", Cells::Written));
golden!(dialog_erased_styles: check_styles("dialog", Cells::Erased));

golden!(dialog_utf8_text: check_text("dialog-utf8"));
golden!(dialog_utf8_cursor: check_cursor("dialog-utf8"));
golden!(dialog_utf8_styles: check_styles("dialog-utf8", Cells::Written));
golden!(dialog_utf8_erased_styles: check_styles("dialog-utf8", Cells::Erased));

golden!(curses_box_text: check_text("curses-box"));
golden!(curses_box_cursor: check_cursor("curses-box"));
golden!(curses_box_styles: check_styles("curses-box", Cells::Written));
golden!(curses_box_erased_styles: check_styles("curses-box", Cells::Erased));

golden!(wide_text: check_text("wide"));
golden!(
    #[ignore = "tmux 3.3a gives U+2764 U+FE0F (a heart with VS16) one column; term-emu gives it two, as vt100 did and as unicode-width says"]
    wide_cursor: check_cursor("wide"));
golden!(wide_styles: check_styles("wide", Cells::Written));
golden!(wide_erased_styles: check_styles("wide", Cells::Erased));

/// vim draws the misspelt words with `CSI 4:3 m` (undercurl) and `CSI 58;5;1 m` (red
/// underline): their cells must say so.
#[test]
fn vim_spell_undercurl() {
    let term = replay("vim");
    let mut found = 0;
    for (row, word) in [(3u16, "wrods"), (14, "wrold")] {
        let text = row_text(&term, row);
        let start = text
            .find(word)
            .unwrap_or_else(|| panic!("vim: row {row} {text:?} lacks {word:?}"));
        // The rows before the word are ASCII, so the byte offset is the column.
        for col in start..start + word.len() {
            let col = col as u16;
            let style = term.cell(row, col).expect("cell").style;
            assert!(
                style.attrs.contains(Attrs::CURLY_UNDERLINE),
                "vim: row {row} col {col} of {word:?}: expected curly underline, actual {}",
                show_style(&style)
            );
            assert!(
                !style.attrs.intersects(Attrs(Attrs::ANY_UNDERLINE.0 & !Attrs::CURLY_UNDERLINE.0)),
                "vim: row {row} col {col} of {word:?}: expected only the curly underline, actual {}",
                show_style(&style)
            );
            assert_eq!(
                style.underline_color,
                Color::Indexed(1),
                "vim: row {row} col {col} of {word:?}: underline colour"
            );
            found += 1;
        }
        // The cell after the word is not underlined.
        let after = term
            .cell(row, (start + word.len()) as u16)
            .expect("cell")
            .style;
        assert!(
            !after.attrs.intersects(Attrs::ANY_UNDERLINE),
            "vim: row {row}: the cell after {word:?} is underlined: {}",
            show_style(&after)
        );
    }
    assert_eq!(found, 10);
}
