//! `refresh-client` (`refresh`): redraw a client (`-t`, else the current one) from scratch;
//! `-S` only its status line. When the window is larger than the client, `-L`, `-R`, `-U`
//! and `-D` move the part it shows by the adjustment (1 by default) and `-c` makes it follow
//! the cursor again.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "refresh-client",
    alias: Some("refresh"),
    flags: "cDLRSt:U",
    usage: "[-cDLRSU] [-t target-client] [adjustment]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs refresh-client.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let client = super::detach_client::target_client(state, ctx, args.value('t'))?;
    let adjustment = match args.positional.first() {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| format!("adjustment is invalid: {n}"))?,
        None => 1,
    };
    let moves = [('L', -1, 0), ('R', 1, 0), ('U', 0, -1), ('D', 0, 1)];
    if let Some(&(_, dx, dy)) = moves.iter().find(|(f, ..)| args.has(*f)) {
        let c = state.clients.get(&client).ok_or("no current client")?;
        let (x, y) = crate::model::hit::window_offset(state, c);
        let step = |at: usize, d: i32| match d {
            -1 => at.saturating_sub(adjustment),
            1 => at.saturating_add(adjustment),
            _ => at,
        };
        let pan = (step(x, dx), step(y, dy));
        if let Some(c) = state.clients.get_mut(&client) {
            c.pan = Some(pan);
            c.dirty = true;
        }
        return Ok(Outcome::Done);
    }
    if args.has('c') {
        if let Some(c) = state.clients.get_mut(&client) {
            c.pan = None;
            c.dirty = true;
        }
        return Ok(Outcome::Done);
    }
    if let Some(c) = state.clients.get_mut(&client) {
        if args.has('S') {
            c.dirty = true;
        } else {
            c.invalidate();
        }
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_window_larger_than_the_client_is_panned_and_follows_the_cursor_again_with_c() {
        let mut h = Harness::with_session();
        h.ok("set -g window-size manual");
        h.ok("resize-window -x 120 -y 40");
        let c = h.attach("attach -t work", 80, 24);
        h.output(crate::ids::PaneId(0), "0123456789abcdef\r\n");
        assert!(h.screen(c)[0].starts_with("0123456789abcdef"));
        h.keys(c, "C-b S-Right");
        assert!(h.screen(c)[0].starts_with("abcdef"), "{:?}", h.screen(c)[0]);
        h.keys(c, "C-b DC");
        assert!(h.screen(c)[0].starts_with("0123456789abcdef"));
        assert_eq!(h.err("refresh-client -L 0"), "adjustment is invalid: 0");
    }

    #[test]
    fn refresh_redraws_the_client_and_needs_one() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("refresh-client"), "no current client");
        let c = h.attach("attach -t work", 40, 6);
        let before = h.screen(c);
        h.keys(c, "C-b r");
        assert_eq!(h.screen(c), before);
        assert_eq!(h.status_line(c), before[5]);
    }
}
