//! `load-buffer` (`loadb`): read a file into a paste buffer (`-b` names it, `-w` also sends
//! it to the clients' clipboards). A relative path is the client's working directory's.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "load-buffer",
    alias: Some("loadb"),
    flags: "b:w",
    usage: "[-w] [-b buffer-name] path",
    args: (1, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs load-buffer.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let path = args.positional.first().ok_or("no path")?;
    if path == "-" {
        let c = state.clients.get_mut(&ctx.client).ok_or("no client")?;
        if c.session.is_some() {
            return Err("load-buffer -: an attached client has no standard input to read".into());
        }
        c.stdin = Some((args.value('b').map(String::from), Vec::new()));
        c.send(mux_protocol::ServerMsg::ReadStdin);
        return Ok(Outcome::Wait);
    }
    let full = super::client_path(state, ctx, path);
    let data =
        std::fs::read(&full).map_err(|e| format!("{path}: {}", crate::model::ops::describe(&e)))?;
    let text = String::from_utf8_lossy(&data).into_owned();
    let limit = state.options.server("buffer-limit").as_count().max(1);
    if args.has('w') {
        let encoded = crate::model::base64::encode(text.as_bytes());
        for c in state.clients.values().filter(|c| c.session.is_some()) {
            c.send(mux_protocol::ServerMsg::Clipboard(encoded.clone()));
        }
    }
    state.buffers.add(args.value('b'), text, limit);
    Ok(Outcome::Done)
}

/// The most standard input `load-buffer -` takes.
const STDIN_LIMIT: usize = 512 << 20;

/// Takes a piece of a client's standard input for `load-buffer -`; at the end, or past the
/// limit, the buffer is made (or the command fails) and the client is answered.
pub fn stdin(state: &mut State, client: crate::ids::ClientId, piece: Option<Vec<u8>>) {
    let Some(c) = state.clients.get_mut(&client) else {
        return;
    };
    let Some((_, data)) = c.stdin.as_mut() else {
        return;
    };
    if let Some(piece) = piece {
        if data.len() + piece.len() <= STDIN_LIMIT {
            data.extend_from_slice(&piece);
            return;
        }
        c.stdin = None;
        let message = "load-buffer: standard input is over 512 MiB".to_string();
        return super::finish_waiting(state, client, Some(message));
    }
    let Some((name, data)) = c.stdin.take() else {
        return;
    };
    let limit = state.options.server("buffer-limit").as_count().max(1);
    let text = String::from_utf8_lossy(&data).into_owned();
    state.buffers.add(name.as_deref(), text, limit);
    super::finish_waiting(state, client, None);
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_file_becomes_the_newest_buffer_and_a_missing_one_is_named() {
        let mut h = Harness::new();
        let dir = std::env::temp_dir().join(format!("mux-loadb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("in.txt");
        std::fs::write(&file, "from a file\n").unwrap();
        h.ok(&format!("load-buffer -b mine {}", file.display()));
        assert_eq!(h.ok("show-buffer -b mine"), "from a file\n");
        assert_eq!(
            h.err("load-buffer /no/such/file"),
            "/no/such/file: No such file or directory"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn standard_input_is_read_in_pieces_into_a_buffer() {
        use mux_protocol::{ClientMsg, ServerMsg};
        let mut h = Harness::new();
        let c = h.start("load-buffer -b piped -");
        assert!(h
            .take_messages(c)
            .iter()
            .any(|m| matches!(m, ServerMsg::ReadStdin)));
        h.send(c, ClientMsg::Stdin(b"first ".to_vec()));
        h.send(c, ClientMsg::Stdin(b"second".to_vec()));
        assert_eq!(h.reply_of(c).status, None, "still waiting for the end");
        h.send(c, ClientMsg::StdinEnd);
        assert_eq!(h.reply_of(c).status, Some(0));
        assert_eq!(h.ok("show-buffer -b piped"), "first second");
    }
}
