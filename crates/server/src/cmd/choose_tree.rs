//! `choose-tree` (`C-b s`, `C-b w`): sessions, their windows and their panes as a tree in
//! place of the window, with the highlighted item's pane below; Enter switches to it. `-s`
//! starts with sessions folded, `-w` with windows folded; `-f` keeps the items a format is
//! true for, `-O` sorts by `index`, `name` or `time`, `-r` reverses, `-N` leaves out the
//! preview; a template runs with `%%` as the chosen target. Keys are `input::chooser`'s.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::ids::SessionId;
use crate::model::mode::{ChooseItem, Chooser, Mode, Preview};
use crate::model::session::Session;
use crate::model::state::State;
use crate::model::vars::Scope;
use crate::model::window::Window;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "choose-tree",
    alias: None,
    flags: "F:f:GK:NO:rst:wZ",
    usage: "[-GNrswZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// How choose-tree was asked to build its list.
struct Options<'a> {
    sort: &'a str,
    reverse: bool,
    filter: Option<&'a str>,
    template: &'a str,
    preview: bool,
}

/// Runs choose-tree for the current client (from a shell in a pane, the latest client of
/// that session).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, None)?;
    let current = state
        .clients
        .get(&client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let sort = args.value('O').unwrap_or("index");
    if !["index", "name", "time"].contains(&sort) {
        return Err(format!("invalid sort order: {sort}"));
    }
    let opts = Options {
        sort,
        reverse: args.has('r'),
        filter: args.value('f'),
        template: args
            .positional
            .first()
            .map_or("switch-client -t '%%'", String::as_str),
        preview: !args.has('N'),
    };
    let (items, selected) = build(state, current, &opts);
    let mut chooser = Chooser::new(items, selected);
    chooser.tree = true;
    chooser.refresh = Some(refresh_command(args, sort));
    for (i, item) in chooser.items.iter().enumerate() {
        let fold = (args.has('s') && item.depth == 0) || (args.has('w') && item.depth == 1);
        if fold && chooser.has_children(i) {
            chooser.folded.insert(item.key.clone());
        }
    }
    if chooser.items.is_empty() {
        return Ok(Outcome::Done);
    }
    chooser.settle();
    if let Some(c) = state.clients.get_mut(&client) {
        c.mode = Mode::Choose(chooser);
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

/// Returns the command that builds the same list again, in `sort` order.
fn refresh_command(args: &Args, sort: &str) -> String {
    let mut words = vec!["choose-tree".to_string()];
    for flag in ['N', 'r'] {
        if args.has(flag) {
            words.push(format!("-{flag}"));
        }
    }
    if let Some(f) = args.value('f') {
        words.push(format!("-f {}", super::bind_key::quote(f)));
    }
    words.push(format!("-O {sort}"));
    if let Some(t) = args.positional.first() {
        words.push(super::bind_key::quote(t));
    }
    words.join(" ")
}

/// Builds the items and finds the current window's.
fn build(state: &State, current: SessionId, opts: &Options) -> (Vec<ChooseItem>, usize) {
    let mut items = Vec::new();
    let mut selected = 0;
    let mut sessions: Vec<&Session> = state.sessions.iter().collect();
    match opts.sort {
        "time" => sessions.sort_by_key(|s| std::cmp::Reverse(s.last_used)),
        _ => sessions.sort_by(|a, b| a.name.cmp(&b.name)),
    }
    if opts.reverse {
        sessions.reverse();
    }
    for s in sessions {
        let at = items.len();
        items.push(session_item(state, s, opts));
        let mut windows: Vec<&Window> = s.windows.iter().collect();
        match opts.sort {
            "name" => windows.sort_by(|a, b| a.name.cmp(&b.name)),
            "time" => windows.sort_by_key(|w| recency(s, w)),
            _ => {}
        }
        if opts.reverse {
            windows.reverse();
        }
        let mut any = false;
        for w in windows {
            let before = items.len();
            if s.id == current && w.id == s.current {
                selected = before;
            }
            let mut kept = window_items(state, s, w, opts);
            if !kept.is_empty() {
                any = true;
                items.append(&mut kept);
            }
        }
        let shown = opts.filter.is_none() || any || matches(state, opts, Scope::of_session(s.id));
        if !shown {
            items.truncate(at);
        }
    }
    let selected = selected.min(items.len().saturating_sub(1));
    (items, selected)
}

/// Returns how long ago a window was current: 0 for the current one, then in the order the
/// session left them (last-window's first).
fn recency(s: &Session, w: &Window) -> usize {
    if w.id == s.current {
        return 0;
    }
    s.history
        .iter()
        .rev()
        .position(|h| *h == w.id)
        .map_or(usize::MAX, |p| p + 1)
}

/// Returns whether the `-f` filter is true for a scope (always without one).
fn matches(state: &State, opts: &Options, scope: Scope) -> bool {
    opts.filter.is_none_or(|f| {
        crate::config::format::is_true(&crate::model::vars::expand(state, scope, f))
    })
}

/// Returns a session's line.
fn session_item(state: &State, s: &Session, opts: &Options) -> ChooseItem {
    let attached = state.clients.values().any(|c| c.session == Some(s.id));
    let target = format!("${}", s.id.0);
    ChooseItem {
        label: format!(
            "{}: {} windows{}",
            s.name,
            s.windows.len(),
            if attached { " (attached)" } else { "" }
        ),
        command: opts.template.replace("%%", &target),
        delete: Some(format!("kill-session -t '{target}'")),
        confirm: Some(format!("Kill session {}?", s.name)),
        key: target,
        depth: 0,
        ..ChooseItem::default()
    }
}

/// Returns a window's line and its panes' (when it has more than one), those the filter
/// keeps.
fn window_items(state: &State, s: &Session, w: &Window, opts: &Options) -> Vec<ChooseItem> {
    let marked = state
        .marked_pane()
        .is_some_and(|p| w.layout.rect(p).is_some());
    let flags = w.flags(w.id == s.current, s.last_window() == Some(w.id), marked);
    let target = format!("@{}", w.id.0);
    let preview = |pane| {
        if opts.preview {
            Preview::Pane(pane)
        } else {
            Preview::None
        }
    };
    let mut panes = Vec::new();
    if w.layout.len() > 1 {
        for (i, pane) in w.panes().into_iter().enumerate() {
            let scope = Scope::of_pane(s.id, w.id, pane);
            if !matches(state, opts, scope) {
                continue;
            }
            let title = state
                .panes
                .get(&pane)
                .map(|p| p.title().to_string())
                .unwrap_or_default();
            panes.push(ChooseItem {
                label: format!("{i}: %{} \"{title}\"", pane.0),
                command: opts.template.replace("%%", &format!("%{}", pane.0)),
                delete: Some(format!("kill-pane -t '%{}'", pane.0)),
                confirm: Some(format!("Kill pane {i}?")),
                preview: preview(pane),
                key: format!("%{}", pane.0),
                depth: 2,
            });
        }
    }
    let me = matches(state, opts, Scope::of_pane(s.id, w.id, w.active));
    if panes.is_empty() && !me {
        return panes;
    }
    let mut items = vec![ChooseItem {
        label: format!(
            "{}: {}{} ({} panes)",
            w.index,
            w.name,
            flags,
            w.layout.len()
        ),
        command: opts.template.replace("%%", &target),
        delete: Some(format!("kill-window -t '{target}'")),
        confirm: Some(format!("Kill window {}?", w.index)),
        preview: preview(w.active),
        key: target,
        depth: 1,
    }];
    items.append(&mut panes);
    items
}

#[cfg(test)]
mod tests {
    use crate::ids::ClientId;
    use crate::testing::Harness;

    /// Session `work` (window 0 split in two, window 1 `two` current) and session `other`,
    /// with a client of 50x12 attached to `work`.
    fn tree() -> (Harness, ClientId) {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 50, 30);
        h.ok("split-window -h");
        h.ok("new-window -n two");
        h.ok("new-session -d -s other");
        (h, c)
    }

    #[test]
    fn choose_tree_lists_sessions_and_windows_with_split_windows_folded() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w");
        let screen = h.screen(c);
        assert_eq!(
            screen[..6],
            [
                "(0) - other: 1 windows",
                "(1)   - 0: sh* (1 panes)",
                "(2) - work: 2 windows (attached)",
                "(3)   + 0: sh- (2 panes)",
                "(4)   - 1: two* (1 panes)",
                "",
            ]
        );
        assert_eq!(h.reversed_lines(c), ["(4)   - 1: two* (1 panes)"]);
    }

    #[test]
    fn right_unfolds_a_window_and_enter_switches_to_the_chosen_pane() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w Up Right Down");
        assert_eq!(h.reversed_lines(c), ["(4)     - 0: %0 \"testhost\""]);
        h.keys(c, "Enter");
        assert_eq!(
            h.ok("display-message -p '#{session_name}:#{window_index} #{pane_id}'"),
            "work:0 %0\n"
        );
        assert!(h.status_line(c).starts_with("[work] 0:sh* 1:two-"));
    }

    #[test]
    fn choose_tree_enter_on_a_session_switches_the_client_to_it() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w");
        h.keys(c, "0");
        assert!(h.status_line(c).starts_with("[other] 0:sh*"));
        assert_eq!(h.ok("list-clients -F '#{client_session}'"), "other\n");
    }

    #[test]
    fn choose_tree_s_starts_with_the_sessions_folded() {
        let (mut h, c) = tree();
        h.keys(c, "C-b s");
        let screen = h.screen(c);
        assert_eq!(
            screen[..3],
            [
                "(0) + other: 1 windows",
                "(1) + work: 2 windows (attached)",
                ""
            ]
        );
        assert_eq!(h.reversed_lines(c), ["(1) + work: 2 windows (attached)"]);
        h.keys(c, "Up Enter");
        assert!(h.status_line(c).starts_with("[other] "));
    }

    #[test]
    fn x_asks_and_kills_and_the_tree_stays_open() {
        let (mut h, c) = tree();
        h.keys(c, "C-b w");
        h.keys(c, "x");
        assert!(h
            .screen(c)
            .iter()
            .any(|l| l.starts_with("Kill window 1? (y/n)")));
        h.keys(c, "y");
        assert_eq!(h.ok("list-windows -t work -F '#{window_name}'"), "sh\n");
        let screen = h.screen(c);
        assert_eq!(screen[2], "(2) - work: 1 windows (attached)", "{screen:?}");
    }

    #[test]
    fn tagged_windows_are_killed_together_and_a_filter_narrows_the_list() {
        let (mut h, c) = tree();
        h.ok("new-window -d -t work: -n three");
        h.keys(c, "C-b w");
        h.keys(c, "/");
        h.type_text(c, "two");
        h.keys(c, "Enter");
        assert_eq!(
            h.screen(c)[..2],
            [
                "(0) - work: 3 windows (attached)",
                "(1)   - 1: two* (1 panes)"
            ]
        );
        h.keys(c, "/ C-u Enter");
        h.keys(c, "t t");
        h.keys(c, "X y");
        assert_eq!(h.ok("list-windows -t work -F '#{window_name}'"), "sh\n");
    }

    #[test]
    fn capital_o_sorts_by_name_and_f_filters_with_a_format() {
        let (mut h, c) = tree();
        h.ok("rename-window -t work:0 zzz");
        h.ok("new-window -d -t work:5 -n aaa");
        h.keys(c, "C-b w O");
        let screen = h.screen(c);
        assert_eq!(screen[3], "(3)   - 5: aaa (1 panes)", "{screen:?}");
        h.keys(c, "q");
        h.ok("choose-tree -f '#{==:#{window_name},aaa}'");
        let screen = h.screen(c);
        assert_eq!(
            screen[..3],
            [
                "(0) - work: 3 windows (attached)",
                "(1)   - 5: aaa (1 panes)",
                ""
            ]
        );
    }

    #[test]
    fn choose_tree_is_left_with_q_or_escape_without_switching() {
        let (mut h, c) = tree();
        for key in ["q", "Escape"] {
            h.keys(c, "C-b w Up");
            h.keys(c, key);
            assert!(h.reversed_lines(c).is_empty());
            assert_eq!(h.ok("display-message -p '#{window_index}'"), "1\n");
            assert!(h.status_line(c).starts_with("[work] "));
        }
    }

    #[test]
    fn choose_tree_fails_without_an_attached_client() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("choose-tree"), "no current client");
    }

    #[test]
    fn choose_tree_from_a_shell_in_a_pane_opens_on_that_sessions_client() {
        let (mut h, c) = tree();
        let reply = h.run_in_pane(crate::ids::PaneId(2), "choose-tree -s");
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(h.reversed_lines(c), ["(1) + work: 2 windows (attached)"]);
    }
}
