//! A ~/.tmux.conf as tmux users write them (`tests/data/real-world.tmux.conf`, 90 lines)
//! loads line for line: every line takes effect except the documented exceptions, which are
//! reported with their line and nothing else is.

use mux_e2e::Env;

/// The config.
const CONFIG: &str = include_str!("../data/real-world.tmux.conf");

/// Returns the 1-based line of the config that starts with `start`.
fn line_of(start: &str) -> usize {
    CONFIG
        .lines()
        .position(|l| l.starts_with(start))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line starts with {start}"))
}

#[test]
fn a_real_world_tmux_conf_takes_effect_line_for_line() {
    let env = Env::new();
    let file = env.write_home(".tmux.conf", CONFIG);
    let file = file.to_string_lossy().into_owned();
    env.ok(&[
        "-f", &file, "new", "-d", "-s", "main", "-x", "120", "-y", "30",
    ]);

    // Only the documented exceptions are reported, each with its line.
    let messages = env.ok(&["show-messages"]);
    let mut reported: Vec<&str> = messages
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, m)| m))
        .collect();
    reported.sort_unstable();
    let tpm = format!(
        "{file}:{}: '~/.tmux/plugins/tpm/tpm' returned 127",
        line_of("run '~/.tmux")
    );
    let mut expected = vec![tpm.as_str()];
    expected.sort_unstable();
    assert_eq!(reported, expected, "{messages}");

    // Every option line.
    let options: &[(&[&str], &str)] = &[
        (&["show", "-gv", "prefix"], "C-a"),
        (&["show", "-gv", "mouse"], "on"),
        (&["show", "-gv", "base-index"], "1"),
        (&["show", "-gwv", "pane-base-index"], "1"),
        (&["show", "-gv", "renumber-windows"], "on"),
        (&["show", "-gv", "history-limit"], "50000"),
        (&["show", "-sv", "escape-time"], "10"),
        (&["show", "-gv", "display-time"], "4000"),
        (&["show", "-gv", "status-interval"], "5"),
        (&["show", "-sv", "focus-events"], "on"),
        (&["show", "-sv", "default-terminal"], "tmux-256color"),
        (&["show", "-sv", "terminal-overrides"], "xterm*:Tc"),
        (&["show", "-gwv", "mode-keys"], "vi"),
        (&["show", "-gv", "status-position"], "bottom"),
        (&["show", "-gv", "status-justify"], "left"),
        (
            &["show", "-gv", "status-style"],
            "bg=colour234 fg=colour137",
        ),
        (
            &["show", "-gv", "status-left"],
            "#[fg=colour233,bg=colour245] #S ",
        ),
        (
            &["show", "-gv", "status-right"],
            "#[fg=colour233,bg=colour241,bold] %d/%m #[bg=colour245] %H:%M:%S #(whoami) ",
        ),
        (&["show", "-gv", "status-right-length"], "50"),
        (&["show", "-gv", "status-left-length"], "20"),
        (
            &["show", "-gwv", "window-status-current-style"],
            "fg=colour1 bg=colour19 bold",
        ),
        (
            &["show", "-gwv", "window-status-current-format"],
            " #I#[fg=colour249]:#[fg=colour255]#W#[fg=colour249]#F ",
        ),
        (
            &["show", "-gwv", "window-status-style"],
            "fg=colour9 bg=colour18",
        ),
        (
            &["show", "-gwv", "window-status-format"],
            " #I#[fg=colour237]:#[fg=colour250]#W#[fg=colour244]#F ",
        ),
        (
            &["show", "-gwv", "pane-border-style"],
            "fg=colour19 bg=colour0",
        ),
        (
            &["show", "-gwv", "pane-active-border-style"],
            "bg=colour0 fg=colour9",
        ),
        (
            &["show", "-gv", "message-style"],
            "fg=colour232 bg=colour16 bold",
        ),
        (&["show", "-gwv", "monitor-activity"], "on"),
        (&["show", "-gv", "visual-activity"], "off"),
        (&["show", "-gv", "@plugin"], "tmux-plugins/tmux-sensible"),
        (&["show", "-gv", "@host"], "known"),
        (&["showenv", "-g", "EDITOR"], "EDITOR=vim"),
    ];
    for (args, value) in options {
        assert_eq!(env.ok(args), format!("{value}\n"), "{args:?}");
    }

    // Every binding line, and the keys unbound.
    let prefix = env.ok(&["list-keys", "-T", "prefix"]);
    let home = env.home.display().to_string();
    for (key, command) in [
        ("C-a", "send-prefix".to_string()),
        ("|", "split-window -h -c '#{pane_current_path}'".to_string()),
        ("-", "split-window -v -c '#{pane_current_path}'".to_string()),
        ("c", "new-window -c '#{pane_current_path}'".to_string()),
        (
            "r",
            format!("source-file {home}/.tmux.conf \\; display Reloaded!"),
        ),
        ("h", "select-pane -L".to_string()),
        ("l", "select-pane -R".to_string()),
    ] {
        let found = prefix.lines().any(|l| {
            let mut words = l.split_whitespace().skip_while(|w| *w != "prefix").skip(1);
            let k = words.next().unwrap_or_default().trim_start_matches('\\');
            k == key && words.collect::<Vec<_>>().join(" ") == command
        });
        assert!(found, "prefix {key} -> {command} in\n{prefix}");
    }
    for gone in ["\\\" ", "% "] {
        assert!(
            !prefix
                .lines()
                .any(|l| l.contains(&format!("prefix {gone}"))),
            "{gone} is unbound: {prefix}"
        );
    }
    assert!(
        prefix
            .lines()
            .any(|l| l.starts_with("bind-key -r -T prefix H") && l.ends_with("resize-pane -L 5")),
        "{prefix}"
    );
    let root = env.ok(&["list-keys", "-T", "root"]);
    assert!(
        root.lines()
            .any(|l| l.contains(" M-Left ") && l.ends_with("select-pane -L")),
        "{root}"
    );
    let vi = env.ok(&["list-keys", "-T", "copy-mode-vi"]);
    assert!(
        vi.lines()
            .any(|l| l.contains(" y ") && l.ends_with("send-keys -X copy-selection-and-cancel")),
        "{vi}"
    );

    // The hook fires, with the formats of the new window.
    assert!(env
        .ok(&["show-hooks", "-g"])
        .contains("after-new-window[0] \"set -wF @made \\\"#{window_index}\\\"\"\n"));
    env.ok(&["new-window", "-d", "-t", "main"]);
    assert_eq!(env.ok(&["show", "-wv", "-t", "main:2", "@made"]), "2\n");
}
