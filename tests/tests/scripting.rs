//! The scripting commands from the shell: send-keys, capture-pane, display-message and its
//! formats, list commands with -F, set-option/show-options, key bindings, and targets.

use mux_e2e::{wait_until, Env};

fn capture(env: &Env, target: &str) -> String {
    env.ok(&["capture-pane", "-p", "-t", target])
}

fn wait_capture(env: &Env, target: &str, needle: &str) -> String {
    wait_until(
        &format!("{needle:?} in pane {target}"),
        || {
            let text = capture(env, target);
            text.contains(needle).then_some(text)
        },
        || capture(env, target),
    )
}

#[test]
fn send_keys_names_literals_and_control_keys() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["new", "-d", "-s", "s", "-x", "80", "-y", "24"]);
    env.ok(&["send-keys", "-t", "s", "echo hi-$((1+1))", "Enter"]);
    wait_capture(&env, "s", "hi-2");
    env.ok(&["send-keys", "-t", "s:0.0", "-l", "echo Enter"]);
    env.ok(&["send", "-t", "s", "C-m"]);
    wait_capture(&env, "s", "\nEnter\n");
    env.ok(&["send-keys", "-t", "s", "sleep 100", "Enter"]);
    let command = || env.ok(&["display", "-p", "-t", "s", "#{pane_current_command}"]);
    wait_until(
        "sleep to run in the pane's foreground",
        || (command().trim() == "sleep").then_some(()),
        || format!("pane_current_command is {:?}", command()),
    );
    env.ok(&["send-keys", "-t", "s", "C-c"]);
    wait_until(
        "C-c to end sleep and give the foreground back to the shell",
        || (command().trim() == "sh").then_some(()),
        || format!("pane_current_command is {:?}", command()),
    );
}

#[test]
fn capture_pane_ranges_escapes_and_joined_lines() {
    let env = Env::new();
    let script = env.write_home(
        "out.sh",
        "i=1; while [ $i -le 40 ]; do echo line-$i; i=$((i+1)); done\n\
         printf '\\033[31mred\\033[0m\\n'\nprintf '%0100d\\n' 0\nexec sleep 100\n",
    );
    env.ok(&[
        "new",
        "-d",
        "-s",
        "c",
        "-x",
        "80",
        "-y",
        "10",
        &format!("sh {}", script.display()),
    ]);
    let visible = wait_capture(&env, "c", "red");
    assert!(visible.lines().any(|l| l == "red"), "{visible}");
    let history = env.ok(&["capture-pane", "-p", "-t", "c", "-S", "-", "-E", "-1"]);
    assert!(history.starts_with("line-1\n"), "{history}");
    let escaped = env.ok(&["capture-pane", "-p", "-e", "-t", "c"]);
    assert!(escaped.contains("\x1b[0;31mred\x1b[0m"), "{escaped:?}");
    let joined = env.ok(&["capture-pane", "-p", "-J", "-t", "c"]);
    assert!(joined.lines().any(|l| l.len() == 100), "{joined}");
    let split = capture(&env, "c");
    assert!(split.lines().any(|l| l.len() == 80), "{split}");
}

#[test]
fn display_message_formats() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "fmt", "-x", "100", "-y", "30"]);
    let f = "#{session_name} #{session_id} #{window_index} #{window_name} #{window_id} #{pane_index} \
             #{pane_id} #{pane_width}x#{pane_height} #{pane_active} #{window_zoomed_flag} #{cursor_x},#{cursor_y}";
    let out = env.ok(&["display-message", "-p", "-t", "fmt", f]);
    let words: Vec<&str> = out.split_whitespace().collect();
    assert_eq!(words[0], "fmt");
    assert!(words[1].starts_with('$'));
    assert_eq!(words[2], "0");
    assert!(words[4].starts_with('@'));
    assert_eq!(words[5], "0");
    assert!(words[6].starts_with('%'));
    assert_eq!(words[7], "100x30");
    assert_eq!(&words[8..10], ["1", "0"]);
    let pid = env.ok(&["display", "-p", "#{pane_pid}"]);
    assert!(std::path::Path::new(&format!("/proc/{}", pid.trim())).exists());
    assert!(env
        .ok(&["display", "-p", "#{pane_tty}"])
        .starts_with("/dev/pts/"));
    assert!(!env
        .ok(&["display", "-p", "#{pane_current_path}"])
        .trim()
        .is_empty());
    assert_eq!(
        env.ok(&["display", "-p", "#{?pane_active,yes,no} #{=3:session_name}"]),
        "yes fmt\n"
    );
}

#[test]
fn new_window_and_split_print_what_they_made() {
    let env = Env::new();
    let out = env.ok(&[
        "new",
        "-d",
        "-s",
        "p",
        "-P",
        "-F",
        "#{session_name}:#{window_index}",
    ]);
    assert_eq!(out, "p:0\n");
    // As tmux 3.3a: session:window.pane.
    assert_eq!(env.ok(&["new-window", "-d", "-P"]), "p:1.0\n");
    let pane = env.ok(&["split-window", "-t", "p:1", "-P", "-F", "#{pane_id}"]);
    assert!(pane.starts_with('%'));
    let panes = env.ok(&[
        "list-panes",
        "-a",
        "-F",
        "#{session_name}:#{window_index}.#{pane_index} #{pane_id}",
    ]);
    assert_eq!(panes.lines().count(), 3, "{panes}");
    assert!(panes.contains(&format!("p:1.1 {}", pane.trim())), "{panes}");
    let windows = env.ok(&["list-windows", "-a"]);
    assert_eq!(windows.lines().count(), 2, "{windows}");
    assert!(windows.starts_with("p:0: "), "{windows}");
}

#[test]
fn targets_resolve_like_tmux() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "alpha"]);
    env.ok(&["new-window", "-d", "-t", "alpha", "-n", "logs"]);
    env.ok(&["new", "-d", "-s", "beta"]);
    let d = |t: &str| {
        env.ok(&[
            "display",
            "-p",
            "-t",
            t,
            "#{session_name}:#{window_index}.#{pane_index}",
        ])
        .trim()
        .to_string()
    };
    assert_eq!(d("alpha:logs"), "alpha:1.0");
    assert_eq!(d("alp:1"), "alpha:1.0");
    assert_eq!(d("beta"), "beta:0.0");
    let wid = env
        .ok(&["display", "-p", "-t", "alpha:1", "#{window_id}"])
        .trim()
        .to_string();
    assert_eq!(d(&wid), "alpha:1.0");
    let pid = env
        .ok(&["display", "-p", "-t", "alpha:1", "#{pane_id}"])
        .trim()
        .to_string();
    assert_eq!(d(&pid), "alpha:1.0");
    let sid = env
        .ok(&["display", "-p", "-t", "beta", "#{session_id}"])
        .trim()
        .to_string();
    assert_eq!(d(&sid), "beta:0.0");
    let bad = env.run(&["display", "-p", "-t", "alpha:9", "x"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "can't find window: 9"
    );
}

#[test]
fn a_pane_is_its_own_default_target() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    env.ok(&["new", "-d", "-s", "one"]);
    env.ok(&["new", "-d", "-s", "two"]);
    let bin = mux_e2e::mux_bin();
    let cmd = format!(
        "{} -S {} display -p 'in-#{{session_name}}'",
        bin.display(),
        env.sock.display()
    );
    env.ok(&["send-keys", "-t", "one", &cmd, "Enter"]);
    wait_capture(&env, "one", "\nin-one");
}

#[test]
fn options_set_show_and_take_effect() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "o"]);
    assert_eq!(
        env.ok(&["show", "-g", "status-left"]),
        "status-left \"[#{session_name}] \"\n"
    );
    assert_eq!(env.ok(&["show", "-gv", "history-limit"]), "2000\n");
    env.ok(&["set", "-g", "status-left", "<#S>"]);
    assert_eq!(env.ok(&["show", "-gv", "status-left"]), "<#S>\n");
    env.ok(&["set", "-w", "-t", "o:0", "synchronize-panes", "on"]);
    assert_eq!(
        env.ok(&["show", "-w", "-t", "o:0"]),
        "synchronize-panes on\n"
    );
    env.ok(&["set", "-u", "-w", "-t", "o:0", "synchronize-panes"]);
    assert_eq!(env.ok(&["show", "-w", "-t", "o:0"]), "");
    let bad = env.run(&["set", "-g", "nope", "1"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "invalid option: nope"
    );
    let bad = env.run(&["set", "-g", "status-style", "fg=nope"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "invalid style: fg=nope"
    );
    let c = env.client(&["attach"], 80, 24);
    c.wait_text("<o>");
    env.ok(&["set", "-g", "status", "off"]);
    c.wait_screen("no status line", |s| !s.contents().contains("<o>"));
    env.ok(&["set", "-g", "status", "on"]);
    env.ok(&["set", "-g", "status-position", "top"]);
    c.wait_screen("the status line on top", |s| {
        s.contents().lines().next().unwrap_or("").starts_with("<o>")
    });
}

#[test]
fn bind_key_list_keys_and_unbind() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "k"]);
    let keys = env.ok(&["list-keys"]);
    assert!(
        keys.lines()
            .any(|l| l.contains("-T prefix") && l.ends_with("detach-client")),
        "{keys}"
    );
    env.ok(&["bind-key", "X", "new-window", "-n", "bound"]);
    assert!(env
        .ok(&["list-keys", "-T", "prefix"])
        .lines()
        .any(|l| l.ends_with("new-window -n bound")));
    let c = env.client(&["attach"], 80, 24);
    c.wait_text("[k]");
    c.send("\x02X");
    c.wait_text("1:bound*");
    env.ok(&["unbind-key", "X"]);
    assert!(!env.ok(&["list-keys"]).contains("new-window -n bound"));
    env.ok(&["bind", "-n", "F5", "display", "-p", "x"]);
    env.ok(&["set", "-g", "prefix", "C-a"]);
    c.send("\x01c");
    c.wait_text("2:sh*");
}

#[test]
fn list_clients_and_attach_dash_d() {
    let env = Env::new();
    env.ok(&["new", "-d", "-s", "m"]);
    let mut a = env.client(&["attach", "-t", "m"], 80, 24);
    a.wait_text("[m]");
    let b = env.client(&["attach", "-t", "m"], 100, 30);
    b.wait_text("[m]");
    let clients = env.ok(&["list-clients"]);
    assert_eq!(clients.lines().count(), 2, "{clients}");
    assert!(clients.contains("[100x30 xterm-256color]"), "{clients}");
    let c = env.client(&["attach", "-d", "-t", "m"], 90, 20);
    c.wait_text("[m]");
    a.wait_exit();
    a.wait_text("[detached (from session m)]");
    wait_until(
        "one client left after attach -d detached the others",
        || (env.ok(&["lsc"]).lines().count() == 1).then_some(()),
        || env.ok(&["lsc"]),
    );
    drop(b);
}

#[test]
fn clear_history_empties_the_scrollback() {
    let env = Env::new();
    env.ok(&[
        "new",
        "-d",
        "-s",
        "h",
        "-x",
        "80",
        "-y",
        "5",
        "seq 1 50; exec sleep 100",
    ]);
    let history = || env.ok(&["display", "-p", "-t", "h", "#{history_size}"]);
    wait_until(
        "lines scrolled into the pane's history",
        || (history().trim() != "0").then_some(()),
        || format!("history_size is {:?}", history()),
    );
    env.ok(&["clear-history", "-t", "h"]);
    assert_eq!(
        env.ok(&["display", "-p", "-t", "h", "#{history_size}"]),
        "0\n"
    );
}

#[test]
fn paste_buffers_set_show_list_paste_and_capture() {
    let env = Env::new();
    env.write_home(".shrc", "PS1='$ '\n");
    let c = env.attached("b", 80, 24);
    env.ok(&["set-buffer", "-b", "mine", "named"]);
    env.ok(&["set-buffer", "echo pasted-$((3+4))"]);
    assert_eq!(env.ok(&["show-buffer"]), "echo pasted-$((3+4))");
    assert_eq!(env.ok(&["show-buffer", "-b", "mine"]), "named");
    let list = env.ok(&["list-buffers"]);
    assert!(list.ends_with("\nmine: 5 bytes: \"named\"\n"), "{list}");
    c.send("\x02]");
    c.send("\r");
    c.wait_text("pasted-7");
    env.ok(&["capture-pane", "-b", "shot"]);
    assert!(env.ok(&["show-buffer", "-b", "shot"]).contains("pasted-7"));
    env.ok(&["delete-buffer", "-b", "shot"]);
    let bad = env.run(&["show-buffer", "-b", "shot"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "no buffer shot"
    );
}
