//! Target resolution over a hand-built session tree (no programs started).

use super::*;
use crate::model::client::Client;
use crate::model::layout::Split;
use crate::model::session::Session;
use crate::model::window::Window;

/// Two sessions: alpha with windows 0 (panes %0 %1) and 1 "logs" (%2), beta with window 0
/// (%3); a client that is not attached.
fn state() -> (State, ClientId) {
    let (os, _fake) = crate::model::fake::FakeOs::new();
    let mut state = State::new("/tmp/s".into(), Box::new(os));
    let mut alpha = Session::new(SessionId(0), "alpha".into(), vec![], "/".into());
    let mut w0 = Window::new(WindowId(0), 0, "sh".into(), PaneId(0), 80, 24);
    w0.layout
        .split(PaneId(0), PaneId(1), Split::Horizontal, None, false)
        .expect("split");
    w0.select_pane(PaneId(1));
    alpha.insert(w0);
    alpha.insert(Window::new(
        WindowId(1),
        1,
        "logs".into(),
        PaneId(2),
        80,
        24,
    ));
    alpha.select(WindowId(1));
    alpha.select(WindowId(0));
    alpha.last_used = 1;
    let mut beta = Session::new(SessionId(1), "beta".into(), vec![], "/".into());
    beta.insert(Window::new(WindowId(2), 0, "top".into(), PaneId(3), 80, 24));
    beta.select(WindowId(2));
    state.sessions = vec![alpha, beta];
    let (ctx, _crx) = tokio::sync::mpsc::channel(1);
    let request = mux_protocol::CommandRequest {
        argv: vec![],
        cwd: "/".into(),
        terminal: None,
        env: vec![],
    };
    state
        .clients
        .insert(ClientId(7), Client::new(ClientId(7), ctx, &request));
    (state, ClientId(7))
}

fn p(state: &State, c: ClientId, t: &str) -> Result<(u32, u32, u32), String> {
    pane(state, c, Some(t)).map(|f| (f.session.0, f.window.0, f.pane.0))
}

#[test]
fn sessions_by_name_id_prefix_and_exact() {
    let (s, _) = state();
    assert_eq!(find_session(&s, "alpha"), Ok(SessionId(0)));
    assert_eq!(find_session(&s, "$1"), Ok(SessionId(1)));
    assert_eq!(find_session(&s, "be"), Ok(SessionId(1)));
    assert_eq!(
        find_session(&s, "=be"),
        Err("can't find session: =be".into())
    );
    assert_eq!(find_session(&s, "zz"), Err("can't find session: zz".into()));
}

#[test]
fn the_default_is_the_most_recent_session() {
    let (s, c) = state();
    let f = current(&s, c).expect("current");
    assert_eq!(
        (f.session, f.window, f.pane),
        (SessionId(0), WindowId(0), PaneId(1))
    );
}

#[test]
fn windows_and_panes_in_every_spelling() {
    let (s, c) = state();
    assert_eq!(p(&s, c, "alpha:logs"), Ok((0, 1, 2)));
    assert_eq!(p(&s, c, "alpha:1"), Ok((0, 1, 2)));
    assert_eq!(p(&s, c, "alpha:0.0"), Ok((0, 0, 0)));
    assert_eq!(p(&s, c, ":.0"), Ok((0, 0, 0)));
    assert_eq!(p(&s, c, ":0.1"), Ok((0, 0, 1)));
    assert_eq!(p(&s, c, "beta"), Ok((1, 2, 3)));
    assert_eq!(p(&s, c, "@1"), Ok((0, 1, 2)));
    // `%N` names a running pane; none runs in this hand-built tree.
    assert_eq!(p(&s, c, "%3"), Err("can't find pane: %3".into()));
    assert_eq!(p(&s, c, ":{last}"), Ok((0, 1, 2)));
    assert_eq!(p(&s, c, ":!"), Ok((0, 1, 2)));
    assert_eq!(p(&s, c, ":+"), Ok((0, 1, 2)));
    assert_eq!(p(&s, c, "{last}"), Ok((0, 0, 0)));
    assert_eq!(p(&s, c, ":.+"), Ok((0, 0, 0)));
    assert_eq!(p(&s, c, "alpha:=1"), Ok((0, 1, 2)));
    assert_eq!(p(&s, c, "alpha:9"), Err("can't find window: 9".into()));
    assert_eq!(p(&s, c, "alpha:0.5"), Err("can't find pane: 5".into()));
}

/// Every spelling of a target against every kind of command, from a shell outside any
/// client (the current session is the most recent, `other`): each row gives what a session,
/// a window and a pane command find (`session:window.pane`) or the error they report.
#[test]
fn every_form_against_every_kind_of_target() {
    use super::{find, Kind};
    let mut h = crate::testing::Harness::with_session();
    h.ok("new-window -d -t work:");
    h.ok("new-window -d -t work: -n logs");
    h.ok("split-window -t work:0");
    h.ok("new-session -d -s web");
    h.ok("new-session -d -s other");
    h.ok("select-pane -m -t work:1.0");
    let show = |r: Result<Found, String>| match r {
        Ok(f) => {
            let s = h.state.session(f.session).expect("session");
            let w = s.window(f.window).expect("window");
            let p = w.pane_position(f.pane).expect("pane");
            format!("{}:{}.{}", s.name, w.index, p)
        }
        Err(e) => e,
    };
    let outside = ClientId(9999);
    let rows: &[(&str, [&str; 3])] = &[
        ("work", ["work:0.1", "work:0.1", "work:0.1"]),
        ("wo", ["work:0.1", "work:0.1", "work:0.1"]),
        (
            "w",
            [
                "can't find session: w",
                "can't find window: w",
                "can't find pane: w",
            ],
        ),
        (
            "=wor",
            [
                "can't find session: =wor",
                "can't find window: =wor",
                "can't find pane: =wor",
            ],
        ),
        ("o*", ["other:0.0", "other:0.0", "other:0.0"]),
        ("$0", ["work:0.1", "work:0.1", "work:0.1"]),
        ("@2", ["work:2.0", "work:2.0", "work:2.0"]),
        ("%1", ["work:1.0", "work:1.0", "work:1.0"]),
        ("work:", ["work:0.1", "work:0.1", "work:0.1"]),
        ("work:2", ["work:2.0", "work:2.0", "work:2.0"]),
        (
            "work:9",
            [
                "can't find window: 9",
                "can't find window: 9",
                "can't find window: 9",
            ],
        ),
        (
            "nosuch:1",
            [
                "can't find session: nosuch",
                "can't find session: nosuch",
                "can't find session: nosuch",
            ],
        ),
        ("work:logs", ["work:2.0", "work:2.0", "work:2.0"]),
        ("work:lo*", ["work:2.0", "work:2.0", "work:2.0"]),
        (
            "work:sh",
            [
                "can't find window: sh",
                "can't find window: sh",
                "can't find window: sh",
            ],
        ),
        ("work:=1", ["work:1.0", "work:1.0", "work:1.0"]),
        ("work:+1", ["work:1.0", "work:1.0", "work:1.0"]),
        ("work:-1", ["work:2.0", "work:2.0", "work:2.0"]),
        ("work:+2", ["work:2.0", "work:2.0", "work:2.0"]),
        ("work:{next}", ["work:1.0", "work:1.0", "work:1.0"]),
        ("work:{previous}", ["work:2.0", "work:2.0", "work:2.0"]),
        ("work:{start}", ["work:0.1", "work:0.1", "work:0.1"]),
        ("work:^", ["work:0.1", "work:0.1", "work:0.1"]),
        ("work:{end}", ["work:2.0", "work:2.0", "work:2.0"]),
        (
            "work:{last}",
            [
                "can't find window: !",
                "can't find window: !",
                "can't find window: !",
            ],
        ),
        ("work:0.0", ["work:0.0", "work:0.0", "work:0.0"]),
        (
            "work:0.7",
            [
                "can't find pane: 7",
                "can't find pane: 7",
                "can't find pane: 7",
            ],
        ),
        ("work:0.+1", ["work:0.0", "work:0.0", "work:0.0"]),
        ("work:0.-1", ["work:0.0", "work:0.0", "work:0.0"]),
        ("work:0.{top}", ["work:0.0", "work:0.0", "work:0.0"]),
        ("work:0.{bottom}", ["work:0.1", "work:0.1", "work:0.1"]),
        ("work:0.{last}", ["work:0.0", "work:0.0", "work:0.0"]),
        (
            "work:0.%1",
            [
                "can't find pane: %1",
                "can't find pane: %1",
                "can't find pane: %1",
            ],
        ),
        (":0", ["other:0.0", "other:0.0", "other:0.0"]),
        (
            ":1",
            [
                "can't find window: 1",
                "can't find window: 1",
                "can't find window: 1",
            ],
        ),
        (":.0", ["other:0.0", "other:0.0", "other:0.0"]),
        ("{marked}", ["work:1.0", "work:1.0", "work:1.0"]),
        ("~", ["work:1.0", "work:1.0", "work:1.0"]),
    ];
    for (form, want) in rows {
        for (kind, want) in [Kind::Session, Kind::Window, Kind::Pane]
            .into_iter()
            .zip(want)
        {
            let got = show(find(&h.state, outside, form, kind));
            assert_eq!(got, *want, "{form} as a {kind:?} target");
        }
    }
}
