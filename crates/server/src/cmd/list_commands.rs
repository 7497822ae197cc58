//! `list-commands` (`lscm`): one line per command of the table, `name (alias) usage`, as
//! tmux prints it, or as `-F` says (`command_list_name`, `command_list_alias`,
//! `command_list_usage`); with a command name, only that command.

use super::{Args, Ctx, Outcome, Spec, Target, COMMANDS};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-commands",
    alias: Some("lscm"),
    flags: "F:",
    usage: "[-F format] [command]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs list-commands.
fn exec(_state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let only = match args.positional.first() {
        Some(word) => Some(super::lookup(word)?.name),
        None => None,
    };
    for spec in COMMANDS.iter().filter(|s| only.is_none_or(|n| n == s.name)) {
        let line = match args.value('F') {
            Some(fmt) => crate::config::format::expand(fmt, &|name| match name {
                "command_list_name" => Some(spec.name.to_string()),
                "command_list_alias" => Some(spec.alias.unwrap_or("").to_string()),
                "command_list_usage" => Some(spec.usage.to_string()),
                _ => None,
            }),
            None => describe(spec),
        };
        ctx.out.push_str(&line);
        ctx.out.push('\n');
    }
    Ok(Outcome::Done)
}

/// Returns a command's line: its name, its alias in brackets, and its usage.
pub fn describe(spec: &Spec) -> String {
    let mut line = spec.name.to_string();
    if let Some(alias) = spec.alias {
        line.push_str(&format!(" ({alias})"));
    }
    if !spec.usage.is_empty() {
        line.push(' ');
        line.push_str(spec.usage);
    }
    line
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn every_command_is_listed_with_its_alias_and_usage() {
        let mut h = Harness::new();
        let all = h.ok("list-commands");
        assert_eq!(all.lines().count(), super::COMMANDS.len());
        assert!(all.contains("\nrename-window (renamew) [-t target-window] new-name\n"));
        assert_eq!(h.ok("lscm kill-server"), "kill-server\n");
        assert_eq!(h.err("list-commands nosuch"), "unknown command: nosuch");
    }

    #[test]
    fn list_commands_finds_a_command_by_its_alias_or_a_unique_prefix() {
        let mut h = Harness::new();
        let keys = "list-keys (lsk) [-1aN] [-P prefix-string] [-T key-table] [key]\n";
        assert_eq!(h.ok("list-commands lsk"), keys);
        assert_eq!(h.ok("lscm list-k"), keys);
        assert_eq!(h.ok("lscm has"), "has-session (has) [-t target-session]\n");
    }

    #[test]
    fn f_formats_each_line() {
        let mut h = Harness::new();
        assert_eq!(
            h.ok("list-commands -F '#{command_list_name}:#{command_list_alias}:#{command_list_usage}' kill-server"),
            "kill-server::\n"
        );
        let names = h.ok("lscm -F '#{command_list_name}'");
        assert!(names.lines().any(|l| l == "source-file"), "{names}");
    }
}
