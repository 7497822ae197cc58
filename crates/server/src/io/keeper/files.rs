//! Checkpoint record files in the keep directory: written whole to a temporary file (mode
//! 0600) and renamed into place, so a reader sees the old record or the new one, never half
//! of one; each opens with a magic number, the payload's length and a checksum, so a damaged
//! record is refused rather than misread.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The first bytes of every record.
const MAGIC: &[u8; 4] = b"mxc1";

/// The header: magic, payload length (u64 LE), FNV-1a of the payload (u64 LE).
const HEADER: usize = 4 + 8 + 8;

/// The largest record read back, in bytes.
const MAX_RECORD: u64 = 1 << 30;

/// The name of the session tree's record.
pub const TREE: &str = "tree";

/// Returns the name of pane `id`'s record.
pub fn pane_name(id: u32) -> String {
    format!("p-{id}")
}

/// Returns the 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Writes record `name` with `payload`, replacing the one there.
pub fn write(dir: &Path, name: &str, payload: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!("{name}.tmp"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    let mut header = [0u8; HEADER];
    header[..4].copy_from_slice(MAGIC);
    header[4..12].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    header[12..20].copy_from_slice(&fnv1a(payload).to_le_bytes());
    file.write_all(&header)?;
    file.write_all(payload)?;
    drop(file);
    std::fs::rename(&tmp, dir.join(name))
}

/// Reads record `name` back: its payload, or why it cannot be used.
pub fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    let path = dir.join(name);
    let meta = std::fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
    if !meta.is_file() || meta.len() > MAX_RECORD {
        return Err(format!("{} is not a record", path.display()));
    }
    let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
    let (header, payload) = bytes.split_at_checked(HEADER).ok_or("record too short")?;
    let len = u64::from_le_bytes(header[4..12].try_into().map_err(|_| "bad header")?);
    let sum = u64::from_le_bytes(header[12..20].try_into().map_err(|_| "bad header")?);
    if &header[..4] != MAGIC || len != payload.len() as u64 || sum != fnv1a(payload) {
        return Err(format!("{} is damaged", path.display()));
    }
    Ok(payload.to_vec())
}

/// Removes record `name`.
pub fn remove(dir: &Path, name: &str) {
    let _ = std::fs::remove_file(dir.join(name));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_and_damage_is_refused() {
        let dir = std::env::temp_dir().join(format!("mux-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        write(&dir, "p-3", b"payload bytes").unwrap();
        assert_eq!(read(&dir, "p-3").unwrap(), b"payload bytes");
        let path = dir.join("p-3");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(read(&dir, "p-3").is_err());
        std::fs::write(&path, b"mxc1").unwrap();
        assert!(read(&dir, "p-3").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
