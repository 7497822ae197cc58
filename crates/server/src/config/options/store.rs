//! The option values: the globals of each scope and the overrides set on sessions, windows and
//! panes, with the lookups that fall back from an object to its parent.

use std::collections::{BTreeMap, HashMap};

use super::{
    default_value, is_user_option, parse_value, quote, resolve, Kind, OptionSpec, OptionTarget,
    Scope, Value, OPTIONS,
};
use crate::ids::{PaneId, SessionId, WindowId};

/// Values by option name, sorted as show-options lists them (`@` user options first).
type Values = BTreeMap<String, Value>;

/// One table of values in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Server,
    GlobalSession,
    GlobalWindow,
    Session(SessionId),
    Window(WindowId),
    Pane(PaneId),
}

/// Every option value: globals (which always hold every table option) and per-object
/// overrides. Pane and window-level lookups fall back pane → window → global.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct OptionStore {
    server: Values,
    global_session: Values,
    global_window: Values,
    sessions: HashMap<SessionId, Values>,
    windows: HashMap<WindowId, Values>,
    panes: HashMap<PaneId, Values>,
}

impl Default for OptionStore {
    fn default() -> Self {
        Self::new()
    }
}

impl OptionStore {
    /// Creates a store whose globals hold every option's default and with no overrides.
    pub fn new() -> Self {
        let mut store = OptionStore {
            server: Values::new(),
            global_session: Values::new(),
            global_window: Values::new(),
            sessions: HashMap::new(),
            windows: HashMap::new(),
            panes: HashMap::new(),
        };
        for spec in OPTIONS.iter().chain(super::HOOKS) {
            let slot = global_slot(spec.scope);
            store
                .map_mut(slot)
                .insert(spec.name.into(), default_value(spec));
        }
        store
    }

    /// Returns a server option (an unknown name gives empty text).
    pub fn server(&self, name: &str) -> Value {
        self.global(name)
    }

    /// Returns a session option: the session's own value, else the global one.
    pub fn session(&self, s: SessionId, name: &str) -> Value {
        let own = self.sessions.get(&s).and_then(|m| m.get(name));
        own.cloned().unwrap_or_else(|| self.global(name))
    }

    /// Returns a window option: the window's own value, else the global one.
    pub fn window(&self, w: WindowId, name: &str) -> Value {
        let own = self.windows.get(&w).and_then(|m| m.get(name));
        own.cloned().unwrap_or_else(|| self.global(name))
    }

    /// Returns a pane option: the pane's own value, else its window's, else the global one.
    pub fn pane(&self, p: PaneId, w: WindowId, name: &str) -> Value {
        let own = self.panes.get(&p).and_then(|m| m.get(name));
        own.cloned().unwrap_or_else(|| self.window(w, name))
    }

    /// Sets an option for set-option on `target`, appending to text and styles with `append`
    /// (`-a`). Errors are tmux's messages, such as `invalid option: NAME` or
    /// `value is too small: -1`; a target that does not fit the option gives
    /// `no such session`, `no such window` or `no such pane`.
    pub fn set(
        &mut self,
        name: &str,
        value: Option<&str>,
        target: OptionTarget,
        append: bool,
    ) -> Result<(), String> {
        let (name, index) = super::split_index(name)?;
        if is_user_option(name) {
            if index.is_some() {
                return Err(format!("not an array: {name}"));
            }
            let text = value.ok_or("empty value")?;
            let slot = slot(target_scope(target), target)?;
            let mut new = text.to_string();
            if append {
                let old = self.current(slot, target, name).map(|v| v.as_text());
                new = old.unwrap_or_default() + text;
            }
            self.map_mut(slot).insert(name.into(), Value::Text(new));
            return Ok(());
        }
        let spec = resolve(name)?;
        let slot = slot(spec.scope, target)?;
        let current = self.current(slot, target, spec.name);
        if matches!(spec.kind, Kind::Array(_) | Kind::Hook) {
            let text = value.ok_or("empty value")?;
            let mut items = match current {
                Some(Value::Array(items)) if append || index.is_some() => items,
                _ => BTreeMap::new(),
            };
            match index {
                Some(i) => {
                    items.insert(i, text.to_string());
                }
                None => {
                    let next = items.keys().next_back().map_or(0, |k| k + 1);
                    let parts = super::arrays::parts(spec.kind, text);
                    items.extend((next..).zip(parts));
                }
            }
            self.map_mut(slot)
                .insert(spec.name.into(), Value::Array(items));
            return Ok(());
        }
        if index.is_some() {
            return Err(format!("not an array: {name}"));
        }
        let mut new = parse_value(spec, value, current.as_ref())?;
        if append {
            new = appended(spec, current, new);
        }
        self.map_mut(slot).insert(spec.name.into(), new);
        Ok(())
    }

    /// Unsets an option for `set-option -u`: removes the object's override, or puts a global
    /// back to its default. User options are removed; unsetting one that is not set is fine.
    pub fn unset(&mut self, name: &str, target: OptionTarget) -> Result<(), String> {
        let (name, index) = super::split_index(name)?;
        if let Some(i) = index {
            let spec = resolve(name)?;
            let slot = slot(spec.scope, target)?;
            if let Some(Value::Array(mut items)) = self.current(slot, target, spec.name) {
                items.remove(&i);
                self.map_mut(slot)
                    .insert(spec.name.into(), Value::Array(items));
            }
            return Ok(());
        }
        if is_user_option(name) {
            let slot = slot(target_scope(target), target)?;
            self.map_mut(slot).remove(name);
            return Ok(());
        }
        let spec = resolve(name)?;
        let slot = slot(spec.scope, target)?;
        if is_global(slot) {
            self.map_mut(slot)
                .insert(spec.name.into(), default_value(spec));
        } else {
            self.map_mut(slot).remove(spec.name);
        }
        Ok(())
    }

    /// Returns show-options lines, `name value` with the value quoted as tmux does. Without
    /// `name`, lists every value held for `scope` on `target`: all options for a global
    /// target, only the overrides for an object. With `name`, the option's own scope decides
    /// (as `infer_scope`), and an object without an override prints nothing.
    pub fn show(
        &self,
        scope: Scope,
        target: OptionTarget,
        name: Option<&str>,
    ) -> Result<Vec<String>, String> {
        let entries = self.entries(scope, target, name)?;
        let mut lines = Vec::new();
        for (n, v) in entries {
            match v {
                Value::Array(items) if items.is_empty() => lines.push(n),
                Value::Array(items) => {
                    for (i, item) in items {
                        let n = super::arrays::element_name(&n, i);
                        lines.push(format!("{n} {}", quote(&item)));
                    }
                }
                v => lines.push(format!("{n} {}", quote(&v.as_text()))),
            }
        }
        Ok(lines)
    }

    /// Returns the values alone, unquoted, as `show-options -v` prints them.
    pub fn show_values(
        &self,
        scope: Scope,
        target: OptionTarget,
        name: Option<&str>,
    ) -> Result<Vec<String>, String> {
        let entries = self.entries(scope, target, name)?;
        let mut values = Vec::new();
        for (_, v) in entries {
            match v {
                Value::Array(items) => values.extend(items.into_values()),
                v => values.push(v.as_text()),
            }
        }
        Ok(values)
    }

    /// Drops every override of a session that is gone.
    pub fn forget_session(&mut self, s: SessionId) {
        self.sessions.remove(&s);
    }

    /// Drops every override of a window that is gone.
    pub fn forget_window(&mut self, w: WindowId) {
        self.windows.remove(&w);
    }

    /// Drops every override of a pane that is gone.
    pub fn forget_pane(&mut self, p: PaneId) {
        self.panes.remove(&p);
    }

    /// Collects the (name, value) pairs show-options prints.
    fn entries(
        &self,
        scope: Scope,
        target: OptionTarget,
        name: Option<&str>,
    ) -> Result<Vec<(String, Value)>, String> {
        let Some(name) = name else {
            if scope == Scope::Pane && matches!(target, OptionTarget::Global(_)) {
                return Ok(Vec::new());
            }
            let values = self.map(slot(scope, target)?);
            let listed = values
                .into_iter()
                .flatten()
                .filter(|(n, _)| !is_hook(n))
                .map(clone_pair);
            return Ok(listed.collect());
        };
        let (name, index) = super::split_index(name)?;
        let (key, slot) = if is_user_option(name) {
            (name, slot(scope, target)?)
        } else {
            let spec = resolve(name)?;
            let own = match (spec.scope, scope) {
                (Scope::Pane, Scope::Pane) => Scope::Pane,
                (Scope::Pane, _) => Scope::Window,
                (own, _) => own,
            };
            (spec.name, slot(own, target)?)
        };
        match self.map(slot).and_then(|m| m.get_key_value(key)) {
            Some((n, Value::Array(items))) if index.is_some() => Ok(index
                .and_then(|i| items.get_key_value(&i))
                .map(|(i, item)| {
                    let mut one = BTreeMap::new();
                    one.insert(*i, item.clone());
                    vec![(n.clone(), Value::Array(one))]
                })
                .unwrap_or_default()),
            Some(pair) => Ok(vec![clone_pair(pair)]),
            None if is_user_option(name) => Err(format!("invalid option: {name}")),
            None => Ok(Vec::new()),
        }
    }

    /// Returns a global value from whichever global table holds it.
    fn global(&self, name: &str) -> Value {
        [&self.server, &self.global_session, &self.global_window]
            .into_iter()
            .find_map(|m| m.get(name))
            .cloned()
            .unwrap_or_else(|| Value::Text(String::new()))
    }

    /// Returns the value in effect where `slot` is, if any (toggles and `-a` start from it).
    fn current(&self, slot: Slot, target: OptionTarget, name: &str) -> Option<Value> {
        if let Some(v) = self.map(slot).and_then(|m| m.get(name)) {
            return Some(v.clone());
        }
        match (slot, target) {
            (Slot::Pane(_), OptionTarget::Pane(_, w)) => Some(self.window(w, name)),
            (Slot::Window(_) | Slot::Session(_), _) => Some(self.global(name)),
            _ => None,
        }
    }

    /// Returns a table, if it exists.
    fn map(&self, slot: Slot) -> Option<&Values> {
        match slot {
            Slot::Server => Some(&self.server),
            Slot::GlobalSession => Some(&self.global_session),
            Slot::GlobalWindow => Some(&self.global_window),
            Slot::Session(s) => self.sessions.get(&s),
            Slot::Window(w) => self.windows.get(&w),
            Slot::Pane(p) => self.panes.get(&p),
        }
    }

    /// Returns a table, creating an object's table when needed.
    fn map_mut(&mut self, slot: Slot) -> &mut Values {
        match slot {
            Slot::Server => &mut self.server,
            Slot::GlobalSession => &mut self.global_session,
            Slot::GlobalWindow => &mut self.global_window,
            Slot::Session(s) => self.sessions.entry(s).or_default(),
            Slot::Window(w) => self.windows.entry(w).or_default(),
            Slot::Pane(p) => self.panes.entry(p).or_default(),
        }
    }
}

/// Returns whether an option name is a hook's (hooks are not listed by show-options).
fn is_hook(name: &str) -> bool {
    super::HOOKS.iter().any(|h| h.name == name)
}

/// Returns the hooks of `target` (all of them for a global target, only those set for an
/// object), by name, as `show-hooks` lists them.
pub fn hooks_of(store: &OptionStore, scope: Scope, target: OptionTarget) -> Vec<(String, Value)> {
    let Ok(s) = slot(scope, target) else {
        return Vec::new();
    };
    store
        .map(s)
        .into_iter()
        .flatten()
        .filter(|(n, _)| is_hook(n))
        .map(clone_pair)
        .collect()
}

/// Clones a borrowed map entry.
fn clone_pair((name, value): (&String, &Value)) -> (String, Value) {
    (name.clone(), value.clone())
}

/// Returns the global table of a scope (pane options' globals are window globals).
fn global_slot(scope: Scope) -> Slot {
    match scope {
        Scope::Server => Slot::Server,
        Scope::Session => Slot::GlobalSession,
        Scope::Window | Scope::Pane => Slot::GlobalWindow,
    }
}

/// Returns whether a table holds globals.
fn is_global(slot: Slot) -> bool {
    matches!(
        slot,
        Slot::Server | Slot::GlobalSession | Slot::GlobalWindow
    )
}

/// Returns the scope a target names, for user options.
fn target_scope(target: OptionTarget) -> Scope {
    match target {
        OptionTarget::Global(scope) => scope,
        OptionTarget::Session(_) => Scope::Session,
        OptionTarget::Window(_) => Scope::Window,
        OptionTarget::Pane(..) => Scope::Pane,
    }
}

/// Returns the table that options of `scope` use on `target`. Server options are always
/// global; window options given a pane go to the pane's window, as in tmux.
fn slot(scope: Scope, target: OptionTarget) -> Result<Slot, String> {
    use OptionTarget as T;
    match (scope, target) {
        (Scope::Server, _) | (_, T::Global(_)) => Ok(global_slot(scope)),
        (Scope::Session, T::Session(s)) => Ok(Slot::Session(s)),
        (Scope::Window | Scope::Pane, T::Window(w)) | (Scope::Window, T::Pane(_, w)) => {
            Ok(Slot::Window(w))
        }
        (Scope::Pane, T::Pane(p, _)) => Ok(Slot::Pane(p)),
        (Scope::Session, _) => Err("no such session".into()),
        (Scope::Window, _) => Err("no such window".into()),
        (Scope::Pane, _) => Err("no such pane".into()),
    }
}

/// Joins an appended value to the current one: text is concatenated and styles are joined
/// with a comma, as tmux does; other kinds simply take the new value.
fn appended(spec: &OptionSpec, current: Option<Value>, new: Value) -> Value {
    let old = current.unwrap_or_else(|| default_value(spec)).as_text();
    match spec.kind {
        Kind::Text => Value::Text(old + &new.as_text()),
        Kind::Style if !old.is_empty() => Value::Text(format!("{old},{}", new.as_text())),
        _ => new,
    }
}
