use crate::testing::Harness;

#[test]
fn a_format_condition_picks_the_command_to_run() {
    let mut h = Harness::with_session();
    h.ok("if -F '#{==:#{session_name},work}' 'rename-window yes' 'rename-window no'");
    assert_eq!(h.ok("display -p '#W'"), "yes\n");
    h.ok("if -F '#{pane_in_mode}' 'rename-window yes' 'rename-window no'");
    assert_eq!(h.ok("display -p '#W'"), "no\n");
    h.ok("if -F '' 'rename-window again'");
    assert_eq!(h.ok("display -p '#W'"), "no\n");
}

#[test]
fn a_shell_condition_runs_without_blocking_and_its_status_picks_the_branch() {
    let mut h = Harness::with_session();
    let client = h.start("if 'test -e /etc/#{session_name}' 'rename-window yes' 'rename-window no' ; display -p after");
    let job = h.last_job();
    assert_eq!(
        job.command, "test -e /etc/work",
        "the condition is a format"
    );
    assert_eq!(h.reply_of(client).status, None, "the command line waits");
    assert_eq!(
        h.ok("display -p '#W'"),
        "sh\n",
        "the server goes on meanwhile"
    );
    h.finish_job("", 1);
    let reply = h.reply_of(client);
    assert_eq!((reply.stdout.as_str(), reply.status), ("after\n", Some(0)));
    assert_eq!(h.ok("display -p '#W'"), "no\n");
    h.start("if true 'rename-window yes'");
    h.finish_job("", 0);
    assert_eq!(h.ok("display -p '#W'"), "yes\n");
}

#[test]
fn in_the_background_the_command_line_does_not_wait() {
    let mut h = Harness::with_session();
    assert_eq!(
        h.ok("if -b 'sleep 1' 'rename-window later' ; display -p now"),
        "now\n"
    );
    assert_eq!(h.ok("display -p '#W'"), "sh\n");
    h.finish_job("", 0);
    assert_eq!(h.ok("display -p '#W'"), "later\n");
}
