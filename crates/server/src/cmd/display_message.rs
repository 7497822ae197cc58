//! `display-message` (`display`): expand a format for a target and print it (`-p`) or show
//! it on the client's status line.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "display-message",
    alias: Some("display"),
    flags: "aCc:d:F:INpt:v",
    usage: "[-aCINpv] [-c target-client] [-d delay] [-F format] [-t target-pane] [message]",
    args: (0, 1),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// tmux's default message.
const DEFAULT: &str =
    "[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - (%H:%M %d-%b-%y)";

/// Runs display-message: `-p` prints; otherwise the message goes to the status line of the
/// `-c` client or the current client (from a shell in a pane, the latest client of that
/// session) for `-d` milliseconds (`display-time` by default, 0 until a key), and is printed
/// when there is no client to show it, as in tmux. `-v` also prints the format expanded;
/// `-I` writes the command client's standard input into the pane as if its program had.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    if args.has('I') {
        return read_into_pane(state, ctx, f.pane);
    }
    let delay = match args.value('d') {
        Some(d) => Some(
            d.parse::<u64>()
                .map_err(|_| format!("delay invalid: {d}"))?,
        ),
        None => None,
    };
    let fmt = args
        .value('F')
        .or(args.positional.first().map(String::as_str))
        .unwrap_or(DEFAULT);
    let shown_on = match args.value('c') {
        Some(name) => Some(super::detach_client::target_client(state, ctx, Some(name))?),
        None => super::detach_client::current_client(state, ctx),
    };
    let scope = match shown_on {
        Some(client) => crate::model::vars::Scope {
            client: Some(client),
            ..super::scope(ctx, f)
        },
        None => super::client_scope(state, ctx, f),
    };
    let timed = crate::config::time::format(state.os.wall_clock(), fmt);
    let text = crate::model::vars::expand(state, scope, &timed);
    if args.has('v') {
        ctx.out
            .push_str(&format!("# expanding format: {fmt}\n# result is: {text}\n"));
    }
    match shown_on {
        Some(client) if !args.has('p') => super::show_message_for(state, client, &text, delay),
        _ => {
            ctx.out.push_str(&text);
            ctx.out.push('\n');
        }
    }
    Ok(Outcome::Done)
}

/// Starts reading the command client's standard input into `pane` (`-I`).
fn read_into_pane(
    state: &mut State,
    ctx: &Ctx,
    pane: crate::ids::PaneId,
) -> Result<Outcome, String> {
    let c = state.clients.get_mut(&ctx.client).ok_or("no client")?;
    if c.session.is_some() {
        return Err("display-message -I: an attached client has no standard input to read".into());
    }
    c.send(mux_protocol::ServerMsg::ReadStdin);
    state.queue.stdin_panes.insert(ctx.client, pane);
    Ok(Outcome::Wait)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::testing::Harness;

    #[test]
    fn display_message_p_prints_the_format_expanded_for_the_current_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        assert_eq!(
            h.ok("display-message -p '#{session_name}:#{window_index}.#{pane_index} #{pane_id} #S #W'"),
            "work:0.1 %1 work sh\n"
        );
        assert_eq!(h.ok("display -p -F '#{pane_width}'"), "39\n");
    }

    #[test]
    fn history_bytes_counts_the_memory_of_the_history() {
        let mut h = Harness::with_session();
        let bytes = |h: &mut Harness| -> usize {
            h.ok("display -p '#{history_bytes}'")
                .trim()
                .parse()
                .unwrap_or(0)
        };
        let before = bytes(&mut h);
        let text: String = (1..=500).map(|i| format!("line {i}\r\n")).collect();
        h.output(crate::ids::PaneId(0), &text);
        assert!(
            bytes(&mut h) > before + 500,
            "500 lines of history take memory"
        );
    }

    #[test]
    fn display_message_without_a_format_prints_tmuxs_default_message() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.ok("display-message -p"),
            "[work] 0:sh, current pane 0 - (02:31 24-Nov-26)\n"
        );
    }

    #[test]
    fn display_message_expands_strftime_escapes_in_the_format() {
        let mut h = Harness::with_session();
        assert_eq!(
            h.ok("display-message -p '%Y-%m-%d #S'"),
            "2026-11-24 work\n"
        );
    }

    #[test]
    fn display_message_t_expands_the_format_for_the_target_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-window -n two");
        assert_eq!(
            h.ok("display-message -p -t %0 '#{window_name} #{pane_index} #{pane_active}'"),
            "sh 0 0\n"
        );
        assert_eq!(h.err("display-message -p -t %9 x"), "can't find pane: %9");
    }

    #[test]
    fn display_message_shows_the_message_on_the_status_line_of_the_client_that_asked() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 60, 10);
        h.keys(c, "C-b i");
        assert_eq!(
            h.status_line(c),
            "[work] 0:sh, current pane 0 - (02:31 24-Nov-26)"
        );
        h.ok("bind-key M display-message 'hello #{client_width}'");
        h.keys(c, "C-b M");
        assert_eq!(h.status_line(c), "hello 60");
        h.pass_time(Duration::from_millis(800));
        assert!(
            h.status_line(c).starts_with("[work] 0:sh*"),
            "display-time is 750ms"
        );
    }

    #[test]
    fn display_message_from_a_shell_in_a_pane_shows_on_that_sessions_client() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 60, 10);
        let reply = h.run_in_pane(
            crate::ids::PaneId(0),
            "display-message 'build #{pane_id} done'",
        );
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(reply.stdout, "", "nothing is printed");
        assert_eq!(h.status_line(c), "build %0 done");
    }

    #[test]
    fn display_message_from_outside_shows_on_the_latest_client_and_prints_without_one() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("display-message hello"), "hello\n");
        let a = h.attach("attach -t work", 60, 10);
        let b = h.attach("attach -t work", 60, 10);
        h.keys(a, "x");
        assert_eq!(h.ok("display-message 'hello #{client_name}'"), "");
        assert_eq!(h.status_line(a), format!("hello client-{}", a.0));
        assert!(h.status_line(b).starts_with("[work] "));
    }

    #[test]
    fn d_sets_how_long_and_v_shows_the_expansion() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 60, 10);
        h.ok("display-message -d 3000 long");
        h.pass_time(Duration::from_millis(2000));
        assert_eq!(h.status_line(c), "long");
        h.ok("display-message -d 0 sticky");
        h.pass_time(Duration::from_secs(60));
        assert_eq!(h.status_line(c), "sticky");
        h.keys(c, "x");
        assert!(h.status_line(c).starts_with("[work] "), "a key clears it");
        assert_eq!(
            h.ok("display -pv '#S'"),
            "# expanding format: #S\n# result is: work\nwork\n"
        );
        assert_eq!(h.err("display -d soon x"), "delay invalid: soon");
    }

    #[test]
    fn i_writes_standard_input_into_the_pane() {
        let mut h = Harness::with_session();
        let client = h.start("display-message -I -t %0");
        h.send(
            client,
            mux_protocol::ClientMsg::Stdin(b"from stdin\r\n".to_vec()),
        );
        assert_eq!(h.reply_of(client).status, None);
        h.send(client, mux_protocol::ClientMsg::StdinEnd);
        assert_eq!(h.reply_of(client).status, Some(0));
        assert_eq!(h.ok("capture-pane -p -E 0"), "from stdin\n");
    }

    #[test]
    fn display_message_c_shows_on_the_named_client() {
        let mut h = Harness::with_session();
        let a = h.attach("attach -t work", 60, 10);
        let b = h.attach("attach -t work", 60, 10);
        h.ok(&format!("display-message -c client-{} to-b", b.0));
        assert_eq!(h.status_line(b), "to-b");
        assert!(h.status_line(a).starts_with("[work] "));
        assert_eq!(
            h.err("display-message -c nosuch x"),
            "can't find client: nosuch"
        );
    }
}
