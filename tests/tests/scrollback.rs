//! Scrollback and reflow through the real binary: `history-limit` bounds what a new pane
//! keeps, `capture-pane -S` reads it back, and resizing a pane rewraps its lines.

use mux_e2e::{wait_until, Env};

/// Returns the numbers `capture-pane -p -S -` prints for the pane `target`, blank lines
/// dropped.
fn captured_numbers(env: &Env, target: &str) -> Vec<u32> {
    env.ok(&["capture-pane", "-p", "-S", "-", "-t", target])
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().parse().unwrap_or(0))
        .collect()
}

#[test]
fn history_limit_bounds_a_new_pane_and_capture_reads_it_back() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "first"]);
    env.ok(&["set", "-g", "history-limit", "30"]);
    env.ok(&[
        "new",
        "-d",
        "-s",
        "h",
        "-x",
        "80",
        "-y",
        "10",
        "seq 1 200; exec sleep 100",
    ]);
    wait_until(
        "the pane's history to fill up to its limit",
        || {
            let size = env.ok(&[
                "display",
                "-p",
                "-t",
                "h",
                "#{history_size}/#{history_limit}",
            ]);
            (size.trim() == "30/30").then_some(())
        },
        || {
            env.ok(&[
                "display",
                "-p",
                "-t",
                "h",
                "#{history_size}/#{history_limit}",
            ])
        },
    );
    let numbers = captured_numbers(&env, "h");
    assert_eq!(numbers.last(), Some(&200), "{numbers:?}");
    let first = 200 - u32::try_from(numbers.len()).unwrap() + 1;
    assert_eq!(numbers, (first..=200).collect::<Vec<_>>());
    assert!(
        numbers.len() > 30,
        "history and screen together: {numbers:?}"
    );
    // The oldest line kept is exactly 30 lines above the screen's first row.
    let screen = env.ok(&["capture-pane", "-p", "-t", "h"]);
    let top: u32 = screen
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .parse()
        .unwrap_or(0);
    assert_eq!(first, top - 30, "{screen}");
    let older = env.ok(&["capture-pane", "-p", "-S", "-5", "-E", "-1", "-t", "h"]);
    let expected: Vec<String> = (top - 5..top).map(|n| n.to_string()).collect();
    assert_eq!(older.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn narrowing_and_widening_a_pane_rewraps_its_lines() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.attached("r", 50, 10);
    c.line("printf 'abcdefghijklmnopqrstuvwxyz0123456789\\n'; seq 1 30");
    let whole = "abcdefghijklmnopqrstuvwxyz0123456789";
    c.wait_text("30");
    let captured = |env: &Env| env.ok(&["capture-pane", "-p", "-S", "-", "-t", "r"]);
    let has_row = |text: &str, row: &str| text.lines().any(|l| l.trim_end() == row);
    wait_until(
        "the long line whole in the history",
        || has_row(&captured(&env), whole).then_some(()),
        || captured(&env),
    );
    c.resize(20, 10);
    wait_until(
        "the long line wrapped at 20 columns",
        || {
            let text = captured(&env);
            (has_row(&text, "abcdefghijklmnopqrst") && has_row(&text, "uvwxyz0123456789"))
                .then_some(())
        },
        || captured(&env),
    );
    assert!(
        env.ok(&["capture-pane", "-p", "-J", "-S", "-", "-t", "r"])
            .lines()
            .any(|l| l.trim_end() == whole),
        "-J joins the wrapped rows"
    );
    c.resize(50, 10);
    wait_until(
        "the long line whole again at 50 columns",
        || has_row(&captured(&env), whole).then_some(()),
        || captured(&env),
    );
}
