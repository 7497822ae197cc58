//! `command-prompt`: open a prompt on the client's status line; Enter runs the template with
//! `%%` replaced by what was typed (or the typed command line when there is no template).
//! `-p a,b` asks several prompts in turn (`-I x,y` their initial text) for `%1`, `%2`, ...;
//! `-F` expands the template as a format first; `-1`, `-N` and `-i` take one key, a number,
//! or run the template at every change.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::{Mode, Prompt, Takes};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "command-prompt",
    alias: None,
    flags: "1bFkiI:Np:t:T:",
    usage: "[-1bFikN] [-I inputs] [-p prompts] [-T type] [-t target-client] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs command-prompt on the `-t` client or the current client (from a shell in a pane,
/// the latest client of that session): `-p` the label, `-I` the initial text (a format).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, args.value('t'))?;
    let found = super::target::current(state, client).ok_or("no current client")?;
    let scope = crate::model::vars::Scope {
        client: Some(client),
        ..super::scope(ctx, found)
    };
    let template = args.positional.first().cloned().unwrap_or_default();
    // -F: the template is a format, expanded now.
    let template = if args.has('F') {
        crate::model::vars::expand(state, scope, &template)
    } else {
        template
    };
    let labels: Vec<String> = match args.value('p') {
        Some(p) => p
            .split(',')
            .map(|p| {
                format!(
                    "{} ",
                    crate::model::vars::expand(state, scope, p).trim_end()
                )
            })
            .collect(),
        None if template.is_empty() => vec![":".into()],
        None => vec![format!(
            "({}) ",
            template.split_whitespace().next().unwrap_or("")
        )],
    };
    let mut initials: Vec<String> = args
        .value('I')
        .map(|i| {
            i.split(',')
                .map(|i| crate::model::vars::expand(state, scope, i))
                .collect()
        })
        .unwrap_or_default();
    initials.resize(labels.len().max(initials.len()), String::new());
    let mut prompts = labels.into_iter().zip(initials);
    let (label, initial) = prompts.next().unwrap_or_default();
    let rest: Vec<(String, String)> = prompts.collect();
    super::history_file::load_once(state);
    if let Some(c) = state.clients.get_mut(&client) {
        let takes = if args.has('k') {
            Takes::KeyName
        } else if args.has('1') {
            Takes::OneKey
        } else if args.has('N') {
            Takes::Number
        } else if args.has('i') {
            Takes::Incremental
        } else {
            Takes::Line
        };
        let sid = c.session;
        let vi = sid.is_some_and(|s| state.options.session(s, "status-keys").as_text() == "vi");
        let prompt = Prompt::new(label, initial, template, false)
            .taking(takes)
            .then_asking(rest)
            .with_vi(vi);
        c.mode = Mode::Prompt(prompt.with_history(state.prompt_history.clone()));
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn command_prompt_opens_a_colon_prompt_that_runs_what_is_typed() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.keys(c, "C-b :");
        assert_eq!(h.status_line(c), ":");
        assert_eq!(h.client_screen(c).cursor, (1, 9, true));
        h.type_text(c, "new-window -n typed");
        assert_eq!(h.status_line(c), ":new-window -n typed");
        h.keys(c, "Enter");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}:#{window_name}'"),
            "0:sh\n1:typed\n"
        );
        assert!(h.status_line(c).starts_with("[work] "), "the prompt closed");
    }

    #[test]
    fn status_keys_vi_edits_in_command_mode_drawn_in_message_command_style() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("set -g status-keys vi");
        h.ok("set -g message-command-style bg=red");
        h.keys(c, "C-b :");
        h.type_text(c, "new-window -n twoo");
        let bg = |h: &mut Harness| h.client_screen(c).rows[9][0].style.bg;
        let inserting = bg(&mut h);
        h.keys(c, "Escape");
        assert_eq!(
            h.status_line(c),
            ":new-window -n twoo",
            "Escape keeps the prompt"
        );
        assert_ne!(bg(&mut h), inserting, "command mode has its own style");
        h.keys(c, "h x Enter");
        assert_eq!(h.ok("list-windows -F '#{window_name}'"), "sh\ntwo\n");
    }

    #[test]
    fn command_prompt_puts_what_was_typed_into_the_template() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("bind-key P command-prompt -p 'Window name:' 'rename-window \"%%\"'");
        h.keys(c, "C-b P");
        assert_eq!(h.status_line(c), "Window name:");
        h.type_text(c, "two words");
        h.keys(c, "Enter");
        assert_eq!(h.ok("display-message -p '#W'"), "two words\n");
    }

    #[test]
    fn command_prompt_without_p_labels_the_prompt_with_the_templates_command() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("rename-window old");
        h.keys(c, "C-b ,");
        assert_eq!(h.status_line(c), "(rename-window) old", "-I is expanded");
        assert_eq!(h.client_screen(c).cursor, (19, 9, true));
        h.keys(c, "BSpace BSpace BSpace");
        h.type_text(c, "new");
        h.keys(c, "Enter");
        assert_eq!(h.ok("display-message -p '#W'"), "new\n");
    }

    #[test]
    fn command_prompt_is_cancelled_by_escape_without_running_anything() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.keys(c, "C-b :");
        h.type_text(c, "kill-server");
        h.keys(c, "Escape");
        assert!(h.status_line(c).starts_with("[work] "));
        assert_eq!(h.state.exit, None);
        assert!(h.is_attached(c));
    }

    #[test]
    fn command_prompt_shows_the_error_of_what_was_typed_on_the_status_line() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.keys(c, "C-b :");
        h.type_text(c, "nosuchcmd");
        h.keys(c, "Enter");
        assert_eq!(h.status_line(c), "unknown command: nosuchcmd");
    }

    #[test]
    fn several_prompts_fill_percent_one_percent_two_in_turn() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok(
            "bind-key P command-prompt -p 'name,index' -I 'old,' 'new-window -n \"%1\" -t \":%2\"'",
        );
        h.keys(c, "C-b P");
        assert_eq!(h.status_line(c), "name old");
        h.keys(c, "BSpace BSpace BSpace");
        h.type_text(c, "my win");
        h.keys(c, "Enter");
        assert_eq!(h.status_line(c), "index");
        h.type_text(c, "7");
        h.keys(c, "Enter");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}:#{window_name}'"),
            "0:sh\n7:my win\n"
        );
    }

    #[test]
    fn f_expands_the_template_as_a_format_first() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.ok("bind-key P command-prompt -F 'rename-window \"#{session_name}-%%\"'");
        h.keys(c, "C-b P");
        h.type_text(c, "x");
        h.keys(c, "Enter");
        assert_eq!(h.ok("display-message -p '#W'"), "work-x\n");
    }

    #[test]
    fn command_prompt_fails_without_an_attached_client() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("command-prompt"), "no current client");
        h.attach("attach -t work", 40, 10);
        assert_eq!(
            h.err("command-prompt -t nosuch"),
            "can't find client: nosuch"
        );
    }

    #[test]
    fn command_prompt_from_a_shell_in_a_pane_opens_on_that_sessions_client() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        let reply = h.run_in_pane(
            crate::ids::PaneId(0),
            "command-prompt -p 'name? #{session_name}' 'rename-window %%'",
        );
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(h.status_line(c), "name? work");
        h.type_text(c, "asked");
        h.keys(c, "Enter");
        assert_eq!(h.ok("display-message -p '#W'"), "asked\n");
    }

    #[test]
    fn command_prompt_t_opens_on_the_named_client() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 40, 10);
        let b = h.attach("attach -t work", 40, 10);
        h.ok(&format!("command-prompt -t client-{} -I start", a.0));
        assert_eq!(h.status_line(a), ":start");
        assert!(h.status_line(b).starts_with("[work] "));
    }
}
