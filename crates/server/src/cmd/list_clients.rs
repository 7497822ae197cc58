//! `list-clients` (`lsc`): one line per attached client (`-f`: those a filter format is
//! true for).

use super::{target, Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "list-clients",
    alias: Some("lsc"),
    flags: "F:f:t:",
    usage: "[-F format] [-f filter] [-t target-session]",
    args: (0, 0),
    target: Target::None,
    source: Target::None,
    exec,
};

/// tmux's default line.
const FORMAT: &str =
    "#{client_name}: #{session_name} [#{client_width}x#{client_height} #{client_termname}]";

/// Runs list-clients: every attached client, or those of the `-t` session; the format and
/// the filter are expanded for each client.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let only = match args.value('t') {
        Some(t) => Some(target::find(state, ctx.client, t, target::Kind::Session)?.session),
        None => None,
    };
    let fmt = args.value('F').unwrap_or(FORMAT).to_string();
    let clients: Vec<_> = state
        .clients
        .values()
        .filter_map(|c| c.session.map(|s| (c.id, s)))
        .filter(|(_, s)| only.is_none_or(|o| o == *s))
        .collect();
    for (cid, sid) in clients {
        let Some(found) = target::in_session(state, sid) else {
            continue;
        };
        let scope = crate::model::vars::Scope {
            client: Some(cid),
            ..super::scope(ctx, found)
        };
        if let Some(filter) = args.value('f') {
            let value = crate::model::vars::expand(state, scope, filter);
            if !crate::config::format::is_true(&value) {
                continue;
            }
        }
        let mut line = crate::model::vars::expand(state, scope, &fmt);
        line.push('\n');
        ctx.out.push_str(&line);
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn list_clients_prints_nothing_when_no_client_is_attached() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("list-clients"), "");
    }

    #[test]
    fn list_clients_prints_each_attached_client_with_its_session_size_and_terminal() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        let a = h.attach("attach -t work", 100, 30);
        let b = h.attach("attach -t other", 80, 24);
        assert_eq!(
            h.ok("list-clients"),
            format!(
                "client-{}: work [100x30 xterm-256color]\nclient-{}: other [80x24 xterm-256color]\n",
                a.0, b.0
            )
        );
    }

    #[test]
    fn list_clients_t_lists_only_the_clients_of_that_session() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.attach("attach -t work", 100, 30);
        let b = h.attach("attach -t other", 80, 24);
        assert_eq!(
            h.ok("lsc -t other -F '#{client_name} #{client_width}x#{client_height}'"),
            format!("client-{} 80x24\n", b.0)
        );
        assert_eq!(
            h.err("list-clients -t nosuch"),
            "can't find session: nosuch"
        );
    }

    #[test]
    fn list_clients_f_formats_each_line_for_its_own_client() {
        let mut h = Harness::with_session();
        h.attach("attach -t work", 100, 30);
        h.attach("attach -t work", 60, 20);
        assert_eq!(
            h.ok("list-clients -F '#{client_session} #{client_width} #{client_termname}'"),
            "work 100 xterm-256color\nwork 60 xterm-256color\n"
        );
    }

    #[test]
    fn list_clients_filter_keeps_the_clients_it_is_true_for() {
        let mut h = Harness::with_session();
        h.ok("new-session -d -s other");
        h.attach("attach -t work", 100, 30);
        let b = h.attach("attach -t other", 80, 24);
        h.attach("attach -t work", 60, 20);
        assert_eq!(
            h.ok("list-clients -f '#{==:#{client_session},other}' -F '#{client_name}'"),
            format!("client-{}\n", b.0)
        );
        assert_eq!(
            h.ok("list-clients -f '#{!=:#{client_width},100}' -F '#{client_width}'"),
            "80\n60\n"
        );
    }
}
