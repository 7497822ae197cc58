//! `customize-mode` (`C-b C`): every global option (server, session, window) and every key
//! binding in a list over the window; Enter edits the highlighted one at a prompt holding its
//! value (`set -g NAME ...` or `bind -T TABLE KEY ...`), `d` resets an option to its default
//! or unbinds a key, `q` leaves. A list where tmux draws a tree; the editing is the same.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::options::{OptionTarget, Scope, OPTIONS};
use crate::model::mode::{ChooseItem, Chooser, Mode, Preview};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "customize-mode",
    alias: None,
    flags: "F:f:NZt:",
    usage: "[-NZ] [-F format] [-f filter] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs customize-mode for the attached client; `-f` keeps the lines containing its text.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    ctx.target()?;
    let client = super::detach_client::target_client(state, ctx, None)?;
    let mut items = option_items(state);
    items.extend(key_items(state));
    if let Some(filter) = args.value('f') {
        items.retain(|i| i.label.contains(filter));
    }
    let refresh = match args.value('f') {
        Some(f) => format!("customize-mode -f {}", super::bind_key::quote(f)),
        None => "customize-mode".to_string(),
    };
    if let Some(c) = state.clients.get_mut(&client) {
        c.mode = Mode::Choose(Chooser {
            items,
            refresh: Some(refresh),
            ..Chooser::default()
        });
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

/// Returns a line per global option: its scope, name and value.
fn option_items(state: &State) -> Vec<ChooseItem> {
    let mut items = Vec::new();
    for (scope, label, flag) in [
        (Scope::Server, "server", "-s"),
        (Scope::Session, "session", "-g"),
        (Scope::Window, "window", "-gw"),
    ] {
        for spec in OPTIONS.iter().filter(|o| o.scope == scope) {
            let value = state
                .options
                .show_values(scope, OptionTarget::Global(scope), Some(spec.name))
                .unwrap_or_default()
                .join(",");
            let quoted = super::bind_key::quote(&value).replace('"', "\\\"");
            items.push(ChooseItem {
                label: format!("{label:<8} {} {value}", spec.name),
                command: format!(
                    "command-prompt -p '({})' -I \"{quoted}\" {{ set {flag} {} '%%' }}",
                    spec.name, spec.name
                ),
                delete: Some(format!("set {flag}u {}", spec.name)),
                confirm: None,
                key: format!("{label} {}", spec.name),
                depth: 0,
                preview: Preview::None,
            });
        }
    }
    items
}

/// Returns a line per key binding: its table, key and command.
fn key_items(state: &State) -> Vec<ChooseItem> {
    let mut items = Vec::new();
    for table in ["prefix", "root", "copy-mode", "copy-mode-vi"] {
        for (key, command) in state.keys.commands(table) {
            let quoted = command.replace('\\', "\\\\").replace('"', "\\\"");
            let key_word = super::bind_key::quote(&key);
            items.push(ChooseItem {
                label: format!("{table:<8} {key} {command}"),
                command: format!(
                    "command-prompt -p '({key})' -I \"{quoted}\" {{ bind -T {table} {key_word} %% }}"
                ),
                delete: Some(format!("unbind -T {table} {key_word}")),
                confirm: None,
                key: format!("{table} {key}"),
                depth: 0,
                preview: Preview::None,
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn options_are_listed_edited_and_reset() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 20);
        h.keys(c, "C-b C");
        let screen = h.screen(c).join("\n");
        assert!(screen.contains("server   buffer-limit 50"), "{screen}");
        h.keys(c, "Escape");
        h.ok("customize-mode -f ' history-limit'");
        h.keys(c, "Enter");
        assert_eq!(h.status_line(c), "(history-limit) 2000");
        h.keys(c, "C-u");
        h.type_text(c, "5000");
        h.keys(c, "Enter");
        assert_eq!(h.ok("show -gv history-limit"), "5000\n");
        h.ok("customize-mode -f ' history-limit'");
        h.keys(c, "d");
        assert_eq!(h.ok("show -gv history-limit"), "2000\n", "d resets it");
    }

    #[test]
    fn a_key_binding_is_edited_from_the_list() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 20);
        h.ok("customize-mode -f 'prefix   c '");
        h.keys(c, "Enter");
        assert_eq!(h.status_line(c), "(c) new-window");
        h.keys(c, "C-u");
        h.type_text(c, "new-window -n fromc");
        h.keys(c, "Enter");
        assert_eq!(
            h.ok("list-keys -T prefix c").trim_end(),
            "bind-key -T prefix c new-window -n fromc"
        );
    }
}
