//! Where the config file is when `-f` does not say: `$XDG_CONFIG_HOME/mux/mux.conf` (found
//! through `directories`, `~/.config/mux/mux.conf` on Linux), else `~/.mux.conf`.

use std::path::PathBuf;

/// Returns the default config file that exists, if any.
pub fn default_file() -> Option<PathBuf> {
    candidates().into_iter().find(|p| p.is_file())
}

/// Returns the default config files in the order they are looked for.
fn candidates() -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Some(dirs) = directories::BaseDirs::new() {
        files.push(dirs.config_dir().join("mux").join("mux.conf"));
        files.push(dirs.home_dir().join(".mux.conf"));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xdg_file_comes_before_the_home_file() {
        let files = candidates();
        assert_eq!(files.len(), 2);
        assert!(files[0].ends_with("mux/mux.conf"));
        assert!(files[1].ends_with(".mux.conf"));
    }
}
