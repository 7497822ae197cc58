//! Building what a new pane runs: shell or command, environment and working directory.

use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::ids::{PaneId, SessionId};
use crate::model::os::SpawnSpec;

/// Variables a client's environment must not pass on to panes.
const DROPPED: &[&str] = &["MUX", "MUX_PANE", "TERM"];

/// What a pane needs to know to build its spawn spec.
pub struct SpawnContext<'a> {
    /// The environment panes start from (the session's).
    pub env: &'a [(String, String)],
    /// The directory to start in.
    pub cwd: &'a str,
    /// The server's socket, for `$MUX`.
    pub socket: &'a Path,
    /// The session, for `$MUX`.
    pub session: SessionId,
    /// The pane, for `$MUX_PANE`.
    pub pane: PaneId,
    /// The `TERM` panes get (`default-terminal`).
    pub term: &'a str,
    /// The shell (`default-shell`); empty means `$SHELL`.
    pub shell: &'a str,
    /// What runs when no command is given (`default-command`); empty means a login shell.
    pub command: &'a str,
}

/// Builds the spec: the shell (`default-shell`, else `$SHELL`) as a login shell when
/// `command` is empty (or `default-command` through the shell when that is set), the shell
/// with `-c` for a single command string, or the words themselves when there are several.
pub fn spec(ctx: &SpawnContext<'_>, command: &[String]) -> SpawnSpec {
    let shell = shell(ctx.env, ctx.shell);
    let default = [ctx.command.to_string()];
    let command = if command.is_empty() && !ctx.command.is_empty() {
        &default[..]
    } else {
        command
    };
    let name = shell
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sh".into());
    let (program, args, argv0) = match command {
        [] => (
            shell.clone(),
            Vec::new(),
            OsString::from(format!("-{name}")),
        ),
        [one] => (
            shell.clone(),
            vec!["-c".to_string(), one.clone()],
            OsString::from(name),
        ),
        [first, rest @ ..] => (PathBuf::from(first), rest.to_vec(), OsString::from(first)),
    };
    SpawnSpec {
        program,
        args,
        argv0,
        env: environment(ctx, &shell),
        cwd: working_dir(ctx.cwd, ctx.env),
    }
}

/// Returns the name a window running `command` gets.
pub fn window_name(env: &[(String, String)], command: &[String]) -> String {
    let word = match command {
        [] => shell(env, "").to_string_lossy().into_owned(),
        [one] => one.split_whitespace().next().unwrap_or("").to_string(),
        [first, ..] => first.clone(),
    };
    Path::new(&word)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(word)
}

/// Returns `default-shell` when set, else `$SHELL`, when it is an absolute path to an
/// executable file; else `/bin/sh`.
fn shell(env: &[(String, String)], default_shell: &str) -> PathBuf {
    Some(default_shell)
        .filter(|s| !s.is_empty())
        .or_else(|| lookup(env, "SHELL"))
        .map(PathBuf::from)
        .filter(|p| p.is_absolute() && is_executable(p))
        .unwrap_or_else(|| PathBuf::from("/bin/sh"))
}

/// Returns whether `path` is a file someone may execute.
fn is_executable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The pane's environment: the session's, less mux's own variables, plus `TERM`, `MUX`,
/// `MUX_PANE` and `SHELL`.
fn environment(ctx: &SpawnContext<'_>, shell: &Path) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = ctx
        .env
        .iter()
        .filter(|(k, _)| !DROPPED.contains(&k.as_str()) && k != "SHELL")
        .cloned()
        .collect();
    env.push(("TERM".into(), ctx.term.into()));
    env.push(("SHELL".into(), shell.to_string_lossy().into_owned()));
    env.push((
        "MUX".into(),
        format!(
            "{},{},{}",
            ctx.socket.display(),
            std::process::id(),
            ctx.session.0
        ),
    ));
    env.push(("MUX_PANE".into(), format!("%{}", ctx.pane.0)));
    env
}

/// Returns `cwd` if it is a directory, else `$HOME`, else `/`.
fn working_dir(cwd: &str, env: &[(String, String)]) -> PathBuf {
    [Some(cwd), lookup(env, "HOME")]
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// Looks a variable up in an environment list.
fn lookup<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
    env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(env: &[(String, String)]) -> SpawnContext<'_> {
        SpawnContext {
            env,
            cwd: "/nonexistent-dir",
            socket: Path::new("/tmp/s"),
            session: SessionId(3),
            pane: PaneId(7),
            term: "tmux-256color",
            shell: "",
            command: "",
        }
    }

    #[test]
    fn default_command_is_a_login_shell_with_mux_variables() {
        let env = vec![
            ("SHELL".to_string(), "/bin/sh".to_string()),
            ("MUX".to_string(), "stale".to_string()),
            ("FOO".to_string(), "bar".to_string()),
        ];
        let s = spec(&ctx(&env), &[]);
        assert_eq!(s.program, PathBuf::from("/bin/sh"));
        assert_eq!(s.argv0, OsString::from("-sh"));
        assert!(s.args.is_empty());
        assert!(s.env.contains(&("TERM".into(), "tmux-256color".into())));
        assert!(s.env.contains(&("MUX_PANE".into(), "%7".into())));
        assert!(s.env.contains(&("FOO".into(), "bar".into())));
        let mux: Vec<_> = s.env.iter().filter(|(k, _)| k == "MUX").collect();
        assert_eq!(mux.len(), 1);
        assert!(mux[0].1.starts_with("/tmp/s,") && mux[0].1.ends_with(",3"));
        assert_eq!(s.cwd, PathBuf::from("/"));
    }

    #[test]
    fn commands_run_through_the_shell_or_directly() {
        let env = vec![("SHELL".to_string(), "/no/such/shell".to_string())];
        let one = spec(&ctx(&env), &["top -d 1".to_string()]);
        assert_eq!(one.program, PathBuf::from("/bin/sh"));
        assert_eq!(one.args, vec!["-c".to_string(), "top -d 1".to_string()]);
        let many = spec(&ctx(&env), &["top".to_string(), "-d".to_string()]);
        assert_eq!(many.program, PathBuf::from("top"));
        assert_eq!(window_name(&env, &["top -d 1".to_string()]), "top");
        assert_eq!(window_name(&env, &[]), "sh");
    }

    #[test]
    fn default_terminal_shell_and_command_come_from_the_options() {
        let env = vec![("SHELL".to_string(), "/no/such/shell".to_string())];
        let mut c = ctx(&env);
        c.term = "screen-256color";
        c.shell = "/bin/sh";
        c.command = "top -d 1";
        let s = spec(&c, &[]);
        assert!(s.env.contains(&("TERM".into(), "screen-256color".into())));
        assert_eq!(s.program, PathBuf::from("/bin/sh"));
        assert_eq!(s.args, vec!["-c".to_string(), "top -d 1".to_string()]);
        assert!(s.env.contains(&("SHELL".into(), "/bin/sh".into())));
        let given = spec(&c, &["vim".to_string(), "x".to_string()]);
        assert_eq!(given.program, PathBuf::from("vim"), "a given command wins");
    }
}
