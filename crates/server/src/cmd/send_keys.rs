//! `send-keys` (`send`): type keys into a pane: key names (`Enter`, `C-c`, `M-x`, `Up`, `F1`)
//! are encoded for the pane's modes, other words are sent as text; `-l` sends all as text and
//! `-H` takes each word as a byte in hexadecimal.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::config::keyname::{send_keys_items, SendItem};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "send-keys",
    alias: Some("send"),
    flags: "FHlMN:Rt:X",
    usage: "[-FHlMRX] [-N repeat-count] [-t target-pane] key ...",
    args: (0, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// The largest `-N` taken, so a typo cannot make the server build a huge write.
const MAX_REPEAT: usize = 10_000;

/// Runs send-keys; `-N` repeats the whole sequence, `-R` resets the pane's terminal first.
/// With synchronize-panes on, every pane of the window gets the keys, as in tmux. `-X` runs
/// a copy-mode command (with `-F`, its arguments are formats); `-M` passes on the mouse
/// event a binding runs for.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    if args.has('M') {
        return super::mouse::forward(state, ctx);
    }
    let f = ctx.target()?;
    let repeat = match args.value('N') {
        Some(n) => match n.parse::<usize>() {
            Ok(0) => return Err("repeat count too small".into()),
            Ok(n) if n > MAX_REPEAT => return Err("repeat count too large".into()),
            Ok(n) => n,
            Err(_) => return Err("repeat count invalid".into()),
        },
        None => 1,
    };
    if !state.panes.contains_key(&f.pane) {
        return Err("no such pane".into());
    }
    let in_copy_mode = state.panes.get(&f.pane).is_some_and(|p| p.copy.is_some());
    if in_copy_mode && args.positional.is_empty() && args.has('N') {
        // A count with no key repeats the next copy-mode command (vi's `3j`).
        if let Some(c) = state.panes.get_mut(&f.pane).and_then(|p| p.copy.as_mut()) {
            c.prefix = Some(repeat);
        }
        return Ok(Outcome::Done);
    }
    if args.has('X') {
        return copy_command(state, ctx, f, args, repeat);
    }
    if in_copy_mode && !args.has('H') {
        return through_copy_table(state, ctx, f, args, repeat);
    }
    if args.has('R') {
        if let Some(pane) = state.panes.get_mut(&f.pane) {
            pane.term.process(b"\x1bc");
        }
        state.mark_session_dirty(f.session);
    }
    let hex: Option<Vec<u8>> = args
        .has('H')
        .then(|| args.positional.iter().filter_map(|w| hex_byte(w)).collect());
    let targets = crate::model::keys::input_targets(state, f.session, f.window, f.pane);
    for id in targets {
        let Some(pane) = state.panes.get(&id) else {
            continue;
        };
        if id != f.pane && pane.exit_status.is_some() {
            continue;
        }
        let bytes = match &hex {
            Some(bytes) => bytes.clone(),
            None => encode(pane, args),
        };
        pane.write(bytes.repeat(repeat));
    }
    Ok(Outcome::Done)
}

/// Runs `send-keys -X NAME ARGS`: a copy-mode command on a pane in copy mode.
fn copy_command(
    state: &mut State,
    ctx: &mut Ctx,
    f: super::target::Found,
    args: &Args,
    repeat: usize,
) -> Result<Outcome, String> {
    let (name, rest) = args
        .positional
        .split_first()
        .ok_or("no copy-mode command given")?;
    let rest: Vec<String> = if args.has('F') {
        let scope = super::scope(ctx, f);
        rest.iter()
            .map(|a| crate::model::vars::expand(state, scope, a))
            .collect()
    } else {
        rest.to_vec()
    };
    super::mouse::before_copy_command(state, ctx, f.pane, name);
    crate::model::copy::commands::run(state, f.pane, name, &rest, repeat)?;
    Ok(Outcome::Done)
}

/// Sends keys to a pane in copy mode as tmux does: each key runs what the copy-mode table
/// (of the window's `mode-keys`) binds it to, on that pane; an unbound key does nothing, and
/// the program underneath never sees them.
fn through_copy_table(
    state: &mut State,
    ctx: &mut Ctx,
    f: super::target::Found,
    args: &Args,
    repeat: usize,
) -> Result<Outcome, String> {
    let table = match state
        .options
        .window(f.window, "mode-keys")
        .as_text()
        .as_str()
    {
        "vi" => "copy-mode-vi",
        _ => "copy-mode",
    };
    let mut lines = Vec::new();
    for item in send_keys_items(&args.positional, args.has('l')) {
        let keys: Vec<mux_protocol::Key> = match item {
            SendItem::Key(key) => vec![key],
            SendItem::Text(text) => text.chars().map(plain_key).collect(),
        };
        for key in keys {
            if let Some(b) = state.keys.get(table, key) {
                lines.push(b.command.clone());
            }
        }
    }
    ctx.current = Some(f);
    for _ in 0..repeat {
        for line in &lines {
            ctx.run_line_next(state, line)?;
        }
    }
    Ok(Outcome::Done)
}

/// Returns the key that types character `c`.
fn plain_key(c: char) -> mux_protocol::Key {
    mux_protocol::Key {
        code: mux_protocol::KeyCode::Char(c),
        mods: mux_protocol::Mods::NONE,
    }
}

/// Encodes the words for a pane: key names for its modes, other words (or all with `-l`)
/// as text.
fn encode(pane: &crate::model::pane::Pane, args: &Args) -> Vec<u8> {
    let mut bytes = Vec::new();
    for item in send_keys_items(&args.positional, args.has('l')) {
        match item {
            SendItem::Key(key) => bytes.extend(pane.term.encode_key(key)),
            SendItem::Text(text) => bytes.extend_from_slice(text.as_bytes()),
        }
    }
    bytes
}

/// Parses a `-H` word, a byte in hexadecimal; tmux skips words that are not one.
fn hex_byte(word: &str) -> Option<u8> {
    u8::from_str_radix(word, 16).ok()
}

#[cfg(test)]
mod tests {
    use crate::ids::PaneId;
    use crate::testing::Harness;

    #[test]
    fn key_names_are_encoded_and_other_words_are_sent_as_text() {
        let mut h = Harness::with_session();
        h.ok("send-keys 'echo hi' Enter");
        assert_eq!(h.take_bytes(PaneId(0)), b"echo hi\r");
        h.ok("send-keys C-a M-x Up F1 BSpace Tab Escape C-Space");
        assert_eq!(
            h.take_bytes(PaneId(0)),
            b"\x01\x1bx\x1b[A\x1bOP\x7f\t\x1b\x00"
        );
        h.ok("send-keys 'a b' Space c");
        assert_eq!(h.take_bytes(PaneId(0)), b"a b c");
    }

    #[test]
    fn cursor_keys_follow_the_panes_application_cursor_mode() {
        let mut h = Harness::with_session();
        h.output(PaneId(0), "\x1b[?1h");
        h.ok("send-keys Up Left");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x1bOA\x1bOD");
        h.output(PaneId(0), "\x1b[?1l");
        h.ok("send-keys Up");
        assert_eq!(h.take_bytes(PaneId(0)), b"\x1b[A");
    }

    #[test]
    fn literal_sends_key_names_as_text_and_repeat_repeats_everything() {
        let mut h = Harness::with_session();
        h.ok("send-keys -l C-a Enter");
        assert_eq!(h.take_bytes(PaneId(0)), b"C-aEnter");
        h.ok("send-keys -N 3 x Enter");
        assert_eq!(h.take_bytes(PaneId(0)), b"x\rx\rx\r");
    }

    #[test]
    fn hex_words_are_bytes_and_words_that_are_not_are_skipped() {
        // tmux 3.3a: `send-keys -H 41 42 zz 100 4` sends "AB\x04".
        let mut h = Harness::with_session();
        h.ok("send-keys -H 41 42 zz 100 4");
        assert_eq!(h.take_bytes(PaneId(0)), b"AB\x04");
    }

    #[test]
    fn keys_go_to_the_target_pane() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("send-keys -t %0 first");
        h.ok("send-keys -t work:0.1 second");
        assert_eq!(h.take_bytes(PaneId(0)), b"first");
        assert_eq!(h.take_bytes(PaneId(1)), b"second");
        assert_eq!(h.err("send-keys -t %7 x"), "can't find pane: %7");
    }

    #[test]
    fn synchronized_panes_all_get_the_keys() {
        let mut h = Harness::with_session();
        h.ok("split-window");
        h.ok("new-window -d");
        h.ok("set -w synchronize-panes on");
        h.ok("send-keys -t %0 ls Enter");
        assert_eq!(h.take_bytes(PaneId(0)), b"ls\r");
        assert_eq!(h.take_bytes(PaneId(1)), b"ls\r");
        assert_eq!(h.take_bytes(PaneId(2)), b"");
    }

    #[test]
    fn bad_repeat_counts_are_refused_as_tmux_words_it() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("send-keys -N 0 x"), "repeat count too small");
        assert_eq!(h.err("send-keys -N x x"), "repeat count invalid");
        assert_eq!(h.err("send-keys -N 100000 x"), "repeat count too large");
        assert_eq!(h.take_bytes(PaneId(0)), b"");
    }

    #[test]
    fn copy_mode_commands_are_refused_rather_than_typed() {
        let mut h = Harness::with_session();
        assert_eq!(h.err("send-keys -X cancel"), "not in a mode");
        assert_eq!(h.take_bytes(PaneId(0)), b"");
    }

    #[test]
    fn reset_clears_the_panes_screen() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 10);
        h.output(PaneId(0), "hello");
        assert_eq!(h.screen(c)[0], "hello");
        h.ok("send-keys -R");
        assert_eq!(h.screen(c)[0], "");
        assert_eq!(h.client_screen(c).cursor, (0, 0, true));
    }
}
