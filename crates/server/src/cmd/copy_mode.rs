//! `copy-mode`: enter copy mode on a pane (`C-b [`): `-u` scrolls a page up at once
//! (`C-b PgUp`), `-e` leaves when scrolled back to the bottom, `-H` hides the position
//! indicator, `-q` leaves copy mode instead.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::copy::commands;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "copy-mode",
    alias: None,
    flags: "eHMqt:u",
    usage: "[-eHMqu] [-t target-pane]",
    args: (0, 0),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// Runs copy-mode.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if args.has('M') {
        return super::mouse::start_selection(state, ctx);
    }
    let pane = ctx.target()?.pane;
    if args.has('q') {
        commands::leave(state, pane);
        return Ok(Outcome::Done);
    }
    let entered = commands::enter(state, pane);
    if let Some(c) = state.panes.get_mut(&pane).and_then(|p| p.copy.as_mut()) {
        if entered {
            c.exit_at_bottom = args.has('e');
        }
        c.hide_position |= args.has('H');
    }
    if args.has('u') {
        commands::run(state, pane, "page-up", &[], 1)?;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    /// A session whose pane printed `n` numbered lines, with a client attached at 40x10.
    fn printed(n: usize) -> (Harness, crate::ids::ClientId) {
        let mut h = Harness::with_session();
        let text: String = (1..=n).map(|i| format!("line {i}\r\n")).collect();
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(0), &text);
        (h, c)
    }

    #[test]
    fn prefix_bracket_enters_copy_mode_and_shows_the_position() {
        let (mut h, c) = printed(50);
        h.keys(c, "C-b [");
        let screen = h.screen(c);
        assert!(screen[0].ends_with("[0/42]"), "{screen:?}");
        assert_eq!(
            h.ok("display -p '#{pane_in_mode} #{pane_mode}'"),
            "1 copy-mode\n"
        );
        h.keys(c, "C-b PPage");
        assert!(h.screen(c)[0].ends_with("[7/42]"), "{:?}", h.screen(c));
        h.keys(c, "q");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
    }

    #[test]
    fn keys_in_copy_mode_never_reach_the_program() {
        let (mut h, c) = printed(5);
        h.fake.take_input(PaneId(0));
        h.keys(c, "C-b [");
        h.type_text(c, "zzz");
        h.keys(c, "Up Up");
        assert_eq!(h.fake.take_input(PaneId(0)), "");
    }

    #[test]
    fn vi_keys_search_select_and_copy_three_lines() {
        let (mut h, c) = printed(5000);
        h.ok("set -g mode-keys vi");
        h.ok("set -g history-limit 10000");
        h.keys(c, "C-b [");
        h.keys(c, "?");
        h.type_text(c, "line 4000");
        h.keys(c, "Enter");
        assert_eq!(h.ok("display -p '#{copy_cursor_line}'"), "line 4000\n");
        assert!(h.screen(c)[0].contains("results)"), "{:?}", h.screen(c)[0]);
        h.keys(c, "V j j Enter");
        assert_eq!(h.ok("show-buffer"), "line 4000\nline 4001\nline 4002\n");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
    }

    #[test]
    fn search_present_is_1_only_while_a_search_found_something() {
        let (mut h, _) = printed(50);
        h.ok("copy-mode");
        let present =
            |h: &mut Harness| h.ok("display -p '#{search_present} #{pane_search_string}'");
        assert_eq!(present(&mut h), "0 \n");
        h.ok("send -X search-backward zzz");
        assert_eq!(
            present(&mut h),
            "0 zzz\n",
            "nothing found: as tmux, nothing present"
        );
        h.ok("send -X search-backward 'line 4'");
        assert_eq!(present(&mut h), "1 line 4\n");
    }

    #[test]
    fn a_typed_count_repeats_the_next_key_with_vi_and_emacs_keys() {
        let (mut h, c) = printed(50);
        h.ok("set -g mode-keys vi");
        h.keys(c, "C-b [");
        let line = |h: &mut Harness| h.ok("display -p '#{copy_cursor_line}'");
        h.keys(c, "5 k");
        assert_eq!(line(&mut h), "line 46\n");
        assert!(!h.status_line(c).contains("(repeat)"), "the prompt closed");
        h.keys(c, "1 2 k");
        assert_eq!(line(&mut h), "line 34\n");
        h.keys(c, "3 j");
        assert_eq!(line(&mut h), "line 37\n");
        h.keys(c, "q");
        h.ok("set -g mode-keys emacs");
        h.keys(c, "C-b [");
        h.keys(c, "M-3 C-p");
        assert_eq!(line(&mut h), "line 48\n");
    }

    #[test]
    fn send_keys_to_a_pane_in_copy_mode_goes_through_its_table() {
        let (mut h, _c) = printed(50);
        h.ok("set -g mode-keys vi");
        h.ok("copy-mode");
        h.fake.take_input(PaneId(0));
        let y = |h: &mut Harness| h.ok("display -p '#{copy_cursor_y}'");
        let before: i32 = y(&mut h).trim().parse().unwrap();
        h.ok("send-keys k");
        h.ok("send-keys -N 2 k");
        assert_eq!(y(&mut h).trim().parse::<i32>().unwrap(), before - 3);
        h.ok("send-keys zZ");
        h.ok("send-keys q");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
        assert_eq!(
            h.fake.take_input(PaneId(0)),
            "",
            "the program saw none of it"
        );
        h.ok("send-keys q");
        assert_eq!(
            h.fake.take_input(PaneId(0)),
            "q",
            "out of copy mode keys go through"
        );
    }

    #[test]
    fn copy_line_takes_the_newline_with_vi_keys_only() {
        let (mut h, _c) = printed(5);
        h.ok("set -g mode-keys vi");
        h.ok("copy-mode");
        h.ok("send -X history-top");
        h.ok("send -X copy-line");
        assert_eq!(h.ok("show-buffer"), "line 1\n");
        h.ok("send -X cancel");
        h.ok("set -g mode-keys emacs");
        h.ok("copy-mode");
        h.ok("send -X history-top");
        h.ok("send -X copy-line");
        assert_eq!(h.ok("show-buffer"), "line 1");
        h.ok("send -X cursor-right");
        h.ok("send -X copy-end-of-line");
        assert_eq!(h.ok("show-buffer"), "ine 1");
    }

    #[test]
    fn a_buffer_name_given_to_a_copy_is_a_prefix_and_pipe_copies_nothing() {
        let (mut h, _c) = printed(5);
        h.ok("copy-mode");
        h.ok("send -X history-top");
        h.ok("send -X select-line");
        h.ok("send -X copy-selection-no-clear clip");
        h.ok("send -X copy-pipe-no-clear 'cat >/dev/null' clip");
        let names = h.ok("list-buffers -F '#{buffer_name}'");
        assert_eq!(names, "clip1\nclip0\n", "two buffers, numbered as tmux");
        h.ok("send -X pipe-and-cancel 'wc -l'");
        let piped = h.fake.log().piped.clone();
        assert_eq!(
            piped.last(),
            Some(&("wc -l".to_string(), "line 1".to_string()))
        );
        assert_eq!(
            h.ok("list-buffers -F '#{buffer_name}'"),
            names,
            "no new buffer"
        );
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
    }

    #[test]
    fn the_selection_and_rectangle_formats_say_where_it_is() {
        let (mut h, _c) = printed(5);
        h.ok("copy-mode");
        let fmt = "'#{selection_start_x},#{selection_start_y} #{selection_end_x},#{selection_end_y} #{rectangle_toggle}'";
        assert_eq!(h.ok(&format!("display -p {fmt}")), ", , 0\n");
        h.ok("send -X history-top");
        h.ok("send -X cursor-down");
        h.ok("send -X begin-selection");
        h.ok("send -X cursor-right");
        h.ok("send -X cursor-down");
        h.ok("send -X rectangle-toggle");
        assert_eq!(h.ok(&format!("display -p {fmt}")), "0,1 1,2 1\n");
    }

    #[test]
    fn edges_of_the_view_go_to_column_0_and_only_scrolling_ends_copy_mode_e() {
        let (mut h, _c) = printed(30);
        h.ok("copy-mode -e");
        h.ok("send -X scroll-up");
        h.ok("send -X cursor-right");
        h.ok("send -X top-line");
        assert_eq!(h.ok("display -p '#{copy_cursor_x}'"), "0\n");
        h.ok("send -X history-bottom");
        assert_eq!(
            h.ok("display -p '#{pane_in_mode}'"),
            "1\n",
            "moving the cursor to the bottom is not scrolling"
        );
        h.ok("send -X -N 30 cursor-up");
        h.ok("send -X -N 30 scroll-down");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
    }

    #[test]
    fn page_down_and_cancel_leaves_at_the_bottom() {
        let (mut h, _c) = printed(30);
        h.ok("copy-mode");
        h.ok("send -X page-up");
        h.ok("send -X page-down-and-cancel");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
        h.ok("copy-mode");
        h.ok("send -X -N 3 cursor-up");
        h.ok("send -X cursor-down-and-cancel");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "1\n", "it moved");
        h.ok("send -X history-bottom");
        h.ok("send -X cursor-down-and-cancel");
        assert_eq!(
            h.ok("display -p '#{pane_in_mode}'"),
            "0\n",
            "it could not move"
        );
    }

    #[test]
    fn emacs_keys_select_with_c_space_and_copy_with_m_w() {
        let (mut h, c) = printed(20);
        h.ok("set -g mode-keys emacs");
        h.keys(c, "C-b [ M-< C-Space C-f C-f C-f C-f M-w");
        assert_eq!(h.ok("show-buffer"), "line");
    }

    #[test]
    fn a_copy_reaches_the_clients_clipboard() {
        let (mut h, c) = printed(3);
        h.take_messages(c);
        h.ok("copy-mode");
        h.ok("send -X history-top");
        h.ok("send -X select-line");
        h.ok("send -X copy-selection-and-cancel");
        let clip: Vec<_> = h
            .take_messages(c)
            .into_iter()
            .filter_map(|m| match m {
                mux_protocol::ServerMsg::Clipboard(b) => Some(b),
                _ => None,
            })
            .collect();
        assert_eq!(clip, [crate::model::base64::encode(b"line 1")]);
    }

    #[test]
    fn copy_mode_e_leaves_at_the_bottom_and_q_leaves_at_once() {
        let (mut h, _c) = printed(30);
        h.ok("copy-mode -e");
        h.ok("send -X scroll-up");
        h.ok("send -X scroll-down");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
        h.ok("copy-mode");
        h.ok("copy-mode -q");
        assert_eq!(h.ok("display -p '#{pane_in_mode}'"), "0\n");
        assert_eq!(h.err("send -X cursor-up"), "not in a mode");
    }

    #[test]
    fn copy_pipe_gives_the_text_to_a_command() {
        let (mut h, _c) = printed(3);
        h.ok("copy-mode");
        h.ok("send -X history-top");
        h.ok("send -X select-line");
        h.ok("send -X copy-pipe-and-cancel 'cat > /tmp/x'");
        assert_eq!(
            h.fake.log().piped,
            [("cat > /tmp/x".to_string(), "line 1".to_string())]
        );
    }

    #[test]
    fn a_vi_editor_makes_vi_keys_the_default() {
        let mut h = Harness::new();
        crate::server::vi_keys_for_editor(&mut h.state, "/usr/bin/nvim");
        h.ok("new-session -d -s work");
        assert_eq!(h.ok("show -gwv mode-keys"), "vi\n");
        let mut h = Harness::new();
        crate::server::vi_keys_for_editor(&mut h.state, "emacs -nw");
        h.ok("new-session -d -s work");
        assert_eq!(h.ok("show -gwv mode-keys"), "emacs\n");
    }
}
