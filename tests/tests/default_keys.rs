//! tmux's default keys that came last: `C-b C-z` suspends the client as a shell job, `C-b m`
//! marks a pane, and the rest of the prefix table, each through a real client.

use std::process::Command;

use mux_e2e::{mux_bin, Client, Env};

/// Starts an interactive bash with job control in a terminal of its own, prompt `outer$ `.
fn shell(env: &Env) -> Client {
    let mut cmd = Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    env.apply_env(&mut cmd);
    cmd.env("PS1", "outer$ ");
    let c = Client::spawn(cmd, 80, 24);
    c.wait_text("outer$ ");
    c
}

#[test]
fn prefix_ctrl_z_suspends_the_client_and_fg_brings_it_back() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = shell(&env);
    let sock = &env.sock;
    c.line(&format!(
        "{} -S {} new -s job",
        mux_bin().display(),
        sock.display()
    ));
    c.wait_text("[job]");
    c.line("echo inside-mux");
    c.wait_text("inside-mux");
    c.send("\x02\x1a");
    c.wait_screen("bash reporting the stopped job", |s| {
        let text = s.contents();
        text.contains("Stopped") && !text.contains("[job]")
    });
    c.line("fg");
    c.wait_screen("the session drawn again", |s| {
        let text = s.contents();
        text.contains("[job]") && text.contains("inside-mux")
    });
    c.line("echo after-fg");
    c.wait_text("after-fg");
}

#[test]
fn prefix_m_marks_the_pane_and_the_window_shows_it() {
    let env = Env::new();
    let c = env.attached("mark", 80, 24);
    c.send("\x02m");
    c.wait_text("0:sh*M");
    assert_eq!(env.ok(&["display", "-p", "#{pane_marked}"]), "1\n");
    c.send("\x02M");
    c.wait_screen("the mark cleared", |s| {
        let text = s.contents();
        text.contains("0:sh*") && !text.contains("0:sh*M")
    });
}

#[test]
fn prefix_less_than_opens_the_window_menu_and_its_key_runs_an_item() {
    let env = Env::new();
    let c = env.attached("menus", 80, 24);
    c.send("\x02<");
    c.wait_text("New At End");
    c.send("W");
    c.wait_text("1:sh*");
    assert_eq!(env.ok(&["display", "-p", "#{session_windows}"]), "2\n");
}

#[test]
fn the_right_button_on_a_window_opens_its_menu_and_a_click_chooses() {
    let env = Env::new();
    let c = env.attached("click", 80, 24);
    // Right button down and up on the window's entry in the status line (row 24).
    c.send("\x1b[<2;10;24M\x1b[<2;10;24m");
    c.wait_text("Swap Left");
    let (row, col) = c.with_screen(|s| {
        let (rows, cols) = s.size();
        (0..rows.get())
            .find_map(|r| {
                let line = s
                    .rows(0, cols.get())
                    .nth(usize::from(r))
                    .unwrap_or_default();
                line.find("New After").map(|x| (r, x))
            })
            .expect("the item on the screen")
    });
    let col = u16::try_from(col).unwrap();
    c.send(format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        col + 2,
        row + 1,
        col + 2,
        row + 1
    ));
    c.wait_text("1:sh*");
}
