//! `split-window` (`splitw`): split a pane in two and start a program in the new one.

use super::{parse_size, target, Args, Ctx, Outcome, Spec, Target};
use crate::model::layout::{Split, SplitSize};
use crate::model::ops::{self, Launch, SplitSpec};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "split-window",
    alias: Some("splitw"),
    flags: "bc:dfF:hl:p:Pt:vZ",
    usage: "[-bdfhPvZ] [-c start-directory] [-F format] [-l size] [-p percentage] [-t target-pane] [shell-command]",
    args: (0, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs split-window: `-h` side by side, `-v` (default) stacked; `-l N` or `-l N%` (or the
/// older `-p N`) sizes the new pane; `-b` puts it before; `-d` keeps the old pane active; `-Z`
/// zooms the window.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let split = split_spec(args)?;
    let cwd = args
        .value('c')
        .map(|c| crate::model::vars::expand(state, super::scope(ctx, found), c));
    let launch = Launch {
        cwd: cwd.as_deref(),
        command: &args.positional,
        env: &[],
    };
    let pane = ops::split_pane(
        state,
        found.session,
        found.window,
        found.pane,
        &split,
        &launch,
    )?;
    if args.has('Z') {
        // As tmux: the window is zoomed on its active pane (the new one, unless -d).
        if let Some(w) = state.window_mut(found.session, found.window) {
            w.zoomed = true;
        }
        ops::sync_window(state, found.session, found.window);
    }
    ctx.made = Some(target::Found { pane, ..found });
    if args.has('P') {
        let fmt = args
            .value('F')
            .unwrap_or("#{session_name}:#{window_index}.#{pane_index}");
        let f = target::Found { pane, ..found };
        ctx.out.push_str(&super::print_format(state, ctx, f, fmt));
    }
    Ok(Outcome::Done)
}

/// Reads how to split from the flags split-window and join-pane share: `-h` side by side,
/// `-v` (the default) stacked, `-l N`/`-l N%` or the older `-p N` for the new pane's size,
/// `-b` to put it before, `-d` to keep the old pane active.
pub fn split_spec(args: &Args) -> Result<SplitSpec, String> {
    let size = match (args.value('l'), args.value('p')) {
        (Some(l), _) => Some(parse_size(l)?),
        (None, Some(p)) => Some(SplitSize::Percent(
            p.parse()
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| format!("percentage is invalid: {p}"))?,
        )),
        _ => None,
    };
    Ok(SplitSpec {
        dir: if args.has('h') {
            Split::Horizontal
        } else {
            Split::Vertical
        },
        size,
        before: args.has('b'),
        detached: args.has('d'),
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// Returns the current window's panes as `left,top:WxH`, `*` marking the active one.
    fn places(h: &mut Harness) -> Vec<String> {
        let out = h.ok(
            "list-panes -F '#{pane_left},#{pane_top}:#{pane_width}x#{pane_height}#{?pane_active,*,}'",
        );
        out.lines().map(String::from).collect()
    }

    /// Returns the size a pane's PTY was last given.
    fn pty(h: &Harness, pane: u32) -> Option<(u16, u16)> {
        h.fake.pane(PaneId(pane)).size.map(|s| (s.cols, s.rows))
    }

    // The places below are those tmux 3.3a gives for the same commands.

    #[test]
    fn a_split_halves_the_pane_and_the_new_one_becomes_active() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("split-window -h"), "");
        assert_eq!(places(&mut h), ["0,0:40x24", "41,0:39x24*"]);
        assert_eq!(pty(&h, 0), Some((40, 24)));
        assert_eq!(pty(&h, 1), Some((39, 24)));
        h.ok("splitw");
        assert_eq!(places(&mut h), ["0,0:40x24", "41,0:39x12", "41,13:39x11*"]);
    }

    #[test]
    fn size_and_before_place_the_new_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -h");
        h.ok("split-window -v -l 5");
        assert_eq!(places(&mut h), ["0,0:40x24", "41,0:39x18", "41,19:39x5*"]);
        h.ok("split-window -b -h -l 30%");
        assert_eq!(
            places(&mut h),
            ["0,0:40x24", "41,0:39x18", "41,19:11x5*", "53,19:27x5"]
        );
        h.ok("split-window -t 0 -p 25");
        assert_eq!(places(&mut h)[..2], ["0,0:40x17", "0,18:40x6*"]);
    }

    #[test]
    fn detached_keeps_the_active_pane_and_print_names_the_new_one() {
        let mut h = Harness::with_session();
        assert_eq!(h.ok("split-window -d -P"), "work:0.1\n");
        assert_eq!(h.ok("display -p '#{pane_index}'"), "0\n");
        assert_eq!(
            h.ok("split-window -d -t 0 -P -F '#{pane_index}:#{pane_id}:#{pane_active}'"),
            "1:%2:0\n"
        );
    }

    #[test]
    fn the_new_pane_runs_the_command_in_the_directory_given() {
        let mut h = Harness::with_session();
        h.ok("split-window -c /tmp 'tail -f log'");
        let spec = h.fake.pane(PaneId(1)).spawned[0].clone();
        assert_eq!(spec.program, PathBuf::from("/bin/sh"));
        assert_eq!(spec.args, ["-c", "tail -f log"]);
        assert_eq!(spec.cwd, PathBuf::from("/tmp"));
        assert!(spec
            .env
            .contains(&("MUX_PANE".to_string(), "%1".to_string())));
        // A directory may be a format, such as the current pane's path.
        h.fake.log().panes.entry(PaneId(1)).or_default().cwd = Some("/usr".into());
        h.ok("split-window -c '#{pane_current_path}'");
        assert_eq!(h.fake.pane(PaneId(2)).spawned[0].cwd, PathBuf::from("/usr"));
    }

    #[test]
    fn zoom_zooms_the_window_on_the_new_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window -h -Z");
        assert_eq!(
            h.ok("display -p '#{window_zoomed_flag} #{pane_index}'"),
            "1 1\n"
        );
        assert_eq!(pty(&h, 1), Some((80, 24)));
        // A split of a zoomed window without -Z unzooms it.
        h.ok("split-window");
        assert_eq!(h.ok("display -p '#{window_zoomed_flag}'"), "0\n");
    }

    #[test]
    fn a_pane_too_small_to_split_is_refused_and_nothing_starts() {
        let mut h = Harness::new();
        h.ok("new-session -d -s tiny -x 10 -y 2");
        assert_eq!(h.err("split-window"), "no space for new pane");
        assert_eq!(h.panes(), [PaneId(0)]);
        assert!(h.fake.pane(PaneId(1)).spawned.is_empty());
        assert_eq!(h.err("split-window -l x"), "size is invalid: x");
        assert_eq!(h.err("split-window -t %5"), "can't find pane: %5");
    }

    #[test]
    fn a_program_that_cannot_start_leaves_the_layout_as_it_was() {
        let mut h = Harness::with_session();
        h.fake.log().fail_next_spawn = Some("out of ptys".into());
        assert_eq!(h.err("split-window"), "/bin/sh: out of ptys");
        assert_eq!(places(&mut h), ["0,0:80x24*"]);
    }

    #[test]
    fn the_split_keys_split_the_active_pane_for_an_attached_client() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 80, 25);
        h.keys(c, "C-b %");
        assert_eq!(places(&mut h), ["0,0:40x24", "41,0:39x24*"]);
        h.keys(c, "C-b \"");
        assert_eq!(places(&mut h), ["0,0:40x24", "41,0:39x12", "41,13:39x11*"]);
        h.type_text(c, "hi");
        assert_eq!(h.take_bytes(PaneId(2)), b"hi");
    }
}
