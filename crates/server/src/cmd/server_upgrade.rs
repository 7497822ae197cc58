//! `server-upgrade [BINARY]`: hand the running server over to another binary (a new build,
//! just installed) without ending a session. The server writes a full checkpoint, tells
//! attached clients to attach again, and replaces itself with `BINARY __server`, which adopts
//! the programs from the keeper and the state from the checkpoint (see `survival.rs`).
//!
//! From the command line the client sends its own binary (`mux server-upgrade` after
//! installing a new `mux` hands over to it), through a handshake every version of the
//! server understands; from a key binding or the prompt, the binary is the server's own
//! file as it is now on disk.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::state::State;
use crate::model::upgrade::Upgrade;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "server-upgrade",
    alias: None,
    flags: "",
    usage: "[binary]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Checks the binary and records the hand-over for the event loop, which carries it out
/// after the batch; a command client waits for its answer until then.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let exe = match args.positional.first() {
        Some(path) => PathBuf::from(path),
        None => own_binary()?,
    };
    check(&exe)?;
    let env = state
        .clients
        .get(&ctx.client)
        .map(|c| c.env.clone())
        .unwrap_or_default();
    state.upgrade = Some(Upgrade {
        exe,
        client: ctx.client,
        env,
    });
    let command_client = state
        .clients
        .get(&ctx.client)
        .is_some_and(|c| c.session.is_none());
    Ok(if command_client {
        Outcome::Wait
    } else {
        Outcome::Done
    })
}

/// Returns the server's own binary as it is on disk now (a new build installed over it).
fn own_binary() -> Result<PathBuf, String> {
    let exe =
        std::env::current_exe().map_err(|e| format!("can't find the server's binary: {e}"))?;
    let text = exe.to_string_lossy();
    Ok(match text.strip_suffix(" (deleted)") {
        Some(path) => PathBuf::from(path),
        None => exe,
    })
}

/// Refuses what cannot be the binary to hand over to.
fn check(exe: &std::path::Path) -> Result<(), String> {
    if !exe.is_absolute() {
        return Err(format!("{}: not an absolute path", exe.display()));
    }
    let meta = std::fs::metadata(exe).map_err(|e| format!("{}: {e}", exe.display()))?;
    if !meta.is_file() || meta.permissions().mode() & 0o111 == 0 {
        return Err(format!("{}: not an executable file", exe.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn server_upgrade_records_the_hand_over_for_the_loop() {
        let mut h = Harness::with_session();
        let c = h.start("server-upgrade /bin/sh");
        let up = h.state.upgrade.take().expect("a hand-over");
        assert_eq!(up.exe, std::path::PathBuf::from("/bin/sh"));
        assert_eq!(up.client, c);
        // The client waits for the hand-over's outcome (see survival.rs).
        crate::cmd::finish_waiting(&mut h.state, c, Some("it failed".into()));
        let reply = h.reply_of(c);
        assert_eq!(reply.stderr, "it failed\n");
        assert_eq!(reply.status, Some(1));
        assert_eq!(
            h.err("server-upgrade /nonexistent/mux"),
            "/nonexistent/mux: No such file or directory (os error 2)"
        );
        assert_eq!(
            h.err("server-upgrade /etc/passwd"),
            "/etc/passwd: not an executable file"
        );
        assert_eq!(h.err("server-upgrade mux"), "mux: not an absolute path");
        assert!(h.state.upgrade.is_none());
    }
}
