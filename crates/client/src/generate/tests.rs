//! The generated files in `assets/` must be what the command table gives today; with
//! `MUX_WRITE_ASSETS=1` the test writes them instead.

use std::path::PathBuf;

use super::*;

/// Returns the path of a file under the repository's `assets/`.
fn asset(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets")
        .join(name)
}

/// The generated files: where each lives and what it should hold.
fn generated() -> Vec<(&'static str, String)> {
    vec![
        ("completions/mux.bash", bash()),
        ("completions/_mux", zsh()),
        ("completions/mux.fish", fish()),
        ("mux.1", man()),
    ]
}

#[test]
fn generated_files_are_current() {
    let write = std::env::var_os("MUX_WRITE_ASSETS").is_some();
    for (name, text) in generated() {
        let path = asset(name);
        if write {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).expect("assets directory");
            }
            std::fs::write(&path, &text).expect("write asset");
            continue;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "assets/{name} is not what the command table gives: run \
             MUX_WRITE_ASSETS=1 cargo test -p mux-client generated"
        );
    }
}

#[test]
fn every_command_alias_and_flag_is_in_every_generated_file() {
    for (name, text) in generated() {
        for c in commands() {
            for n in c.names() {
                let word = if name == "mux.1" {
                    n.replace('-', "\\-")
                } else {
                    n
                };
                assert!(text.contains(&word), "{name} lacks {word}");
            }
            // The man page gives each command's usage, whose flags a server test checks.
            for f in c.flags.iter().filter(|_| name != "mux.1") {
                let flag = match name {
                    "completions/mux.fish" => format!("-s {}", f.letter),
                    _ => format!("-{}", f.letter),
                };
                assert!(text.contains(&flag), "{name}: {} {flag}", c.name);
            }
        }
    }
}

#[test]
fn flag_values_know_what_they_name() {
    let all = commands();
    let find = |name: &str| all.iter().find(|c| c.name == name).cloned();
    let split = find("split-window").expect("split-window");
    let kind = |c: &Command, letter: char| {
        c.flags
            .iter()
            .find(|f| f.letter == letter)
            .and_then(|f| f.value.clone())
            .map(|(_, k)| k)
    };
    assert_eq!(kind(&split, 't'), Some(Kind::Pane));
    assert_eq!(kind(&split, 'c'), Some(Kind::Dir));
    assert_eq!(kind(&split, 'h'), None);
    let new = find("new-session").expect("new-session");
    assert_eq!(kind(&new, 's'), Some(Kind::Other), "a new name");
    assert_eq!(
        kind(&find("attach-session").expect("attach"), 't'),
        Some(Kind::Session)
    );
    assert_eq!(find("set-option").expect("set").args, Kind::Option);
    assert!(split.aliases.contains(&"splitp".to_string()));
}

/// Runs the bash completion for a command line (the cursor at its end) and returns the
/// words it offers.
fn bash_complete(line: &str) -> Vec<String> {
    bash_complete_with(line, None)
}

/// Like [`bash_complete`], with a stand-in `mux` first in `PATH` when `fake` is given.
fn bash_complete_with(line: &str, fake: Option<&std::path::Path>) -> Vec<String> {
    let script = asset("completions/mux.bash");
    let words: Vec<&str> = line.split(' ').collect();
    let program = format!(
        "source '{}'; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
         COMP_WORDS=({}); COMP_CWORD={}; _mux; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1
    );
    let mut bash = std::process::Command::new("bash");
    bash.arg("-c").arg(program);
    if let Some(dir) = fake {
        let path = std::env::var("PATH").unwrap_or_default();
        bash.env("PATH", format!("{}:{path}", dir.display()));
    }
    let out = bash.output().expect("bash runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn bash_completes_commands_aliases_and_flags() {
    assert_eq!(
        bash_complete("mux split"),
        ["split-window", "splitw", "split-pane", "splitp"]
    );
    let split = bash_complete("mux -L work splitp -");
    assert!(split.contains(&"-h".to_string()) && split.contains(&"-c".to_string()));
    let flags = bash_complete("mux attach -");
    assert!(
        flags.contains(&"-t".to_string()) && flags.contains(&"-d".to_string()),
        "{flags:?}"
    );
    assert_eq!(bash_complete("mux set -g history-l"), ["history-limit"]);
    assert_eq!(bash_complete("mux -"), ["-f", "-L", "-S", "-v", "-V", "-h"]);
}

#[test]
fn bash_asks_the_running_server_for_targets_with_the_same_socket() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("mux-complete-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fake = dir.join("mux");
    std::fs::write(
        &fake,
        "#!/bin/sh\n\
         [ \"$1 $2\" = '-L work' ] || exit 1\n\
         case $3 in\n\
         list-sessions) printf 'main\\nmy work\\n' ;;\n\
         list-windows) printf 'main:0\\nmain:1\\n' ;;\n\
         esac\n",
    )
    .expect("fake mux");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(
        bash_complete_with("mux -L work attach -t m", Some(&dir)),
        ["main", "my work"]
    );
    assert_eq!(
        bash_complete_with("mux -L work select-window -t main:", Some(&dir)),
        ["0", "1"],
        "after the colon, as bash replaces it"
    );
    assert!(
        bash_complete_with("mux attach -t m", Some(&dir)).is_empty(),
        "another socket"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
