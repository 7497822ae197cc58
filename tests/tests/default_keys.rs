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
