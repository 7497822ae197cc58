//! Windows: the keys and commands that create, select, rename, move and kill them, and the
//! status line's window list with tmux's flags.

use mux_e2e::Env;

/// Returns the status line (the last row) of a client.
fn status(c: &mux_e2e::Client) -> String {
    c.with_screen(|s| {
        let (rows, cols) = s.size();
        s.rows(0, cols.get())
            .nth(usize::from(rows.get() - 1))
            .unwrap_or_default()
    })
}

fn wait_status(c: &mux_e2e::Client, what: &str, cond: impl Fn(&str) -> bool) {
    mux_e2e::wait_until(what, || cond(&status(c)).then_some(()), || c.describe());
}

#[test]
fn prefix_c_n_p_l_and_digits_move_between_windows() {
    let env = Env::new();
    let c = env.attached("w", 80, 24);
    c.send("\x02c");
    wait_status(&c, "a second window, current", |s| {
        s.contains("0:sh- 1:sh*")
    });
    c.send("\x02c");
    wait_status(&c, "a third window", |s| s.contains("0:sh  1:sh- 2:sh*"));
    c.send("\x02n");
    wait_status(&c, "next wraps to 0", |s| s.contains("0:sh* 1:sh  2:sh-"));
    c.send("\x02p");
    wait_status(&c, "previous wraps to 2", |s| {
        s.contains("0:sh- 1:sh  2:sh*")
    });
    c.send("\x021");
    wait_status(&c, "C-b 1 selects window 1", |s| s.contains("1:sh*"));
    c.send("\x02l");
    wait_status(&c, "C-b l goes back to the last window", |s| {
        s.contains("1:sh- 2:sh*")
    });
    assert_eq!(
        env.ok(&["list-windows", "-F", "#{window_index}#{window_flags}"]),
        "0\n1-\n2*\n"
    );
}

#[test]
fn rename_prompt_is_prefilled_and_renames() {
    let env = Env::new();
    let c = env.attached("w", 80, 24);
    c.send("\x02,");
    wait_status(&c, "the rename prompt with the current name", |s| {
        s.starts_with("(rename-window) sh")
    });
    c.send("\x15editor\r");
    wait_status(&c, "the new name", |s| s.contains("0:editor*"));
    c.line("sleep 100");
    // A name given by hand is kept while other commands run.
    c.wait_text("sleep 100");
    assert_eq!(
        env.ok(&["display", "-p", "#{window_name}"]).trim(),
        "editor"
    );
}

#[test]
fn the_command_prompt_has_history_and_completion() {
    let env = Env::new();
    let c = env.attached("w", 80, 24);
    for name in ["alpha", "beta"] {
        c.send("\x02:");
        wait_status(&c, "the command prompt", |s| s.starts_with(":"));
        c.send(format!("rename-window {name}\r"));
        wait_status(&c, "the new name", |s| s.contains(&format!("0:{name}*")));
    }
    // Up twice reaches the older command; Down once would give the newer one.
    c.send("\x02:");
    wait_status(&c, "the command prompt", |s| s.starts_with(":"));
    c.send("\x1b[A\x1b[A");
    wait_status(&c, "the older command", |s| {
        s.starts_with(":rename-window alpha")
    });
    c.send("\r");
    wait_status(&c, "the old name again", |s| s.contains("0:alpha*"));
    // Tab completes a command name.
    c.send("\x02:");
    wait_status(&c, "the command prompt", |s| s.starts_with(":"));
    c.send("rename-w\t");
    wait_status(&c, "the completed command", |s| {
        s.starts_with(":rename-window ")
    });
    c.send("gamma\r");
    wait_status(&c, "the completed command run", |s| s.contains("0:gamma*"));
}

#[test]
fn kill_window_asks_first() {
    let env = Env::new();
    let c = env.attached("w", 80, 24);
    c.send("\x02c");
    wait_status(&c, "two windows", |s| s.contains("1:sh*"));
    c.send("\x02&");
    wait_status(&c, "the confirmation", |s| {
        s.starts_with("kill-window sh? (y/n)")
    });
    c.send("n");
    wait_status(&c, "nothing killed after n", |s| s.contains("0:sh- 1:sh*"));
    c.send("\x02&y");
    wait_status(&c, "window 1 gone", |s| {
        s.contains("0:sh*") && !s.contains("1:sh")
    });
}

#[test]
fn index_prompt_and_select_window_target() {
    let env = Env::new();
    let c = env.attached("w", 80, 24);
    env.ok(&["new-window", "-d", "-t", "w:5", "-n", "five"]);
    wait_status(&c, "window 5 listed", |s| s.contains("5:five"));
    c.send("\x02'5\r");
    wait_status(&c, "C-b ' 5 selects it", |s| s.contains("5:five*"));
    env.ok(&["select-window", "-t", "w:0"]);
    wait_status(&c, "select-window -t w:0", |s| s.contains("0:sh*"));
}

#[test]
fn base_index_renumber_and_move_window() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "w"]);
    env.ok(&["set", "-g", "base-index", "1"]);
    env.ok(&["new-window", "-d", "-t", "w"]);
    env.ok(&["new-window", "-d", "-t", "w"]);
    let list = |env: &Env| env.ok(&["lsw", "-t", "w", "-F", "#{window_index}"]);
    assert_eq!(list(&env), "0\n1\n2\n");
    env.ok(&["move-window", "-s", "w:2", "-t", "w:7"]);
    assert_eq!(list(&env), "0\n1\n7\n");
    env.ok(&["move-window", "-r", "-t", "w"]);
    assert_eq!(list(&env), "1\n2\n3\n");
    env.ok(&["set", "-g", "renumber-windows", "on"]);
    env.ok(&["kill-window", "-t", "w:2"]);
    assert_eq!(list(&env), "1\n2\n");
}

#[test]
fn the_last_window_closing_ends_the_session() {
    let env = Env::new();
    let mut c = env.attached("w", 80, 24);
    c.send("\x02c");
    wait_status(&c, "two windows", |s| s.contains("1:sh*"));
    c.line("exit");
    // Not just "1:": the clock on the right may read 11:28.
    wait_status(&c, "back to one window", |s| {
        s.contains("0:sh*") && !s.contains(" 1:sh")
    });
    c.line("exit");
    c.wait_exit();
    c.wait_text("[exited]");
}

#[test]
fn sessions_switch_with_parentheses_and_rename_with_dollar() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "a"]);
    let c = env.attached("b", 80, 24);
    c.send("\x02(");
    wait_status(&c, "the previous session", |s| s.starts_with("[a]"));
    c.send("\x02)");
    wait_status(&c, "the next session", |s| s.starts_with("[b]"));
    c.send("\x02$");
    wait_status(&c, "the session prompt", |s| {
        s.starts_with("(rename-session) b")
    });
    c.send("\x15renamed\r");
    wait_status(&c, "the new session name", |s| s.starts_with("[renamed]"));
    assert!(env.ok(&["has", "-t", "renamed"]).is_empty());
}

#[test]
fn choose_tree_lists_windows_and_switches() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "other"]);
    let c = env.attached("main", 80, 24);
    c.send("\x02w");
    c.wait_text("- other: 1 windows");
    c.wait_text("- main: 1 windows (attached)");
    // Sessions are sorted: main, its window, other, its window. Choose "other".
    c.send("\x1b[B");
    c.send("\x1b[B\r");
    wait_status(&c, "switched to other", |s| s.starts_with("[other]"));
}

#[test]
fn a_window_list_too_long_scrolls_to_the_current_window_with_markers() {
    let env = Env::new();
    let c = env.attached("w", 40, 10);
    env.ok(&["rename-window", "-t", "w:0", "bash"]);
    for i in 1..=8 {
        env.ok(&[
            "new-window",
            "-d",
            "-t",
            &format!("w:{i}"),
            "-n",
            &format!("win{i}"),
        ]);
    }
    env.ok(&["set", "-g", "status-right", "RIGHT-SIDE-20-CHARS!"]);
    // The same lines as tmux 3.3a draws at this width with these windows.
    for (select, line) in [
        ("0", "[w] 0:bash* 1:win1 >RIGHT-SIDE-20-CHARS!"),
        ("4", "[w] <n3  4:win4* 5:>RIGHT-SIDE-20-CHARS!"),
        ("8", "[w] <7:win7  8:win8*RIGHT-SIDE-20-CHARS!"),
    ] {
        env.ok(&["select-window", "-t", &format!("w:{select}")]);
        mux_e2e::wait_until(
            &format!("the status line with window {select} current"),
            || (c.row(9) == line).then_some(()),
            || c.row(9),
        );
    }
}
