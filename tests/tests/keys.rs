//! Keys typed in the client's terminal reach programs as the pane's terminfo
//! (tmux-256color) says: Home and End as `ESC [ 1 ~` and `ESC [ 4 ~`, so vim and less
//! understand them.

use mux_e2e::{wait_until, Env};

#[test]
fn home_and_end_reach_a_program_as_the_panes_terminfo_says() {
    let env = Env::new();
    let c = env.attached("work", 80, 24);
    c.line("cat -v");
    // What an xterm sends for Home and End.
    c.send("\x1b[H\x1b[F\r");
    c.wait_text("^[[1~^[[4~");
}

#[test]
fn home_and_end_move_the_cursor_in_vim() {
    let env = Env::new();
    let out = env.path("out.txt");
    let c = env.attached("work", 80, 24);
    c.line(&format!(
        "vim -u NONE -N -i NONE -n -c 'set ruler' {}",
        out.display()
    ));
    c.wait_text("0,0-1");
    c.send("iabc");
    c.send("\x1b[H");
    c.send("X");
    c.send("\x1b[F");
    c.send("Y\x1b");
    c.send(":wq\r");
    wait_until(
        "vim to write XabcY",
        || {
            let text = std::fs::read_to_string(&out).ok()?;
            (text == "XabcY\n").then_some(())
        },
        || std::fs::read_to_string(&out).unwrap_or_default(),
    );
}
