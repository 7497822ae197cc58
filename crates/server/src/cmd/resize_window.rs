//! `resize-window` (`resizew`): give a window a size of its own (`-x`, `-y`, or grown and
//! shrunk by `-L -R -U -D` and an adjustment, `-A` the largest client's, `-a` the
//! smallest's); as tmux, the window's window-size becomes `manual` so clients no longer
//! resize it. Sizes are clamped as every size from outside is.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::options::OptionTarget;
use crate::model::state::State;
use mux_protocol::Size;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "resize-window",
    alias: Some("resizew"),
    flags: "aADLRt:Ux:y:",
    usage: "[-aADLRU] [-t target-window] [-x width] [-y height] [adjustment]",
    args: (0, 1),
    target: Target::Window,
    source: Target::None,
    exec,
};

/// Runs resize-window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let f = ctx.target()?;
    let (cols, rows) = state
        .window(f.session, f.window)
        .ok_or("no such window")?
        .layout
        .size();
    let adjustment = match args.positional.first() {
        Some(n) => n
            .parse::<u16>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| format!("adjustment is invalid: {n}"))?,
        None => 1,
    };
    let number = |flag, what| {
        args.number(flag, 1, 10000)
            .map_err(|_| format!("{what} is invalid: {}", args.value(flag).unwrap_or("")))
    };
    let mut size = Size {
        cols: number('x', "width")?.unwrap_or(cols),
        rows: number('y', "height")?.unwrap_or(rows),
    };
    if args.has('A') || args.has('a') {
        let sizes = state
            .clients
            .values()
            .filter(|c| c.session == Some(f.session))
            .map(|c| {
                let s = c.size();
                let lines = crate::model::resize::status_lines(state, f.session);
                crate::model::resize::window_area(s.cols, s.rows, lines)
            });
        let pick = if args.has('A') {
            sizes.reduce(|a, b| (a.0.max(b.0), a.1.max(b.1)))
        } else {
            sizes.reduce(|a, b| (a.0.min(b.0), a.1.min(b.1)))
        };
        if let Some((c, r)) = pick {
            size = Size { cols: c, rows: r };
        }
    }
    if args.has('L') {
        size.cols = size.cols.saturating_sub(adjustment);
    }
    if args.has('R') {
        size.cols = size.cols.saturating_add(adjustment);
    }
    if args.has('U') {
        size.rows = size.rows.saturating_sub(adjustment);
    }
    if args.has('D') {
        size.rows = size.rows.saturating_add(adjustment);
    }
    let size = crate::model::resize::clamp(size);
    let target = OptionTarget::Window(f.window);
    state
        .options
        .set("window-size", Some("manual"), target, false)?;
    if let Some(w) = state.window_mut(f.session, f.window) {
        w.layout.resize(size.cols, size.rows);
    }
    crate::model::ops::sync_window(state, f.session, f.window);
    state.mark_session_dirty(f.session);
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_window_takes_its_own_size_and_keeps_it() {
        let mut h = Harness::with_session();
        let size = |h: &mut Harness| h.ok("display -p '#{window_width}x#{window_height}'");
        h.ok("resize-window -x 100 -y 30");
        assert_eq!(size(&mut h), "100x30\n");
        assert_eq!(h.ok("show -wv window-size"), "manual\n");
        h.ok("resize-window -L 10");
        assert_eq!(size(&mut h), "90x30\n");
        h.ok("resize-window -x 5000 -y 5000");
        assert_eq!(size(&mut h), "1000x500\n", "clamped");
        let _c = h.attach("attach -t work", 60, 20);
        assert_eq!(size(&mut h), "1000x500\n", "a client no longer resizes it");
        h.ok("resize-window -a");
        assert_eq!(size(&mut h), "60x19\n");
        assert_eq!(h.err("resize-window -x 0"), "width is invalid: 0");
    }
}
