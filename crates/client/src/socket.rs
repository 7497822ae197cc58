//! Where the server's socket lives, and the safety checks on its directory (DESIGN decision 2).

use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

/// The socket name used when `-L` is not given.
const DEFAULT_NAME: &str = "default";

/// Returns the socket path for the global options: `-S` as is, otherwise `-L`'s name (or
/// `default`) in the per-user directory, which is created and checked first.
pub fn resolve(name: Option<&str>, path: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(path) = path {
        return Ok(path.to_path_buf());
    }
    let uid = nix::unistd::getuid().as_raw();
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
    let dir = default_dir(runtime.as_deref(), uid);
    ensure_dir(&dir, uid)?;
    Ok(dir.join(name.unwrap_or(DEFAULT_NAME)))
}

/// Returns the socket directory: `$XDG_RUNTIME_DIR/mux` when that variable names an existing
/// directory, else `/tmp/mux-UID`.
pub fn default_dir(runtime: Option<&Path>, uid: u32) -> PathBuf {
    match runtime {
        Some(dir) if !dir.as_os_str().is_empty() && dir.is_dir() => dir.join("mux"),
        _ => PathBuf::from(format!("/tmp/mux-{uid}")),
    }
}

/// Creates `dir` with mode 0700 when it is missing (never its parent), then checks it.
pub fn ensure_dir(dir: &Path, uid: u32) -> Result<(), String> {
    match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => {
            return Err(format!(
                "mux: couldn't create directory {} ({})",
                dir.display(),
                strerror(&e)
            ))
        }
    }
    check_dir(dir, uid)
}

/// Refuses a socket directory that is a symlink, not a directory, owned by a user other than
/// `uid`, or open to the group or others.
pub fn check_dir(dir: &Path, uid: u32) -> Result<(), String> {
    let shown = dir.display();
    let meta = std::fs::symlink_metadata(dir)
        .map_err(|e| format!("mux: couldn't access {shown} ({})", strerror(&e)))?;
    if meta.file_type().is_symlink() {
        return Err(format!("mux: {shown} is a symlink"));
    }
    if !meta.is_dir() {
        return Err(format!("mux: {shown} is not a directory"));
    }
    if meta.uid() != uid {
        return Err(format!("mux: {shown} is not owned by you"));
    }
    if meta.mode() & 0o077 != 0 {
        return Err(format!("mux: {shown} has unsafe permissions"));
    }
    Ok(())
}

/// Describes an I/O error as `strerror` would, without Rust's `(os error N)` suffix.
pub fn strerror(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(n) => nix::errno::Errno::from_raw(n).desc().to_string(),
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A fresh scratch directory under the system temp dir, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new() -> Scratch {
            static N: AtomicU32 = AtomicU32::new(0);
            let n = N.fetch_add(1, Ordering::Relaxed);
            let dir =
                std::env::temp_dir().join(format!("mux-client-test-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir(&dir).expect("create scratch dir");
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn me() -> u32 {
        nix::unistd::getuid().as_raw()
    }

    #[test]
    fn creates_a_private_directory() {
        let s = Scratch::new();
        let dir = s.0.join("mux");
        ensure_dir(&dir, me()).expect("created and accepted");
        let mode = std::fs::metadata(&dir)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
        ensure_dir(&dir, me()).expect("accepted again");
    }

    #[test]
    fn refuses_open_permissions() {
        let s = Scratch::new();
        std::fs::set_permissions(&s.0, std::fs::Permissions::from_mode(0o750)).expect("chmod");
        let err = check_dir(&s.0, me()).expect_err("refused");
        assert!(err.ends_with("has unsafe permissions"), "{err}");
    }

    #[test]
    fn refuses_a_symlink() {
        let s = Scratch::new();
        let real = s.0.join("real");
        ensure_dir(&real, me()).expect("real dir");
        let link = s.0.join("link");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let err = check_dir(&link, me()).expect_err("refused");
        assert_eq!(err, format!("mux: {} is a symlink", link.display()));
    }

    #[test]
    fn refuses_a_file_and_another_owner() {
        let s = Scratch::new();
        let file = s.0.join("file");
        std::fs::write(&file, b"").expect("file");
        assert!(check_dir(&file, me())
            .expect_err("file")
            .ends_with("is not a directory"));
        let dir = s.0.join("dir");
        ensure_dir(&dir, me()).expect("dir");
        let err = check_dir(&dir, me().wrapping_add(1)).expect_err("owner");
        assert!(err.ends_with("is not owned by you"), "{err}");
    }

    #[test]
    fn default_dir_prefers_an_existing_runtime_dir() {
        let s = Scratch::new();
        assert_eq!(default_dir(Some(&s.0), 7), s.0.join("mux"));
        let missing = s.0.join("missing");
        assert_eq!(default_dir(Some(&missing), 7), PathBuf::from("/tmp/mux-7"));
        assert_eq!(default_dir(None, 7), PathBuf::from("/tmp/mux-7"));
    }

    #[test]
    fn socket_path_is_used_as_is() {
        let p = resolve(Some("x"), Some(Path::new("rel/sock"))).expect("path");
        assert_eq!(p, PathBuf::from("rel/sock"));
    }
}
