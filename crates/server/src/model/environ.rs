//! Environments as tmux keeps them: the global environment (`set-environment -g`, `NAME=value`
//! lines in the config) and each session's (`update-environment` from attaching clients,
//! `set-environment`). A variable may be set, hidden (`-h`: kept for `$NAME` in the config,
//! never given to programs) or marked removed (`-r`: taken out of programs' environments).
//!
//! A new pane's program gets, in order: the environment of the client that created its
//! session (mux's base, so one client's variables never reach another's sessions), then the
//! global environment, then the session's, each overriding the one before.

use std::collections::BTreeMap;

/// One variable.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Var {
    /// Its value; `None` when it is marked removed.
    pub value: Option<String>,
    /// Whether it is hidden from programs and from show-environment without `-h`.
    pub hidden: bool,
}

/// A set of variables by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Environ {
    vars: BTreeMap<String, Var>,
}

impl Environ {
    /// Returns a variable.
    pub fn get(&self, name: &str) -> Option<&Var> {
        self.vars.get(name)
    }

    /// Sets a variable.
    pub fn set(&mut self, name: &str, value: &str, hidden: bool) {
        let var = Var {
            value: Some(value.to_string()),
            hidden,
        };
        self.vars.insert(name.to_string(), var);
    }

    /// Marks a variable removed (`set-environment -r`).
    pub fn mark_removed(&mut self, name: &str) {
        let var = Var {
            value: None,
            hidden: false,
        };
        self.vars.insert(name.to_string(), var);
    }

    /// Forgets a variable (`set-environment -u`).
    pub fn unset(&mut self, name: &str) {
        self.vars.remove(name);
    }

    /// Returns every variable in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Var)> {
        self.vars.iter()
    }

    /// Applies this environment to `env`: set variables replace or join, removed ones go,
    /// hidden ones are left out.
    pub fn apply_to(&self, env: &mut Vec<(String, String)>) {
        for (name, var) in &self.vars {
            if var.hidden {
                continue;
            }
            env.retain(|(k, _)| k != name);
            if let Some(value) = &var.value {
                env.push((name.clone(), value.clone()));
            }
        }
    }
}

/// Returns the environment a program started for session `base` gets before mux adds its
/// own variables: the session's base, then `global`, then `session`.
pub fn compose(
    base: &[(String, String)],
    global: &Environ,
    session: &Environ,
) -> Vec<(String, String)> {
    let mut env = base.to_vec();
    global.apply_to(&mut env);
    session.apply_to(&mut env);
    env
}

/// Returns the environment a shell command the server runs for session `sid` gets
/// (`run-shell`, `if-shell`, `#()`): what a new pane of the session would get, with `$MUX`;
/// with no session, the server's own environment and the global one.
pub fn for_job(
    state: &crate::model::state::State,
    sid: Option<crate::ids::SessionId>,
) -> Vec<(String, String)> {
    let session = sid.and_then(|s| state.session(s));
    let mut env = match session {
        Some(s) => compose(&s.env, &state.environ, &s.environ),
        None => {
            let mut env: Vec<(String, String)> = std::env::vars().collect();
            state.environ.apply_to(&mut env);
            env
        }
    };
    env.retain(|(k, _)| k != "MUX" && k != "MUX_PANE");
    if let Some(s) = session {
        let mux = format!(
            "{},{},{}",
            state.socket.display(),
            std::process::id(),
            s.id.0
        );
        env.push(("MUX".to_string(), mux));
    }
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(env: &[(String, String)]) -> Vec<String> {
        let mut v: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        v.sort();
        v
    }

    #[test]
    fn the_session_overrides_the_global_which_overrides_the_base() {
        let base = vec![
            ("A".to_string(), "base".to_string()),
            ("B".to_string(), "base".to_string()),
            ("C".to_string(), "base".to_string()),
        ];
        let mut global = Environ::default();
        global.set("A", "global", false);
        global.set("B", "global", false);
        global.set("SECRET", "x", true);
        let mut session = Environ::default();
        session.set("A", "session", false);
        session.mark_removed("C");
        assert_eq!(
            pairs(&compose(&base, &global, &session)),
            ["A=session", "B=global"]
        );
    }

    #[test]
    fn unset_forgets_and_removed_has_no_value() {
        let mut e = Environ::default();
        e.set("X", "1", false);
        e.mark_removed("Y");
        assert_eq!(e.get("X").and_then(|v| v.value.as_deref()), Some("1"));
        assert_eq!(e.get("Y").and_then(|v| v.value.as_deref()), None);
        assert!(e.get("Y").is_some());
        e.unset("X");
        assert!(e.get("X").is_none());
    }
}
