//! `display-panes` (`displayp`): show each pane's number; typing one selects that pane.

use std::time::Duration;

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::mode::Mode;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "display-panes",
    alias: Some("displayp"),
    flags: "bd:Nt:",
    usage: "[-bN] [-d duration] [-t target-client] [template]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs display-panes on the `-t` client or the current client (from a shell in a pane, the
/// latest client of that session) for display-panes-time milliseconds (or `-d`).
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, args.value('t'))?;
    let sid = state
        .clients
        .get(&client)
        .and_then(|c| c.session)
        .ok_or("no current client")?;
    let ms = match args.value('d') {
        Some(d) => d.parse::<u64>().map_err(|_| "delay invalid".to_string())?,
        None => state
            .options
            .session(sid, "display-panes-time")
            .as_number()
            .max(1) as u64,
    };
    if let Some(c) = state.clients.get_mut(&client) {
        c.mode = Mode::PaneNumbers(state.os.now() + Duration::from_millis(ms.max(1)));
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use mux_protocol::Color;

    use crate::ids::ClientId;
    use crate::testing::Harness;

    /// Returns how many cells above a client's status line are drawn on a coloured
    /// background, as display-panes draws its block digits.
    fn block_cells(h: &mut Harness, c: ClientId) -> usize {
        let screen = h.client_screen(c);
        let panes = screen.rows.len().saturating_sub(1);
        screen.rows[..panes]
            .iter()
            .flatten()
            .filter(|cell| cell.style.bg != Color::Default)
            .count()
    }

    /// A session of two side-by-side panes (%0 and %1, %1 active) with a client of 41x12.
    fn two_panes() -> (Harness, ClientId) {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 41, 12);
        h.ok("split-window -h");
        (h, c)
    }

    #[test]
    fn display_panes_draws_each_panes_number_and_size() {
        let (mut h, c) = two_panes();
        assert_eq!(block_cells(&mut h, c), 0);
        h.keys(c, "C-b q");
        let screen = h.screen(c);
        assert!(screen[0].ends_with("20x11"), "{:?}", screen[0]);
        assert!(
            screen[0].starts_with("               20x11"),
            "{:?}",
            screen[0]
        );
        // A 0 (16 cells) and a 1 (5 cells) in block digits.
        assert_eq!(block_cells(&mut h, c), 16 + 5);
    }

    #[test]
    fn display_panes_selects_the_pane_whose_number_is_typed() {
        let (mut h, c) = two_panes();
        h.keys(c, "C-b q");
        h.keys(c, "0");
        assert_eq!(h.ok("display-message -p '#{pane_id}'"), "%0\n");
        assert_eq!(block_cells(&mut h, c), 0, "the numbers are gone");
        assert_eq!(h.fake.take_input(crate::ids::PaneId(0)), "");
    }

    #[test]
    fn display_panes_goes_away_at_any_other_key_or_after_display_panes_time() {
        let (mut h, c) = two_panes();
        h.keys(c, "C-b q");
        h.keys(c, "x");
        assert_eq!(block_cells(&mut h, c), 0);
        assert_eq!(h.ok("display-message -p '#{pane_id}'"), "%1\n");
        h.keys(c, "C-b q");
        h.pass_time(Duration::from_millis(900));
        assert_ne!(block_cells(&mut h, c), 0, "display-panes-time is 1s");
        h.pass_time(Duration::from_millis(200));
        assert_eq!(block_cells(&mut h, c), 0);
    }

    #[test]
    fn display_panes_d_sets_how_long_the_numbers_stay() {
        let (mut h, c) = two_panes();
        h.ok("bind-key Q display-panes -d 5000");
        h.keys(c, "C-b Q");
        h.pass_time(Duration::from_millis(4000));
        assert_ne!(block_cells(&mut h, c), 0);
        h.pass_time(Duration::from_millis(1100));
        assert_eq!(block_cells(&mut h, c), 0);
    }

    #[test]
    fn display_panes_fails_without_an_attached_client_or_with_a_bad_duration() {
        let (mut h, c) = two_panes();
        h.ok("bind-key Q display-panes -d soon");
        h.keys(c, "C-b Q");
        assert_eq!(h.status_line(c), "delay invalid");
        assert_eq!(
            h.err("display-panes -t nosuch"),
            "can't find client: nosuch"
        );
        let mut alone = Harness::with_session();
        assert_eq!(alone.err("display-panes"), "no current client");
    }

    #[test]
    fn display_panes_from_a_shell_in_a_pane_shows_the_numbers_to_that_sessions_client() {
        let (mut h, c) = two_panes();
        let reply = h.run_in_pane(crate::ids::PaneId(0), "display-panes");
        assert_eq!(reply.status, Some(0), "{}", reply.stderr);
        assert_eq!(block_cells(&mut h, c), 16 + 5);
        h.keys(c, "0");
        assert_eq!(h.ok("display-message -p '#{pane_id}'"), "%0\n");
    }

    #[test]
    fn display_panes_t_shows_the_numbers_to_the_named_client() {
        let (mut h, c) = two_panes();
        let other = h.attach("attach -t work", 41, 12);
        h.ok(&format!("display-panes -t client-{}", c.0));
        assert_eq!(block_cells(&mut h, c), 16 + 5);
        assert_eq!(block_cells(&mut h, other), 0);
    }
}
