use crate::ids::PaneId;
use crate::testing::Harness;

#[test]
fn set_hook_and_show_hooks_as_tmux_prints_them() {
    let mut h = Harness::with_session();
    h.ok("set-hook -g after-new-window 'display hi'");
    h.ok("set-hook -ga after-new-window 'display there'");
    let all = h.ok("show-hooks -g");
    assert!(all.starts_with("after-bind-key\n"), "{all}");
    assert!(
        all.contains(
            "\nafter-new-window[0] \"display hi\"\nafter-new-window[1] \"display there\"\n"
        ),
        "{all}"
    );
    assert!(!all.contains("pane-exited"), "window hooks need -w");
    assert!(h.ok("show-hooks -gw").contains("pane-exited\n"));
    assert_eq!(h.ok("show-hooks"), "", "the session has none of its own");
    h.ok("set-hook session-renamed 'display renamed'");
    assert_eq!(
        h.ok("show-hooks"),
        "session-renamed[0] \"display renamed\"\n"
    );
    h.ok("set-hook -gu after-new-window");
    assert!(h.ok("show-hooks -g").contains("\nafter-new-window\n"));
    assert_eq!(
        h.err("set-hook -g nosuch 'display x'"),
        "invalid option: nosuch"
    );
    assert_eq!(
        h.err("set-hook -g session-created 'nosuchcmd'"),
        "unknown command: nosuchcmd"
    );
    assert!(
        !h.ok("show -g").contains("after-new-window"),
        "hooks are not options to show"
    );
}

#[test]
fn after_hooks_run_after_their_command_on_what_it_made() {
    let mut h = Harness::with_session();
    h.ok("set-hook -g after-split-window \
         'set -gF @split \"#{hook} #{pane_id} #{hook_pane} #{hook_arguments}\"'");
    h.ok("split-window -h");
    assert_eq!(
        h.ok("show -gv @split"),
        "after-split-window %1 %1 -h\n",
        "the new pane"
    );
    h.ok("set-hook -g after-new-window 'rename-window from-hook'");
    h.ok("new-window");
    assert_eq!(h.ok("display -p '#W'"), "from-hook\n");
    h.ok("new-window -d -n quiet");
    assert_eq!(
        h.ok("list-windows -F '#I:#W'"),
        "0:sh\n1:from-hook\n2:from-hook\n",
        "a window made with -d is still the one the hook is for"
    );
}

#[test]
fn event_hooks_run_with_the_formats_of_their_object() {
    let mut h = Harness::with_session();
    h.ok("set-hook -g session-created 'set -gF @created \"#{hook_session_name} #{session_name}\"'");
    h.ok("new-session -d -s other");
    assert_eq!(h.ok("show -gv @created"), "other other\n");
    h.ok("set-hook -g session-closed 'set -gF @closed \"#{hook_session_name}\"'");
    h.ok("kill-session -t other");
    assert_eq!(h.ok("show -gv @closed"), "other\n");
    h.ok("set-hook -g window-renamed 'set -gF @renamed \"#{hook_window_name}\"'");
    h.ok("rename-window editor");
    assert_eq!(h.ok("show -gv @renamed"), "editor\n");
}

#[test]
fn pane_exited_and_pane_died_fire_when_a_program_ends() {
    let mut h = Harness::with_session();
    h.ok("split-window");
    h.ok("set-hook -g pane-exited 'set -gF @exited \"#{hook_pane}\"'");
    h.ok("set-hook -g pane-died 'set -gF @died \"#{hook_pane} #{pane_dead}\"'");
    h.exit(PaneId(1), 0);
    assert_eq!(h.ok("show -gv @exited"), "%1\n");
    h.ok("split-window");
    h.ok("set -p -t %2 remain-on-exit on");
    h.exit(PaneId(2), 3);
    assert_eq!(h.ok("show -gv @died"), "%2 1\n");
}

#[test]
fn client_hooks_fire_as_clients_attach_and_detach() {
    let mut h = Harness::with_session();
    h.ok("set-hook -g client-attached 'set -ga @seen attached,'");
    h.ok("set-hook -g client-detached 'set -ga @seen detached,'");
    h.ok("set -g @seen ''");
    let c = h.attach("attach -t work", 40, 6);
    h.keys(c, "C-b d");
    assert_eq!(h.ok("show -gv @seen"), "attached,detached,\n");
}

#[test]
fn r_runs_a_hook_now_and_a_hook_does_not_set_off_hooks() {
    let mut h = Harness::with_session();
    h.ok("set-hook -g after-new-window 'new-window -d'");
    h.ok("new-window");
    assert_eq!(
        h.ok("display -p '#{session_windows}'"),
        "3\n",
        "only one more"
    );
    h.ok("set-hook -g session-renamed 'set -g @ran yes'");
    h.ok("set-hook -R session-renamed");
    assert_eq!(h.ok("show -gv @ran"), "yes\n");
}
