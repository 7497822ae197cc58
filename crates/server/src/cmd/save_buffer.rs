//! `save-buffer` (`saveb`): write a paste buffer to a file (`-a` appends), or to standard
//! output with `-`. A relative path is the client's working directory's; a new file is
//! made readable by its owner only, as tmux does.

use std::io::Write;

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "save-buffer",
    alias: Some("saveb"),
    flags: "ab:",
    usage: "[-a] [-b buffer-name] path",
    args: (1, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// The most a buffer sent to standard output may hold: the client's queue of messages is
/// short, so more would not all reach it.
const STDOUT_LIMIT: usize = 64 << 20;

/// Runs save-buffer.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let path = args.positional.first().ok_or("no path")?;
    let buffer = match args.value('b') {
        Some(name) => state
            .buffers
            .get(Some(name))
            .ok_or(format!("no buffer {name}"))?,
        None => state.buffers.get(None).ok_or("no buffers")?,
    };
    if path == "-" {
        if buffer.data.len() > STDOUT_LIMIT {
            return Err("buffer too large for standard output: save it to a file".into());
        }
        ctx.out.push_str(&buffer.data);
        return Ok(Outcome::Done);
    }
    let full = super::client_path(state, ctx, path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true);
    if args.has('a') {
        options.append(true);
    } else {
        options.truncate(true);
    }
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let describe = |e: std::io::Error| format!("{path}: {}", crate::model::ops::describe(&e));
    let mut file = options.open(&full).map_err(describe)?;
    file.write_all(buffer.data.as_bytes()).map_err(describe)?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_buffer_is_written_appended_and_printed() {
        let mut h = Harness::new();
        let dir = std::env::temp_dir().join(format!("mux-saveb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("out.txt");
        h.ok("set-buffer one");
        h.ok(&format!("save-buffer {}", file.display()));
        h.ok("set-buffer two");
        h.ok(&format!("save-buffer -a {}", file.display()));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "onetwo");
        assert_eq!(h.ok("save-buffer -"), "two");
        assert_eq!(h.err("save-buffer -b nope -"), "no buffer nope");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
